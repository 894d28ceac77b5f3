import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { database, type Queryable, type Transaction } from "../../../db/client.server";
import {
  children,
  consentAttachments,
  consentGuardians,
  consentServices,
  consents,
  guardians,
  handovers,
  memberships,
  services,
  users,
} from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import type { ConsentChange, ConsentDecision, ConsentForm, ConsentScope } from "../../lib/enums";
import { createId } from "../../lib/ids";
import type { Actor } from "../auth/permissions";
import { AppError, fieldError, notFound } from "../errors.server";
import { guideForLog } from "../guide.server";
import { assertMay, checkLog, openLog, type StaffAccess } from "../access/open.server";
import { transferRelay } from "../access/relay.server";
import { staffViewer } from "../access/viewer";
import { appendEvent, type EventScope } from "../logs/events.server";
import { closeLogIn } from "../logs/lifecycle.server";
import { sha256Hex } from "../auth/tokens.server";
import { MAX_ATTACHMENT_BYTES, sniffAttachment } from "./attachments.server";
import { consentCounts, coveringConsents, gateContext, hasKeepConsent, isCovered } from "../access/consent-gate.server";
import { previewAccessLoss, requireLossConfirmed, type AccessLoss } from "./impact.server";

/**
 * Consents (DESIGN.md rule 3): to keep the relay log, and to share it with services —
 * never with named people. Recorded by the holder (the family's own digital consent comes
 * with the family issue). A change is a new consent that supersedes the old; a withdrawal
 * takes effect at once through the gate in access/consent-gate.server.ts.
 */
export interface ConsentInput {
  scope: ConsentScope;
  decision: ConsentDecision;
  form: ConsentForm;
  note?: string;
  purpose: string;
  categories?: string[];
  /** Guardians who gave (or refused) it; empty when the young person gave it alone. */
  guardianIds: string[];
  youngPerson: boolean;
  /** Services covered. For "keep", the holder's own service is always covered. */
  serviceIds: string[];
  givenOn: string;
  expiresOn?: string;
  /** Widen, narrow or renew: the consent this one replaces. */
  replacesId?: string;
  /** The signed form, for a written consent. */
  attachment?: Uint8Array;
}

/**
 * What a change of a consent did (docs/decisions/012-consent-history.md): a first answer
 * or a co-guardian joining is "given"; the same services again is "renewed"; more is
 * "widened", fewer "narrowed", both "changed". A given consent replaced by a refusal, or
 * the reverse, reads as what it now is ("given" — the event's decision says given or refused).
 */
export function changeKind(diff: { added: number; removed: number; newGivers: boolean; decisionChanged: boolean }): ConsentChange {
  if (diff.decisionChanged) return "given";
  if (diff.added && diff.removed) return "changed";
  if (diff.added) return "widened";
  if (diff.removed) return "narrowed";
  return diff.newGivers ? "given" : "renewed";
}

function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, d));
  return date.toISOString().slice(0, 10);
}

async function childOf(db: Queryable, childId: string) {
  return (await db.select().from(children).where(eq(children.id, childId)).get())!;
}

/**
 * The holder records a consent. One that replaces another can narrow it and cut someone's
 * access: then `confirmLoss` must say that the holder has read who (requireLossConfirmed).
 */
export async function recordConsent(actor: Actor, logId: string, input: ConsentInput, options: { confirmLoss?: boolean } = {}) {
  const { transaction } = await database();
  return transaction(async (tx) => {
    const access = await checkLog(tx, staffViewer(actor), logId, "hold");
    await requireLossConfirmed(tx, logId, (trial) => recordConsentIn(trial, access, actor, input), options.confirmLoss);
    return recordConsentIn(tx, access, actor, input);
  });
}

/** For the consent form: who would lose read access if this consent were recorded as typed. */
export function consentLosses(actor: Actor, logId: string, input: ConsentInput): Promise<AccessLoss[]> {
  return previewAccessLoss(actor, logId, (tx, access) => recordConsentIn(tx, access, actor, input));
}

