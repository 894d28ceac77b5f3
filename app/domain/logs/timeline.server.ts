import { aliasedTable, and, asc, desc, eq, inArray, lt, notInArray, type SQL } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { guideSteps, logEvents, services, users } from "../../../db/schema";
import { defaultLocale, type EventType, type Locale } from "../../lib/enums";
import { correctableTypes, type EventData, type TimelineEvent } from "../../lib/timeline";
import type { LogAccess, StaffAccess } from "../access/open.server";
import { hiddenFromFamilySql, visibleEvents } from "../access/visibility.server";
import { mayRestrict } from "./restrictions.server";

/**
 * The reads the staff's and the family's pages about one opened log share: its timeline
 * (one page of it, with the corrections attached and, for the staff, why an entry is hidden
 * from the family) and who holds the relay.
 */

export const TIMELINE_PAGE_SIZE = 25;

const authorService = aliasedTable(services, "author_service");

/**
 * Timeline events of an opened log, newest first, with their corrections attached.
 * Corrections are not listed on their own. The family see only what is visible to them
 * (visibleEvents) and can change nothing here; the staff see, beside each entry, why it
 * is hidden from the family (the same rule).
 */
export async function loadTimeline(
  access: LogAccess,
  options: { before?: number; type?: EventType; limit?: number; offset?: number; locale?: Locale },
): Promise<{ events: TimelineEvent[]; nextBefore: number | null }> {
  const { db } = await database();
  const limit = options.limit ?? TIMELINE_PAGE_SIZE;
  const where: (SQL | undefined)[] = [
    visibleEvents(access),
    notInArray(logEvents.type, ["correction", "restriction"]),
    options.type ? eq(logEvents.type, options.type) : undefined,
    options.before ? lt(logEvents.seq, options.before) : undefined,
  ];
  const rows = await db
    .select({
      id: logEvents.id,
      seq: logEvents.seq,
      type: logEvents.type,
      data: logEvents.data,
      occurredOn: logEvents.occurredOn,
      recordedAt: logEvents.recordedAt,
      authorId: logEvents.authorId,
      authorName: users.name,
      authorKind: users.kind,
      authorServiceName: authorService.name,
      correctsEventId: logEvents.correctsEventId,
      hiddenReason: hiddenFromFamilySql(),
    })
    .from(logEvents)
    .innerJoin(users, eq(users.id, logEvents.authorId))
    .leftJoin(authorService, eq(authorService.id, logEvents.authorServiceId))
    .where(and(...where))
    .orderBy(desc(logEvents.seq))
    .limit(limit + 1)
    .offset(options.offset ?? 0);
  const page = rows.slice(0, limit);
  const corrections = page.length
    ? await db
        .select({ id: logEvents.id, correctsEventId: logEvents.correctsEventId, data: logEvents.data, seq: logEvents.seq })
        .from(logEvents)
        .where(
          and(
            eq(logEvents.logId, access.log.id),
            inArray(
              logEvents.correctsEventId,
              page.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(logEvents.seq))
    : [];
  const latestCorrection = new Map<string, { id: string; text: string; reason: string }>();
  for (const c of corrections) {
    const data = c.data as EventData["correction"];
    latestCorrection.set(c.correctsEventId!, { id: c.id, text: data.text, reason: data.reason });
  }
  // A checklist tick names its step by id; its text comes from the log's guide version.
  const stepIds = page.filter((r) => r.type === "checklist_step").map((r) => (r.data as EventData["checklist_step"]).stepId);
  const stepTexts = new Map(
    stepIds.length === 0
      ? []
      : (await db.select().from(guideSteps).where(inArray(guideSteps.id, [...new Set(stepIds)]))).map((s) => [
          s.id,
          s.texts[options.locale ?? defaultLocale] ?? s.texts[defaultLocale] ?? "",
        ]),
  );
  const staff = access.viewer.kind === "staff" ? { actor: access.viewer.actor, role: access.role as StaffAccess["role"] } : null;
  const open = access.log.state === "open" && staff !== null && staff.role !== "leader";
  const events = page.map(
    (r) =>
      ({
        id: r.id,
        seq: r.seq,
        type: r.type,
        data:
          r.type === "checklist_step"
            ? { ...(r.data as EventData["checklist_step"]), text: stepTexts.get((r.data as EventData["checklist_step"]).stepId) ?? "" }
            : r.data,
        occurredOn: r.occurredOn,
        recordedAt: r.recordedAt.toISOString(),
        authorName: r.authorName,
        authorServiceName: r.authorServiceName,
        authorKind: r.authorKind,
        correctsEventId: r.correctsEventId,
        correctedBy: latestCorrection.get(r.id) ?? null,
        restrictedReason: r.hiddenReason,
        canCorrect: open && r.authorId === staff!.actor.id && correctableTypes.has(r.type),
        canRestrict: open && r.hiddenReason === null && mayRestrict(staff!.role, staff!.actor, r),
      }) as TimelineEvent,
  );
  return { events, nextBefore: rows.length > limit ? page[page.length - 1]!.seq : null };
}

/** The relay holder of an opened log and how to reach them: name, e-mail, service. */
export async function holderOf(access: LogAccess) {
  const log = access.log;
  const { db } = await database();
  return (await db
    .select({ name: users.name, email: users.email, serviceName: services.name })
    .from(users)
    .innerJoin(services, eq(services.id, log.holderServiceId))
    .where(eq(users.id, log.holderId))
    .get())!;
}
