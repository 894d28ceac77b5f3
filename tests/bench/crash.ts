/**
 * `npm run bench:crash` (issue 13 point 7; results in docs/benchmarks-crash.md).
 *
 * 1. Crash rounds (tests/support/crash.ts): concurrent note writers and log-page readers,
 *    SIGKILL of the server's process group at a seeded random moment, restart on the same
 *    file, every acknowledged note and served read's access-log row checked. Exits 1 on
 *    any loss.
 * 2. The cost of `synchronous` through the server: note POSTs at 16 writers against two
 *    servers, DATABASE_SYNCHRONOUS=normal and =full, in alternating rounds.
 * 3. The raw cost without the server: single-row INSERT commits in WAL mode with
 *    synchronous NORMAL, FULL and EXTRA, through @libsql/client and (when it is installed)
 *    better-sqlite3, in alternating rounds.
 *
 * Options: --rounds N (20), --seed N (or CRASH_SEED), --writers N (8), --readers N (2),
 * --synchronous normal|full|extra (passed to the crash rounds' server), --only crash|server|raw,
 * --cost-rounds N (3), --cost-seconds S (5, raw: S/2 per mode), --json FILE.
 * BETTER_SQLITE3=<path to the package> uses a better-sqlite3 that is not in node_modules.
 */
import { writeFileSync } from "node:fs";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { createClient } from "@libsql/client";
import {
  crashSeed,
  findLogPath,
  formatRound,
  newDatabasePath,
  removeDatabase,
  runCrashRounds,
  runLoad,
  signIn,
  startCrashServer,
  type CrashServer,
} from "../support/crash";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const numberOption = (name: string, fallback: number) => (option(name) === undefined ? fallback : Number(option(name)));

const only = option("only");
const report: Record<string, unknown> = { startedAt: new Date().toISOString(), node: process.version };
let failed = false;

const quantile = (values: number[], q: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const median = (values: number[]) => quantile(values, 0.5);
const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "-");

async function crashRounds() {
  const rounds = numberOption("rounds", 20);
  const seed = option("seed") !== undefined ? Number(option("seed")) >>> 0 : crashSeed();
  const synchronous = option("synchronous");
  const env: Record<string, string> = synchronous ? { DATABASE_SYNCHRONOUS: synchronous } : {};
  console.log(`\n## Crash rounds: ${rounds}, seed ${seed} (replay: --seed ${seed})${synchronous ? `, DATABASE_SYNCHRONOUS=${synchronous}` : ""}`);
  const results = await runCrashRounds({
    rounds,
    seed,
    writers: numberOption("writers", 8),
    readers: numberOption("readers", 2),
    env,
    onRound: (r) => console.log(formatRound(r)),
  });
  const sum = (key: "acknowledged" | "inFlight" | "inFlightPresent" | "present" | "readsServed" | "accessRowsAdded") =>
    results.reduce((n, r) => n + r[key], 0);
  const bad = results.filter((r) => r.problems.length > 0);
  console.log(
    `total: acknowledged ${sum("acknowledged")}, in flight ${sum("inFlight")} (${sum("inFlightPresent")} stored), present ${sum("present")}, ` +
      `log pages served ${sum("readsServed")}, access rows +${sum("accessRowsAdded")}; ` +
      (bad.length === 0 ? "no loss in any round" : `${bad.length} rounds with problems`),
  );
  if (bad.length > 0) failed = true;
  report.crash = { seed, synchronous: synchronous ?? null, rounds: results };
}

