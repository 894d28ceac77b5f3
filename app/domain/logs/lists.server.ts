import { and, asc, count, desc, eq, isNull, like, or, sql } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { children, logParticipants, logs, services, users } from "../../../db/schema";
import { addDays, todayInOslo } from "../../lib/dates";
import { flagsFor } from "../../lib/flags";
import { gateContext, keepConsentSql, type GateContext } from "../access/consent-gate.server";
import { readableLogs, recordSearchHits } from "../access/open.server";
import { staffViewer } from "../access/viewer";
import type { Actor } from "../auth/permissions";
import { guideInEffect } from "../guide.server";

/**
 * The logs a person may find, always inside the one SQL scope of need to know
 * (`readableLogs`), each search hit recorded in the access log: the home page's list (and
 * its search by the child's name), and the check for logs about the same child before a
 * concern is written.
 */

export const HOME_PAGE_SIZE = 25;

/**
 * The columns `flagsFor` reads, for a list of logs: the log's kind, state, level and dates,
 * and whether a consent to keep it counts — a correlated lookup (consents_log_idx) per row
 * selected, so select them for one page of rows, not for every log read.
 */
export function flagColumns(gate: GateContext) {
  return {
    id: logs.id,
    kind: logs.kind,
    state: logs.state,
    level: logs.level,
    decisionDueOn: logs.decisionDueOn,
    nextEvaluationOn: logs.nextEvaluationOn,
    lastChildVoiceOn: logs.lastChildVoiceOn,
    hasKeepConsent: sql<number>`${keepConsentSql(sql`${logs.id}`, gate)}`.mapWith(Boolean),
  };
}

export interface HomeFilter {
  level?: number;
  state?: "open" | "closed";
  q?: string;
  page: number;
}

/**
 * "Mine logger": the logs the person holds or takes part in — and, for a leader, the logs
 * held in their service — most urgent first. Searching by the child's name only ever
 * searches these; every hit is written to the access log.
 */
export async function listMyLogs(actor: Actor, filter: HomeFilter) {
  const { db } = await database();
  const today = todayInOslo();
  const guide = await guideInEffect(db, today);
  const voiceCutoff = addDays(today, -guide.evaluationIntervalDays);
  const q = filter.q?.trim();
  const gate = await gateContext(db, today);
  const where = and(
    readableLogs(staffViewer(actor), gate),
    filter.level !== undefined ? eq(logs.level, filter.level) : undefined,
    filter.state ? eq(logs.state, filter.state) : undefined,
    q ? like(children.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  // Most urgent first: open before closed; then anything overdue; then a missing child's
  // voice; then the nearest date (decision or evaluation).
  const dueDate = sql`coalesce(${logs.decisionDueOn}, ${logs.nextEvaluationOn})`;
  const urgency = sql<number>`case
    when ${logs.state} = 'closed' then 9
    when ${dueDate} is not null and ${dueDate} <= ${today} then 0
    when ${logs.kind} = 'relay' and ${logs.level} >= 1 and (${logs.lastChildVoiceOn} is null or ${logs.lastChildVoiceOn} < ${voiceCutoff}) then 1
    when ${dueDate} is not null then 2
    else 3 end`;
  const [{ total }] = (await db
    .select({ total: count() })
    .from(logs)
    .innerJoin(children, eq(children.id, logs.childId))
    .where(where)) as [{ total: number }];
  const pages = Math.max(1, Math.ceil(total / HOME_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), pages);
  const rows = await db
    .select({
      ...flagColumns(gate),
      holderId: logs.holderId,
      holderName: users.name,
      serviceId: logs.holderServiceId,
      serviceName: services.name,
      childName: children.name,
      birthDate: children.birthDate,
      updatedAt: logs.updatedAt,
    })
    .from(logs)
    .innerJoin(children, eq(children.id, logs.childId))
    .innerJoin(users, eq(users.id, logs.holderId))
    .innerJoin(services, eq(services.id, logs.holderServiceId))
    .where(where)
    .orderBy(urgency, sql`${dueDate} asc nulls last`, desc(logs.updatedAt))
    .limit(HOME_PAGE_SIZE)
    .offset((page - 1) * HOME_PAGE_SIZE);
  if (q) await recordSearchHits(staffViewer(actor), rows);
  const participating = new Set(
    (
      await db
        .select({ logId: logParticipants.logId })
        .from(logParticipants)
        .where(and(eq(logParticipants.userId, actor.id), isNull(logParticipants.endedAt)))
    ).map((r) => r.logId),
  );
  return {
    logs: rows.map(({ updatedAt, serviceId, ...r }) => ({
      ...r,
      updatedAt: updatedAt.toISOString(),
      relation: r.holderId === actor.id ? ("holder" as const) : participating.has(r.id) ? ("participant" as const) : ("leader" as const),
      flags: flagsFor(r, today, guide.evaluationIntervalDays),
    })),
    total,
    page,
    pages,
  };
}

/** Names compare as people type them: case, accents' case and spacing do not matter. */
const sameName = (a: string, b: string) =>
  a.trim().replace(/\s+/g, " ").toLocaleLowerCase("nb") === b.trim().replace(/\s+/g, " ").toLocaleLowerCase("nb");

/**
 * Before a concern is written: the logs the actor may already read about a child with
 * the same name and birth date (or the same national id). Only logs inside need to know
 * (the one SQL scope, `readableLogs`) are ever looked at, so a log the actor cannot read is
 * never revealed, not even by its existence. Each hit is a search hit in the access log.
 */
export async function readableLogsForChild(actor: Actor, input: { childName: string; birthDate: string; nationalId?: string }) {
  const { db } = await database();
  const rows = await db
    .select({
      id: logs.id,
      kind: logs.kind,
      state: logs.state,
      level: logs.level,
      serviceId: logs.holderServiceId,
      serviceName: services.name,
      holderName: users.name,
      childName: children.name,
      birthDate: children.birthDate,
      nationalId: children.nationalId,
    })
    .from(logs)
    .innerJoin(children, eq(children.id, logs.childId))
    .innerJoin(services, eq(services.id, logs.holderServiceId))
    .innerJoin(users, eq(users.id, logs.holderId))
    .where(
      and(
        readableLogs(staffViewer(actor), await gateContext(db)),
        input.nationalId ? or(eq(children.birthDate, input.birthDate), eq(children.nationalId, input.nationalId)) : eq(children.birthDate, input.birthDate),
      ),
    )
    .orderBy(desc(logs.updatedAt), asc(logs.id));
  const hits = rows.filter(
    (r) =>
      (r.birthDate === input.birthDate && sameName(r.childName, input.childName)) ||
      (!!input.nationalId && r.nationalId === input.nationalId),
  );
  await recordSearchHits(staffViewer(actor), hits);
  return hits.map(({ nationalId: _nationalId, serviceId: _serviceId, ...rest }) => rest);
}
