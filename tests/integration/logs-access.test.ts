import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { accessLog } from "../../db/schema";
import { addEntry } from "../../app/domain/logs/entries.server";
import { shareWithLeader } from "../../app/domain/logs/lifecycle.server";
import { listMyLogs } from "../../app/domain/logs/lists.server";
import { printLog, readersPage, viewLog } from "../../app/domain/logs/log-page.server";
import type { Actor } from "../../app/domain/auth/permissions";

const readersOf = async (actor: Actor, logId: string) => (await readersPage(actor, logId, "nb")).readers;
import { addParticipant, giveConsent, makeConcern, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";

let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
let relayLogId: string;
let concernId: string;

beforeEach(async () => {
  cast = await makeSchoolCast();
  relayLogId = (await makeRelayLog(cast.actors.teacher, cast.school.id, "Aksel Tilgangsen")).logId;
  concernId = (await makeConcern(cast.actors.teacher, cast.school.id, "Bea Bekymringsen")).logId;
});

const view = (who: keyof typeof cast.actors, logId: string) => viewLog(cast.actors[who], logId, { locale: "nb" });

describe("need to know (DESIGN.md rule 2)", () => {
  it("the holder reads their log", async () => {
    expect((await view("teacher", relayLogId)).child.name).toBe("Aksel Tilgangsen");
  });

  it("the leader of the holder's service reads the relay log", async () => {
    expect((await view("principal", relayLogId)).role).toBe("leader");
  });

  it.each(["colleague", "otherPrincipal", "nurse", "coordinator", "administrator"] as const)(
    "%s gets 'not found', exactly as for an unknown id",
    async (who) => {
      await expect(view(who, relayLogId)).rejects.toMatchObject({ status: 404, code: "not_found" });
      await expect(view(who, "a".repeat(26))).rejects.toMatchObject({ status: 404, code: "not_found" });
      await expect(printLog(cast.actors[who], relayLogId, "nb")).rejects.toMatchObject({ status: 404 });
    },
  );

  it("a participant from another service reads it while taking part", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Cecilie Deltakersen");
    await expect(view("nurse", logId)).rejects.toMatchObject({ status: 404 });
    await giveConsent(cast.actors.teacher, logId, "share", [cast.health.id]);
    await addParticipant(logId, cast.ids.nurse, cast.health.id);
    expect((await view("nurse", logId)).role).toBe("participant");
    await addEntry(cast.actors.nurse, logId, { type: "note", occurredOn: today(), text: "Samtale på helsestasjonen." });
  });

  it("a level-0 concern is the employee's own until they discuss it with their leader", async () => {
    await expect(view("principal", concernId)).rejects.toMatchObject({ status: 404 });
    await shareWithLeader(cast.actors.teacher, concernId);
    expect((await view("principal", concernId)).role).toBe("leader");
    await expect(view("colleague", concernId)).rejects.toMatchObject({ status: 404 });
  });

  it("the leader reads but cannot write", async () => {
    await expect(
      addEntry(cast.actors.principal, relayLogId, { type: "note", occurredOn: today(), text: "Leder skriver" }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("nobody outside the log can write to it either", async () => {
    await expect(
      addEntry(cast.actors.colleague, relayLogId, { type: "note", occurredOn: today(), text: "x" }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("every read is recorded (DESIGN.md rule 9)", () => {
  async function rows(logId: string, userId: string) {
    const { db } = await database();
    return (await db.select().from(accessLog).where(eq(accessLog.logId, logId))).filter((r) => r.userId === userId);
  }

  it("a view, a print and a search hit each write a row with who, what and when", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Dagny Lesesen");
    await view("teacher", logId);
    await printLog(cast.actors.teacher, logId, "nb");
    await listMyLogs(cast.actors.teacher, { q: "Dagny", page: 1 });
    const written = await rows(logId, cast.ids.teacher);
    expect(written.map((r) => r.kind).sort()).toEqual(["print", "search", "view"]);
    for (const r of written) {
      expect(r.at).toBeInstanceOf(Date);
      expect(r.serviceId).toBe(cast.school.id);
    }
  });

  it("the home list without a search writes no rows; a refused read writes none either", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Even Uleste");
    await listMyLogs(cast.actors.teacher, { page: 1 });
    await expect(view("colleague", logId)).rejects.toThrow();
    expect(await rows(logId, cast.ids.teacher)).toEqual([]);
    expect(await rows(logId, cast.ids.colleague)).toEqual([]);
  });

  it("the holder and the leader see who has read the log; a participant does not", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Frida Innsynsen");
    await view("principal", logId);
    const readers = await readersOf(cast.actors.teacher, logId);
    expect(readers[0]).toMatchObject({ kind: "view" });
    expect(readers.map((r) => r.kind)).toContain("view");
    expect((await readersOf(cast.actors.principal, logId)).length).toBeGreaterThan(0);
    await giveConsent(cast.actors.teacher, logId, "share", [cast.health.id]);
    await addParticipant(logId, cast.ids.nurse, cast.health.id);
    await expect(readersOf(cast.actors.nurse, logId)).rejects.toMatchObject({ status: 403 });
    await expect(readersOf(cast.actors.colleague, logId)).rejects.toMatchObject({ status: 404 });
  });

  it("the access log cannot be altered", async () => {
    // Rows of this test's own: on an empty table an UPDATE or DELETE fires no trigger.
    await view("teacher", relayLogId);
    await view("principal", relayLogId);
    const before = [...(await rows(relayLogId, cast.ids.teacher)), ...(await rows(relayLogId, cast.ids.principal))];
    expect(before.map((r) => r.kind)).toEqual(["view", "view"]);
    const { sqlite } = await database();
    expect(() => sqlite.exec("update access_log set kind = 'print'")).toThrow(/access_log is append-only/);
    expect(() => sqlite.exec("delete from access_log")).toThrow(/access_log is append-only/);
    expect([...(await rows(relayLogId, cast.ids.teacher)), ...(await rows(relayLogId, cast.ids.principal))]).toEqual(before);
  });
});

describe("search and the home list stay inside need to know", () => {
  it("a colleague searching for a child's name finds nothing; the holder finds the log", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Gunnhild Søkesen");
    expect((await listMyLogs(cast.actors.colleague, { q: "Gunnhild", page: 1 })).logs).toEqual([]);
    expect((await listMyLogs(cast.actors.otherPrincipal, { q: "Gunnhild", page: 1 })).logs).toEqual([]);
    expect((await listMyLogs(cast.actors.teacher, { q: "Gunnhild", page: 1 })).logs.map((l) => l.id)).toEqual([logId]);
    expect((await listMyLogs(cast.actors.principal, { q: "Gunnhild", page: 1 })).logs.map((l) => l.relation)).toEqual(["leader"]);
  });

  it("search input is text, not a pattern", async () => {
    expect((await listMyLogs(cast.actors.teacher, { q: "%", page: 1 })).logs).toEqual([]);
  });
});
