import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { migrateDatabase, openDatabase } from "../../db/client.server";

/**
 * Global setup for integration tests: migrate once into a template database file; each
 * test file then copies it (tests/support/integration-setup.ts).
 */
export const tmpDir = resolve(process.cwd(), "tests/.tmp");
export const templatePath = resolve(tmpDir, "template.db");

export default async function setup() {
  mkdirSync(tmpDir, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(templatePath + suffix, { force: true });
  const handle = await openDatabase(templatePath);
  await migrateDatabase(handle);
  // Fold the WAL into the main file so a plain copy is complete.
  await handle.client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  await handle.client.execute("PRAGMA journal_mode = DELETE");
  handle.close();
}
