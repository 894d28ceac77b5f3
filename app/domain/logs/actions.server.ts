import { and, asc, eq, inArray, isNull, min } from "drizzle-orm";
import { database, type Queryable, type Transaction } from "../../../db/client.server";
import { actions, logParticipants, logs, users } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import type { BtiLevel, ResponsibleKind } from "../../lib/enums";
import type { ResponsibleInput } from "../../lib/responsible";
import { createId } from "../../lib/ids";
import type { Actor } from "../auth/permissions";
import { AppError, fieldError, notFound } from "../errors.server";
import { isCovered } from "../access/consent-gate.server";
import { noticeToFamily } from "../family/notices.server";
import type { LogRow, StaffAccess, StaffCheck } from "../access/open.server";
import { appendEvent, assertNotBeforeBirth, assertNotFuture, assertNotTooFarAhead, withAccess, type EventOptions } from "./events.server";

/**
 * The work on a relay log (DESIGN.md rules 1 and 6): actions (tiltak) with their goal and
 * evaluation date, their evaluations and decisions, and the BTI level the effort is at —
 * with the rule that levels 2 and 3 need another service on the log.
 */

/**
 * Level 2 and 3 mean other services take part: at least one current participant from
 * another service whose consent still covers it (issue 4 item 11).
 */
export async function assertLevelAllowed(tx: Transaction, log: LogRow, to: number, field: string) {
  if (to < 2) return;
  const others = await tx
    .select({ serviceId: logParticipants.serviceId })
    .from(logParticipants)
    .where(and(eq(logParticipants.logId, log.id), isNull(logParticipants.endedAt)));
  for (const p of others) {
    if (p.serviceId !== log.holderServiceId && (await isCovered(tx, log.id, p.serviceId))) return;
  }
  throw fieldError(field, "level_needs_other_service");
}

/** The log's next evaluation date: the earliest of its running actions (none when none runs). */
export async function refreshNextEvaluation(tx: Transaction, logId: string) {
  const [row] = await tx
    .select({ next: min(actions.evaluateOn) })
    .from(actions)
    .where(and(eq(actions.logId, logId), eq(actions.active, true)));
  await tx
    .update(logs)
    .set({ nextEvaluationOn: row?.next ?? null })
    .where(eq(logs.id, logId));
}

export interface ActionInput {
  description: string;
  goal: string;
  responsible: ResponsibleInput;
  startOn: string;
  evaluateOn: string;
}

/** The people an action can name as responsible: the holder and the current participants. */
export async function peopleOnLog(tx: Queryable, log: Pick<LogRow, "id" | "holderId">) {
  const participants = await tx
    .select({ userId: logParticipants.userId })
    .from(logParticipants)
    .where(and(eq(logParticipants.logId, log.id), isNull(logParticipants.endedAt)));
  return new Set([log.holderId, ...participants.map((p) => p.userId)]);
}

/**
 * What the action forms offer as responsible people: the holder first, then the current
 * participants with their service (someone outside the log is written as text).
 */
export async function responsibleChoices(access: StaffAccess) {
  const { db } = await database();
  const onLog = await peopleOnLog(db, access.log);
  const rows = await db
    .select({ userId: users.id, name: users.name })
    .from(users)
    .where(and(inArray(users.id, [...onLog]), eq(users.active, true)))
    .orderBy(asc(users.name));
  return rows
    .map((r) => ({ ...r, isHolder: r.userId === access.log.holderId }))
    .sort((a, b) => Number(b.isHolder) - Number(a.isHolder));
}

/**
 * The responsible as stored: a person must be on the log (the holder or a participant), so
 * reminders reach someone who can open it; their name is kept as written then. Someone
 * else is the text as written; the guardians and the child need no text.
 */
