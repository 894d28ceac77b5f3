import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import BetterSqlite3 from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { settings, type SynchronousMode } from "../app/config.server";
import { forgetRequestMemo } from "./request-memo.server";
import * as schema from "./schema";

export type Database = BetterSQLite3Database<typeof schema>;
/**
 * A write transaction: the drizzle instance on the write connection while it holds
 * BEGIN IMMEDIATE (see `DatabaseHandle.transaction`).
 */
export type Transaction = Database;
/** Either the database or an open transaction: what read helpers accept. */
export type Queryable = Database | Transaction;

/** How long a write waits for another process's write lock before it fails (decision 032). */
const WRITE_LOCK_WAIT_MS = 5000;
/** Readers never wait on writers in WAL mode; this covers WAL recovery and checkpoints. */
const BUSY_TIMEOUT_MS = 5000;

/** Who hears every SQL statement the app runs (the query-plan test; nothing in production). */
type QueryListener = (query: string, params: unknown[]) => void;
const queryListeners = new Set<QueryListener>();

/** Hear every statement run through a `DatabaseHandle`'s drizzle instances until the returned function is called. */
export function observeQueries(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

const queryLogger = {
  logQuery(query: string, params: unknown[]) {
    for (const listener of queryListeners) listener(query, params);
  },
};

/**
 * Turn DATABASE_URL (a file path or a file: URL) into an absolute path, creating its
 * directory. Relative paths are relative to the working directory.
 */
export function toDatabasePath(value: string): string {
  let path = value;
  if (value.startsWith("file://")) path = fileURLToPath(value);
  else if (value.startsWith("file:")) path = value.slice("file:".length);
  const absolute = isAbsolute(path) ? path : resolve(process.cwd(), path);
  mkdirSync(dirname(absolute), { recursive: true });
  return absolute;
}

/** The same file as a libSQL URL, for the tools that use @libsql/client (seed:large, backup). */
export function toLibsqlUrl(value: string): string {
  return `file:${toDatabasePath(value)}`;
}

/**
 * Work that belongs to a transaction but must see its final state: registered while the
 * transaction runs (keyed, so the same work is registered once), run inside it just before
 * it commits. A transaction that throws runs none of it.
 */
type CommitHook = (tx: Transaction) => Promise<void>;
const commitHooks = new WeakMap<Transaction, Map<string, CommitHook>>();

export function beforeCommit(tx: Transaction, key: string, hook: CommitHook): void {
  let hooks = commitHooks.get(tx);
  if (!hooks) {
    hooks = new Map();
    commitHooks.set(tx, hooks);
  }
  if (!hooks.has(key)) hooks.set(key, hook);
}

async function runCommitHooks(tx: Transaction) {
  const hooks = commitHooks.get(tx);
  if (!hooks) return;
  // A hook may register another (a reminder sync writing an event would); run until none is left.
  while (hooks.size > 0) {
    const [key, hook] = hooks.entries().next().value as [string, CommitHook];
    hooks.delete(key);
    await hook(tx);
  }
  commitHooks.delete(tx);
}

/**
 * Run `fn` inside a savepoint of the open transaction and roll the savepoint back whatever
 * happens: a trial of a change, whose effects the caller reads but never keeps.
 */
export async function rolledBack<T>(tx: Transaction, fn: () => Promise<T>): Promise<T> {
  tx.run(sql.raw("SAVEPOINT trial"));
  try {
    return await fn();
  } finally {
    tx.run(sql.raw("ROLLBACK TO trial"));
    tx.run(sql.raw("RELEASE trial"));
  }
}

/** A promise-chain mutex: one holder at a time, in call order. */
class Mutex {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

export interface DatabaseHandle {
  /** Reads: the read connection (outside a transaction it sees what has been committed). */
  db: Database;
  /** The write connection itself, for maintenance by hand (checkpoints, PRAGMAs, tests). */
  sqlite: BetterSqlite3.Database;
  /**
   * Run writes that belong together in one transaction, on the write connection. All
   * writes go through here: they take turns (a mutex), each holds SQLite's write lock
   * from BEGIN IMMEDIATE to COMMIT, and a lock held by another process is waited for
   * without blocking the event loop (decisions 004, 032).
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Insert rows with the others queued at the same moment in one transaction (group
   * commit; decision 032): resolves once they are committed.
   */
  insertTogether<T extends Record<string, unknown>>(table: Parameters<Database["insert"]>[0], rows: T[]): Promise<void>;
  close(): void;
}

function isBusy(error: unknown) {
  return error instanceof Error && "code" in error && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_BUSY_SNAPSHOT");
}

/** How many compiled statements a connection keeps (the app has a few hundred distinct ones). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Keep the connection's compiled statements by their SQL: drizzle asks better-sqlite3 to
 * prepare every statement on every call, and compiling is a tenth of a page's database time
 * (decision 032). A kept statement is handed out again in the mode drizzle expects of a new
 * one (not raw); drizzle runs each statement to the end at once, so none is in use twice.
 */
function keepStatements(connection: BetterSqlite3.Database) {
  const compile = connection.prepare.bind(connection);
  const kept = new Map<string, BetterSqlite3.Statement>();
  connection.prepare = ((source: string) => {
    const statement = kept.get(source);
    if (statement) {
      if (statement.reader) statement.raw(false);
      return statement;
    }
    const compiled = compile(source);
    if (kept.size >= STATEMENT_CACHE_SIZE) kept.delete(kept.keys().next().value!);
    kept.set(source, compiled);
    return compiled;
  }) as typeof connection.prepare;
}

function connect(path: string, synchronous: SynchronousMode, busyTimeoutMs: number) {
  const connection = new BetterSqlite3(path);
  keepStatements(connection);
  connection.pragma("journal_mode = WAL");
  connection.pragma(`synchronous = ${synchronous.toUpperCase()}`);
  connection.pragma("foreign_keys = ON");
  connection.pragma(`busy_timeout = ${busyTimeoutMs}`);
  return connection;
}

export interface OpenOptions {
  /** `full` (the default) keeps a commit through a power loss, not only a process crash (decision 032). */
  synchronous?: SynchronousMode;
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<DatabaseHandle> {
  const path = toDatabasePath(url);
  const synchronous = options.synchronous ?? "full";
  // The writer waits for another process's lock in JavaScript (below), never in SQLite.
  const writer = connect(path, synchronous, 0);
  const reader = connect(path, synchronous, BUSY_TIMEOUT_MS);
  const writeDb = drizzle(writer, { schema, logger: queryLogger });
  const db = drizzle(reader, { schema, logger: queryLogger });
  const writes = new Mutex();

  async function begin() {
    for (let waited = 0, pause = 1; ; waited += pause, pause = Math.min(pause * 2, 20)) {
      try {
        writer.exec("BEGIN IMMEDIATE");
        return;
      } catch (error) {
        if (!isBusy(error) || waited >= WRITE_LOCK_WAIT_MS) throw error;
        await sleep(pause);
      }
    }
  }

  async function inTransaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    await begin();
    try {
      const result = await fn(writeDb);
      await runCommitHooks(writeDb);
      writer.exec("COMMIT");
      return result;
    } catch (error) {
      commitHooks.delete(writeDb);
      if (writer.inTransaction) writer.exec("ROLLBACK");
      throw error;
    }
  }

  const transaction = <T>(fn: (tx: Transaction) => Promise<T>) =>
    writes.run(() => inTransaction(fn)).finally(forgetRequestMemo);

  // Group commit: rows queued while a commit runs are written together by the next one.
  type Queued = { table: Parameters<Database["insert"]>[0]; rows: Record<string, unknown>[]; done: () => void; failed: (e: unknown) => void };
  let queue: Queued[] = [];
  let flushScheduled = false;
  function flush() {
    const batch = queue;
    queue = [];
    flushScheduled = false;
    // The access log is never read back within a request: nothing to forget (no forgetRequestMemo).
    writes.run(() => inTransaction(async (tx) => {
      for (const item of batch) tx.insert(item.table).values(item.rows).run();
    })).then(
      () => batch.forEach((item) => item.done()),
      (error) => batch.forEach((item) => item.failed(error)),
    );
  }
  function insertTogether<T extends Record<string, unknown>>(table: Parameters<Database["insert"]>[0], rows: T[]) {
    if (rows.length === 0) return Promise.resolve();
    return new Promise<void>((done, failed) => {
      queue.push({ table, rows, done, failed });
      if (!flushScheduled) {
        flushScheduled = true;
        // The rows of the requests that arrive in this turn of the event loop go together.
        setImmediate(flush);
      }
    });
  }

  return {
    db,
    sqlite: writer,
    transaction,
    insertTogether,
    close: () => {
      reader.close();
      writer.close();
    },
  };
}

const migrationsFolder = resolve(process.cwd(), "drizzle");

export async function migrateDatabase(handle: DatabaseHandle) {
  // Boot-time work before requests are served: here SQLite itself may wait for the lock.
  handle.sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  try {
    migrate(drizzle(handle.sqlite, { schema }), { migrationsFolder });
  } finally {
    handle.sqlite.pragma("busy_timeout = 0");
  }
}

let shared: Promise<DatabaseHandle> | undefined;

/**
 * The process's database, opened on first use from DATABASE_URL (default
 * data/stafettlogg.db). Migrations are applied by the boot step, not here.
 */
export function database(): Promise<DatabaseHandle> {
  shared ??= openDatabase(settings().DATABASE_URL, { synchronous: settings().DATABASE_SYNCHRONOUS });
  return shared;
}

export { schema };

/**
 * Close the process's database; the next database() opens DATABASE_URL afresh. The
 * integration tests use it to give every test a fresh copy of the template file.
 */
export async function closeDatabase(): Promise<void> {
  const handle = shared;
  shared = undefined;
  // A database that never opened (a bad path) has nothing to close.
  if (handle) (await handle.catch(() => undefined))?.close();
}
