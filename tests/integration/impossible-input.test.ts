import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { actions, children, logEvents, logInvitations } from "../../db/schema";
import { AppError } from "../../app/domain/errors.server";
import { inviteToLog } from "../../app/domain/logs/log-invitations.server";
import { addAction, evaluateAction } from "../../app/domain/logs/actions.server";
import { startConcern } from "../../app/domain/logs/lifecycle.server";
import { addDays, addYears, todayInOslo } from "../../app/lib/dates";
import * as evaluate from "../../app/routes/logs.$logId.actions.$actionId.evaluate";
import * as newAction from "../../app/routes/logs.$logId.actions.new";
import * as entry from "../../app/routes/logs.$logId.entry";
import * as inviteRoute from "../../app/routes/logs.$logId.invite";
import * as level from "../../app/routes/logs.$logId.level";
import * as voice from "../../app/routes/logs.$logId.voice";
import * as welfare from "../../app/routes/logs.$logId.welfare-report";
import * as newConcern from "../../app/routes/logs.new";
import { sessionFor } from "../support/factories";
import { daysAgo, giveConsent, inDays, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";
import { callAction } from "../support/requests";

/**
 * Issue 9 points 9 and 10: input that cannot be true is refused next to its field, with
 * nothing written — invisible text and impossible dates. Real requests to the route modules.
 */
type Reply = { error?: Record<string, string[]>; initialValue?: Record<string, unknown> };
let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
let teacher = "";

beforeEach(async () => {
  cast = await makeSchoolCast();
  teacher = (await sessionFor(cast.ids.teacher)).cookie;
});

const post = (mod: { action?: unknown }, path: string, params: Record<string, string>, form: Record<string, string>) =>
  callAction<Reply>(mod.action as never, path, { cookie: teacher, params, form });

async function eventsOf(logId: string, type: string) {
  const { db } = await database();
  return db
    .select()
    .from(logEvents)
    .where(and(eq(logEvents.logId, logId), eq(logEvents.type, type as never)));
}

describe("invisible text is not text", () => {
  it("refuses a mandatory justification of only NUL or zero-width characters, and writes nothing", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    for (const justification of ["\u0000", "\u200B", "\u200B\uFEFF\u2060 \u0000"]) {
      const o = await post(level, `/logs/${logId}/level`, { logId }, { to: "0", justification });
      expect(o.status, JSON.stringify(justification)).toBe(400);
      expect(o.data.error).toEqual({ justification: ["validation.required"] });
    }
    expect(await eventsOf(logId, "level_change")).toHaveLength(0);
  });

  it("stores text without the invisible characters in it, line breaks kept", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    const o = await post(entry, `/logs/${logId}/entry`, { logId }, {
      type: "observation",
      occurredOn: today(),
      text: "\u200BSa\u0000 hei\u2060 til alle.\r\nGikk\u202E ut.\u0007",
    });
    expect(o.status).toBe(302);
    const [event] = await eventsOf(logId, "observation");
    expect((event!.data as { text: string }).text).toBe("Sa hei til alle.\r\nGikk ut.");
  });
});

/** The birth date makeRelayLog gives its child (tests/support/log-factories.ts). */
const BORN = "2016-03-14";
const DAY_BEFORE_BIRTH = addDays(BORN, -1);

async function count(table: typeof children | typeof logEvents | typeof actions | typeof logInvitations) {
  const { db } = await database();
  return (await db.select().from(table)).length;
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return { code: (error as AppError).code, field: (error as AppError).details.field };
}

