import { and, count, desc, eq, isNull } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { children, logs, reminders } from "../../../db/schema";
import type { ReminderRule } from "../../lib/enums";
import type { Actor } from "../auth/permissions";
import { notFound } from "../errors.server";

/**
 * The inbox ("Til deg", issue 11 point 4): a person's open reminders, newest first. A
 * reminder is open until its recipient marks it done or dismisses it, or its reason goes
 * away (the tick withdraws it). Only the recipient ever sees or changes a reminder; any
 * other id answers 404.
 *
 * Need to know: the child is named (first name and initials) only when the recipient
 * holds the log now. An invitee, a leader told about an invitation in their service, or
 * anyone else sees what kind of thing waits and follows the link, which checks access.
 */
export const INBOX_PAGE_SIZE = 50;

export interface InboxItem {
  id: string;
  rule: ReminderRule;
  dueOn: string | null;
  createdAt: string;
  unread: boolean;
  /** Where the reminder leads: the thing it is about, for this recipient. */
  href: string;
  /** The child as the holder may see it on screen; null when the recipient is not the holder. */
  child: string | null;
}

const open = (userId: string) =>
  and(eq(reminders.recipientId, userId), isNull(reminders.withdrawnAt), isNull(reminders.doneAt), isNull(reminders.dismissedAt));

/** First name and the initials of the other names: "Ella M." — enough to tell logs apart. */
export function discreetName(fullName: string): string {
  const [first = "", ...rest] = fullName.trim().split(/\s+/);
  return [first, ...rest.map((part) => `${part.charAt(0)}.`)].join(" ");
}

function linkFor(rule: ReminderRule, r: { logId: string | null; subjectId: string }, isHolder: boolean): string {
  const log = r.logId ? `/logs/${r.logId}` : "/";
  switch (rule) {
    case "evaluation_soon":
    case "evaluation_today":
    case "evaluation_overdue":
      return `${log}#action-${r.subjectId}`;
    case "invitation_received":
      return `/invitations/${r.subjectId}`;
    case "handover_received":
      return `/handovers/${r.subjectId}`;
    case "invitation_unanswered":
      // The invitee answers it; the holder looks at the log; a leader sees it on the home page.
      return isHolder ? log : `/invitations/${r.subjectId}`;
    case "handover_unanswered":
      return isHolder ? log : `/handovers/${r.subjectId}`;
    case "orphaned_log":
      return `${log}/appoint`;
    case "child_voice_missing":
      return `${log}/voice`;
    case "meeting_tomorrow":
    case "meeting_interpreter":
      return `${log}#meeting-${r.subjectId}`;
    default:
      return log;
  }
}

export async function unreadCount(actor: Pick<Actor, "id">): Promise<number> {
  const { db } = await database();
  const [row] = await db
    .select({ n: count() })
    .from(reminders)
    .where(and(open(actor.id), isNull(reminders.readAt)));
  return row?.n ?? 0;
}

export interface InboxPage {
  items: InboxItem[];
  total: number;
  page: number;
  pages: number;
}

/** One page of the inbox; showing it marks what it shows as read (in one transaction). */
export async function inbox(actor: Pick<Actor, "id">, page = 1): Promise<InboxPage> {
  return inboxItems(actor, { page, size: INBOX_PAGE_SIZE, markRead: true });
}

/** The newest few, for the home page's "waiting for you": the same source, nothing marked read. */
export async function inboxPreview(actor: Pick<Actor, "id">, size = 3): Promise<InboxPage> {
  return inboxItems(actor, { page: 1, size, markRead: false });
}

async function inboxItems(actor: Pick<Actor, "id">, options: { page: number; size: number; markRead: boolean }): Promise<InboxPage> {
  const { db, transaction } = await database();
  const [totalRow] = await db.select({ n: count() }).from(reminders).where(open(actor.id));
  const total = totalRow?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / options.size));
  const current = Math.min(Math.max(1, options.page), pages);
  const rows = await db
    .select({
      id: reminders.id,
      rule: reminders.rule,
      dueOn: reminders.dueOn,
      createdAt: reminders.createdAt,
      readAt: reminders.readAt,
      logId: reminders.logId,
      subjectId: reminders.subjectId,
      holderId: logs.holderId,
      childName: children.name,
    })
    .from(reminders)
    .leftJoin(logs, eq(logs.id, reminders.logId))
    .leftJoin(children, eq(children.id, logs.childId))
    .where(open(actor.id))
    .orderBy(desc(reminders.createdAt), desc(reminders.id))
    .limit(options.size)
    .offset((current - 1) * options.size);
  const unreadIds = options.markRead ? rows.filter((r) => !r.readAt).map((r) => r.id) : [];
  if (unreadIds.length > 0) {
    const now = new Date();
    await transaction(async (tx) => {
      for (const id of unreadIds) await tx.update(reminders).set({ readAt: now }).where(and(eq(reminders.id, id), isNull(reminders.readAt)));
    });
  }
  return {
    total,
    page: current,
    pages,
    items: rows.map((r) => {
      const isHolder = r.holderId === actor.id;
      return {
        id: r.id,
        rule: r.rule,
        dueOn: r.dueOn,
        createdAt: r.createdAt.toISOString(),
        unread: !r.readAt,
        href: linkFor(r.rule, r, isHolder),
        child: isHolder && r.childName ? discreetName(r.childName) : null,
      };
    }),
  };
}

/** The recipient marks a reminder done or dismisses it. Someone else's, or a closed one: 404. */
export async function settleReminder(actor: Pick<Actor, "id">, reminderId: string, how: "done" | "dismissed"): Promise<void> {
  const { transaction } = await database();
  await transaction(async (tx) => {
    const row = await tx
      .select({ id: reminders.id })
      .from(reminders)
      .where(and(eq(reminders.id, reminderId), open(actor.id)))
      .get();
    if (!row) throw notFound();
    const now = new Date();
    await tx
      .update(reminders)
      .set(how === "done" ? { doneAt: now, readAt: now } : { dismissedAt: now, readAt: now })
      .where(eq(reminders.id, reminderId));
  });
}