async function storedResponsible(
  tx: Transaction,
  log: LogRow,
  input: ResponsibleInput,
  field: string,
): Promise<{ responsible: string; responsibleKind: ResponsibleKind; responsibleUserId: string | null }> {
  if (input.kind === "other") {
    if (!input.text.trim()) throw fieldError(`${field}Other`, "required");
    return { responsible: input.text.trim(), responsibleKind: "other", responsibleUserId: null };
  }
  if (input.kind !== "person") return { responsible: "", responsibleKind: input.kind, responsibleUserId: null };
  const onLog = await peopleOnLog(tx, log);
  const person = onLog.has(input.userId)
    ? await tx.select({ name: users.name }).from(users).where(and(eq(users.id, input.userId), eq(users.active, true))).get()
    : undefined;
  if (!person) throw fieldError(field, "responsible_not_on_log");
  return { responsible: person.name, responsibleKind: "person", responsibleUserId: input.userId };
}

/** An action's evaluation date: after its start, not past, at most two years ahead. */
export function checkActionDates(input: { startOn: string; evaluateOn: string }, field = "evaluateOn") {
  if (input.evaluateOn <= input.startOn) throw fieldError(field, "evaluation_before_start");
  if (input.evaluateOn < todayInOslo()) throw fieldError(field, "date_in_past");
  assertNotTooFarAhead(field, input.evaluateOn);
}

/** Inside a write transaction: the action row and its timeline event (relay logs only). */
export async function insertAction(
  tx: Transaction,
  access: StaffCheck,
  actor: Actor,
  input: ActionInput,
  options: { actionId?: string; event?: EventOptions; responsibleField?: string } = {},
) {
  if (access.log.kind !== "relay") throw new AppError(409, "concern_has_no_actions");
  await assertNotBeforeBirth(tx, access, "startOn", input.startOn);
  const logId = access.log.id;
  const actionId = options.actionId ?? createId();
  const responsible = await storedResponsible(tx, access.log, input.responsible, options.responsibleField ?? "responsible");
  const fields = { description: input.description, goal: input.goal, ...responsible, startOn: input.startOn, evaluateOn: input.evaluateOn };
  await tx.insert(actions).values({ id: actionId, logId, ...fields, createdAt: new Date() });
  const occurredOn = input.startOn <= todayInOslo() ? input.startOn : todayInOslo();
  await appendEvent(tx, access, actor, "action", occurredOn, { actionId, ...fields }, null, options.event);
  await refreshNextEvaluation(tx, logId);
  return actionId;
}

/** A concrete action (tiltak): what, the goal, who is responsible, start and evaluation date. */
export async function addAction(actor: Actor, logId: string, input: ActionInput) {
  checkActionDates(input);
  return withAccess(actor, logId, "write", (tx, access) => insertAction(tx, access, actor, input));
}

export interface EvaluationInput {
  evaluatedOn: string;
  whatHappened: string;
  whatWorked: string;
  childExperience: string;
  decision: "continue" | "adjust" | "end" | "change_level" | "close";
  adjustment?: string;
  nextEvaluateOn?: string;
  newLevel?: BtiLevel;
  justification?: string;
}

/**
 * Evaluate an action: what happened, what worked, the child's experience, and the decision.
 * "continue" and "adjust" set the next evaluation date; "end" ends the action; "change_level"
 * also changes the log's level (the holder only); "close" records the evaluation and the
 * holder goes on to close the log.
 */
