#!/usr/bin/env node
/**
 * Memory benchmark (part of `npm run bench`; alone: `node tests/bench/memory.mjs`).
 *
 * Builds the app, starts the production server (build/server.js, with the node flags of
 * `npm run serve`) on loopback with a fresh demo database, signs in as the demo teacher and
 * reads one relay log READS times (each read renders the page, compressed, and writes an
 * access-log row), a few requests at a time. A probe preloaded into the server
 * (memory-probe.cjs, answering over IPC) reports the server's own heapUsed, heapTotal and
 * external memory beside its resident memory (RSS, from /proc). It prints them at boot,
 * after a warm-up, every READS/20 reads, at the last read and after 20 s at rest, plus the
 * highest RSS seen (sampled every 200 ms), and writes the figures to
 * tests/bench/results/memory.json (gitignored) so a later run can be compared.
 *
 * Issue 9's target is read from the output, not asserted in a test: the last line says PASS
 * when RSS stayed under 250 MiB throughout (highest and at rest), FAIL otherwise. The run
 * itself fails only when the measurement is wrong (a read that is not 200, or access-log
 * rows that did not grow by one per read).
 *
 * Settings (environment): BENCH_MEMORY_READS (default 20000), BENCH_MEMORY_CONCURRENCY
 * (default 4, at most 16), BENCH_MEMORY_SKIP_BUILD=1 to use an existing build,
 * BENCH_MEMORY_NODE_ARGS extra node flags (e.g. "--expose-gc" adds a row after a full
 * collection), BENCH_MEMORY_SCRIPT_FLAGS=0 to start without the serve script's flags,
 * BENCH_MEMORY_SNAPSHOTS=1 to write heap snapshots after the warm-up and at the end (they
 * cost memory themselves: compare heaps with them, not RSS).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { createClient } from "@libsql/client";

const READS = boundedInt(process.env.BENCH_MEMORY_READS, 20_000, 1, 1_000_000);
const CONCURRENCY = boundedInt(process.env.BENCH_MEMORY_CONCURRENCY, 4, 1, 16);
const TARGET_MB = 250;
const REST_SECONDS = 20;
const WARM_UP = 50;
const EMAIL = "laerer@eksempel.no";
const PASSWORD = "Stafett-demo-2026";
const CHILD = "Noah Hagen Eriksen"; // the demo's level-2 log with the longest timeline

function boundedInt(value, fallback, min, max) {
  const n = value === undefined || value === "" ? fallback : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`expected a whole number from ${min} to ${max}, got ${value}`);
  return n;
}

const root = process.cwd();
const tmpDir = resolve(root, "tests/.tmp");
const resultsDir = resolve(root, "tests/bench/results");
mkdirSync(tmpDir, { recursive: true });
mkdirSync(resultsDir, { recursive: true });

/** Resident memory of a process in MiB, from /proc on Linux, otherwise from ps. */
function rssMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    if (Number.isFinite(kb)) return kb / 1024;
  } catch {
    // not Linux: fall through to ps
  }
  return Number(execFileSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" }).trim()) / 1024;
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** One HTTP request on loopback; resolves with status, headers and body text. */
function request(port, path, { method = "GET", headers = {}, body } = {}) {
  return new Promise((done, fail) => {
    const req = http.request({ host: "127.0.0.1", port, path, method, headers, agent }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", fail);
    });
    req.on("error", fail);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout on ${method} ${path}`)));
    if (body) req.write(body);
    req.end();
  });
}

const mib = (n) => Math.round(n * 10) / 10;

/** The node flags `npm run serve` starts build/server.js with. */
function serveFlags() {
  const { scripts } = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
  const match = /(?:^|&&\s*)node((?:\s+--\S+)*)\s+build\/server\.js\s*$/.exec(scripts.serve ?? "");
  if (!match) throw new Error(`package.json's serve script does not run "node [flags] build/server.js": ${scripts.serve}`);
  return match[1].split(/\s+/).filter(Boolean);
}

if (process.env.BENCH_MEMORY_SKIP_BUILD !== "1") {
  const built = spawnSync("npm", ["run", "build", "--silent"], { stdio: "inherit", cwd: root });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const databasePath = resolve(tmpDir, `bench-memory-${process.pid}.db`);
const mailFolder = resolve(tmpDir, `bench-memory-mail-${process.pid}`);
const port = await freePort();
// The server runs with the node flags of `npm run serve` / `npm start` (the heap limit,
// docs/decisions/017), plus any from BENCH_MEMORY_NODE_ARGS for experiments;
// BENCH_MEMORY_SCRIPT_FLAGS=0 leaves the script's flags out, to measure without them.
// The probe answers memory questions over IPC and is not part of the app.
const scriptFlags = process.env.BENCH_MEMORY_SCRIPT_FLAGS === "0" ? [] : serveFlags();
const nodeArgs = [...scriptFlags, ...(process.env.BENCH_MEMORY_NODE_ARGS ?? "").split(/\s+/).filter(Boolean)];
const server = spawn(process.execPath, [...nodeArgs, "--require", resolve(root, "tests/bench/memory-probe.cjs"), "build/server.js"], {
  cwd: root,
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: databasePath,
    DEMO_DATA: "true",
    MAIL_TRANSPORT: "folder",
    MAIL_FOLDER: mailFolder,
  },
  stdio: ["ignore", "pipe", "pipe", "ipc"],
});
let nextQuestion = 0;
const answers = new Map();
server.on("message", (message) => {
  const answer = answers.get(message?.id);
  if (answer) {
    answers.delete(message.id);
    answer(message);
  }
});
/** Ask the server's probe (see memory-probe.cjs); resolves with its answer. */
function ask(question) {
  const id = ++nextQuestion;
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server's probe did not answer ${question.type}`)), 60_000);
    answers.set(id, (message) => {
      clearTimeout(timer);
      done(message);
    });
    server.send({ ...question, id });
  });
}
/** RSS from /proc plus the server's own heap figures, all in MiB. */
async function memory(gc = false) {
  const { usage } = await ask({ type: "memory", gc });
  return {
    rss: mib(rssMiB(server.pid)),
    heapUsed: mib(usage.heapUsed / 2 ** 20),
    heapTotal: mib(usage.heapTotal / 2 ** 20),
    external: mib(usage.external / 2 ** 20),
    arrayBuffers: mib(usage.arrayBuffers / 2 ** 20),
  };
}
const SNAPSHOTS = process.env.BENCH_MEMORY_SNAPSHOTS === "1";
async function snapshot(label) {
  if (!SNAPSHOTS) return;
  const { file } = await ask({ type: "snapshot", file: resolve(resultsDir, `memory-${label}.heapsnapshot`) });
  console.log(`  heap snapshot ${label}: ${file.slice(root.length + 1)}`);
}
let output = "";
server.stdout.on("data", (chunk) => (output += chunk));
server.stderr.on("data", (chunk) => (output += chunk));

