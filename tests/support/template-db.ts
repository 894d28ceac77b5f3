import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { migrateDatabase, openDatabase } from "../../db/client.server";

/**
 * Global setup for integration tests: migrate once into a template database file; every
 * test then runs on a fresh copy of it (tests/support/integration-setup.ts).
 */
export const tmpDir = resolve(process.cwd(), "tests/.tmp");
export const templatePath = resolve(tmpDir, "template.db");

export default async function setup() {
  mkdirSync(tmpDir, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(templatePath + suffix, { force: true });
  const handle = await openDatabase(templatePath);
  await migrateDatabase(handle);
  // Fold the WAL into the main file so a plain copy is complete. The file stays in WAL
  // mode, as the app opens it: a copy then opens without switching modes (a write), which
  // keeps the per-test copy at a few milliseconds.
  handle.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  handle.close();
  if (existsSync(`${templatePath}-wal`) && statSync(`${templatePath}-wal`).size > 0) {
    throw new Error("the template database's WAL was not folded into its file");
  }
}
