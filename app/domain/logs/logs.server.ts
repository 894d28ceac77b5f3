import { and, asc, desc, eq, isNull, max, min, or } from "drizzle-orm";
import { database, type Transaction } from "../../../db/client.server";
import { actions, childServices, children, guardians, logEvents, logParticipants, logs, services, users } from "../../../db/schema";
import { addDays, isTooFarAhead, isTooOldForBirthDate, todayInOslo } from "../../lib/dates";
import type { BtiLevel, CloseReason, EventType, GuardianRelation, VoiceMethod } from "../../lib/enums";
import { createId } from "../../lib/ids";
import { syncLogRemindersBeforeCommit } from "../jobs/tick.server";
import { parseNationalId } from "../../lib/national-id";
import { correctableTypes, type EventData } from "../../lib/timeline";
import type { Actor } from "../auth/permissions";
import { AppError, fieldError, notFound } from "../errors.server";
import { recordConsentIn } from "../consent/consents.server";
import { gateContext, isCovered } from "../access/consent-gate.server";
import { assertMay, checkLog, readableLogs, recordSearchHits, type LogRow, type StaffAccess, type StaffCheck } from "../access/open.server";
import { staffViewer } from "../access/viewer";
import { guideSettingsIn } from "../guide.server";

/**
 * The relay log's life: a private level-0 concern, the relay log it may become, and every
 * entry on its append-only timeline. Each function takes the acting person, checks access
 * in access/open.server.ts, and writes the event and the state it changes in one transaction.
 */

/** Extra columns of an event: not shown to the guardians (with why), or about another event. */
export interface EventOptions {
  /** Set at insert when the guardians may not read the entry (DESIGN.md rule 4, §3). */
  restrictedReason?: string | null;
  /** For an event about an earlier one (a later restriction). */
  aboutEventId?: string | null;
}

/** The log an event goes on, and the service its author acts for (none for a family member). */
export interface EventScope {
  log: LogRow;
  serviceId: string | null;
}

/** Append one event; `seq` orders a log's timeline. */
export async function appendEvent<T extends EventType>(
  tx: Transaction,
  access: EventScope,
  actor: Pick<Actor, "id">,
  type: T,
  occurredOn: string,
  data: EventData[T],
  correctsEventId: string | null = null,
  options: EventOptions = {},
) {
  const [row] = await tx
    .select({ last: max(logEvents.seq) })
    .from(logEvents)
    .where(eq(logEvents.logId, access.log.id));
  const id = createId();
  const now = new Date();
  await tx.insert(logEvents).values({
    id,
    logId: access.log.id,
    seq: (row?.last ?? 0) + 1,
    type,
    authorId: actor.id,
    authorServiceId: access.serviceId,
    occurredOn,
    recordedAt: now,
    correctsEventId,
    aboutEventId: options.aboutEventId ?? null,
    restrictedReason: options.restrictedReason ?? null,
    data,
  });
  await tx.update(logs).set({ updatedAt: now }).where(eq(logs.id, access.log.id));
  // Reminders follow the log's state in the same transaction (decision 019).
  syncLogRemindersBeforeCommit(tx, access.log.id);
  return id;
}

/** Inside a write transaction: re-read access so a check and its write see the same state. */
export async function withAccess<T>(
  actor: Actor,
  logId: string,
  need: "write" | "hold",
  fn: (tx: Transaction, access: StaffCheck) => Promise<T>,
): Promise<T> {
  const { transaction } = await database();
  return transaction(async (tx) => fn(tx, await checkLog(tx, staffViewer(actor), logId, need)));
}

export function assertNotFuture(field: string, isoDate: string) {
  if (isoDate > todayInOslo()) throw fieldError(field, "date_in_future");
}

/** An evaluation or respond-by date at most two years ahead (issue 9 point 10). */
export function assertNotTooFarAhead(field: string, isoDate: string) {
  if (isTooFarAhead(isoDate, todayInOslo())) throw fieldError(field, "date_too_far_ahead");
}

/**
 * Inside a log's write transaction: what was noticed, happened or was heard cannot have
 * happened before the child was born (issue 9 point 10).
 */
export async function assertNotBeforeBirth(tx: Transaction, access: EventScope, field: string, isoDate: string) {
  const child = await tx
    .select({ birthDate: children.birthDate })
    .from(children)
    .where(eq(children.id, access.log.childId))
    .get();
  if (child && isoDate < child.birthDate) throw fieldError(field, "date_before_birth");
}

