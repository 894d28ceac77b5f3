import { eq } from "drizzle-orm";
import { database } from "../../db/client.server";
import { guardians } from "../../db/schema";
import { giveFamilyAccess } from "../../app/domain/family/accounts.server";
import { addGuardian, becomeRelayLog } from "../../app/domain/logs/lifecycle.server";
import { makeService, makeUser } from "./factories";
import { actorOf, addParticipant, daysAgo, giveConsent, makeConcern } from "./log-factories";

/**
 * A relay log at a school that its one guardian reads in the family pages: the guardian
 * consented yesterday (in writing) to keep the log and to share it with a health clinic and
 * PPT, where a nurse and a PPT adviser take part, and has family access by e-mail.
 */
export async function makeFamilyLog(input: {
  child: string;
  guardian: { name: string; email: string };
  health: string;
  ppt: string;
}) {
  const school = await makeService({ name: "Solbakken skole", kind: "school" });
  const health = await makeService({ name: input.health, kind: "health_clinic" });
  const ppt = await makeService({ name: input.ppt, kind: "ppt" });
  const teacher = await makeUser({ memberships: [{ serviceId: school.id, role: "employee" }] });
  const nurse = await makeUser({ memberships: [{ serviceId: health.id, role: "employee" }] });
  const adviser = await makeUser({ memberships: [{ serviceId: ppt.id, role: "employee" }] });
  const holder = await actorOf(teacher.id);
  const { logId } = await makeConcern(holder, school.id, input.child);
  await addGuardian(holder, logId, { name: input.guardian.name, relation: "mother", parentalResponsibility: true, toldOn: daysAgo(1) });
  await becomeRelayLog(holder, logId, {
    level: 1,
    guardiansToldOn: daysAgo(1),
    keep: { kind: "defer", reason: "Samtykket registreres i eget steg" },
  });
  // Given yesterday, so that a change today shows as a change on another day.
  await giveConsent(holder, logId, "keep", [], daysAgo(1));
  await giveConsent(holder, logId, "share", [health.id, ppt.id], daysAgo(1));
  await addParticipant(logId, nurse.id, health.id);
  await addParticipant(logId, adviser.id, ppt.id);
  const { db } = await database();
  const guardian = (await db.select({ id: guardians.id }).from(guardians).where(eq(guardians.name, input.guardian.name)).get())!;
  // The invitation mail links to the world's own server (startWorld sets PUBLIC_URL to it).
  const signInUrl = `${process.env.PUBLIC_URL}/family/login`;
  await giveFamilyAccess(holder, logId, { who: guardian.id, email: input.guardian.email }, { signInUrl, locale: "nb" });
  return { logId, teacher: teacher.id, nurse: nurse.id, ppt: adviser.id };
}
