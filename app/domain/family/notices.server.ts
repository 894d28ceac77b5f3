import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "../../../db/client.server";
import { children, guardians, logs, users } from "../../../db/schema";
import { settings } from "../../config.server";
import { defaultLocale } from "../../lib/enums";
import { publicBaseUrl } from "../mail/mailer.server";
import { familyNoticeMessage } from "../mail/messages.server";
import { enqueueMail } from "../mail/outbox.server";

/**
 * Notices to the family (issue 11 point 5): when a relay log they follow gets a new relay
 * holder or moves to another level, each family member with an account on it — the
 * guardians with parental responsibility who have family access, and the young person
 * with their own — gets a mail through the outbox, in the transaction that made the
 * change. Like every mail it says only that something happened and links to the family
 * pages; never the child, the family, the service or the new level. (A planned meeting is
 * told by its own invitation, meetings.server.ts.)
 */
export type FamilyNotice = "holder" | "level";

export async function noticeToFamily(tx: Transaction, logId: string, what: FamilyNotice, key: string) {
  const log = await tx.select({ childId: logs.childId, kind: logs.kind }).from(logs).where(eq(logs.id, logId)).get();
  if (!log || log.kind !== "relay") return;
  const guardianAccounts = await tx
    .select({ userId: guardians.userId })
    .from(guardians)
    .where(and(eq(guardians.childId, log.childId), eq(guardians.parentalResponsibility, true)));
  const child = await tx.select({ userId: children.userId }).from(children).where(eq(children.id, log.childId)).get();
  const ids = [...guardianAccounts.map((g) => g.userId), child?.userId ?? null].filter((id): id is string => id !== null);
  if (ids.length === 0) return;
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.kind, "family"), eq(users.active, true)));
  const url = `${publicBaseUrl(settings())}/family`;
  for (const person of people) {
    await enqueueMail(tx, { to: person.email, ...familyNoticeMessage(defaultLocale, what, { url }) }, { dedupeKey: `family:${what}:${key}:${person.id}` });
  }
}