function validateConsentInput(input: ConsentInput) {
  if (input.givenOn > todayInOslo()) throw fieldError("givenOn", "date_in_future");
  if (input.form === "oral" && !input.note?.trim()) throw fieldError("note", "oral_consent_needs_note");
  if (!input.youngPerson && input.guardianIds.length === 0) throw fieldError("guardianIds", "consent_party_required");
  if (input.attachment && input.attachment.byteLength > 0) {
    if (input.form !== "written") throw fieldError("attachment", "attachment_only_written");
    if (input.attachment.byteLength > MAX_ATTACHMENT_BYTES) throw fieldError("attachment", "attachment_too_large");
    if (!sniffAttachment(input.attachment)) throw fieldError("attachment", "attachment_type");
  }
}

/**
 * Record a consent inside a transaction whose caller has checked who may: the holder
 * (recordConsent), or a guardian or the young person themself (family/consents.server.ts,
 * always in digital form). The recorder is the acting person.
 */
export async function recordConsentIn(tx: Transaction, access: EventScope, actor: Pick<Actor, "id">, input: ConsentInput) {
  validateConsentInput(input);
  const attachmentType = input.attachment && input.attachment.byteLength > 0 ? sniffAttachment(input.attachment) : null;
  const today = todayInOslo();
  if (access.log.kind !== "relay") throw new AppError(409, "not_a_relay_log");
  const logId = access.log.id;
  const guide = await guideForLog(tx, access.log);
  const child = await childOf(tx, access.log.childId);
  if (input.youngPerson) {
    const ctx = await gateContext(tx, today);
    if (child.birthDate > ctx.consentAgeBornBy) throw fieldError("youngPerson", "young_person_under_consent_age");
  }
  const childGuardians = await tx.select().from(guardians).where(eq(guardians.childId, child.id));
  const byId = new Map(childGuardians.map((g) => [g.id, g]));
  for (const id of input.guardianIds) {
    const g = byId.get(id);
    if (!g) throw fieldError("guardianIds", "guardian_unknown");
    if (!g.parentalResponsibility) throw fieldError("guardianIds", "guardian_without_responsibility");
  }
  const serviceIds = new Set(input.serviceIds);
  if (input.scope === "keep") serviceIds.add(access.log.holderServiceId);
  if (serviceIds.size === 0) throw fieldError("serviceIds", "consent_services_required");
  const known = await tx
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(and(inArray(services.id, [...serviceIds]), eq(services.active, true)));
  if (known.length !== serviceIds.size) throw fieldError("serviceIds", "service_unknown");
  const expiresOn = input.expiresOn ?? addMonths(input.givenOn, guide.consentValidityMonths);
  if (expiresOn <= input.givenOn) throw fieldError("expiresOn", "expiry_before_given");

  let replaces: typeof consents.$inferSelect | undefined;
  let change: ConsentChange = "given";
  let added: string[] = [];
  let removed: string[] = [];
  if (input.replacesId) {
    replaces = await tx
      .select()
      .from(consents)
      .where(and(eq(consents.id, input.replacesId), eq(consents.logId, logId), eq(consents.status, "active")))
      .get();
    if (!replaces) throw notFound();
    await tx.update(consents).set({ status: "superseded", endedAt: new Date() }).where(eq(consents.id, replaces.id));
    const before = await tx
      .select({ id: services.id, name: services.name })
      .from(consentServices)
      .innerJoin(services, eq(services.id, consentServices.serviceId))
      .where(eq(consentServices.consentId, replaces.id));
    const beforeGivers = new Set(
      (await tx.select().from(consentGuardians).where(eq(consentGuardians.consentId, replaces.id))).map((g) => g.guardianId),
    );
    added = known.filter((s) => !before.some((b) => b.id === s.id)).map((s) => s.name).sort();
    removed = before.filter((b) => !serviceIds.has(b.id)).map((b) => b.name).sort();
    change = changeKind({
      added: added.length,
      removed: removed.length,
      newGivers: input.guardianIds.some((g) => !beforeGivers.has(g)) || (input.youngPerson && !replaces.youngPerson),
      decisionChanged: input.decision !== replaces.decision,
    });
  }
  const id = createId();
  await tx.insert(consents).values({
    id,
    logId,
    scope: input.scope,
    decision: input.decision,
    form: input.form,
    note: input.note?.trim() || null,
    purpose: input.purpose,
    categories: input.categories?.length ? input.categories : null,
    youngPerson: input.youngPerson,
    givenOn: input.givenOn,
    expiresOn,
    recordedBy: actor.id,
    recordedAt: new Date(),
    status: "active",
    supersedesId: replaces?.id ?? null,
  });
  if (input.guardianIds.length) {
    await tx.insert(consentGuardians).values(input.guardianIds.map((guardianId) => ({ consentId: id, guardianId })));
  }
  await tx.insert(consentServices).values([...serviceIds].map((serviceId) => ({ consentId: id, serviceId })));
  if (attachmentType && input.attachment) {
    await tx.insert(consentAttachments).values({
      id: createId(),
      consentId: id,
      mimeType: attachmentType,
      size: input.attachment.byteLength,
      sha256: sha256Hex(Buffer.from(input.attachment).toString("binary")),
      data: Buffer.from(input.attachment),
      createdAt: new Date(),
    });
  }
  await appendEvent(tx, access, actor, "consent_recorded", input.givenOn, {
    consentId: id,
    scope: input.scope,
    decision: input.decision,
    form: input.form,
    purpose: input.purpose,
    services: known.map((s) => s.name).sort(),
    givenBy: input.guardianIds.map((g) => byId.get(g)!.name),
    youngPerson: input.youngPerson,
    givenOn: input.givenOn,
    expiresOn,
    replaces: replaces?.id ?? null,
    categories: input.categories?.length ? input.categories : undefined,
    change,
    ...(added.length ? { added } : {}),
    ...(removed.length ? { removed } : {}),
  });
  // Narrowing can uncover services just as a withdrawal does.
  if (replaces) await afterCoverageShrinks(tx, actor, access, replaces.scope === "keep");
  return { consentId: id };
}

