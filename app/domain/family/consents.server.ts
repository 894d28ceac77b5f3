import { and, asc, eq } from "drizzle-orm";
import { database, type Transaction } from "../../../db/client.server";
import { consentGuardians, consentServices, consents, services } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import { AppError, fieldError, notFound } from "../errors.server";
import {
  consentState,
  recordConsentIn,
  withdrawalPreview,
  withdrawServiceIn,
  type ConsentInput,
  type ConsentParty,
} from "../consent/consents.server";
import { checkLog, type FamilyAccess, type FamilyCheck } from "../access/open.server";
import { familyViewer, type FamilyMember } from "../access/viewer";

/**
 * Consent, digitally (issue 5 item 5): the family sees every consent in force and gives,
 * renews, narrows or withdraws consent for a service themselves. Each change goes through
 * the same functions as the holder's (consent/consents.server.ts), in digital form, with
 * the family member as the one who recorded it — so a withdrawal takes effect at once
 * through the gate, and the timeline says who and when.
 */

/** The consents in force, in plain words' data, and the services one may consent to. */
export async function familyConsents(access: FamilyAccess) {
  const { db } = await database();
  // Plain order: keeping the log first, then sharing, then what they said no to.
  const rank = (c: { scope: string; decision: string }) => (c.decision === "refused" ? 2 : c.scope === "keep" ? 0 : 1);
  const state = (await consentState(db, access.log)).sort((a, b) => rank(a) - rank(b));
  const allServices = await db
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(eq(services.active, true))
    .orderBy(asc(services.name));
  const party = familyParty(access);
  const isMine = (c: (typeof state)[number]) => (party.youngPerson ? c.youngPerson : !c.youngPerson && c.guardianIds.includes(access.guardianId!));
  // A service this person has already answered yes to is renewed on its card, not given anew.
  const answered = new Set(
    state.filter((c) => c.scope === "share" && c.decision === "given" && isMine(c)).flatMap((c) => c.services.map((s) => s.id)),
  );
  // What "withdraw for X" on each of their cards will do: whether X stays in through someone else's consent.
  const stillIn = new Map<string, { youngPerson: boolean; givenBy: string[]; scope: string }[]>();
  for (const c of state) {
    if (!isMine(c) || c.scope !== "share" || c.decision !== "given") continue;
    for (const s of c.services) {
      if (stillIn.has(s.id)) continue;
      const preview = await withdrawalPreview(db, access.log, { consentId: c.id, serviceId: s.id, party });
      stillIn.set(s.id, preview.services[0]!.through);
    }
  }
  return {
    role: access.role,
    open: access.log.state === "open",
    holderServiceId: access.log.holderServiceId,
    consents: state.map((c) => ({
      id: c.id,
      scope: c.scope,
      decision: c.decision,
      purpose: c.purpose,
      services: c.services,
      categories: c.categories,
      givenOn: c.givenOn,
      expiresOn: c.expiresOn,
      expired: c.expired,
      complete: c.complete,
      counts: c.counts,
      youngPerson: c.youngPerson,
      guardiansGiven: c.guardiansGiven,
      guardiansRequired: c.guardiansRequired,
      /** This family member has given it (a guardian among its givers, or the young person's own). */
      mine: isMine(c),
      form: c.form,
      note: c.note,
      givenBy: c.givenBy,
      recordedBy: c.recordedBy,
      recordedByFamily: c.recordedByFamily,
      hasAttachment: c.hasAttachment,
      changedOn: c.changedOn,
      /**
       * Per service: after this person withdraws for it, whose consent still lets it read the
       * log (empty: nobody's — it loses access at once). Only on their own sharing consents.
       */
      stillIn: isMine(c) && c.scope === "share" && c.decision === "given" ? c.services.map((s) => ({ serviceId: s.id, through: stillIn.get(s.id) ?? [] })) : [],
    })),
    /** Services they may give consent to: not those they have already said yes to (those are renewed). */
    services: allServices.filter((s) => !answered.has(s.id) && s.id !== access.log.holderServiceId),
  };
}

/** The party this family member speaks for: their own consents as a guardian, or the young person's. */
function familyParty(access: FamilyCheck): ConsentParty {
  return access.role === "young_person" ? { youngPerson: true } : { youngPerson: false, guardianIds: [access.guardianId!] };
}

/** Who the consent is from when this family member gives or renews it. */
function partyOf(access: FamilyCheck, earlierGuardians: string[]): Pick<ConsentInput, "guardianIds" | "youngPerson"> {
  // From the consent age the young person decides alone.
  if (access.role === "young_person") return { guardianIds: [], youngPerson: true };
  return { guardianIds: [...new Set([...earlierGuardians, access.guardianId!])], youngPerson: false };
}

/** An active, given consent of the log; a consent to keep the log only where `keep` allows it. */
async function activeShareConsent(tx: Transaction, logId: string, consentId: string, options: { keep?: boolean } = {}) {
  const row = await tx
    .select()
    .from(consents)
    .where(and(eq(consents.id, consentId), eq(consents.logId, logId), eq(consents.status, "active")))
    .get();
  if (!row) throw notFound();
  if ((row.scope !== "share" && !options.keep) || row.decision !== "given") throw new AppError(409, "consent_not_changeable_here");
  const givers = await tx.select().from(consentGuardians).where(eq(consentGuardians.consentId, row.id));
  const covered = await tx.select().from(consentServices).where(eq(consentServices.consentId, row.id));
  return { row, guardianIds: givers.map((g) => g.guardianId), serviceIds: covered.map((s) => s.serviceId) };
}

