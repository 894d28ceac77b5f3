import { beforeAll, bench, describe } from "vitest";
import { database } from "../../db/client.server";
import { memberships, services, users } from "../../db/schema";
import { loadActor } from "../../app/domain/auth/guards.server";
import type { Actor } from "../../app/domain/auth/permissions";
import { validateSessionToken } from "../../app/domain/auth/session.server";
import { listServices } from "../../app/domain/people/services.server";
import { listUsers } from "../../app/domain/people/users.server";
import { createId } from "../../app/lib/ids";
import { makeUser, sessionFor } from "../support/factories";

/**
 * Oslo-sized staff directory: 25 000 people in 600 services. Measures what every request
 * does (validate the session, load the person) and what the administrator pages do.
 */
const PEOPLE = 25_000;
const SERVICES = 600;
let token = "";
let admin: Actor;
let someone = "";

beforeAll(async () => {
  const { transaction } = await database();
  const serviceIds = Array.from({ length: SERVICES }, () => createId());
  const now = new Date();
  await transaction(async (tx) => {
    for (let i = 0; i < SERVICES; i += 200) {
      await tx.insert(services).values(
        serviceIds.slice(i, i + 200).map((id, j) => ({ id, name: `Benk-tjeneste ${i + j}`, kind: "school", createdAt: now })),
      );
    }
    for (let i = 0; i < PEOPLE; i += 500) {
      const batch = Array.from({ length: 500 }, (_, j) => ({
        id: createId(),
        name: `Benk Person ${String(i + j).padStart(5, "0")}`,
        email: `benk${i + j}@test.invalid`,
        createdAt: now,
      }));
      await tx.insert(users).values(batch);
      await tx.insert(memberships).values(
        batch.map((u, j) => ({
          id: createId(),
          userId: u.id,
          serviceId: serviceIds[(i + j) % SERVICES]!,
          role: "employee" as const,
          startedAt: now,
        })),
      );
      someone = batch[0]!.id;
    }
  });
  const a = await makeUser({ isAdministrator: true });
  admin = (await loadActor(a.id))!;
  token = (await sessionFor(a.id)).token;
}, 300_000);

describe("every request", () => {
  bench("validate a session token", async () => {
    await validateSessionToken(token);
  });
  bench("load the acting person with memberships", async () => {
    await loadActor(someone);
  });
});

describe("administration", () => {
  bench("user list, first page", async () => {
    await listUsers(admin, { page: 1 });
  });
  bench("user list, page 500", async () => {
    await listUsers(admin, { page: 500 });
  });
  bench("user search by name", async () => {
    await listUsers(admin, { query: "Person 1234", page: 1 });
  });
  bench("service catalogue with member counts", async () => {
    await listServices(admin, "nb");
  });
});
