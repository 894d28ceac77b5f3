import { count, lt } from "drizzle-orm";
import { migrateDatabase, openDatabase } from "../../../db/client.server";
import { sessions, users } from "../../../db/schema";
import { seedDemo } from "../../../db/seed/demo";
import type { Settings } from "../../config.server";
import { createId } from "../../lib/ids";
import { hashPassword } from "../auth/password.server";
import { accountInvitationPath, issueAccountInvitationIn } from "../people/account-invitations.server";

export type BootOutcome =
  | { kind: "ready" }
  | { kind: "demo-seeded" }
  | { kind: "first-admin"; accountInvitationPath: string }
  | { kind: "no-users" };

/**
 * Prepare the database before the server takes requests: apply migrations (reference
 * data included), then, into an empty database, either seed the demo municipality or
 * create the first administrator from settings.
 */
export async function boot(settings: Settings): Promise<BootOutcome> {
  const handle = await openDatabase(settings.DATABASE_URL, { synchronous: settings.DATABASE_SYNCHRONOUS });
  try {
    await migrateDatabase(handle);
    const [row] = await handle.db.select({ n: count() }).from(users);
    if ((row?.n ?? 0) > 0) {
      // Housekeeping: sessions whose idle time ran out while the server was down.
      await handle.transaction((tx) => tx.delete(sessions).where(lt(sessions.expiresAt, new Date())));
      return { kind: "ready" };
    }
    if (settings.DEMO_DATA) {
      await seedDemo(handle, hashPassword);
      return { kind: "demo-seeded" };
    }
    if (settings.INITIAL_ADMIN_EMAIL) {
      const id = createId();
      const { token } = await handle.transaction(async (tx) => {
        await tx.insert(users).values({
          id,
          name: settings.INITIAL_ADMIN_NAME,
          email: settings.INITIAL_ADMIN_EMAIL!.toLowerCase(),
          isAdministrator: true,
          createdAt: new Date(),
        });
        return issueAccountInvitationIn(tx, id, null);
      });
      return { kind: "first-admin", accountInvitationPath: accountInvitationPath(token) };
    }
    return { kind: "no-users" };
  } finally {
    handle.close();
  }
}
