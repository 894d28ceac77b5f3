import { and, eq, like } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { guardians, logs, outbox, services, users } from "../../db/schema";
import { giveFamilyAccess } from "../../app/domain/family/accounts.server";
import { changeLevel } from "../../app/domain/logs/actions.server";
import { answerHandover, handoverLosses, proposeHandover } from "../../app/domain/logs/handovers.server";
import { addGuardian } from "../../app/domain/logs/lifecycle.server";
import { addParticipant, daysAgo, giveConsent, makeRelayLog, makeSchoolCast } from "../support/log-factories";

/**
 * Issue 11 point 5: the family is told, by mail through the outbox, when a relay log they
 * follow gets a new holder or moves to another level — each family member with an account
 * on it, once per change, and the mail names no child, family, service or level.
 */
const CHILD = "Varselbarn Nordmann";
const EMAIL = "mor.varsel@familie.invalid";

let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
let logId: string;

beforeEach(async () => {
  cast = await makeSchoolCast();
  ({ logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, CHILD));
  // A second guardian without family access gets nothing (there is no account to mail).
  await addGuardian(cast.actors.teacher, logId, { name: "Far Nordmann", relation: "father", parentalResponsibility: true, toldOn: daysAgo(1) });
  await giveConsent(cast.actors.teacher, logId, "keep");
  await giveConsent(cast.actors.teacher, logId, "share", [cast.health.id]);
  await addParticipant(logId, cast.ids.nurse, cast.health.id);
  const { db } = await database();
  const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
  const mother = (await db.select().from(guardians).where(and(eq(guardians.childId, log.childId), eq(guardians.name, "Foresatt Testesen"))).get())!;
  await giveFamilyAccess(cast.actors.teacher, logId, { who: mother.id, email: EMAIL }, { signInUrl: "http://localhost:3000/family/login", locale: "nb" });
});

async function noticesTo(email: string) {
  const { db } = await database();
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, email), like(outbox.dedupeKey, "family:%")));
}

async function namesThatMustNotAppear() {
  const { db } = await database();
  const staff = (await db.select({ name: users.name }).from(users).where(eq(users.kind, "staff"))).map((u) => u.name);
  const serviceNames = (await db.select({ name: services.name }).from(services)).map((s) => s.name);
  return [CHILD, "Varselbarn", "Nordmann", "Foresatt Testesen", ...staff, ...serviceNames];
}

describe("notices to the family", () => {
  it("a level change: one mail to the guardian with an account, saying only that the level changed", async () => {
    await changeLevel(cast.actors.teacher, logId, { to: 2, justification: "Helsesykepleier er med" });
    const notices = await noticesTo(EMAIL);
    expect(notices).toHaveLength(1);
    const [mail] = notices;
    expect(mail!.subject).toBe("Nytt i Stafettlogg");
    expect(mail!.text).toContain("er flyttet til et annet nivå");
    expect(mail!.text).toContain("/family");
    for (const name of await namesThatMustNotAppear()) {
      expect(mail!.text).not.toContain(name);
      expect(mail!.html ?? "").not.toContain(name);
    }
    expect(mail!.text).not.toMatch(/[Nn]ivå [0-3]/);
    const { db } = await database();
    expect((await db.select().from(outbox).where(like(outbox.dedupeKey, "family:%"))).length).toBe(1);
  });

  it("a new holder: a mail when the handover is accepted, none for its preview or while it waits", async () => {
    await handoverLosses(cast.actors.teacher, logId, [{ serviceId: cast.health.id, userId: cast.ids.nurse }]);
    const { handoverId } = await proposeHandover(cast.actors.teacher, logId, {
      toUserId: cast.ids.nurse,
      toServiceId: cast.health.id,
      message: "Over til deg",
      confirmLoss: true,
    });
    expect(await noticesTo(EMAIL)).toEqual([]);
    await answerHandover(cast.actors.nurse, handoverId, { accept: true });
    const notices = await noticesTo(EMAIL);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain("har fått en ny stafettholder");
    for (const name of await namesThatMustNotAppear()) expect(notices[0]!.text).not.toContain(name);
  });
});
