import { and, asc, eq } from "drizzle-orm";
import { database, type Transaction } from "../../../db/client.server";
import { consentGuardians, consentServices, consents, services } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import { AppError, fieldError, notFound } from "../errors.server";
import { consentState, recordConsentIn, withdrawConsentIn, type ConsentInput } from "../consent/consents.server";
import { requireFamilyAccess, type FamilyAccess, type FamilyMember } from "./access.server";

/**
 * Consent, digitally (issue 5 item 5): the family sees every consent in force and gives,
 * renews, narrows or withdraws consent for a service themselves. Each change goes through
 * the same functions as the holder's (consent/consents.server.ts), in digital form, with
 * the family member as the one who recorded it — so a withdrawal takes effect at once
 * through the gate, and the timeline says who and when.
 */

/** The consents in force, in plain words' data, and the services one may consent to. */
export async function familyConsents(member: FamilyMember, logId: string) {
  const { db } = await database();
  const access = await requireFamilyAccess(db, member, logId, "read");
  // Plain order: keeping the log first, then sharing, then what they said no to.
  const rank = (c: { scope: string; decision: string }) => (c.decision === "refused" ? 2 : c.scope === "keep" ? 0 : 1);
  const state = (await consentState(db, access.log)).sort((a, b) => rank(a) - rank(b));
  const allServices = await db
    .select({ id: services.id, name: services.name })
    .from(services)
    .where(eq(services.active, true))
    .orderBy(asc(services.name));
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
      mine: access.role === "guardian" ? c.guardianIds.includes(access.guardianId!) : c.youngPerson,
    })),
    services: allServices,
  };
}

/** Who the consent is from when this family member gives or renews it. */
function partyOf(access: FamilyAccess, earlierGuardians: string[]): Pick<ConsentInput, "guardianIds" | "youngPerson"> {
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
    const access = await requireFamilyAccess(tx, member, logId, "write");
    const service = await tx
      .select({ id: services.id })
      .from(services)
      .where(and(eq(services.id, input.serviceId), eq(services.active, true)))
      .get();
    if (!service) throw fieldError("serviceId", "service_unknown");
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
    const access = await requireFamilyAccess(tx, member, logId, "write");
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
  access: FamilyAccess,
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
 * Withdraw consent for one service, with effect at once: a consent that covers other
 * services too is narrowed (a new consent without it); one that covers only this service
 * is withdrawn.
 */
export async function withdrawFamilyConsent(
  member: FamilyMember,
  logId: string,
  input: { consentId: string; serviceId: string; reason: string },
) {
  const { transaction } = await database();
  await transaction(async (tx) => {
    const access = await requireFamilyAccess(tx, member, logId, "write");
    const earlier = await activeShareConsent(tx, logId, input.consentId);
    if (!earlier.serviceIds.includes(input.serviceId)) throw notFound();
    const rest = earlier.serviceIds.filter((id) => id !== input.serviceId);
    if (rest.length === 0) {
      await withdrawConsentIn(tx, access, member, earlier.row.id, { reason: input.reason });
      return;
    }
    await recordConsentIn(tx, access, member, {
      scope: "share",
      decision: "given",
      form: "digital",
      purpose: earlier.row.purpose,
      categories: earlier.row.categories ?? undefined,
      guardianIds: earlier.guardianIds,
      youngPerson: earlier.row.youngPerson,
      serviceIds: rest,
      givenOn: earlier.row.givenOn,
      expiresOn: earlier.row.expiresOn,
      replacesId: earlier.row.id,
    });
  });
}