describe("a child's birth date that cannot be true", () => {
  const concern = (form: Record<string, string>) =>
    callAction<Reply>(newConcern.action, "/logs/new", {
      cookie: teacher,
      form: { serviceId: cast.school.id, childName: "Datobarn Testesen", birthDate: "2015-05-05", noticedOn: today(), what: "Urolig.", ...form },
    });

  it("refuses a child born in the future, older than 25, or noticed before birth, next to the field, writing nothing", async () => {
    const before = await count(children);
    const future = await concern({ birthDate: inDays(1), noticedOn: today() });
    expect(future.status).toBe(400);
    expect(future.data.error).toEqual({ birthDate: ["errors.date_in_future"] });
    expect(future.data.initialValue).toMatchObject({ birthDate: inDays(1) });

    const turned26 = await concern({ birthDate: addYears(today(), -26) });
    expect(turned26.status).toBe(400);
    expect(turned26.data.error).toEqual({ birthDate: ["errors.birth_date_too_old"] });

    const noticedBefore = await concern({ birthDate: daysAgo(10), noticedOn: daysAgo(11) });
    expect(noticedBefore.status).toBe(400);
    expect(noticedBefore.data.error).toEqual({ noticedOn: ["errors.date_before_birth"] });
    expect(await count(children)).toBe(before);
  });

  it("accepts a young person of 25 and a concern noticed on the day of birth", async () => {
    expect((await concern({ birthDate: addDays(addYears(today(), -26), 1) })).status).toBe(302);
    expect((await concern({ birthDate: daysAgo(3), noticedOn: daysAgo(3) })).status).toBe(302);
  });

  it("is refused by the domain too, whoever calls it", async () => {
    const base = { serviceId: cast.school.id, childName: "Datobarn Domene", noticedOn: today(), what: "Urolig.", context: "" };
    expect(await refusal(startConcern(cast.actors.teacher, { ...base, birthDate: addYears(today(), -30) }))).toEqual({
      code: "birth_date_too_old",
      field: "birthDate",
    });
    expect(await refusal(startConcern(cast.actors.teacher, { ...base, birthDate: today(), noticedOn: daysAgo(1) }))).toEqual({
      code: "date_before_birth",
      field: "noticedOn",
    });
  });
});

describe("entries dated before the child was born", () => {
  it("refuses observations, meetings, voices, reports of concern and actions before the birth date", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    const params = { logId };
    const before = await count(logEvents);
    const cases: [{ action?: unknown }, string, Record<string, string>, string][] = [
      [entry, "entry", { type: "observation", occurredOn: DAY_BEFORE_BIRTH, text: "Sett i gangen." }, "occurredOn"],
      [entry, "entry", { type: "meeting", occurredOn: DAY_BEFORE_BIRTH, title: "Møte", attendees: "Mor, lærer", notes: "Referat." }, "occurredOn"],
      [voice, "voice", { who: "child", heardOn: DAY_BEFORE_BIRTH, method: "conversation", text: "Vil ha fred." }, "heardOn"],
      [welfare, "welfare-report", { sentOn: DAY_BEFORE_BIRTH, sentBy: "Rektor", about: "Bekymring." }, "sentOn"],
      [newAction, "actions/new", { description: "Samtaler", goal: "Trygghet", responsible: "other", responsibleOther: "Lærer", startOn: DAY_BEFORE_BIRTH, evaluateOn: inDays(30) }, "startOn"],
    ];
    for (const [mod, path, form, field] of cases) {
      const o = await post(mod, `/logs/${logId}/${path}`, params, form);
      expect(o.status, path).toBe(400);
      expect(o.data.error, path).toEqual({ [field]: ["errors.date_before_birth"] });
    }
    expect(await count(logEvents)).toBe(before);
    // The day of birth itself is possible.
    expect((await post(entry, `/logs/${logId}/entry`, params, { type: "note", occurredOn: BORN, text: "Født." })).status).toBe(302);
  });

  it("refuses an evaluation dated before the child was born", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    const actionId = await addAction(cast.actors.teacher, logId, {
      description: "Samtaler",
      goal: "Trygghet",
      responsible: { kind: "other", text: "Lærer" },
      startOn: today(),
      evaluateOn: inDays(30),
    });
    const o = await post(evaluate, `/logs/${logId}/actions/${actionId}/evaluate`, { logId, actionId }, {
      evaluatedOn: DAY_BEFORE_BIRTH,
      whatHappened: "a",
      whatWorked: "b",
      childExperience: "c",
      decision: "end",
    });
    expect(o.status).toBe(400);
    expect(o.data.error).toEqual({ evaluatedOn: ["errors.date_before_birth"] });
  });
});

