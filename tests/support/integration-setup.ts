import { copyFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeEach } from "vitest";
import { closeDatabase } from "../../db/client.server";
import { createId } from "../../app/lib/ids";
import { deliveriesSettled } from "../../app/domain/mail/outbox.server";
import { removeDatabaseFile, restoreDatabase } from "./database-file";

/**
 * Every integration TEST gets its own copy of the migrated template database
 * (tests/support/template-db.ts), so no test can pass because an earlier one left rows
 * behind (CONVENTIONS.md "Tests"). The path stays the same for the whole test file; before
 * each test the app's connection is closed and the file replaced by a fresh copy of the
 * template (a plain copy of a few hundred kB). Fixtures that write to the database
 * therefore belong in beforeEach, not beforeAll.
 */
const tmpDir = resolve(process.cwd(), "tests/.tmp");
const template = resolve(tmpDir, "template.db");
const path = resolve(tmpDir, `test-${createId()}.db`);

// Modules load after this file, so the app's database() opens the copy.
copyFileSync(template, path);
process.env.DATABASE_URL = path;
process.env.DEMO_DATA = "false";
// A test's database is thrown away: no fsync per commit (the server's default, FULL, is
// what the crash rounds and the browser tests run on; decision 032).
process.env.DATABASE_SYNCHRONOUS = "normal";
// Production settings need the public address (links in e-mails); the tests' requests go to it.
process.env.PUBLIC_URL = "http://localhost:3000";
// Mail a tick sends in a test goes to a folder of the tests', never to the demo's data/mail.
process.env.MAIL_FOLDER = resolve(tmpDir, "mail");

beforeEach(async () => {
  // Mail a previous test's request is still sending must finish on its own database.
  await deliveriesSettled();
  await restoreDatabase(template, path);
});

afterAll(async () => {
  await deliveriesSettled();
  await closeDatabase();
  removeDatabaseFile(path);
});
