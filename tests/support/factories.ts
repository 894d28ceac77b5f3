import { database } from "../../db/client.server";
import { memberships, services, users } from "../../db/schema";
import { hashPassword } from "../../app/domain/auth/password.server";
import { createSession, SESSION_COOKIE } from "../../app/domain/auth/session.server";
import type { MembershipRole, ServiceKind } from "../../app/lib/enums";
import { createId } from "../../app/lib/ids";

/** Invented test people and services, written straight into the test database. */
export const TEST_PASSWORD = "Korrekt-hest-batteri-42";
let passwordHash: Promise<string> | undefined;

export async function makeService(input: { name?: string; kind?: ServiceKind; active?: boolean } = {}) {
  const { transaction } = await database();
  const id = createId();
  await transaction((tx) =>
    tx.insert(services).values({
      id,
      name: input.name ?? `Testtjeneste ${id.slice(0, 6)}`,
      kind: input.kind ?? "school",
      active: input.active ?? true,
      createdAt: new Date(),
    }),
  );
  return { id };
}

export async function makeUser(
  input: {
    name?: string;
    email?: string;
    isAdministrator?: boolean;
    isCoordinator?: boolean;
    active?: boolean;
    withPassword?: boolean;
    memberships?: { serviceId: string; role: MembershipRole }[];
  } = {},
) {
  const { transaction } = await database();
  const id = createId();
  const email = input.email ?? `person-${id.slice(0, 8)}@test.invalid`;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = input.withPassword === false ? null : await passwordHash;
  await transaction(async (tx) => {
    await tx.insert(users).values({
      id,
      name: input.name ?? `Testperson ${id.slice(0, 4)}`,
      email,
      passwordHash: hash,
      isAdministrator: input.isAdministrator ?? false,
      isCoordinator: input.isCoordinator ?? false,
      active: input.active ?? true,
      createdAt: new Date(),
    });
    for (const m of input.memberships ?? []) {
      await tx.insert(memberships).values({
        id: createId(),
        userId: id,
        serviceId: m.serviceId,
        role: m.role,
        startedAt: new Date(),
      });
    }
  });
  return { id, email };
}

/** A cookie header for a fresh session of the user. */
export async function sessionFor(userId: string) {
  const { token, session } = await createSession(userId);
  return { cookie: `${SESSION_COOKIE}=${token}`, token, sessionId: session.id };
}

/** One person per role in DESIGN.md §3, plus a service to belong to. */
export async function makeCast() {
  const school = await makeService({ name: `Skole ${createId().slice(0, 5)}`, kind: "school" });
  const employee = await makeUser({ memberships: [{ serviceId: school.id, role: "employee" }] });
  const leader = await makeUser({ memberships: [{ serviceId: school.id, role: "leader" }] });
  const coordinator = await makeUser({ isCoordinator: true });
  const administrator = await makeUser({ isAdministrator: true });
  return { school, employee, leader, coordinator, administrator };
}