/**
 * Who a consent is from: the young person alone, or guardians. "Withdraw for X" ends every
 * consent of the party that covers X (issue 9 point 2), so no parallel consent of theirs
 * keeps X in.
 */
export type ConsentParty = { youngPerson: true } | { youngPerson: false; guardianIds: string[] };

/**
 * Withdraw consent, with effect at once: the whole consent, or — with `serviceId` — the
 * party's consent for one service (every consent of theirs that covers it). Participants
 * whose service is no longer covered lose access on their next request (the gate); what
 * they wrote stays. If the holder's own service is uncovered, the relay returns to the
 * latest earlier holder whose service is still covered. If the consent to keep the log is
 * withdrawn, the log closes ("consent withdrawn") and stays with its holder only, for export.
 */
export async function withdrawConsent(
  actor: Actor,
  logId: string,
  consentId: string,
  input: { reason: string; serviceId?: string; confirmLoss?: boolean },
) {
  const { transaction } = await database();
  return transaction(async (tx) => {
    const access = await checkLog(tx, staffViewer(actor), logId, "hold");
    await requireLossConfirmed(tx, logId, (trial) => staffWithdrawalIn(trial, access, actor, consentId, input), input.confirmLoss);
    return staffWithdrawalIn(tx, access, actor, consentId, input);
  });
}

/** The holder's withdrawal itself: the whole consent, or the party's consent for one service. */
async function staffWithdrawalIn(
  tx: Transaction,
  access: EventScope,
  actor: Pick<Actor, "id">,
  consentId: string,
  input: { reason: string; serviceId?: string },
) {
  if (!input.serviceId) return withdrawConsentIn(tx, access, actor, consentId, input);
  const consent = await shareConsentCovering(tx, access.log.id, consentId, input.serviceId);
  return withdrawServiceIn(tx, access, actor, { party: await partyOf(tx, consent), serviceId: input.serviceId, reason: input.reason });
}

/** For the withdraw form: who would lose read access through this withdrawal (the same change). */
export function withdrawalLosses(actor: Actor, logId: string, consentId: string, serviceId?: string): Promise<AccessLoss[]> {
  return previewAccessLoss(actor, logId, (tx, access) => staffWithdrawalIn(tx, access, actor, consentId, { reason: "", serviceId }));
}

