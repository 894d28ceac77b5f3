import { copyFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll } from "vitest";
import { createId } from "../../app/lib/ids";

/**
 * Every integration test file gets its own copy of the migrated template database. This
 * runs before the file's modules load, so the app's database() opens the copy.
 */
const tmpDir = resolve(process.cwd(), "tests/.tmp");
const path = resolve(tmpDir, `test-${createId()}.db`);
copyFileSync(resolve(tmpDir, "template.db"), path);
process.env.DATABASE_URL = path;
process.env.DEMO_DATA = "false";
// Production settings need the public address (links in e-mails); the tests' requests go to it.
process.env.PUBLIC_URL = "http://localhost:3000";

afterAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
});