/** Note POSTs per second and latency against servers that differ only in DATABASE_SYNCHRONOUS. */
async function serverCost() {
  const modes = ["normal", "full"];
  const rounds = numberOption("cost-rounds", 3);
  const seconds = numberOption("cost-seconds", 5);
  const writers = 16;
  const honoured = readFileSync(resolve(process.cwd(), "build/server.js"), "utf8").includes("DATABASE_SYNCHRONOUS");
  console.log(`\n## Note POSTs, DATABASE_SYNCHRONOUS normal vs full: ${rounds} rounds × ${seconds} s each, ${writers} writers`);
  if (!honoured) console.log("(build/server.js does not read DATABASE_SYNCHRONOUS: both servers run the same setting, so this compares noise)");
  const servers: { mode: string; server: CrashServer; cookie: string; logPath: string }[] = [];
  const figures: Record<string, { rps: number[]; p50: number[]; p99: number[] }> = {};
  try {
    for (const mode of modes) {
      const server = await startCrashServer(newDatabasePath(`crash-cost-${mode}`), { DATABASE_SYNCHRONOUS: mode });
      const cookie = await signIn(server.baseUrl);
      servers.push({ mode, server, cookie, logPath: await findLogPath(server.baseUrl, cookie) });
      figures[mode] = { rps: [], p50: [], p99: [] };
    }
    for (let round = 1; round <= rounds; round++) {
      // Alternate which goes first, so a drift in the machine's load falls on both.
      const order = round % 2 === 1 ? servers : [...servers].reverse();
      for (const { mode, server, cookie, logPath } of order) {
        const stop = new Promise<void>((done) => setTimeout(done, seconds * 1000));
        const startedAt = performance.now();
        const result = await runLoad({ baseUrl: server.baseUrl, cookie, logPath, marker: `cost ${mode} ${round} `, writers, readers: 0, stop });
        const elapsed = (performance.now() - startedAt) / 1000;
        const rps = result.acknowledged.size / elapsed;
        const p50 = quantile(result.latencies, 0.5);
        const p99 = quantile(result.latencies, 0.99);
        figures[mode]!.rps.push(rps);
        figures[mode]!.p50.push(p50);
        figures[mode]!.p99.push(p99);
        if (result.refused.size > 0 || result.inFlight.size > 0) {
          console.log(`  ${mode}: ${result.refused.size} refused, ${result.inFlight.size} without answer`);
          failed = true;
        }
        console.log(`round ${round} ${mode.padEnd(6)} ${fixed(rps, 1).padStart(7)} notes/s  p50 ${fixed(p50).padStart(5)} ms  p99 ${fixed(p99).padStart(5)} ms`);
      }
    }
  } finally {
    for (const { server } of servers) {
      await server.stop();
      removeDatabase(server.databasePath);
    }
  }
  for (const mode of modes) {
    const f = figures[mode]!;
    console.log(`median ${mode.padEnd(6)} ${fixed(median(f.rps), 1).padStart(7)} notes/s  p50 ${fixed(median(f.p50)).padStart(5)} ms  p99 ${fixed(median(f.p99)).padStart(5)} ms`);
  }
  console.log(`full / normal throughput: ${fixed(median(figures.full!.rps) / median(figures.normal!.rps), 2)}`);
  report.server = { honoured, rounds, seconds, writers, figures };
}

const SYNC_MODES = ["NORMAL", "FULL", "EXTRA"] as const;

interface RawDriver {
  name: string;
  /** Open a fresh WAL database with the given synchronous; return a commit function and close. */
  open: (
    path: string,
    mode: string,
  ) => Promise<{ commit: (i: number) => Promise<void> | void; commitMany: (i: number, n: number) => Promise<void> | void; close: () => void; synchronous: number }>;
}

const libsqlDriver: RawDriver = {
  name: "@libsql/client",
  open: async (path, mode) => {
    const client = createClient({ url: `file:${path}` });
    await client.execute("PRAGMA journal_mode = WAL");
    await client.execute(`PRAGMA synchronous = ${mode}`);
    await client.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    const synchronous = Number((await client.execute("PRAGMA synchronous")).rows[0]![0]);
    const body = "x".repeat(200);
    return {
      // One autocommit INSERT: one transaction, one commit.
      commit: async (i) => void (await client.execute({ sql: "INSERT INTO t (id, body) VALUES (?, ?)", args: [i, body] })),
      // n rows in one write transaction: one commit (group commit).
      commitMany: async (i, n) =>
        void (await client.batch(Array.from({ length: n }, (_, k) => ({ sql: "INSERT INTO t (id, body) VALUES (?, ?)", args: [i + k, body] })), "write")),
      close: () => client.close(),
      synchronous,
    };
  },
};