/** An active, given sharing consent of the log that covers the service; 404 otherwise. */
async function shareConsentCovering(db: Queryable, logId: string, consentId: string, serviceId: string) {
  const consent = await db
    .select()
    .from(consents)
    .innerJoin(consentServices, eq(consentServices.consentId, consents.id))
    .where(
      and(
        eq(consents.id, consentId),
        eq(consents.logId, logId),
        eq(consents.status, "active"),
        eq(consents.scope, "share"),
        eq(consents.decision, "given"),
        eq(consentServices.serviceId, serviceId),
      ),
    )
    .get();
  if (!consent) throw notFound();
  return consent.consents;
}

/** The party a consent is from. */
export async function partyOf(db: Queryable, consent: { id: string; youngPerson: boolean }): Promise<ConsentParty> {
  if (consent.youngPerson) return { youngPerson: true };
  const givers = await db.select().from(consentGuardians).where(eq(consentGuardians.consentId, consent.id));
  return { youngPerson: false, guardianIds: givers.map((g) => g.guardianId) };
}

/** Whether a consent (as consentState returns it) is from the party. */
function fromParty(c: { youngPerson: boolean; guardianIds: string[] }, party: ConsentParty) {
  return party.youngPerson ? c.youngPerson : !c.youngPerson && c.guardianIds.some((g) => party.guardianIds.includes(g));
}

/** Withdraw inside a transaction whose caller has checked who may (the holder, or the family). */
export async function withdrawConsentIn(
  tx: Transaction,
  access: EventScope,
  actor: Pick<Actor, "id">,
  consentId: string,
  input: { reason: string },
) {
  const logId = access.log.id;
  const consent = await tx
    .select()
    .from(consents)
    .where(and(eq(consents.id, consentId), eq(consents.logId, logId), eq(consents.status, "active")))
    .get();
  if (!consent) throw notFound();
  const now = new Date();
  await tx.update(consents).set({ status: "withdrawn", endedAt: now }).where(eq(consents.id, consentId));
  const covered = await tx
    .select({ id: services.id, name: services.name })
    .from(consentServices)
    .innerJoin(services, eq(services.id, consentServices.serviceId))
    .where(eq(consentServices.consentId, consentId))
    .orderBy(asc(services.name));
  await appendEvent(tx, access, actor, "consent_withdrawn", todayInOslo(), {
    consentId,
    scope: consent.scope,
    services: covered.map((s) => s.name),
    reason: input.reason,
  });
  await afterCoverageShrinks(tx, actor, access, consent.scope === "keep");
  return { stillCovered: await stillCoveredNames(tx, logId, covered) };
}

/**
 * Withdraw the party's consent for one service: every active, given sharing consent of
 * theirs that covers it ends — withdrawn when that was all it covered, otherwise narrowed
 * (a copy without the service, same giving date, expiry, form and signed form, recorded
 * today). One `consent_withdrawn` event says so, with what still holds.
 */
