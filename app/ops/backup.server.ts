/**
 * Backup and restore of the embedded SQLite database (docs/decisions/029). Used by
 * `npm run db:backup` and `npm run db:restore` (app/ops/db-backup.ts, db-restore.ts) and by
 * the tests. Nothing here prints or returns a row's content: only paths, sizes and counts.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, statSync, copyFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { toLibsqlUrl } from "../../db/client.server";

export class OpsError extends Error {
  override name = "OpsError";
}

/** The file behind DATABASE_URL (as the app reads it); a libSQL server cannot be copied here. */
export function localDatabasePath(databaseUrl: string): string {
  const url = toLibsqlUrl(databaseUrl);
  if (!url.startsWith("file:")) {
    throw new OpsError("DATABASE_URL points to a libSQL server: back it up with the server's own tools (docs/decisions/029).");
  }
  return url.slice("file:".length);
}

function fsyncPath(path: string) {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** One client per call, closed after: the checks never keep a file open. */
async function withClient<T>(path: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = createClient({ url: `file:${path}` });
  try {
    return await fn(client);
  } finally {
    client.close();
  }
}

export interface FileCheck {
  integrity: string;
  foreignKeyProblems: number;
  tables: number;
  /** Migrations recorded in the file (drizzle's __drizzle_migrations). */
  migrations: number;
}

/** integrity_check, foreign_key_check and the migration state of a database file, read-only. */
export async function checkDatabaseFile(path: string): Promise<FileCheck & { migrationRows: { hash: string; createdAt: number }[] }> {
  return withClient(path, async (client) => {
    const integrity = (await client.execute("PRAGMA integrity_check")).rows.map((row) => String(row[0])).join("; ");
    const foreignKeyProblems = (await client.execute("PRAGMA foreign_key_check")).rows.length;
    const tables = Number((await client.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'")).rows[0]![0]);
    const hasMigrations =
      (await client.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")).rows.length > 0;
    const migrationRows = hasMigrations
      ? (await client.execute("SELECT hash, created_at FROM __drizzle_migrations ORDER BY id")).rows.map((row) => ({
          hash: String(row[0]),
          createdAt: Number(row[1]),
        }))
      : [];
    return { integrity, foreignKeyProblems, tables, migrations: migrationRows.length, migrationRows };
  });
}

/** A UTC timestamp fit for a file name: 20261203T171500Z. */
export function fileTimestamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

export function defaultBackupPath(now: Date, cwd = process.cwd()): string {
  return resolve(cwd, "data/backups", `stafettlogg-${fileTimestamp(now)}.db`);
}

export interface BackupReport extends FileCheck {
  path: string;
  bytes: number;
}

/**
 * A consistent copy of a live database: `VACUUM INTO` reads one snapshot (a read
 * transaction: WAL writers in other connections and processes go on) and writes a compact
 * file. It goes to a temporary name first, is checked, fsynced, and then linked to its
 * final name, which fails if that exists: a backup never overwrites anything.
 */
export async function backupDatabase(sourcePath: string, to: string): Promise<BackupReport> {
  const target = resolve(to);
  if (!existsSync(sourcePath)) throw new OpsError("The database file does not exist.");
  if (existsSync(target)) throw new OpsError(`Refusing to overwrite ${target}.`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = resolve(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  rmSync(partial, { force: true });
  try {
    await withClient(sourcePath, async (client) => {
      await client.execute("PRAGMA busy_timeout = 5000");
      await client.execute({ sql: "VACUUM INTO ?", args: [partial] });
    });
    const check = await checkDatabaseFile(partial);
    if (check.integrity !== "ok") throw new OpsError("The copy failed its integrity check; nothing was kept.");
    fsyncPath(partial);
    // link() refuses an existing name, so a backup made meanwhile under the same name survives.
    try {
      linkSync(partial, target);
    } catch {
      throw new OpsError(`Refusing to overwrite ${target}.`);
    }
    fsyncPath(dirname(target));
    const { migrationRows: _rows, ...summary } = check;
    return { path: target, bytes: statSync(target).size, ...summary };
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Whether another process has the database open (a running server, `npm run jobs`): a
 * fresh process asks for an exclusive lock, which SQLite refuses while any connection
 * holds the file. When it gets the lock it folds the WAL into the file. It runs in a child
 * process so that no connection of ours stays open on the file we are about to replace.
 */
export function databaseInUse(path: string): boolean {
  if (!existsSync(path)) return false;
  // A module given with -e resolves packages from the working directory: the project's.
  const code = `
    const { createClient } = await import("@libsql/client");
    const client = createClient({ url: ${JSON.stringify(`file:${path}`)} });
    try {
      await client.execute("PRAGMA busy_timeout = 0");
      await client.execute("PRAGMA locking_mode = EXCLUSIVE");
      await client.execute("SELECT count(*) FROM sqlite_master");
      await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      process.exit(0);
    } catch (error) {
      process.exit(error && error.code === "SQLITE_BUSY" ? 3 : 4);
    }`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: process.cwd(), stdio: "ignore", timeout: 30_000 });
  if (result.status === 0) return false;
  if (result.status === 3) return true;
  throw new OpsError("Could not open the database to see whether it is in use.");
}

/** The migrations this code knows (drizzle/), as drizzle's migrator reads them. */
export function codeMigrations(migrationsFolder = resolve(process.cwd(), "drizzle")) {
  return readMigrationFiles({ migrationsFolder }).map((m) => ({ hash: m.hash, createdAt: m.folderMillis }));
}

export interface RestoreReport {
  backup: string;
  target: string;
  bytes: number;
  migrations: number;
  /** The database that was replaced, kept beside it (null when there was none). */
  previous: string | null;
  removed: string[];
}

/**
 * Put a backup in place of the database file: refused while the file is in use; the
 * backup must pass integrity and foreign-key checks and hold no migration this code does
 * not know (a newer code's backup). The copy is written beside the target, fsynced and
 * renamed over it (atomic); stale -wal and -shm files are removed first, so no old WAL
 * frame is ever replayed into the restored file. The replaced file is kept as
 * `<name>.before-restore-<timestamp>` for the operator to delete.
 */
export async function restoreDatabase(backupPath: string, targetPath: string, now = new Date()): Promise<RestoreReport> {
  const backup = resolve(backupPath);
  const target = resolve(targetPath);
  if (!existsSync(backup)) throw new OpsError(`No backup at ${backup}.`);
  if (backup === target) throw new OpsError("The backup is the database itself.");
  if (databaseInUse(target)) {
    throw new OpsError("The database is in use (is the server or a job running?): stop it, then restore.");
  }
  mkdirSync(dirname(target), { recursive: true });
  const temporary = resolve(dirname(target), `.${basename(target)}.restore-${process.pid}`);
  rmSync(temporary, { force: true });
  try {
    copyFileSync(backup, temporary);
    fsyncPath(temporary);
    const check = await checkDatabaseFile(temporary);
    if (check.integrity !== "ok") throw new OpsError("The backup failed its integrity check; nothing was changed.");
    if (check.foreignKeyProblems > 0) throw new OpsError("The backup has rows whose references are missing; nothing was changed.");
    if (check.migrations === 0) throw new OpsError("The file is not a Stafettlogg database (no migrations recorded); nothing was changed.");
    const known = codeMigrations();
    const knownHashes = new Set(known.map((m) => m.hash));
    const latest = Math.max(...known.map((m) => m.createdAt));
    if (check.migrationRows.some((row) => !knownHashes.has(row.hash) || row.createdAt > latest)) {
      throw new OpsError("The backup has migrations this version does not know (made by newer code?); nothing was changed.");
    }
    let previous: string | null = null;
    if (existsSync(target)) {
      previous = `${target}.before-restore-${fileTimestamp(now)}`;
      linkSync(target, previous);
    }
    const removed: string[] = [];
    for (const suffix of ["-wal", "-shm", "-journal"]) {
      if (existsSync(target + suffix)) {
        rmSync(target + suffix);
        removed.push(basename(target + suffix));
      }
    }
    renameSync(temporary, target);
    fsyncPath(dirname(target));
    return { backup, target, bytes: statSync(target).size, migrations: check.migrations, previous, removed };
  } finally {
    rmSync(temporary, { force: true });
  }
}
