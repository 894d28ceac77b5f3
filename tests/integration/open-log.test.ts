import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { accessLog, guardians, logs, users } from "../../db/schema";
import { gateContext } from "../../app/domain/access/consent-gate.server";
import { checkLog, openLog, readableLogs } from "../../app/domain/access/open.server";
import { coordinatorViewer, familyViewer, staffViewer, type Viewer } from "../../app/domain/access/viewer";
import { makeUser } from "../support/factories";
import { makeConcern, makeRelayLog, makeSchoolCast } from "../support/log-factories";

/**
 * openLog (app/domain/access/open.server.ts) is the one way to a log's data: it checks need
 * to know, writes the access-log row in the same call, and answers unknown and forbidden
 * alike. A write's check (checkLog) records nothing.
 */
let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
beforeEach(async () => {
  cast = await makeSchoolCast();
});

async function rowsFor(logId: string, userId: string) {
  const { db } = await database();
  return db
    .select({ kind: accessLog.kind, serviceId: accessLog.serviceId })
    .from(accessLog)
    .where(and(eq(accessLog.logId, logId), eq(accessLog.userId, userId)));
}

async function refusal(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (error) {
    return { status: (error as { status?: number }).status, code: (error as { code?: string }).code, message: (error as Error).message };
  }
  throw new Error("expected a refusal");
}

/** A family member who has been given access to the log's guardian row. */
async function familyMemberOf(logId: string) {
  const { db } = await database();
  const { id, email } = await makeUser({ withPassword: false });
  await db.update(users).set({ kind: "family" }).where(eq(users.id, id));
  const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
  await db.update(guardians).set({ userId: id }).where(eq(guardians.childId, log.childId));
  return { id, name: "Foresatt Testesen", email };
}

describe("openLog", () => {
  it("writes one access-log row per opening, as the purpose's kind and for the service the person acts for", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Åpne Loggesen");
    const access = await openLog(staffViewer(cast.actors.teacher), logId, "form", "hold");
    expect(access.role).toBe("holder");
    expect(await rowsFor(logId, cast.ids.teacher)).toEqual([{ kind: "view", serviceId: cast.school.id }]);
    await openLog(staffViewer(cast.actors.principal), logId, "print");
    expect(await rowsFor(logId, cast.ids.principal)).toEqual([{ kind: "print", serviceId: cast.school.id }]);
    const member = await familyMemberOf(logId);
    const family = await openLog(familyViewer(member), logId, "consents");
    expect(family.role).toBe("guardian");
    expect(await rowsFor(logId, member.id)).toEqual([{ kind: "view", serviceId: null }]);
  });

  it("records nothing when it refuses, nor for a write's check", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Sjekk Loggesen");
    const { db } = await database();
    await checkLog(db, staffViewer(cast.actors.teacher), logId, "write");
    expect(await rowsFor(logId, cast.ids.teacher)).toEqual([]);
    // The principal may read but not write; asking to write is refused before any row.
    expect(await refusal(() => openLog(staffViewer(cast.actors.principal), logId, "form", "write"))).toMatchObject({ status: 403 });
    expect(await rowsFor(logId, cast.ids.principal)).toEqual([]);
    await refusal(() => openLog(staffViewer(cast.actors.colleague), logId, "view"));
    expect(await rowsFor(logId, cast.ids.colleague)).toEqual([]);
  });

  it("answers an unknown id, a malformed id and a forbidden log with the same not-found", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Ukjent Loggesen");
    const { logId: concern } = await makeConcern(cast.actors.teacher, cast.school.id, "Privat Bekymringsen");
    const member = await familyMemberOf(logId);
    const unknown = "a".repeat(26);
    const cases: [Viewer, string][] = [
      [staffViewer(cast.actors.colleague), logId],
      [staffViewer(cast.actors.administrator), logId],
      [staffViewer(cast.actors.nurse), logId],
      [staffViewer(cast.actors.otherPrincipal), logId],
      // A level-0 concern not discussed with the leader is the employee's own.
      [staffViewer(cast.actors.principal), concern],
      [familyViewer(member), concern],
      [staffViewer(cast.actors.colleague), unknown],
      [staffViewer(cast.actors.colleague), "not-an-id"],
      [familyViewer(member), unknown],
    ];
    const expected = await refusal(() => openLog(staffViewer(cast.actors.teacher), unknown, "view"));
    expect(expected).toMatchObject({ status: 404, code: "not_found" });
    for (const [viewer, id] of cases) expect(await refusal(() => openLog(viewer, id, "view"))).toEqual(expected);
  });

  it("gives the coordinator aggregates only: no log opens and none is listed, not even their own", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Koordinert Loggesen");
    // The teacher as coordinator (a coordinator may also be an employee): the coordinator's viewer opens nothing.
    const coordinator = coordinatorViewer({ ...cast.actors.teacher, isCoordinator: true });
    expect(await refusal(() => openLog(coordinator, logId, "view"))).toMatchObject({ status: 404 });
    const { db } = await database();
    const gate = await gateContext(db);
    const listed = await db.select({ id: logs.id }).from(logs).where(readableLogs(coordinator, gate));
    expect(listed).toEqual([]);
    // The same person as staff reads their log.
    const asStaff = await db.select({ id: logs.id }).from(logs).where(readableLogs(staffViewer(cast.actors.teacher), gate));
    expect(asStaff.map((r) => r.id)).toContain(logId);
  });
});