export async function evaluateAction(actor: Actor, logId: string, actionId: string, input: EvaluationInput) {
  assertNotFuture("evaluatedOn", input.evaluatedOn);
  const needsNext = input.decision === "continue" || input.decision === "adjust" || input.decision === "change_level";
  if (needsNext && !input.nextEvaluateOn) throw fieldError("nextEvaluateOn", "required");
  if (needsNext && input.nextEvaluateOn! <= todayInOslo()) throw fieldError("nextEvaluateOn", "date_not_future");
  if (needsNext) assertNotTooFarAhead("nextEvaluateOn", input.nextEvaluateOn!);
  if (input.decision === "adjust" && !input.adjustment) throw fieldError("adjustment", "required");
  if (input.decision === "change_level") {
    if (input.newLevel === undefined) throw fieldError("newLevel", "required");
    if (!input.justification) throw fieldError("justification", "required");
  }
  const holderOnly = input.decision === "change_level" || input.decision === "close";
  await withAccess(actor, logId, holderOnly ? "hold" : "write", async (tx, access) => {
    const action = await tx
      .select()
      .from(actions)
      .where(and(eq(actions.id, actionId), eq(actions.logId, logId)))
      .get();
    if (!action) throw notFound();
    if (!action.active) throw new AppError(409, "action_ended");
    await assertNotBeforeBirth(tx, access, "evaluatedOn", input.evaluatedOn);
    if (input.decision === "change_level" && input.newLevel === access.log.level) {
      throw fieldError("newLevel", "level_unchanged");
    }
    if (input.decision === "change_level") await assertLevelAllowed(tx, access.log, input.newLevel!, "newLevel");
    await appendEvent(tx, access, actor, "evaluation", input.evaluatedOn, {
      actionId,
      actionDescription: action.description,
      whatHappened: input.whatHappened,
      whatWorked: input.whatWorked,
      childExperience: input.childExperience,
      decision: input.decision,
      adjustment: input.decision === "adjust" ? input.adjustment : undefined,
      nextEvaluateOn: needsNext ? input.nextEvaluateOn : undefined,
      newLevel: input.decision === "change_level" ? input.newLevel : undefined,
    });
    if (input.decision === "end") {
      await tx.update(actions).set({ active: false, endedAt: new Date() }).where(eq(actions.id, actionId));
    } else if (needsNext) {
      await tx.update(actions).set({ evaluateOn: input.nextEvaluateOn! }).where(eq(actions.id, actionId));
    }
    if (input.decision === "change_level") {
      await tx.update(logs).set({ level: input.newLevel! }).where(eq(logs.id, logId));
      const eventId = await appendEvent(tx, access, actor, "level_change", input.evaluatedOn, {
        from: access.log.level,
        to: input.newLevel!,
        justification: input.justification!,
      });
      await noticeToFamily(tx, logId, "level", eventId);
    }
    await refreshNextEvaluation(tx, logId);
  });
}

/** Change the BTI level: from, to, why, who (the holder). Down is as normal as up. */
export interface LevelInput {
  to: BtiLevel;
  justification: string;
  responsibilityGroup?: string;
  individualPlan?: boolean;
  planCoordinator?: string;
}

export async function changeLevel(actor: Actor, logId: string, input: LevelInput) {
  await withAccess(actor, logId, "hold", async (tx, access) => {
    if (access.log.kind !== "relay") throw new AppError(409, "not_a_relay_log");
    if (!input.justification.trim()) throw fieldError("justification", "required");
    if (input.to === access.log.level) throw fieldError("to", "level_unchanged");
    await assertLevelAllowed(tx, access.log, input.to, "to");
    if (input.to === 3 && !input.responsibilityGroup?.trim()) throw fieldError("responsibilityGroup", "required");
    if (input.individualPlan && !input.planCoordinator?.trim()) throw fieldError("planCoordinator", "required");
    await tx.update(logs).set({ level: input.to }).where(eq(logs.id, logId));
    const eventId = await appendEvent(tx, access, actor, "level_change", todayInOslo(), {
      from: access.log.level,
      to: input.to,
      justification: input.justification,
      ...(input.to === 3
        ? {
            responsibilityGroup: input.responsibilityGroup!.trim(),
            individualPlan: input.individualPlan ?? false,
            planCoordinator: input.individualPlan ? input.planCoordinator!.trim() : undefined,
          }
        : {}),
    });
    await noticeToFamily(tx, logId, "level", eventId);
  });
}
