import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { accessLog, children, logEvents, logs } from "../../db/schema";
import * as home from "../../app/routes/_index";
import * as evaluate from "../../app/routes/logs.$logId.actions.$actionId.evaluate";
import * as newAction from "../../app/routes/logs.$logId.actions.new";
import * as become from "../../app/routes/logs.$logId.make-relay-log";
import * as close from "../../app/routes/logs.$logId.close";
import * as entry from "../../app/routes/logs.$logId.entry";
import * as guardian from "../../app/routes/logs.$logId.guardians.new";
import * as logPage from "../../app/routes/logs.$logId._index";
import * as level from "../../app/routes/logs.$logId.level";
import * as print from "../../app/routes/logs.$logId.print";
import * as readers from "../../app/routes/logs.$logId.readers";
import * as share from "../../app/routes/logs.$logId.share-with-leader";
import * as voice from "../../app/routes/logs.$logId.voice";
import * as newConcern from "../../app/routes/logs.new";
import { makeService, makeUser, sessionFor } from "../support/factories";
import { daysAgo, inDays, today } from "../support/log-factories";
import { syntheticNationalId as syntheticId } from "../../app/lib/national-id";
import { callAction, callLoader } from "../support/requests";

type Reply = { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
const cookies: Record<string, string> = {};
let schoolId = "";

beforeEach(async () => {
  const school = await makeService({ kind: "school" });
  schoolId = school.id;
  const health = await makeService({ kind: "health_clinic" });
  const people = {
    teacher: await makeUser({ memberships: [{ serviceId: school.id, role: "employee" }] }),
    colleague: await makeUser({ memberships: [{ serviceId: school.id, role: "employee" }] }),
    principal: await makeUser({ memberships: [{ serviceId: school.id, role: "leader" }] }),
    nurse: await makeUser({ memberships: [{ serviceId: health.id, role: "employee" }] }),
    admin: await makeUser({ isAdministrator: true }),
  };
  for (const [k, v] of Object.entries(people)) cookies[k] = (await sessionFor(v.id)).cookie;
});

async function countRows() {
  const { db } = await database();
  return {
    logs: (await db.select().from(logs)).length,
    events: (await db.select().from(logEvents)).length,
    children: (await db.select().from(children)).length,
  };
}

const post = (mod: { action?: unknown }, path: string, logId: string, form: Record<string, string>, who = "teacher", extra: Record<string, string> = {}) =>
  callAction<Reply>(mod.action as never, path, { cookie: cookies[who], params: { logId, ...extra }, form });

async function startConcern(childName = "Rutebarn Testesen") {
  const o = await callAction(newConcern.action, "/logs/new", {
    cookie: cookies.teacher,
    form: { serviceId: schoolId, childName, birthDate: "2015-09-01", noticedOn: daysAgo(1), what: "Virker urolig i timene." },
  });
  expect(o.status).toBe(302);
  return o.location!.match(/^\/logs\/([a-z2-7]{26})\?notice=saved$/)![1]!;
}

describe("starting a concern", () => {
  it("bad input answers next to the fields, keeps what was typed and writes nothing", async () => {
    const before = await countRows();
    const o = await callAction<Reply>(newConcern.action, "/logs/new", {
      cookie: cookies.teacher,
      form: {
        serviceId: schoolId,
        childName: "Typet Navn",
        birthDate: "2016-02-30",
        nationalId: "12345678901",
        noticedOn: inDays(3),
        what: "",
      },
    });
    expect(o.status).toBe(400);
    expect(o.data.error).toMatchObject({
      birthDate: ["validation.date"],
      nationalId: ["validation.nationalId"],
      what: ["validation.required"],
    });
    expect(o.data.initialValue).toMatchObject({ childName: "Typet Navn", nationalId: "12345678901" });
    expect(await countRows()).toEqual(before);
  });

  it("a date in the future where it must be past is refused by the domain, next to the field", async () => {
    const before = await countRows();
    const o = await callAction<Reply>(newConcern.action, "/logs/new", {
      cookie: cookies.teacher,
      form: { serviceId: schoolId, childName: "Fremtid", birthDate: "2015-09-01", noticedOn: inDays(3), what: "x" },
    });
    expect(o.status).toBe(400);
    expect(o.data.error).toEqual({ noticedOn: ["errors.date_in_future"] });
    expect(await countRows()).toEqual(before);
  });

  it("a national id must match the birth date; a synthetic one that does is accepted", async () => {
    const mismatch = await callAction<Reply>(newConcern.action, "/logs/new", {
      cookie: cookies.teacher,
      form: { serviceId: schoolId, childName: "Id Barn", birthDate: "2015-09-02", nationalId: syntheticId("2015-09-01"), noticedOn: today(), what: "x" },
    });
    expect(mismatch.data.error).toEqual({ nationalId: ["errors.national_id_birth_date_mismatch"] });
    const ok = await callAction(newConcern.action, "/logs/new", {
      cookie: cookies.teacher,
      form: { serviceId: schoolId, childName: "Id Barn", birthDate: "2015-09-01", nationalId: syntheticId("2015-09-01"), noticedOn: today(), what: "x" },
    });
    expect(ok.status).toBe(302);
    // The page gets only the birth-date part; the print for filing gets the whole number.
    const logId = ok.location!.split("/")[2]!.split("?")[0]!;
    const full = syntheticId("2015-09-01");
    const page = await callLoader(logPage.loader, `/logs/${logId}`, { cookie: cookies.teacher, params: { logId } });
    expect(JSON.stringify(page.data)).not.toContain(full);
    expect(JSON.stringify(page.data)).toContain(`${full.slice(0, 6)} *****`);
    const printed = await callLoader(print.loader, `/logs/${logId}/print`, { cookie: cookies.teacher, params: { logId } });
    expect(JSON.stringify(printed.data)).toContain(full);
  });

  it("administrators and coordinators cannot start logs", async () => {
    expect((await callLoader(newConcern.loader, "/logs/new", { cookie: cookies.admin })).status).toBe(403);
  });
});

describe("the log page", () => {
  it("answers 404 to a colleague, the nurse and the administrator — the same as an unknown id", async () => {
    const logId = await startConcern();
    for (const who of ["colleague", "nurse", "admin"]) {
      const o = await callLoader(logPage.loader, `/logs/${logId}`, { cookie: cookies[who], params: { logId } });
      expect(o.status, who).toBe(404);
      const p = await callLoader(print.loader, `/logs/${logId}/print`, { cookie: cookies[who], params: { logId } });
      expect(p.status, who).toBe(404);
    }
    const unknown = await callLoader(logPage.loader, "/logs/x", { cookie: cookies.teacher, params: { logId: "b".repeat(26) } });
    expect(unknown.status).toBe(404);
    const malformed = await callLoader(logPage.loader, "/logs/x", { cookie: cookies.teacher, params: { logId: "'; drop table logs; --" } });
    expect(malformed.status).toBe(404);
  });

  it("the whole story through the routes, each read in the access log", async () => {
    const logId = await startConcern("Historie Barn");
    const path = `/logs/${logId}`;
    // Private until shared; the principal then reads it.
    expect((await callLoader(logPage.loader, path, { cookie: cookies.principal, params: { logId } })).status).toBe(404);
    expect((await post(share, `${path}/share-with-leader`, logId, {})).location).toContain("notice=shared");
    expect((await callLoader(logPage.loader, path, { cookie: cookies.principal, params: { logId } })).status).toBe(200);

    expect((await post(become, `${path}/make-relay-log`, logId, { level: "1", guardiansToldOn: today(), keep: "defer", deferReason: "Samtale med mor neste uke" })).data.error).toEqual({
      level: ["errors.guardian_required"],
    });
    expect((await post(guardian, `${path}/guardians/new`, logId, { name: "Mor Historie", relation: "mother", parentalResponsibility: "on", toldOn: today() })).status).toBe(302);
    expect((await post(become, `${path}/make-relay-log`, logId, { level: "1", guardiansToldOn: today(), keep: "defer", deferReason: "Samtale med mor neste uke" })).location).toContain("became_log");

    const badAction = await post(newAction, `${path}/actions/new`, logId, {
      description: "Lesegruppe",
      goal: "",
      responsible: "other",
      responsibleOther: "Kontaktlærer",
      startOn: today(),
      evaluateOn: daysAgo(3),
    });
    expect(badAction.status).toBe(400);
    expect(badAction.data.error).toMatchObject({ goal: ["validation.required"] });
    expect((await post(newAction, `${path}/actions/new`, logId, {
      description: "Lesegruppe",
      goal: "Lese med glede",
      responsible: "other",
      responsibleOther: "Kontaktlærer",
      startOn: today(),
      evaluateOn: daysAgo(3),
    })).data.error).toEqual({ evaluateOn: ["errors.evaluation_before_start"] });
    expect((await post(newAction, `${path}/actions/new`, logId, {
      description: "Lesegruppe",
      goal: "Lese med glede",
      responsible: "other",
      responsibleOther: "Kontaktlærer",
      startOn: today(),
      evaluateOn: inDays(42),
    })).status).toBe(302);
    expect((await post(voice, `${path}/voice`, logId, { who: "child", heardOn: today(), method: "conversation", text: "Det er gøy å lese." })).status).toBe(302);
    expect((await post(entry, `${path}/entry`, logId, { type: "meeting", occurredOn: today(), title: "Foreldremøte", attendees: "Mor, lærer", notes: "Enige om plan." })).status).toBe(302);

    const page = await callLoader<{ actions: { id: string }[]; events: { type: string }[] }>(logPage.loader, path, {
      cookie: cookies.teacher,
      params: { logId },
    });
    const actionId = page.data.actions[0]!.id;
    const evalPath = `${path}/actions/${actionId}/evaluate`;
    const missingNext = await callAction<Reply>(evaluate.action, evalPath, {
      cookie: cookies.teacher,
      params: { logId, actionId },
      form: { evaluatedOn: today(), whatHappened: "a", whatWorked: "b", childExperience: "c", decision: "change_level", newLevel: "0" },
    });
    expect(missingNext.status).toBe(400);
    expect(Object.keys(missingNext.data.error!)).toEqual(["nextEvaluateOn"]);
    const evaluated = await callAction(evaluate.action, evalPath, {
      cookie: cookies.teacher,
      params: { logId, actionId },
      form: { evaluatedOn: today(), whatHappened: "a", whatWorked: "b", childExperience: "c", decision: "change_level", newLevel: "0", justification: "Roligere", nextEvaluateOn: inDays(30) },
    });
    expect(evaluated.location).toContain("notice=evaluated");
    expect((await post(level, `${path}/level`, logId, { to: "2", justification: "" })).data.error).toEqual({
      justification: ["validation.required"],
    });
    expect((await post(level, `${path}/level`, logId, { to: "1", justification: "Trenger fortsatt tiltak" })).status).toBe(302);
    // Level 2 needs another service taking part: answered next to the field.
    expect((await post(level, `${path}/level`, logId, { to: "2", justification: "PPT trengs" })).data.error).toEqual({
      to: ["errors.level_needs_other_service"],
    });

    // The principal reads but cannot write.
    expect((await post(entry, `${path}/entry`, logId, { type: "note", occurredOn: today(), text: "x" }, "principal")).status).toBe(403);

    expect((await post(close, `${path}/close`, logId, { reason: "resolved", summary: "Gikk bra", guardiansToldOn: today() })).location).toContain("notice=closed");
    const closedForm = await callLoader<{ code: string }>(newAction.loader, `${path}/actions/new`, { cookie: cookies.teacher, params: { logId } });
    expect(closedForm.status).toBe(409);
    expect(closedForm.data.code).toBe("log_closed");

    const printed = await callLoader<{ events: { type: string }[] }>(print.loader, `${path}/print`, { cookie: cookies.teacher, params: { logId } });
    expect(printed.data.events.map((e) => e.type)).toEqual([
      "concern",
      "shared_with_leader",
      "guardian_added",
      "became_log",
      "action",
      "child_voice",
      "meeting",
      "evaluation",
      "level_change",
      "level_change",
      "closed",
    ]);
    const seenBy = await callLoader<{ readers: { name: string; kind: string }[] }>(readers.loader, `${path}/readers`, {
      cookie: cookies.teacher,
      params: { logId },
    });
    expect(seenBy.data.readers.map((r) => r.kind)).toEqual(expect.arrayContaining(["view", "print"]));
    const { db } = await database();
    const rows = await db.select().from(accessLog).where(eq(accessLog.logId, logId));
    expect(rows.some((r) => r.kind === "print")).toBe(true);
  });

  it("the home page lists the log with its flags and finds it by name, for the holder only", async () => {
    const logId = await startConcern("Søkbar Sofie");
    const found = await callLoader<{ myLogs: { logs: { id: string }[] } }>(home.loader, "/?q=S%C3%B8kbar", { cookie: cookies.teacher });
    expect(found.data.myLogs.logs.map((l) => l.id)).toEqual([logId]);
    const colleague = await callLoader<{ myLogs: { logs: unknown[] } }>(home.loader, "/?q=S%C3%B8kbar", { cookie: cookies.colleague });
    expect(colleague.data.myLogs.logs).toEqual([]);
    const levelZero = await callLoader<{ myLogs: { logs: { level: number }[] } }>(home.loader, "/?level=0", { cookie: cookies.teacher });
    expect(levelZero.data.myLogs.logs.every((l) => l.level === 0)).toBe(true);
    const any = await callLoader<{ filter: { level?: number } }>(home.loader, "/?level=&state=", { cookie: cookies.teacher });
    expect(any.data.filter.level).toBeUndefined();
  });
});
