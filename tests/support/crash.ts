import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { createClient } from "@libsql/client";
import { createId } from "../../app/lib/ids";
import { todayInOslo } from "../../app/lib/dates";
import { freePort } from "./server";
import { mulberry32 } from "../../db/seed/demo/history";

/**
 * Crash safety (issue 13 point 7), shared by tests/e2e/crash.test.ts (3 rounds) and
 * tests/bench/crash.ts (`npm run bench:crash`, 20 rounds and the cost of `synchronous`).
 *
 * A round: concurrent writers post notes with unique texts and concurrent readers open the
 * log page; at a random moment (seeded, so a failing round can be replayed) the server's
 * whole process group gets SIGKILL; the server is started again on the same file; then
 * every note the server acknowledged (answered with its redirect) must be in the database
 * exactly once, no note may appear that the server refused, every log page answered 200
 * must have its access-log row, and `PRAGMA integrity_check` must say ok.
 */

export const TEACHER = "laerer@eksempel.no";
const PASSWORD = "Stafett-demo-2026";

/** A small seeded generator (the demo history's mulberry32), enough to replay a round's timing. */
export const seededRandom = mulberry32;

export interface CrashServer {
  child: ChildProcess;
  baseUrl: string;
  databasePath: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL to the server's whole process group (workers too, should it fork any). */
  kill9: () => Promise<void>;
  /** A clean stop (SIGTERM), for the end of a run. */
  stop: () => Promise<void>;
}

export function newDatabasePath(label: string): string {
  const tmpDir = resolve(process.cwd(), "tests/.tmp");
  mkdirSync(tmpDir, { recursive: true });
  return resolve(tmpDir, `${label}-${createId()}.db`);
}

export function removeDatabase(path: string) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
}

/**
 * Start build/server.js on `databasePath` (a missing file gets the demo data; a file with
 * users is only migrated, app/domain/system/boot.server.ts). The server leads its own
 * process group so that kill9 reaches every process it may have started.
 */
