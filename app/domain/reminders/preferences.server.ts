import { and, eq, inArray } from "drizzle-orm";
import { database, type Queryable } from "../../../db/client.server";
import { mailPreferences } from "../../../db/schema";
import { mailKinds, type MailChoice, type MailKind } from "../../lib/enums";
import type { Actor } from "../auth/permissions";

/**
 * Each person's choice per kind of mail (issue 11, point 5): at once, in the daily digest,
 * or off. The default is at once. Only the person changes their own.
 */
export type MailPreferences = Record<MailKind, MailChoice>;
export const DEFAULT_CHOICE: MailChoice = "immediately";

const defaults = (): MailPreferences => Object.fromEntries(mailKinds.map((k) => [k, DEFAULT_CHOICE])) as MailPreferences;

/** The choices of several people at once (the tick). */
export async function preferencesOf(db: Queryable, userIds: string[]): Promise<Map<string, MailPreferences>> {
  const result = new Map(userIds.map((id) => [id, defaults()]));
  if (userIds.length === 0) return result;
  const rows = await db.select().from(mailPreferences).where(inArray(mailPreferences.userId, userIds));
  for (const row of rows) {
    const prefs = result.get(row.userId);
    if (prefs) prefs[row.kind] = row.choice;
  }
  return result;
}

export async function myPreferences(actor: Pick<Actor, "id">): Promise<MailPreferences> {
  const { db } = await database();
  return (await preferencesOf(db, [actor.id])).get(actor.id)!;
}

export async function savePreferences(actor: Pick<Actor, "id">, choices: MailPreferences): Promise<void> {
  const { transaction } = await database();
  const now = new Date();
  await transaction(async (tx) => {
    for (const kind of mailKinds) {
      await tx
        .insert(mailPreferences)
        .values({ userId: actor.id, kind, choice: choices[kind], updatedAt: now })
        .onConflictDoUpdate({ target: [mailPreferences.userId, mailPreferences.kind], set: { choice: choices[kind], updatedAt: now } });
    }
  });
}

/** Everyone who chose the digest for at least one kind. */
export async function digestReaders(db: Queryable): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: mailPreferences.userId })
    .from(mailPreferences)
    .where(and(eq(mailPreferences.choice, "daily")));
  return rows.map((r) => r.userId);
}
