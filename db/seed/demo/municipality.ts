import { eq } from "drizzle-orm";
import type { Transaction } from "../../client.server";
import { guideVersions, memberships, services, users } from "../../schema";
import { createId } from "../../../app/lib/ids";
import type { MembershipRole, ServiceKind } from "../../../app/lib/enums";
import type { DemoLogsContext } from "./world";

/**
 * The invented demo municipality "Eksempel kommune": its services and accounts. Every name
 * here is made up; every staff account has the password DEMO_PASSWORD (the demo only).
 */
export const DEMO_PASSWORD = "Stafett-demo-2026";

/** The accounts that hold or take part in demo logs. */
export const TEACHER = "laerer@eksempel.no";
export const SECOND_TEACHER = "laerer2@eksempel.no";
export const KINDERGARTEN_TEACHER = "barnehagelaerer@eksempel.no";
export const NURSE = "helsesykepleier@eksempel.no";
export const PPT_ADVISER = "ppt@eksempel.no";
/** The demo's family account: Noah's mother, who signs in with a code from the mail folder. */
export const DEMO_GUARDIAN = "forelder@eksempel.no";

const demoServices: { key: string; name: string; kind: ServiceKind }[] = [
  { key: "school", name: "Solbakken skole", kind: "school" },
  { key: "sfo", name: "Solbakken SFO", kind: "after_school" },
  { key: "kindergarten", name: "Tyttebær barnehage", kind: "kindergarten" },
  { key: "health", name: "Helsestasjon og skolehelsetjeneste Eksempel", kind: "health_clinic" },
  { key: "ppt", name: "PPT Eksempel", kind: "ppt" },
  { key: "welfare", name: "Barneverntjenesten i Eksempel", kind: "child_welfare" },
  { key: "bup", name: "BUP Fjordvik", kind: "bup" },
  { key: "family", name: "Familiesenteret Eksempel", kind: "family_centre" },
  { key: "nav", name: "NAV Eksempel", kind: "nav" },
  { key: "ke", name: "Koordinerende enhet", kind: "coordinating_unit" },
];

export const demoAccounts: {
  email: string;
  name: string;
  memberships?: { service: string; role: MembershipRole; title: string }[];
  isCoordinator?: boolean;
  isAdministrator?: boolean;
}[] = [
  { email: TEACHER, name: "Ingrid Solvik", memberships: [{ service: "school", role: "employee", title: "Kontaktlærer 5B" }] },
  // A colleague in the same school who takes part in none of Ingrid's logs: need to know, shown.
  { email: SECOND_TEACHER, name: "Sindre Fjellheim", memberships: [{ service: "school", role: "employee", title: "Kontaktlærer 6A" }] },
  {
    email: KINDERGARTEN_TEACHER,
    name: "Marte Lyngstad",
    memberships: [{ service: "kindergarten", role: "employee", title: "Pedagogisk leder" }],
  },
  {
    email: NURSE,
    name: "Siri Haugvik",
    memberships: [{ service: "health", role: "employee", title: "Helsesykepleier" }],
  },
  { email: PPT_ADVISER, name: "Jonas Brekkestø", memberships: [{ service: "ppt", role: "employee", title: "PP-rådgiver" }] },
  {
    email: "barnevern@eksempel.no",
    name: "Amina Rasuli",
    memberships: [{ service: "welfare", role: "employee", title: "Barnevernspedagog" }],
  },
  {
    email: "rektor@eksempel.no",
    name: "Tor Aamodt",
    memberships: [
      { service: "school", role: "leader", title: "Rektor" },
      { service: "sfo", role: "leader", title: "Rektor" },
    ],
  },
  { email: "koordinator@eksempel.no", name: "Hilde Strandnes", isCoordinator: true },
  { email: "admin@eksempel.no", name: "Per Ulvestad", isAdministrator: true },
];

/**
 * Write the municipality's name, its services and accounts (staff, with `passwordHashes` in
 * the order of demoAccounts, and the family account), inside the demo's transaction.
 * Returns their ids for the demo logs.
 */
export async function seedMunicipality(tx: Transaction, now: Date, passwordHashes: string[]): Promise<DemoLogsContext> {
  const serviceIds = new Map(demoServices.map((s) => [s.key, createId()]));
  const userIds = new Map<string, string>();
  // The demo names the municipality in the guide that ships with the install (version 1).
  await tx.update(guideVersions).set({ municipalityName: "Eksempel kommune" }).where(eq(guideVersions.number, 1));
  for (const s of demoServices) {
    await tx.insert(services).values({ id: serviceIds.get(s.key)!, name: s.name, kind: s.kind, createdAt: now });
  }
  for (const [i, account] of demoAccounts.entries()) {
    const userId = createId();
    userIds.set(account.email, userId);
    await tx.insert(users).values({
      id: userId,
      name: account.name,
      email: account.email,
      passwordHash: passwordHashes[i]!,
      isAdministrator: account.isAdministrator ?? false,
      isCoordinator: account.isCoordinator ?? false,
      createdAt: now,
    });
    for (const m of account.memberships ?? []) {
      await tx.insert(memberships).values({
        id: createId(),
        userId,
        serviceId: serviceIds.get(m.service)!,
        role: m.role,
        title: m.title,
        startedAt: now,
      });
    }
  }
  // A family account (no password: a one-time code by e-mail, shown in the demo's mail folder).
  const guardianId = createId();
  userIds.set(DEMO_GUARDIAN, guardianId);
  await tx.insert(users).values({ id: guardianId, kind: "family", name: "Line Hagen", email: DEMO_GUARDIAN, createdAt: now });
  return { now, userIds, serviceIds };
}
