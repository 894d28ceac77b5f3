import { database } from "../../db/client.server";
import { eq } from "drizzle-orm";
import { guardians, logParticipants, logs } from "../../db/schema";
import { recordConsent } from "../../app/domain/consent/consents.server";
import { loadActor } from "../../app/domain/auth/guards.server";
import type { Actor } from "../../app/domain/auth/permissions";
import { addGuardian, becomeRelayLog, startConcern } from "../../app/domain/logs/lifecycle.server";
import { addDays, todayInOslo } from "../../app/lib/dates";
import { createId } from "../../app/lib/ids";
import { makeService, makeUser } from "./factories";

export async function actorOf(userId: string): Promise<Actor> {
  const actor = await loadActor(userId);
  if (!actor) throw new Error("no such active user");
  return actor;
}

/**
 * A school with a teacher (the holder), a second teacher who takes no part, their
 * principal, a nurse from another service, a coordinator and an administrator: every
 * role in DESIGN.md §3.
 */
export async function makeSchoolCast() {
  const school = await makeService({ kind: "school" });
  const otherSchool = await makeService({ kind: "school" });
  const health = await makeService({ kind: "health_clinic" });
  const ids = {
    teacher: (await makeUser({ memberships: [{ serviceId: school.id, role: "employee" }] })).id,
    colleague: (await makeUser({ memberships: [{ serviceId: school.id, role: "employee" }] })).id,
    principal: (await makeUser({ memberships: [{ serviceId: school.id, role: "leader" }] })).id,
    otherPrincipal: (await makeUser({ memberships: [{ serviceId: otherSchool.id, role: "leader" }] })).id,
    nurse: (await makeUser({ memberships: [{ serviceId: health.id, role: "employee" }] })).id,
    coordinator: (await makeUser({ isCoordinator: true })).id,
    administrator: (await makeUser({ isAdministrator: true })).id,
  };
  const actors = Object.fromEntries(
    await Promise.all(Object.entries(ids).map(async ([k, id]) => [k, await actorOf(id)])),
  ) as Record<keyof typeof ids, Actor>;
  return { school, otherSchool, health, ids, actors };
}

export const today = () => todayInOslo();
export const daysAgo = (n: number) => addDays(todayInOslo(), -n);
export const inDays = (n: number) => addDays(todayInOslo(), n);

export async function makeConcern(holder: Actor, serviceId: string, childName = "Testbarn Eksempel") {
  return startConcern(holder, {
    serviceId,
    childName,
    birthDate: "2016-03-14",
    noticedOn: daysAgo(2),
    what: "Virker sliten og trekker seg unna i friminuttene.",
    context: "Gjelder de siste to ukene, særlig mandager.",
  });
}

/**
 * A relay log at level 1 with one guardian who has been told. The consent to keep it is
 * deferred (tests record the consents they need with giveConsent).
 */
export async function makeRelayLog(holder: Actor, serviceId: string, childName?: string) {
  const { logId } = await makeConcern(holder, serviceId, childName);
  await addGuardian(holder, logId, {
    name: "Foresatt Testesen",
    relation: "mother",
    parentalResponsibility: true,
    toldOn: daysAgo(1),
  });
  await becomeRelayLog(holder, logId, {
    level: 1,
    guardiansToldOn: daysAgo(1),
    keep: { kind: "defer", reason: "Samtykket registreres i eget steg" },
  });
  return { logId };
}

/** Add a participant directly (invitations arrive with the consent issue). */
export async function addParticipant(logId: string, userId: string, serviceId: string) {
  const { transaction } = await database();
  await transaction((tx) =>
    tx.insert(logParticipants).values({ id: createId(), logId, userId, serviceId, joinedAt: new Date() }),
  );
}

/**
 * Record a complete consent from the log's guardians with parental responsibility:
 * "keep" (to keep the log) or "share" with the given services, given today unless told.
 */
export async function giveConsent(
  holder: Actor,
  logId: string,
  scope: "keep" | "share",
  serviceIds: string[] = [],
  givenOn = todayInOslo(),
) {
  const { db } = await database();
  const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
  const responsible = (await db.select().from(guardians).where(eq(guardians.childId, log.childId))).filter(
    (g) => g.parentalResponsibility,
  );
  return recordConsent(holder, logId, {
    scope,
    decision: "given",
    form: "written",
    purpose: scope === "keep" ? "Føre stafettlogg" : "Samarbeid om tiltak",
    guardianIds: responsible.map((g) => g.id),
    youngPerson: false,
    serviceIds,
    givenOn,
  });
}