/**
 * Give consent to share the log with a service. A guardian whose co-guardian has already
 * consented to exactly that joins their consent (which then becomes complete); otherwise
 * a new consent in their own name.
 */
export async function giveFamilyConsent(member: FamilyMember, logId: string, input: { serviceId: string; purpose: string }) {
  const { transaction } = await database();
  return transaction(async (tx) => {
    const access = await checkLog(tx, familyViewer(member), logId, "write");
    const service = await tx
      .select({ id: services.id })
      .from(services)
      .where(and(eq(services.id, input.serviceId), eq(services.active, true)))
      .get();
    if (!service) throw fieldError("serviceId", "service_unknown");
    // One answer per person, service and purpose: a service they already consented to is
    // renewed (their latest consent that covers it), never given a second, parallel time.
    const party = familyParty(access);
    const own = (await consentState(tx, access.log)).find(
      (c) =>
        c.scope === "share" &&
        c.decision === "given" &&
        c.services.some((s) => s.id === input.serviceId) &&
        (party.youngPerson ? c.youngPerson : !c.youngPerson && c.guardianIds.includes(access.guardianId!)),
    );
    if (own) return renewIn(tx, access, member, await activeShareConsent(tx, logId, own.id));
    if (access.role === "guardian") {
      const candidates = await tx
        .select({ id: consents.id })
        .from(consents)
        .innerJoin(consentServices, eq(consentServices.consentId, consents.id))
        .where(
          and(
            eq(consents.logId, logId),
            eq(consents.status, "active"),
            eq(consents.scope, "share"),
            eq(consents.decision, "given"),
            eq(consentServices.serviceId, input.serviceId),
          ),
        );
      for (const candidate of candidates) {
        const earlier = await activeShareConsent(tx, logId, candidate.id);
        if (earlier.row.expiresOn < todayInOslo() || earlier.guardianIds.includes(access.guardianId!)) continue;
        return renewIn(tx, access, member, earlier, { expiresOn: earlier.row.expiresOn });
      }
    }
    return recordConsentIn(tx, access, member, {
      scope: "share",
      decision: "given",
      form: "digital",
      purpose: input.purpose,
      ...partyOf(access, []),
      serviceIds: [input.serviceId],
      givenOn: todayInOslo(),
    });
  });
}

/** Renew a consent for another period (the action guide's validity), joining it if not yet theirs. */
export async function renewFamilyConsent(member: FamilyMember, logId: string, consentId: string) {
  const { transaction } = await database();
  return transaction(async (tx) => {
    const access = await checkLog(tx, familyViewer(member), logId, "write");
    // The consent to keep the log may be renewed here too; withdrawing it is closing the log.
    return renewIn(tx, access, member, await activeShareConsent(tx, logId, consentId, { keep: true }));
  });
}

/**
 * The same consent again from today, with this family member among its givers: a renewal
 * (for the guide's validity, or until `expiresOn` when joining a co-guardian's consent).
 */
function renewIn(
  tx: Transaction,
  access: FamilyCheck,
  member: FamilyMember,
  earlier: Awaited<ReturnType<typeof activeShareConsent>>,
  options: { expiresOn?: string } = {},
) {
  return recordConsentIn(tx, access, member, {
    scope: earlier.row.scope,
    decision: "given",
    form: "digital",
    purpose: earlier.row.purpose,
    categories: earlier.row.categories ?? undefined,
    ...partyOf(access, earlier.guardianIds),
    serviceIds: earlier.serviceIds,
    givenOn: todayInOslo(),
    expiresOn: options.expiresOn,
    replacesId: earlier.row.id,
  });
}

/**
 * Withdraw consent for one service, with effect at once: every consent of this family
 * member (theirs as a guardian, or the young person's own) that covers the service ends —
 * withdrawn, or narrowed when it covers other services too. Returns the services the gate
 * still lets in through someone else's consent, so the page can say so.
 */
export async function withdrawFamilyConsent(
  member: FamilyMember,
  logId: string,
  input: { consentId: string; serviceId: string; reason: string },
) {
  const { transaction } = await database();
  return transaction(async (tx) => {
    const access = await checkLog(tx, familyViewer(member), logId, "write");
    const earlier = await activeShareConsent(tx, logId, input.consentId);
    if (!earlier.serviceIds.includes(input.serviceId)) throw notFound();
    const party = familyParty(access);
    // Only their own consent: a guardian cannot withdraw the young person's, nor the reverse.
    const theirs = party.youngPerson ? earlier.row.youngPerson : !earlier.row.youngPerson && earlier.guardianIds.includes(access.guardianId!);
    if (!theirs) throw new AppError(409, "consent_not_changeable_here");
    return withdrawServiceIn(tx, access, member, { party, serviceId: input.serviceId, reason: input.reason });
  });
}
