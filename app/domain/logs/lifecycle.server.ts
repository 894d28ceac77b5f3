import { and, eq, isNull } from "drizzle-orm";
import { database, type Transaction } from "../../../db/client.server";
import { actions, childServices, children, guardians, logs, services } from "../../../db/schema";
import { addDays, isTooOldForBirthDate, todayInOslo } from "../../lib/dates";
import type { CloseReason, GuardianRelation } from "../../lib/enums";
import { createId } from "../../lib/ids";
import { parseNationalId } from "../../lib/national-id";
import type { EventData } from "../../lib/timeline";
import type { Actor } from "../auth/permissions";
import { AppError, fieldError, notFound } from "../errors.server";
import { recordConsentIn } from "../consent/consents.server";
import { gateContext } from "../access/consent-gate.server";
import { assertMay, checkLog, type StaffAccess } from "../access/open.server";
import { staffViewer } from "../access/viewer";
import { guideInEffect } from "../guide.server";
import { assertLevelAllowed, refreshNextEvaluation } from "./actions.server";
import { appendEvent, assertNotFuture, withAccess, type EventScope } from "./events.server";

/**
 * A log's life (DESIGN.md §1 and rule 8): a private level-0 concern, written down and
 * perhaps discussed with the leader; the guardians registered; the relay log it may become,
 * with the consent to keep it; closing with a reason, and reopening.
 */

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
    const guide = await guideInEffect(tx, todayInOslo(now));
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
      guideVersionId: guide.id,
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
  /** The language the guardian reads and speaks best, and whether an interpreter is needed. */
  language?: string;
  interpreterNeeded?: boolean;
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
      language: input.language?.trim() || null,
      interpreterNeeded: input.interpreterNeeded ?? false,
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

export interface GuardianDetails {
  email?: string;
  phone?: string;
  language?: string;
  interpreterNeeded: boolean;
}

/** The guardian of this log's child, for the holder's form. */
export async function guardianOf(access: StaffAccess, guardianId: string) {
  const { db } = await database();
  const row = await db
    .select()
    .from(guardians)
    .where(and(eq(guardians.id, guardianId), eq(guardians.childId, access.log.childId)))
    .get();
  if (!row) throw notFound();
  return { id: row.id, name: row.name, email: row.email, phone: row.phone, language: row.language, interpreterNeeded: row.interpreterNeeded };
}

/**
 * Change a guardian's contact details or language (the holder): the row, and a
 * `guardian_changed` event with the new values of what changed; nothing when nothing did.
 */
export async function changeGuardian(actor: Actor, logId: string, guardianId: string, input: GuardianDetails) {
  await withAccess(actor, logId, "hold", async (tx, access) => {
    const row = await tx
      .select()
      .from(guardians)
      .where(and(eq(guardians.id, guardianId), eq(guardians.childId, access.log.childId)))
      .get();
    if (!row) throw notFound();
    const next = {
      email: input.email?.trim() || null,
      phone: input.phone?.trim() || null,
      language: input.language?.trim() || null,
      interpreterNeeded: input.interpreterNeeded,
    };
    const changed = Object.fromEntries(Object.entries(next).filter(([k, v]) => row[k as keyof typeof next] !== v));
    if (Object.keys(changed).length === 0) return;
    await tx.update(guardians).set(next).where(eq(guardians.id, guardianId));
    await appendEvent(tx, access, actor, "guardian_changed", todayInOslo(), { name: row.name, ...changed });
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
// Closing and reopening
// ---------------------------------------------------------------------------------------

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
