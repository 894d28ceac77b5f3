import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, type Client } from "@libsql/client";
import { drizzle, type LibSQLDatabase } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { settings } from "../app/config.server";
import * as schema from "./schema";

export type Database = LibSQLDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or an open transaction: what read helpers accept. */
export type Queryable = Database | Transaction;

const BUSY_TIMEOUT_MS = 5000;

/** Who hears every SQL statement the app runs (the query-plan test; nothing in production). */
type QueryListener = (query: string, params: unknown[]) => void;
const queryListeners = new Set<QueryListener>();

/** Hear every statement run through a `DatabaseHandle`'s drizzle instance until the returned function is called. */
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
 * Turn DATABASE_URL (a path or a URL) into a libSQL URL, creating the directory of a
 * local file. Relative paths are relative to the working directory.
 */
export function toLibsqlUrl(value: string): string {
  if (/^(libsql|https?|wss?):\/\//.test(value)) return value;
  let path = value;
  if (value.startsWith("file://")) path = fileURLToPath(value);
  else if (value.startsWith("file:")) path = value.slice("file:".length);
  const absolute = isAbsolute(path) ? path : resolve(process.cwd(), path);
  mkdirSync(dirname(absolute), { recursive: true });
  return `file:${absolute}`;
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
  client: Client;
  db: Database;
  /**
   * Run writes that belong together in one transaction. All writes go through here:
   * embedded libSQL gives a transaction its own connection and runs synchronously, so two
   * overlapping write transactions in one process would wait on each other while blocking
   * the event loop. The mutex makes them take turns instead (docs/decisions/004).
   */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): void;
}

async function applyConnectionPragmas(client: Client, local: boolean) {
  if (!local) return;
  // foreign_keys is on by default in libSQL builds; set it anyway so the intent is explicit.
  await client.execute("PRAGMA foreign_keys = ON");
  await client.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

export async function openDatabase(url: string, authToken?: string): Promise<DatabaseHandle> {
  const libsqlUrl = toLibsqlUrl(url);
  const local = libsqlUrl.startsWith("file:");
  const client = createClient({ url: libsqlUrl, authToken });
  if (local) await client.execute("PRAGMA journal_mode = WAL");
  await applyConnectionPragmas(client, local);
  const db = drizzle(client, { schema, logger: queryLogger });
  const writes = new Mutex();
  return {
    client,
    db,
    transaction: (fn) =>
      writes.run(async () => {
        try {
          // libSQL begins "write" (IMMEDIATE) transactions.
          return await db.transaction(async (tx) => {
            const result = await fn(tx);
            await runCommitHooks(tx);
            return result;
          });
        } finally {
          // The client opens a fresh connection after a transaction; give it our pragmas.
          await applyConnectionPragmas(client, local);
        }
      }),
    close: () => client.close(),
  };
}

const migrationsFolder = resolve(process.cwd(), "drizzle");

export async function migrateDatabase(handle: DatabaseHandle) {
  await migrate(handle.db, { migrationsFolder });
}

let shared: Promise<DatabaseHandle> | undefined;

/**
 * The process's database, opened on first use from DATABASE_URL (default
 * data/stafettlogg.db). Migrations are applied by the boot step, not here.
 */
export function database(): Promise<DatabaseHandle> {
  shared ??= openDatabase(settings().DATABASE_URL, settings().DATABASE_AUTH_TOKEN);
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
