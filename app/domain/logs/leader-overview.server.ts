import { and, asc, count, eq, inArray, isNull, like, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { database } from "../../../db/client.server";
import { actions, children, handovers, logs, memberships, services, users } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import { activeFlags, flagsFor } from "../../lib/flags";
import { gateContext, passesGate } from "../access/consent-gate.server";
import { ledLogIds, recordSearchHits } from "../access/open.server";
import { staffViewer } from "../access/viewer";
import type { Actor } from "../auth/permissions";
import { notFound } from "../errors.server";
import { guideInEffect } from "../guide.server";
import { flagColumns } from "./lists.server";
import { overdueLogInvitationsInMyServices, shortChildName } from "./log-invitations.server";
import { orphanedLogs } from "./orphaned-logs.server";

/**
 * The service leader's overview (issue 11 point 7, DESIGN.md §3 and rules 1, 6 and 10), for
 * the services the person leads: the open logs held there (the leader branch of need to
 * know, `ledLogIds`, never a scope of its own) with holder, level, next evaluation and flags;
 * the overdue evaluations across those logs; the orphaned logs; the invitations to people in
 * the service past their date; the handovers waiting for an answer. Listing is not opening:
 * no access-log row per row, as on the home list — but a search by the child's name records
 * each hit shown, as `listMyLogs` does. Anyone who leads no service gets 404.
 */

export const LEADER_PAGE_SIZE = 25;
/** The other sections are short in practice; a page never shows more than this of each. */
export const LEADER_SECTION_LIMIT = 100;

export interface LeaderFilter {
  /** One of the services the person leads; all of them when left out (or not one of theirs). */
  serviceId?: string;
  level?: number;
  /** Only logs with at least one flag raised. */
  flagged?: boolean;
  holderId?: string;
  /** Part of the child's name. */
  q?: string;
  page: number;
}

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);
const toUser = alias(users, "to_user");
const fromUser = alias(users, "from_user");
const toService = alias(services, "to_service");

