/**
 * `npm run bench:driver -- [--db data/large.db] [--rounds 3] [--ops 4000]`: the SQLite
 * driver and the access-log write strategy, measured side by side in alternating rounds on
 * a copy of a large database (issue 13 point 4, decision 032). Prints operations per second
 * per variant and its ratio to the first one, and the process's RSS growth per variant.
 *
 * Variants, all drizzle-orm on the same file in WAL mode with synchronous=FULL:
 * - libsql-tx: @libsql/client, one write transaction per access-log row (what the app did:
 *   the client hands its connection to the transaction and opens a new one afterwards)
 * - libsql-auto: @libsql/client, one autocommit INSERT per row
 * - bsq-auto: better-sqlite3, one autocommit INSERT per row
 * - bsq-group: better-sqlite3, rows of concurrent requests committed together (group commit)
 * and the two drivers' reads: a log by id, and the first 50 events of a log.
 */
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createClient } from "@libsql/client";
import BetterSqlite3 from "better-sqlite3";
import { asc, eq } from "drizzle-orm";
import { drizzle as drizzleBetter } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzleLibsql } from "drizzle-orm/libsql";
import * as schema from "../../db/schema";
import { createId } from "../../app/lib/ids";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "data/large.db" },
    rounds: { type: "string", default: "3" },
    ops: { type: "string", default: "4000" },
    concurrency: { type: "string", default: "32" },
  },
});
const rounds = Number(values.rounds);
const ops = Number(values.ops);
const concurrency = Number(values.concurrency);
if (!existsSync(values.db!)) {
  console.error(`No database at ${values.db}: run npm run seed:large first.`);
  process.exit(2);
}
const path = join(tmpdir(), `bench-driver-${process.pid}.db`);
for (const suffix of ["", "-wal", "-shm"]) if (existsSync(values.db! + suffix)) copyFileSync(values.db! + suffix, path + suffix);

const libsqlClient = createClient({ url: `file:${path}` });
await libsqlClient.execute("PRAGMA journal_mode = WAL");
await libsqlClient.execute("PRAGMA synchronous = FULL");
const libsql = drizzleLibsql(libsqlClient, { schema });
const sqlite = new BetterSqlite3(path);
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("synchronous = FULL");
sqlite.pragma("busy_timeout = 5000");
const better = drizzleBetter(sqlite, { schema });

const logIds = sqlite.prepare("SELECT id FROM logs ORDER BY id LIMIT 2000").pluck().all() as string[];
const userId = sqlite.prepare("SELECT id FROM users LIMIT 1").pluck().get() as string;
const pick = (i: number) => logIds[(i * 7919) % logIds.length]!;
const row = (i: number) => ({ id: createId(), logId: pick(i), userId, serviceId: null, kind: "view" as const, at: new Date() });

/** Run `op` `ops` times with `concurrency` callers in flight, as concurrent requests would. */
async function concurrently(op: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ops) await op(next++);
    }),
  );
}

class Mutex {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
const libsqlWrites = new Mutex();

/** Group commit: rows queued while a commit runs go together in the next one. */
let queued: { value: ReturnType<typeof row>; done: () => void }[] = [];
let flushing = false;
function groupInsert(value: ReturnType<typeof row>) {
  return new Promise<void>((done) => {
    queued.push({ value, done });
    if (!flushing) {
      flushing = true;
      setImmediate(() => {
        const batch = queued;
        queued = [];
        sqlite.transaction(() => {
          for (const item of batch) better.insert(schema.accessLog).values(item.value).run();
        }).immediate();
        flushing = false;
        for (const item of batch) item.done();
      });
    }
  });
}

const variants: Record<string, (i: number) => Promise<unknown>> = {
  "write libsql-tx": (i) =>
    libsqlWrites.run(async () => {
      await libsql.transaction(async (tx) => {
        await tx.insert(schema.accessLog).values(row(i));
      });
      await libsqlClient.execute("PRAGMA synchronous = FULL");
    }),
  "write libsql-auto": (i) => libsql.insert(schema.accessLog).values(row(i)).run(),
  "write bsq-auto": async (i) => better.insert(schema.accessLog).values(row(i)).run(),
  "write bsq-group": (i) => groupInsert(row(i)),
  "read libsql log": (i) => libsql.select().from(schema.logs).where(eq(schema.logs.id, pick(i))).get(),
  "read bsq log": async (i) => better.select().from(schema.logs).where(eq(schema.logs.id, pick(i))).get(),
  "read libsql 50 events": (i) =>
    libsql.select().from(schema.logEvents).where(eq(schema.logEvents.logId, pick(i))).orderBy(asc(schema.logEvents.seq)).limit(50).all(),
  "read bsq 50 events": async (i) =>
    better.select().from(schema.logEvents).where(eq(schema.logEvents.logId, pick(i))).orderBy(asc(schema.logEvents.seq)).limit(50).all(),
};

const results: Record<string, { perSecond: number[]; rssGrowthMb: number[] }> = {};
for (let round = 1; round <= rounds; round++) {
  for (const [name, op] of Object.entries(variants)) {
    const rssBefore = process.memoryUsage().rss;
    const start = performance.now();
    await concurrently(op);
    const seconds = (performance.now() - start) / 1000;
    const entry = (results[name] ??= { perSecond: [], rssGrowthMb: [] });
    entry.perSecond.push(ops / seconds);
    entry.rssGrowthMb.push((process.memoryUsage().rss - rssBefore) / 1e6);
  }
  console.log(`round ${round}/${rounds} done`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = { write: "write libsql-tx", read: "read libsql log" };
console.log(`\n${ops} operations per round, ${concurrency} in flight, ${rounds} alternating rounds; synchronous=FULL, WAL`);
console.log("variant".padEnd(24) + "ops/s (median)".padStart(16) + "min–max".padStart(20) + "×base".padStart(8) + "RSS +MB".padStart(10));
for (const [name, { perSecond, rssGrowthMb }] of Object.entries(results)) {
  const ref = name.startsWith("write") ? base.write : name.includes("events") ? "read libsql 50 events" : base.read;
  const ratio = median(perSecond) / median(results[ref]!.perSecond);
  const range = `${Math.round(Math.min(...perSecond))}–${Math.round(Math.max(...perSecond))}`;
  console.log(
    name.padEnd(24) +
      String(Math.round(median(perSecond))).padStart(16) +
      range.padStart(20) +
      ratio.toFixed(2).padStart(8) +
      median(rssGrowthMb).toFixed(1).padStart(10),
  );
}
libsqlClient.close();
sqlite.close();
for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