export async function withdrawServiceIn(
  tx: Transaction,
  access: EventScope,
  actor: Pick<Actor, "id">,
  input: { party: ConsentParty; serviceId: string; reason: string },
) {
  const logId = access.log.id;
  const affected = (await consentState(tx, access.log)).filter(
    (c) =>
      c.scope === "share" && c.decision === "given" && fromParty(c, input.party) && c.services.some((s) => s.id === input.serviceId),
  );
  if (affected.length === 0) throw notFound();
  const service = affected[0]!.services.find((s) => s.id === input.serviceId)!;
  const now = new Date();
  const remaining = new Map<string, string>();
  for (const c of affected) {
    const rest = c.services.filter((s) => s.id !== input.serviceId);
    if (rest.length === 0) {
      await tx.update(consents).set({ status: "withdrawn", endedAt: now }).where(eq(consents.id, c.id));
      continue;
    }
    const row = (await tx.select().from(consents).where(eq(consents.id, c.id)).get())!;
    await tx.update(consents).set({ status: "superseded", endedAt: now }).where(eq(consents.id, c.id));
    const id = createId();
    // The same consent, less the service: who gave it, when, how and who recorded it stay.
    await tx.insert(consents).values({ ...row, id, recordedAt: now, status: "active", endedAt: null, supersedesId: c.id });
    if (c.guardianIds.length) {
      await tx.insert(consentGuardians).values(c.guardianIds.map((guardianId) => ({ consentId: id, guardianId })));
    }
    await tx.insert(consentServices).values(rest.map((s) => ({ consentId: id, serviceId: s.id })));
    // The signed form stays the basis of what remains.
    await tx.run(sql`insert into ${consentAttachments} (id, consent_id, mime_type, size, sha256, data, created_at)
      select ${createId()}, ${id}, mime_type, size, sha256, data, created_at from ${consentAttachments} where consent_id = ${c.id}`);
    for (const s of rest) remaining.set(s.id, s.name);
  }
  await appendEvent(tx, access, actor, "consent_withdrawn", todayInOslo(), {
    consentId: affected[0]!.id,
    scope: "share",
    services: [service.name],
    reason: input.reason,
    remaining: [...remaining.values()].sort(),
    consentIds: affected.map((c) => c.id),
  });
  await afterCoverageShrinks(tx, actor, access, false);
  return { stillCovered: await stillCoveredNames(tx, logId, [service]) };
}

/** For the holder's withdraw form: what withdrawing the consent (or its service) will do. */
export async function staffWithdrawalPreview(access: StaffAccess, consentId: string, serviceId?: string) {
  assertMay(access, "hold");
  const { db } = await database();
  return withdrawalPreview(db, access.log, { consentId, serviceId });
}

/** Of these services, the ones the gate still lets in (through some other consent). */
async function stillCoveredNames(db: Queryable, logId: string, list: { id: string; name: string }[]) {
  const ctx = await gateContext(db);
  const result: string[] = [];
  for (const s of list) if (await isCovered(db, logId, s.id, ctx)) result.push(s.name);
  return result;
}

/**
 * What a withdrawal will do, before it is made (DESIGN.md rule 11): per withdrawn service,
 * whether the gate will still let it in afterwards and through whose consent. The same
 * test as the gate (access/consent-gate.server.ts), applied to the consents that remain.
 */
export async function withdrawalPreview(
  db: Queryable,
  log: { id: string; childId: string },
  input: { consentId: string; serviceId?: string; party?: ConsentParty },
) {
  const state = await consentState(db, log);
  const consent = state.find((c) => c.id === input.consentId);
  if (!consent) throw notFound();
  const party = input.party ?? (consent.youngPerson ? { youngPerson: true as const } : { youngPerson: false as const, guardianIds: consent.guardianIds });
  let ending: Set<string>;
  let withdrawn: { id: string; name: string }[];
  if (input.serviceId) {
    const service = consent.services.find((s) => s.id === input.serviceId);
    if (!service || consent.scope !== "share" || consent.decision !== "given") throw notFound();
    withdrawn = [service];
    ending = new Set(
      state
        .filter((c) => c.scope === "share" && c.decision === "given" && fromParty(c, party) && c.services.some((s) => s.id === service.id))
        .map((c) => c.id),
    );
  } else {
    withdrawn = consent.services;
    ending = new Set([consent.id]);
  }
  const closesLog = consent.scope === "keep" && !state.some((c) => c.scope === "keep" && c.counts && !ending.has(c.id));
  return {
    consent,
    /** How many consents of the party end or narrow (more than one when they were given in parallel). */
    ending: ending.size,
    closesLog,
    services: withdrawn.map((s) => {
      const through = coveringConsents(state.filter((c) => !ending.has(c.id)), s.id);
      return {
        id: s.id,
        name: s.name,
        stillCovered: through.length > 0,
        through: through.map((c) => ({ youngPerson: c.youngPerson, givenBy: c.givenBy, scope: c.scope })),
      };
    }),
  };
}

