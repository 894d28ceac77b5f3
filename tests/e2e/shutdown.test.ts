import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { createId } from "../../app/lib/ids";
import { todayInOslo } from "../../app/lib/dates";
import { removeDatabaseFile } from "../support/database-file";
import { freePort } from "../support/server";

/**
 * SIGTERM on the built server (app/server.ts shutDown, decision 029): requests in flight
 * finish, the process exits 0 within a few seconds, and the database is left whole with
 * its WAL folded in. The server is spawned here, as tests/support/server.ts does it, because
 * the test needs the process itself: to signal it mid-request and to read its exit code.
 */
interface Started {
  child: ChildProcess;
  baseUrl: string;
  databasePath: string;
  output: () => string;
  exited: Promise<{ code: number | null; at: number }>;
}

const started: Started[] = [];

async function start(): Promise<Started> {
  const tmpDir = resolve(process.cwd(), "tests/.tmp");
  mkdirSync(tmpDir, { recursive: true });
  const databasePath = resolve(tmpDir, `e2e-shutdown-${createId()}.db`);
  const port = await freePort();
  const child = spawn(process.execPath, ["build/server.js"], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databasePath, SCHEDULER: "false" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; at: number }>((done) => child.once("exit", (code) => done({ code, at: Date.now() })));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout!.on("data", () => {
      if (output.includes("Sign in at")) {
        clearTimeout(timer);
        ready();
      }
    });
    void exited.then(({ code }) => fail(new Error(`server exited with ${code}:\n${output}`)));
  });
  const server = { child, baseUrl: `http://localhost:${port}`, databasePath, output: () => output, exited };
  started.push(server);
  return server;
}

afterEach(async () => {
  for (const server of started.splice(0)) {
    if (server.child.exitCode === null) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    removeDatabaseFile(server.databasePath);
  }
});

const sameOrigin = (baseUrl: string) => ({ Origin: baseUrl, "Sec-Fetch-Site": "same-origin" });

async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { ...sameOrigin(baseUrl), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "Stafett-demo-2026" }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

describe("SIGTERM", () => {
  it("lets the requests in flight finish, then exits 0 with the WAL folded in and the note kept", async () => {
    const server = await start();
    const cookie = await signIn(server.baseUrl, "laerer@eksempel.no");
    const home = await (await fetch(`${server.baseUrl}/`, { headers: { cookie } })).text();
    // A log of the teacher's (ids are long; /logs/new is not one).
    const logPath = /href="(\/logs\/[A-Za-z0-9_-]{16,})"/.exec(home)?.[1];
    expect(logPath).toBeTruthy();

    // Nine connections the server has accepted, open and idle (fetch keeps them alive): the
    // requests below go over them. A connection still in the kernel's queue when the server
    // stops listening is refused, and that is what stopping means, not a request in flight.
    await Promise.all(Array.from({ length: 9 }, () => fetch(`${server.baseUrl}/healthz`).then((r) => r.arrayBuffer())));

    const text = `Skrevet rett før stopp ${createId()}`;
    const finished: number[] = [];
    const track = (request: Promise<Response>) =>
      request.then(async (response) => {
        await response.arrayBuffer();
        finished.push(Date.now());
        return response.status;
      });
    const pages = Array.from({ length: 8 }, () => track(fetch(`${server.baseUrl}${logPath}`, { headers: { cookie } })));
    const note = track(
      fetch(`${server.baseUrl}${logPath}/entry?type=note`, {
        method: "POST",
        headers: { ...sameOrigin(server.baseUrl), "Content-Type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ type: "note", occurredOn: todayInOslo(), text }),
        redirect: "manual",
      }),
    );
    // Signal once the requests have reached the server, before they are answered.
    await new Promise((r) => setTimeout(r, 15));
    const signalledAt = Date.now();
    server.child.kill("SIGTERM");

    const statuses = await Promise.all([...pages, note]);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(200));
    expect(statuses[8]).toBe(302);
    // Some were still being answered when the signal came (else the test proves nothing).
    expect(finished.filter((at) => at > signalledAt).length).toBeGreaterThan(0);

    const { code, at } = await server.exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(5_000);
    expect(server.output()).toContain("Stopped.");

    // The WAL was folded into the file: empty or gone, and the note is in the file itself.
    const wal = `${server.databasePath}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    const client = createClient({ url: `file:${server.databasePath}` });
    try {
      const rows = await client.execute({ sql: "SELECT count(*) FROM log_events WHERE type = 'note' AND data LIKE ?", args: [`%${text}%`] });
      expect(Number(rows.rows[0]![0])).toBe(1);
      expect(String((await client.execute("PRAGMA integrity_check")).rows[0]![0])).toBe("ok");
    } finally {
      client.close();
    }
  });

  it("takes no new connection once stopping, and does not wait for idle keep-alive sockets", async () => {
    const server = await start();
    // An idle keep-alive socket (fetch keeps its connection open) must not hold the stop up.
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    const signalledAt = Date.now();
    server.child.kill("SIGTERM");
    const { code, at } = await server.exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(3_000);
    await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();
  });
});