export async function leaderOverview(actor: Actor, filter: LeaderFilter) {
  const led = actor.memberships.filter((m) => m.role === "leader");
  if (led.length === 0) throw notFound();
  const selected = led.some((m) => m.serviceId === filter.serviceId) ? [filter.serviceId!] : led.map((m) => m.serviceId);
  const scope = ledLogIds(actor, selected)!;
  const inScope = sql`${logs.id} in (${scope})`;
  const { db } = await database();
  const today = todayInOslo();
  const guide = await guideInEffect(db, today);
  const gate = await gateContext(db, today);
  const q = filter.q?.trim();

  // The holders to filter by: the people in the selected services.
  const members = await db
    .selectDistinct({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.serviceId, selected), isNull(memberships.endedAt)))
    .orderBy(asc(users.name), asc(users.id));

  // The open logs. Flags are worked out by `flagsFor` (the one rule the home list and the log
  // page use), so "only with flags" filters after it: every open log of the selected services
  // is read as a few columns, then one page is shown. A service holds hundreds, not millions.
  const where: SQL | undefined = and(
    inScope,
    eq(logs.state, "open"),
    filter.level !== undefined ? eq(logs.level, filter.level) : undefined,
    filter.holderId ? eq(logs.holderId, filter.holderId) : undefined,
    q ? like(children.name, `%${escapeLike(q)}%`) : undefined,
  );
  const candidates = await db
    .select({
      ...flagColumns(gate),
      childName: children.name,
      holderId: logs.holderId,
      holderName: users.name,
      holderActive: users.active,
      serviceId: logs.holderServiceId,
      serviceName: services.name,
    })
    .from(logs)
    .innerJoin(children, eq(children.id, logs.childId))
    .innerJoin(users, eq(users.id, logs.holderId))
    .innerJoin(services, eq(services.id, logs.holderServiceId))
    .where(where)
    .orderBy(sql`coalesce(${logs.decisionDueOn}, ${logs.nextEvaluationOn}) asc nulls last`, asc(children.name), asc(logs.id));
  const withFlags = candidates
    .map((r) => ({ ...r, flags: flagsFor(r, today, guide.evaluationIntervalDays) }))
    .filter((r) => !filter.flagged || activeFlags(r.flags).length > 0);
  const total = withFlags.length;
  const pages = Math.max(1, Math.ceil(total / LEADER_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page), pages);
  const shown = withFlags.slice((page - 1) * LEADER_PAGE_SIZE, page * LEADER_PAGE_SIZE);
  if (q) await recordSearchHits(staffViewer(actor), shown);

  // Overdue evaluations: active actions past their date on the open logs in scope.
  const overdueWhere = and(inScope, eq(logs.state, "open"), eq(actions.active, true), lt(actions.evaluateOn, today));
  const [{ overdueTotal }] = (await db
    .select({ overdueTotal: count() })
    .from(actions)
    .innerJoin(logs, eq(logs.id, actions.logId))
    .where(overdueWhere)) as [{ overdueTotal: number }];
  const overdue = await db
    .select({
      id: actions.id,
      logId: logs.id,
      childName: children.name,
      description: actions.description,
      responsible: actions.responsible,
      responsibleKind: actions.responsibleKind,
      evaluateOn: actions.evaluateOn,
      holderName: users.name,
    })
    .from(actions)
    .innerJoin(logs, eq(logs.id, actions.logId))
    .innerJoin(children, eq(children.id, logs.childId))
    .innerJoin(users, eq(users.id, logs.holderId))
    .where(overdueWhere)
    .orderBy(asc(actions.evaluateOn), asc(children.name), asc(actions.id))
    .limit(LEADER_SECTION_LIMIT);

  const orphaned = (await orphanedLogs(actor)).filter((o) => selected.includes(o.serviceId));
  const invitations = await overdueLogInvitationsInMyServices(actor, selected);

  // Handovers waiting: proposed, on open logs held in the selected services (the leader may
  // read those) or to a person in them (named as to that person: only while a consent covers
  // their service, first name and initials).
  const handoverRows = await db
    .select({
      id: handovers.id,
      logId: handovers.logId,
      from: fromUser.name,
      to: toUser.name,
      toEmail: toUser.email,
      toServiceId: handovers.toServiceId,
      toServiceName: toService.name,
      proposedAt: handovers.proposedAt,
      childName: children.name,
      level: logs.level,
      holderServiceId: logs.holderServiceId,
      readable: sql<number>`${logs.id} in (${ledLogIds(actor)!})`.mapWith(Boolean),
    })
    .from(handovers)
    .innerJoin(logs, eq(logs.id, handovers.logId))
    .innerJoin(children, eq(children.id, logs.childId))
    .innerJoin(fromUser, eq(fromUser.id, handovers.fromUserId))
    .innerJoin(toUser, eq(toUser.id, handovers.toUserId))
    .innerJoin(toService, eq(toService.id, handovers.toServiceId))
    .where(
      and(
        eq(handovers.status, "proposed"),
        eq(logs.state, "open"),
        or(inScope, inArray(handovers.toServiceId, selected)),
      ),
    )
    .orderBy(asc(handovers.proposedAt), asc(handovers.id))
    .limit(LEADER_SECTION_LIMIT);
  const waitingHandovers = [];
  for (const { childName, level, holderServiceId, toServiceId, proposedAt, ...h } of handoverRows) {
    const named = h.readable || (await passesGate(db, { id: h.logId, holderServiceId }, toServiceId, gate));
    waitingHandovers.push({
      ...h,
      proposedOn: proposedAt.toISOString(),
      log: named ? { child: h.readable ? childName : shortChildName(childName), level } : null,
    });
  }

  return {
    services: led.map((m) => ({ id: m.serviceId, name: m.serviceName })),
    filter: {
      serviceId: selected.length === 1 && led.length > 1 ? selected[0] : undefined,
      level: filter.level,
      flagged: !!filter.flagged,
      holderId: filter.holderId,
      q,
    },
    holders: members,
    logs: {
      rows: shown.map(({ serviceId: _serviceId, holderActive, ...r }) => ({ ...r, orphaned: !holderActive })),
      total,
      page,
      pages,
    },
    overdue: { rows: overdue, total: overdueTotal },
    orphaned,
    invitations,
    handovers: waitingHandovers,
  };
}
