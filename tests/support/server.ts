import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { createId } from "../../app/lib/ids";

/**
 * Start the built production server (build/server.js) on a free loopback port with its
 * own database file, the way `npm start` runs it. `npm test` builds before the e2e tests.
 */
export interface RunningServer {
  baseUrl: string;
  databasePath: string;
  output: () => string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * `databasePath` starts the server on a file a test has prepared (tests/support/world.ts);
 * without it the server makes a new file and seeds the demo data into it.
 */
export async function startServer(env: Record<string, string> = {}, options: { databasePath?: string; port?: number } = {}): Promise<RunningServer> {
  const tmpDir = resolve(process.cwd(), "tests/.tmp");
  mkdirSync(tmpDir, { recursive: true });
  const databasePath = options.databasePath ?? resolve(tmpDir, `e2e-${createId()}.db`);
  const port = options.port ?? (await freePort());
  // Production settings (no demo data) need the public address that e-mail links point to.
  const publicUrl = env.DEMO_DATA === "false" ? { PUBLIC_URL: `http://localhost:${port}` } : {};
  const child: ChildProcess = spawn(process.execPath, ["build/server.js"], {
    cwd: process.cwd(),
    // The scheduler's mail would land among the mail a test waits for: off unless a test asks.
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databasePath, SCHEDULER: "false", ...publicUrl, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 30_000);
    const check = () => {
      if (output.includes("Sign in at")) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    baseUrl: `http://localhost:${port}`,
    databasePath,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once("exit", done));
        child.kill("SIGTERM");
        await exited;
      }
      for (const suffix of ["", "-wal", "-shm"]) rmSync(databasePath + suffix, { force: true });
    },
  };
}
