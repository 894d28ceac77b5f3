import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client.server";
import { logEvents } from "../../../db/schema";
import type { EventType } from "../../lib/enums";
import type { TimelineEvent } from "../../lib/timeline";
import type { LogAccess } from "./open.server";

/**
 * What the guardians and the young person do not see (DESIGN.md §3: they read the log
 * "except entries marked restricted"; rule 4: a report of concern can be hidden from them),
 * once. An entry is hidden from the family when it was restricted when written, when a
 * later `restriction` event is about it, when it is a correction of a hidden entry, or when
 * it is an evaluation of an action whose own entry is hidden (it names the action). The
 * restriction events themselves are never shown to them.
 *
 * One SQL expression gives the reason an entry is hidden (null: the family may read it):
 * the staff's timeline shows it beside the entry, and the family's queries keep only the
 * entries without one, so what the staff are told is hidden is what the family miss.
 */
function laterRestriction(eventId: SQL): SQL {
  return sql`(select coalesce(json_extract(hidden.data, '$.reason'), hidden.restricted_reason, '') from ${logEvents} as hidden
    where hidden.about_event_id = ${eventId} and hidden.type = 'restriction' order by hidden.seq limit 1)`;
}

/**
 * SQL (on `log_events`): why the entry is hidden from the family, or null. Select it only
 * in a query with a join (drizzle leaves a single-table query's selected columns unqualified).
 */
export function hiddenFromFamilySql(): SQL<string | null> {
  return sql<string | null>`coalesce(
    ${logEvents.restrictedReason},
    ${laterRestriction(sql`${logEvents.id}`)},
    (select coalesce(original.restricted_reason, ${laterRestriction(sql`original.id`)}) from ${logEvents} as original
      where ${logEvents.correctsEventId} is not null and original.id = ${logEvents.correctsEventId}),
    (select coalesce(act.restricted_reason, ${laterRestriction(sql`act.id`)}) from ${logEvents} as act
      where ${logEvents.type} = 'evaluation' and act.log_id = ${logEvents.logId} and act.type = 'action'
        and json_extract(act.data, '$.actionId') = json_extract(${logEvents.data}, '$.actionId')
      limit 1))`;
}

/**
 * Events that are the staff's procedure, never the family's to read: the restriction events,
 * and the ticks of the local guide's checklist (decision 027).
 */
export const staffOnlyTypes = ["restriction", "checklist_step"] as const satisfies readonly EventType[];

/** SQL condition (on `log_events`): the family may read the entry. */
export function visibleToFamilySql(): SQL {
  return sql`(${logEvents.type} not in ('restriction', 'checklist_step') and ${hiddenFromFamilySql()} is null)`;
}

/**
 * SQL condition (on `log_events`): the events of the opened log this viewer may see —
 * every event for the staff, what is not hidden from them for the family.
 */
export function visibleEvents(access: LogAccess): SQL {
  const own = eq(logEvents.logId, access.log.id);
  return access.viewer.kind === "family" ? and(own, visibleToFamilySql())! : own;
}

/** The same rule over timeline events already loaded with their reason (corrections ride on their entry). */
export function visibleToFamily<E extends Pick<TimelineEvent, "type" | "restrictedReason">>(events: E[]): E[] {
  return events.filter((e) => e.restrictedReason === null && !(staffOnlyTypes as readonly string[]).includes(e.type));
}

/** Whether an entry is already hidden from the family (so hiding it again adds nothing). */
export async function isHiddenFromFamily(db: Queryable, event: { id: string; logId: string }) {
  // In a where clause: drizzle writes a single-table query's selected columns unqualified,
  // which would bind them to the subqueries' own tables.
  const row = await db
    .select({ id: logEvents.id })
    .from(logEvents)
    .where(and(eq(logEvents.id, event.id), eq(logEvents.logId, event.logId), sql`${hiddenFromFamilySql()} is not null`))
    .get();
  return row !== undefined;
}