describe("evaluation and respond-by dates more than two years ahead", () => {
  const twoYears = () => addYears(todayInOslo(), 2);
  const tooFar = () => addDays(twoYears(), 1);

  it("refuses an action's evaluation date more than two years ahead, next to the field; two years is fine", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    const form = { description: "Samtaler", goal: "Trygghet", responsible: "other", responsibleOther: "Lærer", startOn: today() };
    const before = await count(actions);
    const far = await post(newAction, `/logs/${logId}/actions/new`, { logId }, { ...form, evaluateOn: tooFar() });
    expect(far.status).toBe(400);
    expect(far.data.error).toEqual({ evaluateOn: ["errors.date_too_far_ahead"] });
    const meeting = await post(entry, `/logs/${logId}/entry`, { logId }, {
      type: "meeting",
      occurredOn: today(),
      title: "Møte",
      attendees: "Mor, lærer",
      notes: "Referat.",
      actionDescription: "Samtaler",
      actionGoal: "Trygghet",
      actionResponsible: "other",
      actionResponsibleOther: "Lærer",
      actionEvaluateOn: tooFar(),
    });
    expect(meeting.data.error).toEqual({ actionEvaluateOn: ["errors.date_too_far_ahead"] });
    expect(await count(actions)).toBe(before);
    expect((await post(newAction, `/logs/${logId}/actions/new`, { logId }, { ...form, evaluateOn: twoYears() })).status).toBe(302);
  });

  it("refuses a next evaluation more than two years ahead", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    const actionId = await addAction(cast.actors.teacher, logId, {
      description: "Samtaler",
      goal: "Trygghet",
      responsible: { kind: "other", text: "Lærer" },
      startOn: today(),
      evaluateOn: inDays(30),
    });
    const o = await post(evaluate, `/logs/${logId}/actions/${actionId}/evaluate`, { logId, actionId }, {
      evaluatedOn: today(),
      whatHappened: "a",
      whatWorked: "b",
      childExperience: "c",
      decision: "continue",
      nextEvaluateOn: tooFar(),
    });
    expect(o.status).toBe(400);
    expect(o.data.error).toEqual({ nextEvaluateOn: ["errors.date_too_far_ahead"] });
  });

  it("refuses an invitation's respond-by date more than two years ahead", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    await giveConsent(cast.actors.teacher, logId, "keep");
    await giveConsent(cast.actors.teacher, logId, "share", [cast.health.id]);
    const before = await count(logInvitations);
    const o = await post(inviteRoute, `/logs/${logId}/invite`, { logId }, {
      person: `${cast.ids.nurse}:${cast.health.id}`,
      message: "Vil du være med?",
      respondBy: tooFar(),
    });
    expect(o.status).toBe(400);
    expect(o.data.error).toEqual({ respondBy: ["errors.date_too_far_ahead"] });
    expect(await count(logInvitations)).toBe(before);
  });

  it("is refused by the domain too, whoever calls it", async () => {
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    const action = { description: "Samtaler", goal: "Trygghet", responsible: { kind: "other" as const, text: "Lærer" }, startOn: today() };
    expect(await refusal(addAction(cast.actors.teacher, logId, { ...action, evaluateOn: tooFar() }))).toEqual({
      code: "date_too_far_ahead",
      field: "evaluateOn",
    });
    const actionId = await addAction(cast.actors.teacher, logId, { ...action, evaluateOn: inDays(30) });
    const evaluation = { evaluatedOn: today(), whatHappened: "a", whatWorked: "b", childExperience: "c", decision: "continue" as const };
    expect(await refusal(evaluateAction(cast.actors.teacher, logId, actionId, { ...evaluation, nextEvaluateOn: tooFar() }))).toEqual({
      code: "date_too_far_ahead",
      field: "nextEvaluateOn",
    });
    await giveConsent(cast.actors.teacher, logId, "keep");
    await giveConsent(cast.actors.teacher, logId, "share", [cast.health.id]);
    const invitation = { inviteeId: cast.ids.nurse, serviceId: cast.health.id, message: "Vil du være med?" };
    expect(await refusal(inviteToLog(cast.actors.teacher, logId, { ...invitation, respondBy: tooFar() }))).toEqual({
      code: "date_too_far_ahead",
      field: "respondBy",
    });
    expect(await count(logInvitations)).toBe(0);
  });
});
