import { copyFileSync, rmSync } from "node:fs";
import { closeDatabase, database } from "../../db/client.server";

/**
 * The integration tests' database files. Every test runs on its own copy of a template
 * (tests/support/integration-setup.ts copies the migrated template before each test); a
 * file whose tests all need the same larger state (the demo seed) builds it once, keeps a
 * snapshot, and restores that before each of its tests.
 */
export function removeDatabaseFile(path: string) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
}

/** The file the app's database() opens. */
function currentPath() {
  const path = process.env.DATABASE_URL;
  if (!path) throw new Error("DATABASE_URL is not set (tests/support/integration-setup.ts sets it)");
  return path;
}

/** Close the app's connection and replace its database file by a copy of `template`. */
export async function restoreDatabase(template: string, path = currentPath()) {
  await closeDatabase();
  removeDatabaseFile(path);
  copyFileSync(template, path);
}

/** Copy the app's database, as it is now, to `to` (a complete file: the WAL folded in). */
export async function snapshotDatabase(to: string) {
  const { sqlite } = await database();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  await closeDatabase();
  removeDatabaseFile(to);
  copyFileSync(currentPath(), to);
}