export async function startCrashServer(databasePath: string, env: Record<string, string> = {}): Promise<CrashServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["build/server.js"], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databasePath, SCHEDULER: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once("exit", (code, signal) => done({ code, signal })),
  );
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout!.on("data", () => {
      if (output.includes("Sign in at")) {
        clearTimeout(timer);
        ready();
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code ?? signal}:\n${output}`));
    });
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    databasePath,
    output: () => output,
    exited,
    kill9: async () => {
      signalGroup("SIGKILL");
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup("SIGTERM");
        await exited;
      }
    },
  };
}

const sameOrigin = (baseUrl: string) => ({ Origin: baseUrl, "Sec-Fetch-Site": "same-origin" });

export async function signIn(baseUrl: string, email = TEACHER): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { ...sameOrigin(baseUrl), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: PASSWORD }),
    redirect: "manual",
  });
  await response.arrayBuffer();
  if (response.status !== 302) throw new Error(`sign-in answered ${response.status}`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0]!;
}

/** A log of the signed-in person's, from the home page (ids are long; /logs/new is not one). */
export async function findLogPath(baseUrl: string, cookie: string): Promise<string> {
  const home = await (await fetch(`${baseUrl}/`, { headers: { cookie } })).text();
  const logPath = /href="(\/logs\/[A-Za-z0-9_-]{16,})"/.exec(home)?.[1];
  if (!logPath) throw new Error("no log on the home page");
  return logPath;
}

/** One note, posted as the note form does (app/routes/logs.$logId.entry.tsx). */
function postNote(baseUrl: string, cookie: string, logPath: string, text: string, signal?: AbortSignal) {
  return fetch(`${baseUrl}${logPath}/entry?type=note`, {
    method: "POST",
    headers: { ...sameOrigin(baseUrl), "Content-Type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ type: "note", occurredOn: todayInOslo(), text }),
    redirect: "manual",
    signal,
  });
}

/** The answer the note form gives on success: a redirect back to the log (backToLog). */
const isSaved = (response: Response, logPath: string) =>
  response.status === 302 && (response.headers.get("location") ?? "").startsWith(`${logPath}?notice=`);

export interface LoadResult {
  /** Notes answered with the redirect: the server said they are saved. */
  acknowledged: Set<string>;
  /** Notes sent and not answered when the server died. */
  inFlight: Set<string>;
  /** Notes answered with anything else (should be none). */
  refused: Map<string, number>;
  /** Log pages answered 200 (each must have its access-log row). */
  readsServed: number;
  readsInFlight: number;
  readsRefused: number;
  /** Milliseconds per acknowledged note. */
  latencies: number[];
}

/**
 * `writers` loops posting notes "<marker><n>", `readers` loops opening the log page, until
 * `stop` resolves (no new request starts after it) and every request has settled: answered,
 * or failed because the server is gone.
 */
export async function runLoad(options: {
  baseUrl: string;
  cookie: string;
  logPath: string;
  marker: string;
  writers: number;
  readers: number;
  stop: Promise<void>;
  /** Called once, when the first note is acknowledged (the server is warm and writing). */
  onFirstAck?: () => void;
  /** Called once, when the first log page is served. */
  onFirstRead?: () => void;
}): Promise<LoadResult> {
  const { baseUrl, cookie, logPath, marker } = options;
  const result: LoadResult = {
    acknowledged: new Set(),
    inFlight: new Set(),
    refused: new Map(),
    readsServed: 0,
    readsInFlight: 0,
    readsRefused: 0,
    latencies: [],
  };
  let stopped = false;
  void options.stop.then(() => (stopped = true));
  let counter = 0;
  const writer = async () => {
    while (!stopped) {
      const text = `${marker}${counter++}`;
      const startedAt = performance.now();
      try {
        const response = await postNote(baseUrl, cookie, logPath, text);
        await response.arrayBuffer().catch(() => undefined);
        if (isSaved(response, logPath)) {
          if (result.acknowledged.size === 0) options.onFirstAck?.();
          result.acknowledged.add(text);
          result.latencies.push(performance.now() - startedAt);
        } else result.refused.set(text, response.status);
      } catch {
        // No answer: the server died while this one was on its way or being written.
        result.inFlight.add(text);
      }
    }
  };
  const reader = async () => {
    while (!stopped) {
      try {
        const response = await fetch(`${baseUrl}${logPath}`, { headers: { cookie } });
        const ok = response.status === 200;
        // The status line came: the loader (and its access-log write) has finished.
        if (ok && result.readsServed++ === 0) options.onFirstRead?.();
        else if (!ok) result.readsRefused++;
        await response.arrayBuffer().catch(() => undefined);
      } catch {
        result.readsInFlight++;
      }
    }
  };
  await Promise.all([...Array.from({ length: options.writers }, writer), ...Array.from({ length: options.readers }, reader)]);
  return result;
}

async function withClient<T>(databasePath: string, fn: (client: ReturnType<typeof createClient>) => Promise<T>): Promise<T> {
  const client = createClient({ url: `file:${databasePath}` });
  try {
    return await fn(client);
  } finally {
    client.close();
  }
}

async function accessRows(databasePath: string, userId: string, logId: string): Promise<number> {
  return withClient(databasePath, async (client) => {
    const rows = await client.execute({ sql: "SELECT count(*) FROM access_log WHERE user_id = ? AND log_id = ?", args: [userId, logId] });
    return Number(rows.rows[0]![0]);
  });
}

export interface RoundResult {
  round: number;
  /** Milliseconds from the first acknowledged note and served log page to the kill. */
  runMs: number;
  acknowledged: number;
  inFlight: number;
  /** Of the in-flight notes, how many were committed anyway (fine either way). */
  inFlightPresent: number;
  present: number;
  refused: number;
  readsServed: number;
  readsInFlight: number;
  accessRowsAdded: number;
  integrity: string;
  restartMs: number;
  /** What went wrong; empty when the round passed. */
  problems: string[];
}

export interface CrashRunOptions {
  rounds: number;
  seed: number;
  writers?: number;
  readers?: number;
  /** How long a round writes before the kill: uniform in [minMs, maxMs]. */
  minMs?: number;
  maxMs?: number;
  env?: Record<string, string>;
  onRound?: (result: RoundResult) => void;
}

/**
 * Start a fresh demo server, then `rounds` times: load, SIGKILL at a random moment,
 * restart on the same file, verify. Returns each round's figures; never throws for a
 * lost write (the caller decides), only when the server cannot be started at all.
 */
export async function runCrashRounds(options: CrashRunOptions): Promise<RoundResult[]> {
  const { rounds, seed, writers = 8, readers = 2, minMs = 500, maxMs = 2000, env = {} } = options;
  const random = seededRandom(seed);
  const databasePath = newDatabasePath("crash");
  const results: RoundResult[] = [];
  let server = await startCrashServer(databasePath, env);
  try {
    const cookie = await signIn(server.baseUrl);
    const logPath = await findLogPath(server.baseUrl, cookie);
    const logId = logPath.split("/").pop()!;
    const userId = await withClient(databasePath, async (client) => {
      const rows = await client.execute({ sql: "SELECT id FROM users WHERE email = ?", args: [TEACHER] });
      return String(rows.rows[0]![0]);
    });
    for (let round = 1; round <= rounds; round++) {
      const runMs = Math.round(minMs + random() * (maxMs - minMs));
      const marker = `crash ${seed} ${round} ${createId()} `;
      // A freshly started server renders its first log page slowly: open it once first, so
      // that the round's readers are served before the kill, not only started.
      await (await fetch(`${server.baseUrl}${logPath}`, { headers: { cookie } })).arrayBuffer();
      const rowsBefore = await accessRows(databasePath, userId, logId);
      let kill!: () => void;
      const stop = new Promise<void>((done) => (kill = done));
      // The random moment is counted from the first acknowledged note and the first served
      // log page, so that a round on a busy machine, where the first answers come slowly,
      // still has writes and reads to lose.
      let firstAck!: () => void;
      let firstRead!: () => void;
      const writing = new Promise<void>((done) => (firstAck = done));
      const reading = readers > 0 ? new Promise<void>((done) => (firstRead = done)) : Promise.resolve();
      const load = runLoad({ baseUrl: server.baseUrl, cookie, logPath, marker, writers, readers, stop, onFirstAck: firstAck, onFirstRead: () => firstRead() });
      await Promise.race([Promise.all([writing, reading]), new Promise((r) => setTimeout(r, 20_000))]);
      await new Promise((r) => setTimeout(r, runMs));
      // No new request starts once stop has resolved; then the process group dies.
      kill();
      await server.kill9();
      const load_ = await load;
      const restartedAt = performance.now();
      server = await startCrashServer(databasePath, env);
      const restartMs = Math.round(performance.now() - restartedAt);
      const problems: string[] = [];
      const { notes, integrity } = await withClient(databasePath, async (client) => {
        const rows = await client.execute({
          sql: "SELECT json_extract(data, '$.text') AS text FROM log_events WHERE log_id = ? AND type = 'note' AND json_extract(data, '$.text') LIKE ?",
          args: [logId, `${marker}%`],
        });
        const check = await client.execute("PRAGMA integrity_check");
        return { notes: rows.rows.map((r) => String(r.text)), integrity: check.rows.map((r) => String(r[0])).join("; ") };
      });
      const present = new Set(notes);
      if (present.size !== notes.length) problems.push(`${notes.length - present.size} notes stored twice`);
      const lost = [...load_.acknowledged].filter((text) => !present.has(text));
      if (lost.length > 0) problems.push(`${lost.length} acknowledged notes lost, e.g. "${lost[0]}"`);
      const phantom = notes.filter((text) => !load_.acknowledged.has(text) && !load_.inFlight.has(text));
      if (phantom.length > 0) problems.push(`${phantom.length} notes stored that the server refused`);
      if (load_.refused.size > 0) problems.push(`${load_.refused.size} notes refused (status ${[...new Set(load_.refused.values())].join(", ")})`);
      if (integrity !== "ok") problems.push(`integrity_check: ${integrity}`);
      const accessRowsAdded = (await accessRows(databasePath, userId, logId)) - rowsBefore;
      if (accessRowsAdded < load_.readsServed) problems.push(`${load_.readsServed - accessRowsAdded} served log pages without an access-log row`);
      if (load_.acknowledged.size === 0) problems.push("no note was acknowledged before the kill: the round proves nothing");
      const result: RoundResult = {
        round,
        runMs,
        acknowledged: load_.acknowledged.size,
        inFlight: load_.inFlight.size,
        inFlightPresent: [...load_.inFlight].filter((text) => present.has(text)).length,
        present: present.size,
        refused: load_.refused.size,
        readsServed: load_.readsServed,
        readsInFlight: load_.readsInFlight,
        accessRowsAdded,
        integrity,
        restartMs,
        problems,
      };
      results.push(result);
      options.onRound?.(result);
    }
  } finally {
    await server.stop();
    removeDatabase(databasePath);
  }
  return results;
}

export function formatRound(r: RoundResult): string {
  return (
    `round ${String(r.round).padStart(2)}: killed ${r.runMs} ms after the first answers, acknowledged ${r.acknowledged}, in flight ${r.inFlight} ` +
    `(${r.inFlightPresent} of them stored), present ${r.present}; log pages served ${r.readsServed}, access rows +${r.accessRowsAdded}; ` +
    `integrity ${r.integrity}; restart ${r.restartMs} ms` +
    (r.problems.length ? `; PROBLEMS: ${r.problems.join("; ")}` : "")
  );
}

/** A seed from CRASH_SEED (to replay a failure) or a fresh one. */
export function crashSeed(): number {
  const given = process.env.CRASH_SEED;
  return given ? Number(given) >>> 0 : Math.floor(Math.random() * 2 ** 32);
}