function betterSqliteDriver(): RawDriver | null {
  const require = createRequire(resolve(process.cwd(), "package.json"));
  let Database: new (path: string) => {
    pragma: (s: string, o?: { simple: boolean }) => unknown;
    exec: (s: string) => void;
    prepare: (s: string) => { run: (...a: unknown[]) => unknown };
    transaction: (fn: (i: number, n: number) => void) => (i: number, n: number) => void;
    close: () => void;
  };
  try {
    Database = require(process.env.BETTER_SQLITE3 || "better-sqlite3");
    new Database(":memory:").close();
  } catch (error) {
    console.log(`(better-sqlite3 not available, skipped: ${(error as Error).message.split("\n")[0]})`);
    return null;
  }
  return {
    name: "better-sqlite3",
    open: async (path, mode) => {
      const db = new Database(path);
      db.pragma("journal_mode = WAL");
      db.pragma(`synchronous = ${mode}`);
      db.exec("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
      const insert = db.prepare("INSERT INTO t (id, body) VALUES (?, ?)");
      const body = "x".repeat(200);
      const many = db.transaction((i: number, n: number) => {
        for (let k = 0; k < n; k++) insert.run(i + k, body);
      });
      return {
        commit: (i) => void insert.run(i, body),
        commitMany: (i, n) => void many(i, n),
        close: () => db.close(),
        synchronous: Number(db.pragma("synchronous", { simple: true })),
      };
    },
  };
}

/** Single-row INSERT commits per second in WAL mode, per driver and synchronous mode. */
async function rawCost() {
  const rounds = numberOption("cost-rounds", 3);
  const seconds = numberOption("cost-seconds", 5) / 2;
  const drivers = [libsqlDriver, betterSqliteDriver()].filter((d): d is RawDriver => d !== null);
  console.log(`\n## Raw commits, WAL mode, synchronous ${SYNC_MODES.join(" / ")}: ${rounds} rounds × ${seconds} s per mode and driver (tests/.tmp, same disk as data/)`);
  const figures: Record<string, Record<string, number[]>> = {};
  for (const driver of drivers) {
    figures[driver.name] = Object.fromEntries(SYNC_MODES.map((m) => [m, [] as number[]]));
    for (let round = 1; round <= rounds; round++) {
      const order = round % 2 === 1 ? SYNC_MODES : [...SYNC_MODES].reverse();
      const line: string[] = [];
      for (const mode of order) {
        const path = newDatabasePath(`crash-raw-${mode.toLowerCase()}`);
        const db = await driver.open(path, mode);
        let i = 0;
        const until = performance.now() + seconds * 1000;
        const startedAt = performance.now();
        while (performance.now() < until) await db.commit(i++);
        const perSecond = i / ((performance.now() - startedAt) / 1000);
        db.close();
        removeDatabase(path);
        figures[driver.name]![mode]!.push(perSecond);
        line.push(`${mode} ${fixed(perSecond).padStart(6)}/s (synchronous=${db.synchronous})`);
      }
      console.log(`${driver.name.padEnd(15)} round ${round}: ${line.join("  ")}`);
    }
    const m = Object.fromEntries(SYNC_MODES.map((mode) => [mode, median(figures[driver.name]![mode]!)]));
    console.log(
      `${driver.name.padEnd(15)} median: ` +
        SYNC_MODES.map((mode) => `${mode} ${fixed(m[mode]!)}/s`).join("  ") +
        `  FULL/NORMAL ${fixed(m.FULL! / m.NORMAL!, 2)}  EXTRA/NORMAL ${fixed(m.EXTRA! / m.NORMAL!, 2)}`,
    );
  }
  // What FULL costs when several writes share one commit (the write path may batch them).
  console.log(`\nRows per second at FULL when n rows share one commit:`);
  const grouped: Record<string, Record<string, number[]>> = {};
  for (const driver of drivers) {
    grouped[driver.name] = {};
    for (let round = 1; round <= rounds; round++) {
      const line: string[] = [];
      for (const n of [1, 10, 100]) {
        const path = newDatabasePath("crash-raw-group");
        const db = await driver.open(path, "FULL");
        let i = 0;
        const until = performance.now() + seconds * 1000;
        const startedAt = performance.now();
        while (performance.now() < until) {
          await db.commitMany(i, n);
          i += n;
        }
        const perSecond = i / ((performance.now() - startedAt) / 1000);
        db.close();
        removeDatabase(path);
        (grouped[driver.name]![n] ??= []).push(perSecond);
        line.push(`${n} per commit ${fixed(perSecond).padStart(6)} rows/s`);
      }
      console.log(`${driver.name.padEnd(15)} round ${round}: ${line.join("  ")}`);
    }
    console.log(`${driver.name.padEnd(15)} median: ${Object.entries(grouped[driver.name]!).map(([n, v]) => `${n} per commit ${fixed(median(v))} rows/s`).join("  ")}`);
  }
  report.raw = { rounds, seconds, figures, groupedAtFull: grouped };
}

if (!only || only === "crash") await crashRounds();
if (!only || only === "server") await serverCost();
if (!only || only === "raw") await rawCost();
const json = option("json");
if (json) writeFileSync(json, JSON.stringify(report, null, 2));
if (failed) {
  console.log("\nFAILED: see the problems above");
  process.exit(1);
}