/**
 * Level 2 and 3 mean other services take part: at least one current participant from
 * another service whose consent still covers it (issue 4 item 11).
 */
async function assertLevelAllowed(tx: Transaction, log: LogRow, to: number, field: string) {
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

async function refreshNextEvaluation(tx: Transaction, logId: string) {
  const [row] = await tx
    .select({ next: min(actions.evaluateOn) })
    .from(actions)
    .where(and(eq(actions.logId, logId), eq(actions.active, true)));
  await tx
    .update(logs)
    .set({ nextEvaluationOn: row?.next ?? null })
    .where(eq(logs.id, logId));
}

// ---------------------------------------------------------------------------------------
// Level 0: a private concern
// ---------------------------------------------------------------------------------------

export interface ConcernInput {
  serviceId: string;
  childName: string;
  birthDate: string;
  nationalId?: string;
  attendsServiceId?: string;
  noticedOn: string;
  what: string;
  context: string;
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

/** Write down a concern. It is the employee's own (and, if they choose, their leader's). */
export async function startConcern(actor: Actor, input: ConcernInput) {
  const membership = actor.memberships.find((m) => m.serviceId === input.serviceId);
  if (!membership) throw fieldError("serviceId", "service_unknown");
  assertNotFuture("noticedOn", input.noticedOn);
  assertNotFuture("birthDate", input.birthDate);
  if (isTooOldForBirthDate(input.birthDate, todayInOslo())) throw fieldError("birthDate", "birth_date_too_old");
  if (input.noticedOn < input.birthDate) throw fieldError("noticedOn", "date_before_birth");
  if (input.nationalId) {
    const parsed = parseNationalId(input.nationalId);
    if (!parsed) throw fieldError("nationalId", "national_id_invalid");
    if (parsed.birthDate !== input.birthDate) throw fieldError("nationalId", "national_id_birth_date_mismatch");
  }
  const { db, transaction } = await database();
  if (input.attendsServiceId) {
    const attended = await db
      .select({ id: services.id })
      .from(services)
      .where(and(eq(services.id, input.attendsServiceId), eq(services.active, true)))
      .get();
    if (!attended) throw fieldError("attendsServiceId", "service_unknown");
  }
  const childId = createId();
  const logId = createId();
  const now = new Date();
  await transaction(async (tx) => {
    const guide = await guideSettingsIn(tx);
    await tx.insert(children).values({
      id: childId,
      name: input.childName,
      birthDate: input.birthDate,
      nationalId: input.nationalId || null,
      createdBy: actor.id,
      createdAt: now,
    });
    if (input.attendsServiceId) {
      await tx.insert(childServices).values({ childId, serviceId: input.attendsServiceId });
    }
    await tx.insert(logs).values({
      id: logId,
      childId,
      kind: "concern",
      state: "open",
      level: 0,
      holderId: actor.id,
      holderServiceId: input.serviceId,
      decisionDueOn: addDays(todayInOslo(now), guide.level0DecisionDays),
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    const log = (await tx.select().from(logs).where(eq(logs.id, logId)).get())!;
    await appendEvent(tx, { log, serviceId: input.serviceId }, actor, "concern", input.noticedOn, {
      what: input.what,
      context: input.context,
    });
  });
  return { logId };
}

/** Level 0: discuss the concern with the leader of one's service (they can then read it). */
export async function shareWithLeader(actor: Actor, logId: string) {
  await withAccess(actor, logId, "hold", async (tx, access) => {
    if (access.log.kind !== "concern") throw new AppError(409, "not_a_concern");
    if (access.log.sharedWithLeader) return;
    await tx.update(logs).set({ sharedWithLeader: true }).where(eq(logs.id, logId));
    await appendEvent(tx, access, actor, "shared_with_leader", todayInOslo(), {});
  });
}

export interface GuardianInput {
  name: string;
  relation: GuardianRelation;
  parentalResponsibility: boolean;
  email?: string;
  phone?: string;
  toldOn?: string;
}

export async function addGuardian(actor: Actor, logId: string, input: GuardianInput) {
  if (input.toldOn) assertNotFuture("toldOn", input.toldOn);
  await withAccess(actor, logId, "hold", async (tx, access) => {
    await tx.insert(guardians).values({
      id: createId(),
      childId: access.log.childId,
      name: input.name,
      relation: input.relation,
      parentalResponsibility: input.parentalResponsibility,
      email: input.email || null,
      phone: input.phone || null,
      toldOn: input.toldOn || null,
      createdAt: new Date(),
    });
    await appendEvent(tx, access, actor, "guardian_added", input.toldOn || todayInOslo(), {
      name: input.name,
      relation: input.relation,
      parentalResponsibility: input.parentalResponsibility,
      toldOn: input.toldOn || null,
    });
  });
}

/**
 * The consent to keep the log, asked for when a concern becomes a relay log (DESIGN.md §1):
 * recorded there and then — who gave it, how, when — or explicitly deferred with a reason.
 */
export type KeepConsentStep =
  | {
      kind: "record";
      guardianIds: string[];
      youngPerson: boolean;
      form: "written" | "oral";
      /** The note of the conversation; required for an oral consent. */
      note?: string;
      purpose: string;
      givenOn: string;
    }
  | { kind: "defer"; reason: string };

export interface BecomeInput {
  level: 1 | 2;
  guardiansToldOn: string;
  keep: KeepConsentStep;
}

/** For the become form (an opened log): the guardians who can consent to keeping the log, and the young person. */
export async function becomeFormData(access: StaffAccess) {
  assertMay(access, "hold");
  const { db } = await database();
  if (access.log.kind !== "concern") throw new AppError(409, "not_a_concern");
  const ctx = await gateContext(db);
  const child = (await db.select({ birthDate: children.birthDate }).from(children).where(eq(children.id, access.log.childId)).get())!;
  const registered = await db.select().from(guardians).where(eq(guardians.childId, access.log.childId));
  return {
    guardianCount: registered.length,
    guardians: registered
      .filter((g) => g.parentalResponsibility)
      .map((g) => ({ id: g.id, name: g.name, relation: g.relation })),
    youngPersonMayConsent: child.birthDate <= ctx.consentAgeBornBy,
  };
}

/**
 * Level 0 → a relay log at level 1 or 2. The guardians are involved: at least one guardian
 * must be registered, and the date they were told is recorded on each not yet told. The
 * consent to keep the log is recorded in the same transaction (recordConsentIn), or the
 * timeline says it was not yet recorded and why.
 */
export async function becomeRelayLog(actor: Actor, logId: string, input: BecomeInput) {
  assertNotFuture("guardiansToldOn", input.guardiansToldOn);
  const reason = input.keep.kind === "defer" ? input.keep.reason.trim() : "";
  if (input.keep.kind === "defer" && !reason) throw fieldError("deferReason", "required");
  await withAccess(actor, logId, "hold", async (tx, access) => {
    if (access.log.kind !== "concern") throw new AppError(409, "not_a_concern");
    const registered = await tx.select().from(guardians).where(eq(guardians.childId, access.log.childId));
    if (registered.length === 0) throw fieldError("level", "guardian_required");
    await assertLevelAllowed(tx, access.log, input.level, "level");
    await tx
      .update(guardians)
      .set({ toldOn: input.guardiansToldOn })
      .where(and(eq(guardians.childId, access.log.childId), isNull(guardians.toldOn)));
    await tx
      .update(logs)
      .set({ kind: "relay", level: input.level, decisionDueOn: null, sharedWithLeader: false })
      .where(eq(logs.id, logId));
    await appendEvent(tx, access, actor, "became_log", todayInOslo(), {
      level: input.level,
      guardiansToldOn: input.guardiansToldOn,
      keepConsent: input.keep.kind === "defer" ? { deferred: true, reason } : { deferred: false },
    });
    if (input.keep.kind === "record") {
      const relay = { ...access, log: { ...access.log, kind: "relay" as const, level: input.level } };
      await recordConsentIn(tx, relay, actor, {
        scope: "keep",
        decision: "given",
        form: input.keep.form,
        note: input.keep.note,
        purpose: input.keep.purpose,
        guardianIds: input.keep.guardianIds,
        youngPerson: input.keep.youngPerson,
        serviceIds: [],
        givenOn: input.keep.givenOn,
      });
    }
  });
}

// ---------------------------------------------------------------------------------------
// Entries anyone on the log may write (holder and participants)
// ---------------------------------------------------------------------------------------

/**
 * "Not shown to the guardians", chosen when an entry is written: undefined or null when the
 * guardians may read it; otherwise the reason, which must be given (DESIGN.md rule 4, §3).
 */
export interface Restrictable {
  restrictedReason?: string | null;
}

export function restrictionOf(input: Restrictable, field = "restrictedReason"): EventOptions {
  if (input.restrictedReason === undefined || input.restrictedReason === null) return {};
  const reason = input.restrictedReason.trim();
  if (!reason) throw fieldError(field, "required");
  return { restrictedReason: reason };
}

/** An action decided in a meeting: it starts on the meeting's date. */
export interface MeetingActionInput {
  description: string;
  goal: string;
  responsible: string;
  evaluateOn: string;
}

export type EntryInput = (
  | { type: "observation" | "note"; occurredOn: string; text: string }
  | {
      type: "meeting";
      occurredOn: string;
      title: string;
      /** Present. */
      attendees: string;
      /** Minutes. */
      notes: string;
      /** Invited but absent. */
      absent?: string;
      agenda?: string;
      decisions?: string;
      /** At most one new action, created in the same transaction as the meeting. */
      action?: MeetingActionInput;
    }
) &
  Restrictable;

/** An observation, a note or a meeting (with, optionally, the one action it decided). Returns the event id. */
export async function addEntry(actor: Actor, logId: string, input: EntryInput) {
  assertNotFuture("occurredOn", input.occurredOn);
  const restriction = restrictionOf(input);
  if (input.type === "meeting" && input.action) {
    checkActionDates({ startOn: input.occurredOn, evaluateOn: input.action.evaluateOn }, "actionEvaluateOn");
  }
  return withAccess(actor, logId, "write", async (tx, access) => {
    await assertNotBeforeBirth(tx, access, "occurredOn", input.occurredOn);
    if (input.type !== "meeting") {
      return appendEvent(tx, access, actor, input.type, input.occurredOn, { text: input.text }, null, restriction);
    }
    const action = input.action ? { ...input.action, startOn: input.occurredOn } : undefined;
    const actionId = action ? createId() : undefined;
    const eventId = await appendEvent(
      tx,
      access,
      actor,
      "meeting",
      input.occurredOn,
      {
        title: input.title,
        attendees: input.attendees,
        notes: input.notes,
        absent: input.absent || undefined,
        agenda: input.agenda || undefined,
        decisions: input.decisions || undefined,
        action: action ? { actionId: actionId!, description: action.description } : undefined,
      },
      null,
      restriction,
    );
    // Same rules as addAction; a refusal here rolls the meeting back too. The action's
    // event is hidden from the guardians when the meeting is.
    if (action) await insertAction(tx, access, actor, action, actionId, restriction);
    return eventId;
  });
}

export interface VoiceInput {
  who: "child" | "guardian";
  heardOn: string;
  method: VoiceMethod;
  text: string;
  /** For a guardian's voice: who spoke. */
  guardianName?: string;
  /** Not shown to the guardians, with why (see `Restrictable`). */
  restrictedReason?: string | null;
}

/** The child's or the guardians' own view, with how and when it was heard (rule 7). */
export async function addVoice(actor: Actor, logId: string, input: VoiceInput) {
  assertNotFuture("heardOn", input.heardOn);
  if (input.who === "guardian" && !input.guardianName) throw fieldError("guardianName", "required");
  const restriction = restrictionOf(input);
  return withAccess(actor, logId, "write", async (tx, access) => {
    await assertNotBeforeBirth(tx, access, "heardOn", input.heardOn);
    if (input.who === "child") {
      const last = access.log.lastChildVoiceOn;
      if (!last || input.heardOn > last) {
        await tx.update(logs).set({ lastChildVoiceOn: input.heardOn }).where(eq(logs.id, logId));
      }
      return appendEvent(
        tx,
        access,
        actor,
        "child_voice",
        input.heardOn,
        { text: input.text, method: input.method },
        null,
        restriction,
      );
    }
    return appendEvent(
      tx,
      access,
      actor,
      "guardian_voice",
      input.heardOn,
      { text: input.text, method: input.method, who: input.guardianName! },
      null,
      restriction,
    );
  });
}

export interface ActionInput {
  description: string;
  goal: string;
  responsible: string;
  startOn: string;
  evaluateOn: string;
}

function checkActionDates(input: { startOn: string; evaluateOn: string }, field = "evaluateOn") {
  if (input.evaluateOn <= input.startOn) throw fieldError(field, "evaluation_before_start");
  if (input.evaluateOn < todayInOslo()) throw fieldError(field, "date_in_past");
  assertNotTooFarAhead(field, input.evaluateOn);
}

/** Inside a write transaction: the action row and its timeline event (relay logs only). */
async function insertAction(
  tx: Transaction,
  access: StaffCheck,
  actor: Actor,
  input: ActionInput,
  actionId = createId(),
  options: EventOptions = {},
) {
  if (access.log.kind !== "relay") throw new AppError(409, "concern_has_no_actions");
  await assertNotBeforeBirth(tx, access, "startOn", input.startOn);
  const logId = access.log.id;
  await tx.insert(actions).values({ id: actionId, logId, ...input, createdAt: new Date() });
  const occurredOn = input.startOn <= todayInOslo() ? input.startOn : todayInOslo();
  await appendEvent(tx, access, actor, "action", occurredOn, { actionId, ...input }, null, options);
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
      await appendEvent(tx, access, actor, "level_change", input.evaluatedOn, {
        from: access.log.level,
        to: input.newLevel!,
        justification: input.justification!,
      });
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
    await appendEvent(tx, access, actor, "level_change", todayInOslo(), {
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
  });
}

export interface CloseInput {
  reason: CloseReason;
  summary: string;
  guardiansToldOn?: string;
}

/**
 * Close: a level-0 concern with "no further concern"; a relay log with one of the other
 * reasons, a summary and the date the guardians were told. Closed logs are read-only.
 */
export async function closeLog(actor: Actor, logId: string, input: CloseInput) {
  if (input.guardiansToldOn) assertNotFuture("guardiansToldOn", input.guardiansToldOn);
  await withAccess(actor, logId, "hold", async (tx, access) => {
    const concern = access.log.kind === "concern";
    // Set by a withdrawal of the consent to keep the log, never chosen by hand.
    if (input.reason === "consent_withdrawn") throw fieldError("reason", "reason_automatic");
    if (concern && input.reason !== "no_further_concern") throw fieldError("reason", "reason_not_for_concern");
    if (!concern && input.reason === "no_further_concern") throw fieldError("reason", "reason_only_for_concern");
    if (!concern && !input.guardiansToldOn) throw fieldError("guardiansToldOn", "required");
    await closeLogIn(tx, access, actor, {
      reason: input.reason,
      summary: input.summary,
      guardiansToldOn: input.guardiansToldOn || null,
    });
  });
}

/**
 * Close inside a transaction whose caller has checked who may: by the holder, by a
 * withdrawal of the consent to keep the log, or at the guardians' own request.
 */
export async function closeLogIn(tx: Transaction, scope: EventScope, actor: Pick<Actor, "id">, data: EventData["closed"]) {
  const now = new Date();
  // A closed log has no running actions and no pending decision.
  await tx
    .update(actions)
    .set({ active: false, endedAt: now })
    .where(and(eq(actions.logId, scope.log.id), eq(actions.active, true)));
  await tx
    .update(logs)
    .set({ state: "closed", closeReason: data.reason, closedAt: now, nextEvaluationOn: null, decisionDueOn: null })
    .where(eq(logs.id, scope.log.id));
  await appendEvent(tx, scope, actor, "closed", todayInOslo(now), data);
}

/** Reopen a closed log, with a reason (the holder only). */
export async function reopenLog(actor: Actor, logId: string, input: { reason: string }) {
  const { transaction } = await database();
  await transaction(async (tx) => {
    const access = await checkLog(tx, staffViewer(actor), logId, "read");
    if (access.role !== "holder") throw new AppError(403, "forbidden");
    if (access.log.state !== "closed") throw new AppError(409, "log_open");
    await tx.update(logs).set({ state: "open", closeReason: null, closedAt: null }).where(eq(logs.id, logId));
    await appendEvent(tx, access, actor, "reopened", todayInOslo(), { reason: input.reason });
    await refreshNextEvaluation(tx, logId);
  });
}



/**
 * Correct an entry: a new event pointing at the old one. The old one stays, shown struck
 * through. Only its author corrects it, while the log is open.
 */
export async function correctEvent(actor: Actor, logId: string, eventId: string, input: { text: string; reason: string }) {
  await withAccess(actor, logId, "write", async (tx, access) => {
    const target = await tx
      .select()
      .from(logEvents)
      .where(and(eq(logEvents.id, eventId), eq(logEvents.logId, logId)))
      .get();
    if (!target || !correctableTypes.has(target.type)) throw notFound();
    if (target.authorId !== actor.id) throw new AppError(403, "forbidden");
    await appendEvent(tx, access, actor, "correction", todayInOslo(), input, eventId);
  });
}

