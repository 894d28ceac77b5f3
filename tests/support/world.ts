import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { eq } from "drizzle-orm";
import type { BrowserContext } from "playwright-core";
import { closeDatabase, database, migrateDatabase, openDatabase } from "../../db/client.server";
import { actions, logInvitations, users } from "../../db/schema";
import { resetSettingsForTests } from "../../app/config.server";
import { createSession, SESSION_COOKIE } from "../../app/domain/auth/session.server";
import { refreshNextEvaluation } from "../../app/domain/logs/actions.server";
import { deliveriesSettled } from "../../app/domain/mail/outbox.server";
import { createId } from "../../app/lib/ids";
import { removeDatabaseFile } from "./database-file";
import { freePort, startServer, type RunningServer } from "./server";

/**
 * A browser test's own world: a freshly migrated database file that the test fills with
 * factory-made people and logs (tests/support/factories.ts, log-factories.ts and the domain's
 * own functions), then the built server started on exactly that file. Nothing from the demo
 * seed is there, so a test sees only what it made; one smoke walk (browser-roles) keeps
 * walking the demo data that `npm start` shows.
 *
 * People are signed in through `signIn`, which creates a session the way the sign-in form
 * does and hands its cookie to the browser context. Tests of the sign-in form itself use
 * the form.
 */
export interface World<T> {
  server: RunningServer;
  data: T;
  /** Give the context a fresh session of the user (the cookie the sign-in form would set). */
  signIn: (context: BrowserContext, userId: string) => Promise<void>;
  stop: () => Promise<void>;
}

/** The settings startWorld changes in the test process (and stop() restores). */
const WORLD_SETTINGS = ["DATABASE_URL", "DEMO_DATA", "PUBLIC_URL", "MAIL_TRANSPORT", "MAIL_FOLDER"] as const;

export async function startWorld<T>(build: () => Promise<T>, env: Record<string, string> = {}): Promise<World<T>> {
  const tmpDir = resolve(process.cwd(), "tests/.tmp");
  mkdirSync(tmpDir, { recursive: true });
  const id = createId();
  const databasePath = resolve(tmpDir, `e2e-world-${id}.db`);
  // This test process writes with the app's own functions: point them at the world's file.
  // Mail the factories cause lands in a folder of its own, never in data/mail. stop() puts
  // the settings back, so a later file in the same worker that starts a demo server inherits
  // none of them.
  const saved = Object.fromEntries(WORLD_SETTINGS.map((key) => [key, process.env[key]]));
  process.env.DATABASE_URL = databasePath;
  process.env.DEMO_DATA = "false";
  // Mail written while the world is built carries links: to the server this world will start.
  const port = await freePort();
  process.env.PUBLIC_URL = `http://localhost:${port}`;
  process.env.MAIL_TRANSPORT = "folder";
  process.env.MAIL_FOLDER = resolve(tmpDir, `mail-${id}`);
  resetSettingsForTests();
  await closeDatabase();

  const handle = await openDatabase(databasePath);
  await migrateDatabase(handle);
  handle.close();

  let data: T;
  try {
    data = await build();
    await deliveriesSettled();
  } catch (error) {
    await closeDatabase();
    removeDatabaseFile(databasePath);
    throw error;
  }
  // Both processes use the file from here on (WAL, busy timeout); fold what is written so far.
  const { sqlite } = await database();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");

  const server = await startServer({ DEMO_DATA: "false", ...env }, { databasePath, port });
  return {
    server,
    data,
    signIn: async (context, userId) => {
      const { token } = await createSession(userId);
      await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.baseUrl, httpOnly: true, sameSite: "Lax" }]);
    },
    stop: async () => {
      await deliveriesSettled();
      await closeDatabase();
      await server.stop();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      resetSettingsForTests();
    },
  };
}

/**
 * Move an action's evaluation date into the past, as time passing would: the domain refuses
 * a past date for a new action, and the browser tests run on the real clock.
 */
export async function backdateEvaluation(logId: string, actionId: string, evaluateOn: string) {
  const { transaction } = await database();
  await transaction(async (tx) => {
    await tx.update(actions).set({ evaluateOn }).where(eq(actions.id, actionId));
    await refreshNextEvaluation(tx, logId);
  });
}

/** A factory-made person's e-mail address (the factories invent them). */
export async function emailOf(userId: string) {
  const { db } = await database();
  const row = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw new Error("no such user");
  return row.email;
}

/** Let an invitation's respond-by date pass, as time would (the domain refuses a past one). */
export async function backdateRespondBy(invitationId: string, respondBy: string) {
  const { transaction } = await database();
  await transaction((tx) => tx.update(logInvitations).set({ respondBy }).where(eq(logInvitations.id, invitationId)));
}
