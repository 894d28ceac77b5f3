import { and, asc, eq } from "drizzle-orm";
import { database, type Transaction } from "../../../db/client.server";
import { children, guardians, users } from "../../../db/schema";
import type { FamilyRole, Locale } from "../../lib/enums";
import { todayInOslo } from "../../lib/dates";
import { createId } from "../../lib/ids";
import { parseNationalId } from "../../lib/national-id";
import type { Actor } from "../auth/permissions";
import { createSession } from "../auth/session.server";
import { AppError, fieldError, notFound } from "../errors.server";
import { gateContext } from "../access/consent-gate.server";
import { assertMay, type StaffAccess } from "../access/open.server";
import { appendEvent, withAccess } from "../logs/events.server";
import { deliverSoon, enqueueMail } from "../mail/outbox.server";
import { familyInvitationMessage } from "../mail/messages.server";
import { normaliseEmail } from "./signin.server";

/**
 * Family accounts (docs/decisions/008-family-accounts.md). The relay holder gives a
 * guardian with parental responsibility, or the young person from the consent age, their
 * own access: a family account (users.kind = 'family') found or created by e-mail address,
 * linked to the guardian row or the child row of this one log, and a mail that says there
 * is something to look at — never what. A national id number, when known, lets them sign
 * in through ID-porten too.
 */
export interface FamilyAccessInput {
  /** A guardian's id on this log, or "young_person". */
  who: string;
  email: string;
  nationalId?: string;
}

async function findOrCreateAccount(tx: Transaction, input: { name: string; email: string; nationalId: string | null }) {
  // The national id identifies the person more firmly than an address: an account that
  // already has it is theirs, whatever address the holder typed this time.
  if (input.nationalId) {
    const byId = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.kind, "family"), eq(users.nationalId, input.nationalId)))
      .get();
    if (byId) return byId.id;
  }
  const byEmail = await tx
    .select({ id: users.id, nationalId: users.nationalId })
    .from(users)
    .where(and(eq(users.kind, "family"), eq(users.email, input.email)))
    .get();
  if (byEmail) {
    if (input.nationalId && !byEmail.nationalId) {
      await tx.update(users).set({ nationalId: input.nationalId }).where(eq(users.id, byEmail.id));
    } else if (input.nationalId && byEmail.nationalId !== input.nationalId) {
      // Two people cannot share one family account.
      throw fieldError("email", "family_email_belongs_to_other");
    }
    await tx.update(users).set({ active: true, deactivatedAt: null }).where(eq(users.id, byEmail.id));
    return byEmail.id;
  }
  const id = createId();
  await tx.insert(users).values({
    id,
    kind: "family",
    name: input.name,
    email: input.email,
    nationalId: input.nationalId,
    createdAt: new Date(),
  });
  return id;
}

/**
 * Give a guardian or the young person their own access to the log (the holder only, while
 * the log is open). Returns whether the invitation mail could be sent.
 */
export async function giveFamilyAccess(
  actor: Actor,
  logId: string,
  input: FamilyAccessInput,
  options: { signInUrl: string; locale: Locale },
) {
  const email = normaliseEmail(input.email);
  const nationalId = input.nationalId?.trim() || null;
  if (nationalId && !parseNationalId(nationalId)) throw fieldError("nationalId", "national_id_invalid");
  await withAccess(actor, logId, "hold", async (tx, access) => {
    if (access.log.kind !== "relay") throw new AppError(409, "not_a_relay_log");
    let role: FamilyRole;
    let name: string;
    if (input.who === "young_person") {
      const child = (await tx.select().from(children).where(eq(children.id, access.log.childId)).get())!;
      if (child.birthDate > (await gateContext(tx)).consentAgeBornBy) throw fieldError("who", "young_person_under_consent_age");
      const userId = await findOrCreateAccount(tx, { name: child.name, email, nationalId: nationalId ?? child.nationalId });
      await tx.update(children).set({ userId }).where(eq(children.id, child.id));
      role = "young_person";
      name = child.name;
    } else {
      const guardian = await tx
        .select()
        .from(guardians)
        .where(and(eq(guardians.id, input.who), eq(guardians.childId, access.log.childId)))
        .get();
      if (!guardian) throw fieldError("who", "guardian_unknown");
      if (!guardian.parentalResponsibility) throw fieldError("who", "guardian_without_responsibility");
      const userId = await findOrCreateAccount(tx, { name: guardian.name, email, nationalId });
      await tx.update(guardians).set({ userId, email }).where(eq(guardians.id, guardian.id));
      role = "guardian";
      name = guardian.name;
    }
    await appendEvent(tx, access, actor, "family_access", todayInOslo(), {
      name,
      role,
      granted: true,
    });
    // The invitation mail is written with the access it tells about (decision 019).
    await enqueueMail(tx, { to: email, ...familyInvitationMessage(options.locale, { signInUrl: options.signInUrl }) });
  });
  deliverSoon();
  return { mailQueued: true };
}

/** Take a guardian's or the young person's access away again (the holder only). */
export async function revokeFamilyAccess(actor: Actor, logId: string, who: string) {
  await withAccess(actor, logId, "hold", async (tx, access) => {
    if (who === "young_person") {
      const child = (await tx.select().from(children).where(eq(children.id, access.log.childId)).get())!;
      if (!child.userId) throw notFound();
      await tx.update(children).set({ userId: null }).where(eq(children.id, child.id));
      await appendEvent(tx, access, actor, "family_access", todayInOslo(), {
        name: child.name,
        role: "young_person",
        granted: false,
      });
      return;
    }
    const guardian = await tx
      .select()
      .from(guardians)
      .where(and(eq(guardians.id, who), eq(guardians.childId, access.log.childId)))
      .get();
    if (!guardian?.userId) throw notFound();
    await tx.update(guardians).set({ userId: null }).where(eq(guardians.id, guardian.id));
    await appendEvent(tx, access, actor, "family_access", todayInOslo(), {
      name: guardian.name,
      role: "guardian",
      granted: false,
    });
  });
}

/**
 * Sign-in through ID-porten or another OpenID Connect provider: the person's national id
 * number, as the provider vouched for it, finds their family account. Null when no active
 * family account has that number (the caller refuses the sign-in).
 */
export async function signInWithNationalId(nationalId: string) {
  if (!parseNationalId(nationalId)) return null;
  const { db } = await database();
  const user = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.kind, "family"), eq(users.nationalId, nationalId), eq(users.active, true)))
    .get();
  if (!user) return null;
  return createSession(user.id, "family");
}

/** What the holder's "give the family access" form needs: who can have access, and who has it. */
export async function familyAccessFormData(access: StaffAccess) {
  assertMay(access, "hold");
  const { db } = await database();
  if (access.log.kind !== "relay") throw new AppError(409, "not_a_relay_log");
  const child = (await db.select().from(children).where(eq(children.id, access.log.childId)).get())!;
  const rows = await db
    .select()
    .from(guardians)
    .where(and(eq(guardians.childId, child.id), eq(guardians.parentalResponsibility, true)))
    .orderBy(asc(guardians.createdAt));
  return {
    guardians: rows.map((g) => ({ id: g.id, name: g.name, email: g.email ?? "", hasAccess: g.userId !== null })),
    youngPerson: {
      name: child.name,
      atConsentAge: child.birthDate <= (await gateContext(db)).consentAgeBornBy,
      hasAccess: child.userId !== null,
    },
  };
}
