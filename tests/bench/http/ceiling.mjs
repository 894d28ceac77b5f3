/**
 * The machine's ceiling for `npm run bench:http` (see run.mjs): a bare node:http server that
 * answers every request with the same bytes and headers, those of the sign-in page as the
 * bench fetched it once. Started by run.mjs with fork(), in a process of its own so that it
 * does not share an event loop with the load generator; it reports its port over IPC.
 *
 * argv: <path of a JSON file { headers: {name: value}, bodyFile: path }>
 */
import { readFileSync } from "node:fs";
import http from "node:http";

const spec = JSON.parse(readFileSync(process.argv[2], "utf8"));
const body = readFileSync(spec.bodyFile);
const headers = { ...spec.headers, "content-length": String(body.byteLength) };

const server = http.createServer((req, res) => {
  // Read (and drop) any request body, then answer.
  req.resume();
  req.on("end", () => {
    res.writeHead(200, headers);
    res.end(body);
  });
});
server.keepAliveTimeout = 5_000;
server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: server.address().port });
});
process.on("disconnect", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