/** The consequences for the holder when coverage got smaller (withdrawal or narrowing). */
async function afterCoverageShrinks(tx: Transaction, actor: Pick<Actor, "id">, access: EventScope, keepChanged: boolean) {
  const log = access.log;
  const ctx = await gateContext(tx);
  const anyKeep = await tx
    .select({ id: consents.id })
    .from(consents)
    .where(and(eq(consents.logId, log.id), eq(consents.scope, "keep")))
    .get();
  // The consent to keep the log was withdrawn (or narrowed away) and none other holds.
  if (keepChanged && !(await hasKeepConsent(tx, log.id, ctx))) {
    await closeLogIn(tx, access, actor, { reason: "consent_withdrawn", summary: "", guardiansToldOn: null });
    return;
  }
  if (!anyKeep || (await isCovered(tx, log.id, log.holderServiceId, ctx))) return;
  // The holder's service is uncovered: back to the latest earlier holder still covered.
  const earlier = await tx
    .select({ userId: handovers.fromUserId, serviceId: handovers.fromServiceId })
    .from(handovers)
    .where(and(eq(handovers.logId, log.id), eq(handovers.status, "accepted")))
    .orderBy(desc(handovers.answeredAt));
  for (const candidate of earlier) {
    if (candidate.userId === log.holderId) continue;
    const stillThere = await tx
      .select({ active: users.active, name: users.name })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(and(eq(users.id, candidate.userId), eq(memberships.serviceId, candidate.serviceId)))
      .get();
    if (!stillThere?.active || !(await isCovered(tx, log.id, candidate.serviceId, ctx))) continue;
    const from = (await tx.select({ name: users.name }).from(users).where(eq(users.id, log.holderId)).get())!;
    const service = (await tx.select({ name: services.name }).from(services).where(eq(services.id, candidate.serviceId)).get())!;
    // The one who lost the relay stays on as a participant (the gate keeps them out while
    // their service stays uncovered).
    await transferRelay(tx, log, candidate, { formerHolder: "participant" });
    await appendEvent(tx, access, actor, "relay_returned", todayInOslo(), {
      from: from.name,
      to: stillThere.name,
      toService: service.name,
    });
    return;
  }
}

/**
 * The consent state in plain words' data: per active consent, who has consented out of
 * how many, which services, until when — and whether it is complete (counts for the gate).
 */
export async function consentState(db: Queryable, log: { id: string; childId: string }) {
  const ctx = await gateContext(db);
  const child = await childOf(db, log.childId);
  const allGuardians = await db.select().from(guardians).where(eq(guardians.childId, log.childId));
  const responsible = allGuardians.filter((g) => g.parentalResponsibility);
  const rows = await db
    .select()
    .from(consents)
    .where(and(eq(consents.logId, log.id), eq(consents.status, "active")))
    .orderBy(desc(consents.recordedAt));
  const result = [];
  for (const c of rows) {
    const given = new Set(
      (await db.select().from(consentGuardians).where(eq(consentGuardians.consentId, c.id))).map((r) => r.guardianId),
    );
    const covered = await db
      .select({ id: services.id, name: services.name })
      .from(consentServices)
      .innerJoin(services, eq(services.id, consentServices.serviceId))
      .where(eq(consentServices.consentId, c.id))
      .orderBy(asc(services.name));
    const attachment = await db
      .select({ id: consentAttachments.id })
      .from(consentAttachments)
      .where(eq(consentAttachments.consentId, c.id))
      .get();
    const recorder = await db
      .select({ name: users.name, kind: users.kind })
      .from(users)
      .where(eq(users.id, c.recordedBy))
      .get();
    const changedOn = c.supersedesId ? todayInOslo(c.recordedAt) : null;
    const { guardiansGiven, complete, expired, counts } = consentCounts(
      { ...c, guardianIds: given },
      { birthDate: child.birthDate, responsibleGuardianIds: responsible.map((g) => g.id) },
      ctx,
    );
    result.push({
      id: c.id,
      scope: c.scope,
      decision: c.decision,
      form: c.form,
      purpose: c.purpose,
      youngPerson: c.youngPerson,
      categories: c.categories ?? [],
      guardiansGiven,
      guardiansRequired: responsible.length,
      guardianIds: [...given],
      /** Names of the guardians who gave it, in the order of the child's guardians. */
      givenBy: allGuardians.filter((g) => given.has(g.id)).map((g) => g.name),
      services: covered,
      givenOn: c.givenOn,
      expiresOn: c.expiresOn,
      expired,
      complete,
      counts,
      hasAttachment: attachment !== undefined,
      /** How it was given (issue 9 point 4): written with its form, oral with the note, digital by whom. */
      note: c.form === "oral" ? c.note : null,
      recordedBy: recorder?.name ?? "",
      recordedByFamily: recorder?.kind === "family",
      recordedOn: todayInOslo(c.recordedAt),
      /** A change (narrowing, renewal, widening) recorded on a later day than the consent's own date. */
      changedOn: changedOn && changedOn !== c.givenOn ? changedOn : null,
    });
  }
  return result;
}

