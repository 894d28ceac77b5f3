import { eq } from "drizzle-orm";
import type { DatabaseHandle } from "../client.server";
import { guideSettings, memberships, services, users } from "../schema";
import { createId } from "../../app/lib/ids";
import type { MembershipRole, ServiceKind } from "../../app/lib/enums";
import { DEMO_GUARDIAN, seedDemoLogs } from "./demo-logs";

/**
 * The invented demo municipality "Eksempel kommune". Every name here is made up; every
 * account has the password DEMO_PASSWORD (the demo only). The children and their logs
 * are in demo-logs.ts.
 */
export const DEMO_PASSWORD = "Stafett-demo-2026";

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
  { email: "laerer@eksempel.no", name: "Ingrid Solvik", memberships: [{ service: "school", role: "employee", title: "Kontaktlærer 5B" }] },
  // A colleague in the same school who takes part in none of Ingrid's logs: need to know, shown.
  { email: "laerer2@eksempel.no", name: "Sindre Fjellheim", memberships: [{ service: "school", role: "employee", title: "Kontaktlærer 6A" }] },
  {
    email: "barnehagelaerer@eksempel.no",
    name: "Marte Lyngstad",
    memberships: [{ service: "kindergarten", role: "employee", title: "Pedagogisk leder" }],
  },
  {
    email: "helsesykepleier@eksempel.no",
    name: "Siri Haugvik",
    memberships: [{ service: "health", role: "employee", title: "Helsesykepleier" }],
  },
  { email: "ppt@eksempel.no", name: "Jonas Brekkestø", memberships: [{ service: "ppt", role: "employee", title: "PP-rådgiver" }] },
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

/** Seed the demo into an empty database, in one transaction. */
export async function seedDemo(handle: DatabaseHandle, hashPassword: (p: string) => Promise<string>) {
  const passwordHashes = await Promise.all(demoAccounts.map(() => hashPassword(DEMO_PASSWORD)));
  const now = new Date();
  const serviceIds = new Map(demoServices.map((s) => [s.key, createId()]));
  const userIds = new Map<string, string>();
  await handle.transaction(async (tx) => {
    await tx.update(guideSettings).set({ municipalityName: "Eksempel kommune", updatedAt: now }).where(eq(guideSettings.id, 1));
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
    await seedDemoLogs(tx, { now, userIds, serviceIds });
  });
}