let sampler;
function cleanUp() {
  clearInterval(sampler);
  if (server.exitCode === null) server.kill("SIGTERM");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(databasePath + suffix, { force: true });
  rmSync(mailFolder, { recursive: true, force: true });
}

try {
  await new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000);
    server.stdout.on("data", () => {
      if (output.includes("Sign in at")) {
        clearTimeout(timer);
        ready();
      }
    });
    server.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  const atBoot = await memory();

  // Sign in the way a browser form post does (same Origin, so the cross-site refusal passes).
  const form = new URLSearchParams({ email: EMAIL, password: PASSWORD }).toString();
  const signIn = await request(port, "/login", {
    method: "POST",
    headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(form) },
    body: form,
  });
  const cookie = [signIn.headers["set-cookie"] ?? []].flat().map((c) => c.split(";")[0]).join("; ");
  if (signIn.status !== 302 || !cookie) throw new Error(`sign-in failed with ${signIn.status}`);
  // A browser's headers, so compression runs as it does for real users.
  const headers = { Cookie: cookie, "Accept-Encoding": "gzip, deflate, br", Accept: "text/html" };
  const home = await request(port, "/", { headers: { Cookie: cookie } });
  const links = [...home.body.toString("utf8").matchAll(/href="\/logs\/([a-z0-9]{26})"[^>]*>([^<]*)/g)];
  const logId = (links.find((m) => m[2].includes(CHILD)) ?? links[0])?.[1];
  if (!logId) throw new Error("no relay log on the teacher's home page");
  const path = `/logs/${logId}`;

  const db = createClient({ url: `file:${databasePath}` });
  const countReads = async () => Number((await db.execute("SELECT count(*) AS n FROM access_log")).rows[0].n);

  // Warm up (first renders compile code paths), then measure from here.
  for (let i = 0; i < WARM_UP; i++) {
    const res = await request(port, path, { headers });
    if (res.status !== 200) throw new Error(`warm-up read answered ${res.status}`);
  }
  const readsBefore = await countReads();
  const afterWarmUp = await memory();
  await snapshot("after-warm-up");
  let rssPeak = afterWarmUp.rss;
  const samples = [];
  sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, rssMiB(server.pid));
  }, 200);

  console.log(`memory bench: ${READS} reads of one relay log, ${CONCURRENCY} at a time, on ${origin}${nodeArgs.length ? ` (node ${nodeArgs.join(" ")})` : ""}`);
  console.log("    reads      RSS   heapUsed  heapTotal   external  (MiB)   reads/s");
  const row = (label, m, extra = "") =>
    `  ${label.padStart(7)} ${m.rss.toFixed(1).padStart(8)} ${m.heapUsed.toFixed(1).padStart(10)} ${m.heapTotal.toFixed(1).padStart(10)} ${m.external.toFixed(1).padStart(10)}${extra}`;
  const started = Date.now();
  let next = 0;
  let done = 0;
  let sampling = Promise.resolve();
  const every = Math.max(1, Math.floor(READS / 20));
  const worker = async () => {
    while (next < READS) {
      next++;
      const res = await request(port, path, { headers });
      if (res.status !== 200) throw new Error(`read answered ${res.status}`);
      done++;
      if (done % every === 0) {
        const reads = done;
        sampling = sampling.then(async () => {
          const m = await memory();
          samples.push({ reads, ...m });
          const rate = reads / ((Date.now() - started) / 1000);
          console.log(row(String(reads), m, `  ${rate.toFixed(0).padStart(12)}`));
        });
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await sampling;
  clearInterval(sampler);
  const seconds = (Date.now() - started) / 1000;
  const atLastRead = await memory();
  rssPeak = Math.max(rssPeak, atLastRead.rss);
  // "After" is the server at rest: V8 lets its heap grow to a multiple of the live data
  // between full collections and gives the pages back once allocation stops (its memory
  // reducer runs about 8 s later). A leak stays; that breathing does not.
  const rest = [];
  for (let s = 1; s <= REST_SECONDS; s++) {
    await new Promise((wake) => setTimeout(wake, 1000));
    rest.push(mib(rssMiB(server.pid)));
  }
  const after = await memory();
  // With --expose-gc (BENCH_MEMORY_NODE_ARGS): what is live after a full collection.
  const afterGc = nodeArgs.includes("--expose-gc") ? await memory(true) : undefined;
  await snapshot("after");
  const readsRecorded = (await countReads()) - readsBefore;
  db.close();
  if (readsRecorded !== READS) throw new Error(`expected ${READS} access-log rows, found ${readsRecorded}`);

  const result = {
    date: new Date().toISOString(),
    node: process.version,
    nodeArgs,
    scriptFlags,
    mallocArenaMax: process.env.MALLOC_ARENA_MAX ?? null,
    platform: `${process.platform}-${process.arch}`,
    reads: READS,
    concurrency: CONCURRENCY,
    accessLogRowsWritten: readsRecorded,
    seconds: Math.round(seconds),
    readsPerSecond: Math.round(READS / seconds),
    memoryMiB: { atBoot, afterWarmUp, atLastRead, after, afterGc },
    rssPeakMiB: mib(rssPeak),
    restSeconds: REST_SECONDS,
    restSamplesMiB: rest,
    afterToWarmUp: Math.round((after.rss / afterWarmUp.rss) * 100) / 100,
    targetMiB: TARGET_MB,
    pass: after.rss < TARGET_MB && rssPeak < TARGET_MB,
    samples,
  };
  console.log("");
  console.log(`  ${READS} reads in ${Math.round(seconds)} s (${result.readsPerSecond} reads/s)`);
  console.log("                        RSS   heapUsed  heapTotal   external  (MiB)   RSS × after warm-up");
  const ratio = (v) => `  ${(v / afterWarmUp.rss).toFixed(2).padStart(12)}`;
  console.log(row("at boot        ", atBoot, ratio(atBoot.rss)));
  console.log(row("after warm-up  ", afterWarmUp, ratio(afterWarmUp.rss)));
  console.log(`  ${"highest RSS    ".padStart(7)} ${mib(rssPeak).toFixed(1).padStart(8)} ${"".padStart(32)}${ratio(rssPeak)}`);
  console.log(row("at last read   ", atLastRead, ratio(atLastRead.rss)));
  console.log(row(`after ${REST_SECONDS} s rest`.padEnd(15), after, ratio(after.rss)));
  if (afterGc) console.log(row("after full GC  ", afterGc, ratio(afterGc.rss)));
  console.log(
    `${result.pass ? "PASS" : "FAIL"}: RSS after ${READS} reads ${after.rss.toFixed(1)} MiB, highest ${mib(rssPeak).toFixed(1)} MiB; target under ${TARGET_MB} MiB (${readsRecorded} reads recorded in the access log)`,
  );
  const file = resolve(resultsDir, "memory.json");
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`  written to ${file.slice(root.length + 1)}`);
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
} finally {
  agent.destroy();
  cleanUp();
  // A pending question to a server that died must not keep the bench waiting.
  setTimeout(() => process.exit(), 1000).unref();
}