/** What the consent form needs: the guardians who can consent, the services, a consent to change. */
export async function consentFormData(access: StaffAccess, replacesId?: string) {
  assertMay(access, "hold");
  const { db } = await database();
  if (access.log.kind !== "relay") throw new AppError(409, "not_a_relay_log");
  const ctx = await gateContext(db);
  const child = await childOf(db, access.log.childId);
  const responsible = (await db.select().from(guardians).where(eq(guardians.childId, child.id))).filter(
    (g) => g.parentalResponsibility,
  );
  const allServices = await db
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(eq(services.active, true))
    .orderBy(asc(services.name));
  let replaces = null;
  if (replacesId) {
    const row = (await consentState(db, access.log)).find((c) => c.id === replacesId);
    if (!row) throw notFound();
    const given = await db.select().from(consentGuardians).where(eq(consentGuardians.consentId, replacesId));
    replaces = { ...row, guardianIds: given.map((g) => g.guardianId) };
  }
  return {
    guardians: responsible.map((g) => ({ id: g.id, name: g.name, relation: g.relation })),
    services: allServices,
    holderServiceId: access.log.holderServiceId,
    youngPersonMayConsent: child.birthDate <= ctx.consentAgeBornBy,
    replaces,
  };
}

/**
 * For the "change" form, before anything is typed: per service of the consent being
 * replaced, who would lose read access if only that service were removed (the same
 * recordConsentIn, tried and rolled back). Only services whose removal cuts someone are
 * listed; what the holder then saves is checked again as typed (requireLossConfirmed).
 */
export async function removalLosses(
  actor: Actor,
  logId: string,
  replaces: NonNullable<Awaited<ReturnType<typeof consentFormData>>["replaces"]>,
) {
  if (replaces.scope !== "share" || replaces.decision !== "given") return [];
  const result: { serviceId: string; serviceName: string; losses: AccessLoss[] }[] = [];
  for (const service of replaces.services) {
    const rest = replaces.services.filter((s) => s.id !== service.id).map((s) => s.id);
    if (rest.length === 0) continue; // removing the last service is a withdrawal (its own form)
    const input: ConsentInput = {
      scope: "share",
      decision: "given",
      form: replaces.form,
      note: replaces.note ?? undefined,
      purpose: replaces.purpose,
      categories: replaces.categories,
      guardianIds: replaces.guardianIds,
      youngPerson: replaces.youngPerson,
      serviceIds: rest,
      givenOn: todayInOslo(),
      replacesId: replaces.id,
    };
    try {
      const losses = await consentLosses(actor, logId, input);
      if (losses.length > 0) result.push({ serviceId: service.id, serviceName: service.name, losses });
    } catch (error) {
      // A change the form would refuse anyway (e.g. an oral consent without its note) shows nothing here.
      if (!(error instanceof AppError) || error.status !== 400) throw error;
    }
  }
  return result;
}

/** The signed form of a consent, for the log's readers: opening it is a read of the log. */
export async function consentAttachment(actor: Actor, logId: string, consentId: string) {
  const { db } = await database();
  await openLog(staffViewer(actor), logId, "attachment");
  const row = await db
    .select({ mimeType: consentAttachments.mimeType, data: consentAttachments.data })
    .from(consentAttachments)
    .innerJoin(consents, eq(consents.id, consentAttachments.consentId))
    .where(and(eq(consentAttachments.consentId, consentId), eq(consents.logId, logId)))
    .get();
  if (!row) throw notFound();
  return row;
}
