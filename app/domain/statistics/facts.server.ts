import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client.server";
import { handovers, logEvents, logInvitations, logs, services } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import type { CloseReason, ServiceKind } from "../../lib/enums";
import { gateContext, keepConsentSql } from "../access/consent-gate.server";
import type { HandoverFact, InvitationFact, LevelFact, LogFacts } from "./compute";

/**
 * The municipality's picture for the BTI coordinator (issue 12 points 1–2, DESIGN.md §3):
 * counts over the logs the rules allow to be counted — relay logs, never a level-0 private
 * concern (kind 'concern'), and of course never a deleted one — reduced here to dates and
 * levels and then suppressed (tables.ts). No name, birth date, national id, guardian,
 * free text or log id leaves this module. Reading aggregates opens no log, so it writes no
 * access-log row (the coordinator's viewer opens none, access/viewer.ts).
 */

const dayOf = (ms: Date | number | null) => (ms === null ? null : todayInOslo(ms));

export async function loadFacts(db: Queryable, today: string) {
  const gate = await gateContext(db, today);
  const counted = eq(logs.kind, "relay");
  const logRows = await db
    .select({
      id: logs.id,
      serviceKind: services.kind,
      state: logs.state,
      level: logs.level,
      createdAt: logs.createdAt,
      nextEvaluationOn: logs.nextEvaluationOn,
      lastChildVoiceOn: logs.lastChildVoiceOn,
      hasKeepConsent: sql<number>`${keepConsentSql(sql`${logs.id}`, gate)}`.mapWith(Boolean),
      concernOn: sql<string | null>`(select min(${logEvents.occurredOn}) from ${logEvents}
        where ${logEvents.logId} = ${logs.id} and ${logEvents.type} = 'concern')`,
      firstActionOn: sql<string | null>`(select min(${logEvents.occurredOn}) from ${logEvents}
        where ${logEvents.logId} = ${logs.id} and ${logEvents.type} = 'action')`,
    })
    .from(logs)
    .innerJoin(services, eq(services.id, logs.holderServiceId))
    .where(counted);

  const eventRows = await db
    .select({
      logId: logEvents.logId,
      type: logEvents.type,
      on: logEvents.occurredOn,
      level: sql<number | null>`json_extract(${logEvents.data}, '$.level')`,
      from: sql<number | null>`json_extract(${logEvents.data}, '$.from')`,
      to: sql<number | null>`json_extract(${logEvents.data}, '$.to')`,
      reason: sql<string | null>`json_extract(${logEvents.data}, '$.reason')`,
    })
    .from(logEvents)
    .innerJoin(logs, eq(logs.id, logEvents.logId))
    .where(and(counted, inArray(logEvents.type, ["became_log", "level_change", "closed", "reopened"])))
    .orderBy(logEvents.logId, logEvents.occurredOn, logEvents.seq);

  const factsByLog = new Map<string, LevelFact[]>();
  for (const e of eventRows) {
    const list = factsByLog.get(e.logId) ?? [];
    if (e.type === "became_log") list.push({ type: "became_log", on: e.on, level: Number(e.level ?? 0) });
    else if (e.type === "level_change") list.push({ type: "level_change", on: e.on, from: Number(e.from), to: Number(e.to) });
    else if (e.type === "closed") list.push({ type: "closed", on: e.on, reason: (e.reason ?? "other") as CloseReason });
    else list.push({ type: "reopened", on: e.on });
    factsByLog.set(e.logId, list);
  }
  // A log is started the day it became a relay log; the order inside a day is the timeline's.
  const logFacts: LogFacts[] = logRows.map((r) => ({
    serviceKind: r.serviceKind as ServiceKind,
    concernOn: r.concernOn ?? dayOf(r.createdAt)!,
    firstActionOn: r.firstActionOn,
    facts: factsByLog.get(r.id) ?? [],
    open: r.state === "open",
    level: r.level,
    nextEvaluationOn: r.nextEvaluationOn,
    lastChildVoiceOn: r.lastChildVoiceOn,
    hasKeepConsent: r.hasKeepConsent,
  }));

  const invitations: InvitationFact[] = (
    await db
      .select({
        serviceKind: services.kind,
        createdAt: logInvitations.createdAt,
        respondBy: logInvitations.respondBy,
        status: logInvitations.status,
        answeredAt: logInvitations.answeredAt,
      })
      .from(logInvitations)
      .innerJoin(logs, eq(logs.id, logInvitations.logId))
      .innerJoin(services, eq(services.id, logs.holderServiceId))
      .where(counted)
  ).map((r) => ({
    serviceKind: r.serviceKind as ServiceKind,
    createdOn: dayOf(r.createdAt)!,
    respondBy: r.respondBy,
    status: r.status,
    answeredOn: dayOf(r.answeredAt),
  }));

  const handoverFacts: HandoverFact[] = (
    await db
      .select({ serviceKind: services.kind, proposedAt: handovers.proposedAt, status: handovers.status })
      .from(handovers)
      .innerJoin(logs, eq(logs.id, handovers.logId))
      .innerJoin(services, eq(services.id, handovers.fromServiceId))
      .where(counted)
  ).map((r) => ({ serviceKind: r.serviceKind as ServiceKind, proposedOn: dayOf(r.proposedAt)!, status: r.status }));

  return { logs: logFacts, invitations, handovers: handoverFacts };
}

/** The years a coordinator can choose: from the first relay log's year to this year. */
export function yearsOf(facts: LogFacts[], today: string): number[] {
  const thisYear = Number(today.slice(0, 4));
  let first = thisYear;
  for (const log of facts) {
    for (const f of log.facts) first = Math.min(first, Number(f.on.slice(0, 4)));
  }
  const years: number[] = [];
  for (let y = thisYear; y >= first; y--) years.push(y);
  return years;
}

