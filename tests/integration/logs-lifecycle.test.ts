import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { database } from "../../db/client.server";
import { guardians, logEvents, logs } from "../../db/schema";
import { addAction, changeLevel, evaluateAction } from "../../app/domain/logs/actions.server";
import { addEntry, addVoice, correctEvent } from "../../app/domain/logs/entries.server";
import { addGuardian, becomeRelayLog, closeLog, reopenLog } from "../../app/domain/logs/lifecycle.server";
import { listMyLogs } from "../../app/domain/logs/lists.server";
import { viewLog } from "../../app/domain/logs/log-page.server";
import { addDays, todayInOslo } from "../../app/lib/dates";
import { daysAgo, inDays, makeConcern, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";

let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
beforeEach(async () => {
  cast = await makeSchoolCast();
});
afterEach(() => vi.useRealTimers());

const teacher = () => cast.actors.teacher;
const view = (logId: string) => viewLog(teacher(), logId, { locale: "nb" });

async function logRow(logId: string) {
  const { db } = await database();
  return (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
}

const action = {
  description: "Fast samtale med kontaktlærer hver fredag",
  goal: "Barnet skal oppleve å bli sett og hørt",
  responsible: { kind: "other" as const, text: "Kontaktlærer" },
};

describe("level 0: a private concern", () => {
  it("starts with exactly one holder, the creator, and a decision deadline from the action guide", async () => {
    const { logId } = await makeConcern(teacher(), cast.school.id);
    const row = await logRow(logId);
    expect(row).toMatchObject({ kind: "concern", state: "open", level: 0, holderId: cast.ids.teacher, holderServiceId: cast.school.id });
    expect(row.decisionDueOn).toBe(addDays(todayInOslo(), 14));
    const page = await view(logId);
    expect(page.events.map((e) => e.type)).toEqual(["concern"]);
    expect(page.holder.serviceName).toBeTruthy();
  });

  it("refuses a service the employee does not belong to, a future date, and a national id that does not match", async () => {
    const base = { childName: "X", birthDate: "2016-03-14", noticedOn: daysAgo(1), what: "x", context: "" };
    const { startConcern } = await import("../../app/domain/logs/lifecycle.server");
    await expect(startConcern(teacher(), { ...base, serviceId: cast.health.id })).rejects.toMatchObject({
      details: { field: "serviceId" },
    });
    await expect(startConcern(teacher(), { ...base, serviceId: cast.school.id, noticedOn: inDays(1) })).rejects.toMatchObject({
      code: "date_in_future",
      details: { field: "noticedOn" },
    });
    // 14031612345-like numbers are invalid; 14431699867 is a synthetic D-number-style check: use a computed one.
    await expect(
      startConcern(teacher(), { ...base, serviceId: cast.school.id, nationalId: "01010112345" }),
    ).rejects.toMatchObject({ details: { field: "nationalId" } });
  });

  it("ends with 'no further concern' and is then read-only", async () => {
    const { logId } = await makeConcern(teacher(), cast.school.id);
    await expect(closeLog(teacher(), logId, { reason: "resolved", summary: "x" })).rejects.toMatchObject({
      details: { field: "reason" },
    });
    await closeLog(teacher(), logId, { reason: "no_further_concern", summary: "Det gikk over etter samtale hjemme." });
    expect(await logRow(logId)).toMatchObject({ state: "closed", closeReason: "no_further_concern" });
    await expect(addEntry(teacher(), logId, { type: "note", occurredOn: today(), text: "x" })).rejects.toMatchObject({
      status: 409,
      code: "log_closed",
    });
  });

  it("becomes a relay log only with the guardians involved", async () => {
    const deferred = { kind: "defer" as const, reason: "Foresatte vil tenke seg om" };
    const { logId } = await makeConcern(teacher(), cast.school.id);
    await expect(becomeRelayLog(teacher(), logId, { level: 1, guardiansToldOn: today(), keep: deferred })).rejects.toMatchObject({
      code: "guardian_required",
    });
    await addGuardian(teacher(), logId, { name: "Far Testesen", relation: "father", parentalResponsibility: true });
    // Level 2 means another service takes part, which cannot be true before the log exists.
    await expect(becomeRelayLog(teacher(), logId, { level: 2, guardiansToldOn: daysAgo(1), keep: deferred })).rejects.toMatchObject({
      code: "level_needs_other_service",
    });
    await becomeRelayLog(teacher(), logId, { level: 1, guardiansToldOn: daysAgo(1), keep: deferred });
    expect(await logRow(logId)).toMatchObject({ kind: "relay", level: 1, decisionDueOn: null });
    const { db } = await database();
    const g = await db.select().from(guardians).where(eq(guardians.childId, (await logRow(logId)).childId));
    expect(g.map((x) => x.toldOn)).toEqual([daysAgo(1)]);
  });

  it("has no actions or level changes before it is a relay log", async () => {
    const { logId } = await makeConcern(teacher(), cast.school.id);
    await expect(addAction(teacher(), logId, { ...action, startOn: today(), evaluateOn: inDays(42) })).rejects.toMatchObject({
      status: 409,
    });
    await expect(changeLevel(teacher(), logId, { to: 1, justification: "x" })).rejects.toMatchObject({ status: 409 });
  });
});

describe("the append-only timeline (DESIGN.md rule 5)", () => {
  it("records author, service, event time and recorded time, newest first", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    await addEntry(teacher(), logId, { type: "observation", occurredOn: daysAgo(10), text: "Sov i timen." });
    const [latest] = (await view(logId)).events;
    expect(latest).toMatchObject({ type: "observation", occurredOn: daysAgo(10), data: { text: "Sov i timen." } });
    expect(latest!.authorName).toBeTruthy();
    expect(latest!.authorServiceName).toBeTruthy();
    expect(Date.parse(latest!.recordedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("corrects by a new event that points at the old one; the old one stays", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    const id = await addEntry(teacher(), logId, { type: "note", occurredOn: today(), text: "Skrev feil navn på læreren." });
    await correctEvent(teacher(), logId, id, { text: "Riktig: kontaktlærer var vikar denne dagen.", reason: "Feil navn" });
    const events = (await view(logId)).events;
    const original = events.find((e) => e.id === id)!;
    expect(original.data).toEqual({ text: "Skrev feil navn på læreren." });
    expect(original.correctedBy).toMatchObject({ text: "Riktig: kontaktlærer var vikar denne dagen.", reason: "Feil navn" });
    expect(events.some((e) => e.type === "correction")).toBe(false); // shown with the corrected entry
    const { db } = await database();
    const all = await db.select().from(logEvents).where(eq(logEvents.logId, logId));
    expect(all.filter((e) => e.correctsEventId === id)).toHaveLength(1);
  });

  it("only the author corrects an entry", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    const { addParticipant, giveConsent } = await import("../support/log-factories");
    await giveConsent(cast.actors.teacher, logId, "share", [cast.health.id]);
    await addParticipant(logId, cast.ids.nurse, cast.health.id);
    const id = await addEntry(teacher(), logId, { type: "note", occurredOn: today(), text: "Lærerens notat" });
    await expect(correctEvent(cast.actors.nurse, logId, id, { text: "x", reason: "y" })).rejects.toMatchObject({ status: 403 });
  });

  it("the database itself refuses to change or delete an event", async () => {
    // Events of this test's own: on an empty table an UPDATE or DELETE fires no trigger.
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    await addEntry(teacher(), logId, { type: "note", occurredOn: today(), text: "Et notat som skal bli stående." });
    const { db, sqlite } = await database();
    const events = () => db.select().from(logEvents).where(eq(logEvents.logId, logId)).orderBy(logEvents.seq);
    const before = await events();
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(() => sqlite.exec("update log_events set occurred_on = '2000-01-01'")).toThrow(/log_events is append-only/);
    expect(() => sqlite.exec("delete from log_events")).toThrow(/log_events is append-only/);
    expect(await events()).toEqual(before);
  });

  it("paginates long timelines and filters by type", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    for (let i = 0; i < 30; i++) await addEntry(teacher(), logId, { type: "note", occurredOn: today(), text: `Notat ${i}` });
    await addVoice(teacher(), logId, { who: "child", heardOn: today(), method: "conversation", text: "Jeg liker fredager." });
    const first = await viewLog(teacher(), logId, { locale: "nb" });
    expect(first.events).toHaveLength(25);
    expect(first.nextBefore).not.toBeNull();
    const second = await viewLog(teacher(), logId, { locale: "nb", before: first.nextBefore! });
    expect(second.events[0]!.seq).toBeLessThan(first.events[24]!.seq);
    const voices = await viewLog(teacher(), logId, { locale: "nb", type: "child_voice" });
    expect(voices.events.map((e) => e.type)).toEqual(["child_voice"]);
  });
});

describe("actions and evaluations (DESIGN.md rule 6)", () => {
  it("an action needs an evaluation date after its start, and sets the log's next evaluation", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    await expect(addAction(teacher(), logId, { ...action, startOn: today(), evaluateOn: today() })).rejects.toMatchObject({
      details: { field: "evaluateOn" },
    });
    await addAction(teacher(), logId, { ...action, startOn: today(), evaluateOn: inDays(42) });
    await addAction(teacher(), logId, { ...action, description: "Lesekurs", startOn: today(), evaluateOn: inDays(20) });
    expect((await logRow(logId)).nextEvaluationOn).toBe(inDays(20));
  });

  it("continue and adjust move the evaluation date; end ends the action", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    const a = await addAction(teacher(), logId, { ...action, startOn: today(), evaluateOn: inDays(10) });
    const base = { evaluatedOn: today(), whatHappened: "Samtaler gjennomført", whatWorked: "Fast tidspunkt", childExperience: "Tryggere" };
    await expect(evaluateAction(teacher(), logId, a, { ...base, decision: "continue" })).rejects.toMatchObject({
      details: { field: "nextEvaluateOn" },
    });
    await evaluateAction(teacher(), logId, a, { ...base, decision: "continue", nextEvaluateOn: inDays(30) });
    expect((await logRow(logId)).nextEvaluationOn).toBe(inDays(30));
    await expect(evaluateAction(teacher(), logId, a, { ...base, decision: "adjust", nextEvaluateOn: inDays(40) })).rejects.toMatchObject({
      details: { field: "adjustment" },
    });
    await evaluateAction(teacher(), logId, a, { ...base, decision: "adjust", adjustment: "Annenhver uke", nextEvaluateOn: inDays(40) });
    expect((await logRow(logId)).nextEvaluationOn).toBe(inDays(40));
    await evaluateAction(teacher(), logId, a, { ...base, decision: "end" });
    expect((await logRow(logId)).nextEvaluationOn).toBeNull();
    await expect(evaluateAction(teacher(), logId, a, { ...base, decision: "end" })).rejects.toMatchObject({ code: "action_ended" });
    const types = (await view(logId)).events.map((e) => e.type);
    expect(types.filter((t) => t === "evaluation")).toHaveLength(3);
  });

  it("change level from an evaluation records both events; only the holder may", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    const a = await addAction(teacher(), logId, { ...action, startOn: today(), evaluateOn: inDays(10) });
    const base = { evaluatedOn: today(), whatHappened: "x", whatWorked: "y", childExperience: "z", nextEvaluateOn: inDays(30) };
    await expect(evaluateAction(teacher(), logId, a, { ...base, decision: "change_level", newLevel: 2 })).rejects.toMatchObject({
      details: { field: "justification" },
    });
    // Level 2 needs another service taking part, inside consent.
    await expect(
      evaluateAction(teacher(), logId, a, { ...base, decision: "change_level", newLevel: 2, justification: "Trenger PPT" }),
    ).rejects.toMatchObject({ code: "level_needs_other_service", details: { field: "newLevel" } });
    const { addParticipant, giveConsent } = await import("../support/log-factories");
    await giveConsent(cast.actors.teacher, logId, "share", [cast.health.id]);
    await addParticipant(logId, cast.ids.nurse, cast.health.id);
    await evaluateAction(teacher(), logId, a, { ...base, decision: "change_level", newLevel: 2, justification: "Trenger PPT" });
    expect((await logRow(logId)).level).toBe(2);
    await expect(
      evaluateAction(cast.actors.nurse, logId, a, { ...base, decision: "change_level", newLevel: 1, justification: "x" }),
    ).rejects.toMatchObject({ status: 403 });
    await evaluateAction(cast.actors.nurse, logId, a, { ...base, decision: "continue" });
  });

  it("flags overdue evaluations on the log and on the home page", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-09-01T10:00:00Z"));
    const { logId } = await makeRelayLog(teacher(), cast.school.id, "Hedda Forsinket");
    await addVoice(teacher(), logId, { who: "child", heardOn: todayInOslo(), method: "conversation", text: "Ok." });
    await addAction(teacher(), logId, { ...action, startOn: todayInOslo(), evaluateOn: "2026-09-20" });
    expect((await view(logId)).flags.overdueEvaluation).toBe(false);
    vi.setSystemTime(new Date("2026-09-21T10:00:00Z"));
    const page = await view(logId);
    expect(page.flags.overdueEvaluation).toBe(true);
    expect(page.actions[0]!.overdue).toBe(true);
    const home = await listMyLogs(teacher(), { q: "Hedda", page: 1 });
    expect(home.logs[0]!.flags.overdueEvaluation).toBe(true);
  });
});

describe("voices (DESIGN.md rule 7)", () => {
  it("a level ≥ 1 log with no recent child's voice is flagged; a new voice clears it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-01T10:00:00Z"));
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    expect((await view(logId)).flags.missingChildVoice).toBe(true);
    await addVoice(teacher(), logId, { who: "child", heardOn: "2026-02-27", method: "drawing", text: "Tegnet familien." });
    expect((await view(logId)).flags.missingChildVoice).toBe(false);
    // 42 days (the evaluation interval) later it is flagged again.
    vi.setSystemTime(new Date("2026-04-11T10:00:00Z"));
    expect((await view(logId)).flags.missingChildVoice).toBe(true);
    await addVoice(teacher(), logId, { who: "guardian", heardOn: "2026-04-10", method: "meeting", text: "Mor er enig.", guardianName: "Mor" });
    expect((await view(logId)).flags.missingChildVoice).toBe(true); // a guardian's voice is not the child's
  });

  it("an older child's voice does not move the date backwards", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    await addVoice(teacher(), logId, { who: "child", heardOn: daysAgo(1), method: "conversation", text: "a" });
    await addVoice(teacher(), logId, { who: "child", heardOn: daysAgo(20), method: "conversation", text: "b" });
    expect((await logRow(logId)).lastChildVoiceOn).toBe(daysAgo(1));
  });
});

describe("levels", () => {
  it("a change records from, to, the justification and who decided; down is as normal as up", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    const { addParticipant, giveConsent } = await import("../support/log-factories");
    await expect(changeLevel(teacher(), logId, { to: 3, justification: "x", responsibilityGroup: "x" })).rejects.toMatchObject({
      code: "level_needs_other_service",
    });
    await giveConsent(teacher(), logId, "share", [cast.health.id]);
    await addParticipant(logId, cast.ids.nurse, cast.health.id);
    await expect(changeLevel(teacher(), logId, { to: 3, justification: "Ansvarsgruppe etablert" })).rejects.toMatchObject({
      details: { field: "responsibilityGroup" },
    });
    await expect(
      changeLevel(teacher(), logId, { to: 3, justification: "x", responsibilityGroup: "Mor, lærer", individualPlan: true }),
    ).rejects.toMatchObject({ details: { field: "planCoordinator" } });
    await changeLevel(teacher(), logId, {
      to: 3,
      justification: "Ansvarsgruppe etablert",
      responsibilityGroup: "Mor, kontaktlærer, helsesykepleier, PPT",
      individualPlan: true,
      planCoordinator: "Helsesykepleier",
    });
    await changeLevel(teacher(), logId, { to: 0, justification: "Situasjonen er stabil" });
    const changes = (await view(logId)).events.filter((e) => e.type === "level_change");
    expect(changes.map((e) => e.data)).toEqual([
      { from: 3, to: 0, justification: "Situasjonen er stabil" },
      {
        from: 1,
        to: 3,
        justification: "Ansvarsgruppe etablert",
        responsibilityGroup: "Mor, kontaktlærer, helsesykepleier, PPT",
        individualPlan: true,
        planCoordinator: "Helsesykepleier",
      },
    ]);
    expect(changes[0]!.authorName).toBeTruthy();
    await expect(changeLevel(teacher(), logId, { to: 0, justification: "x" })).rejects.toMatchObject({ code: "level_unchanged" });
    await expect(changeLevel(teacher(), logId, { to: 2, justification: "  " })).rejects.toMatchObject({ details: { field: "justification" } });
    await expect(changeLevel(cast.actors.principal, logId, { to: 2, justification: "Leder" })).rejects.toMatchObject({ status: 403 });
  });
});

describe("closing and reopening (DESIGN.md rule 8)", () => {
  it("a relay log closes with reason, summary and the date the guardians were told, and is read-only", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    await expect(closeLog(teacher(), logId, { reason: "resolved", summary: "Bra nå" })).rejects.toMatchObject({
      details: { field: "guardiansToldOn" },
    });
    await closeLog(teacher(), logId, { reason: "individual_plan", summary: "Videre i IP", guardiansToldOn: today() });
    const page = await view(logId);
    expect(page.log).toMatchObject({ state: "closed", closeReason: "individual_plan" });
    expect(page.can).toMatchObject({ write: false, hold: false, reopen: true });
    for (const attempt of [
      () => addEntry(teacher(), logId, { type: "note", occurredOn: today(), text: "x" }),
      () => changeLevel(teacher(), logId, { to: 2, justification: "x" }),
      () => addVoice(teacher(), logId, { who: "child", heardOn: today(), method: "conversation", text: "x" }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "log_closed" });
    }
  });

  it("the holder reopens with a reason; nobody else can", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id);
    await closeLog(teacher(), logId, { reason: "resolved", summary: "Bra nå", guardiansToldOn: today() });
    await expect(reopenLog(cast.actors.principal, logId, { reason: "x" })).rejects.toMatchObject({ status: 403 });
    await reopenLog(teacher(), logId, { reason: "Ny bekymring etter ferien" });
    expect((await logRow(logId)).state).toBe("open");
    expect((await view(logId)).events[0]).toMatchObject({ type: "reopened", data: { reason: "Ny bekymring etter ferien" } });
  });
});

describe("the home list", () => {
  it("puts the most urgent first and filters by level and state", async () => {
    const { db } = await database();
    const fresh = await (await import("../support/log-factories")).actorOf(
      (await (await import("../support/factories")).makeUser({ memberships: [{ serviceId: cast.school.id, role: "employee" }] })).id,
    );
    const calm = await makeRelayLog(fresh, cast.school.id, "Rolig Barn");
    await addVoice(fresh, calm.logId, { who: "child", heardOn: today(), method: "conversation", text: "ok" });
    await addAction(fresh, calm.logId, { ...action, startOn: today(), evaluateOn: inDays(40) });
    await makeRelayLog(fresh, cast.school.id, "Stille Barn");
    const closed = await makeRelayLog(fresh, cast.school.id, "Ferdig Barn");
    await closeLog(fresh, closed.logId, { reason: "resolved", summary: "ok", guardiansToldOn: today() });
    const concern = await makeConcern(fresh, cast.school.id, "Undring Barn");
    await db.update(logs).set({ decisionDueOn: daysAgo(1) }).where(eq(logs.id, concern.logId));

    const all = await listMyLogs(fresh, { page: 1 });
    expect(all.logs.map((l) => l.childName)).toEqual(["Undring Barn", "Stille Barn", "Rolig Barn", "Ferdig Barn"]);
    expect(all.logs[0]!.flags.decisionOverdue).toBe(true);
    expect(all.logs[1]!.flags.missingChildVoice).toBe(true);
    expect((await listMyLogs(fresh, { page: 1, level: 0 })).logs.map((l) => l.childName)).toEqual(["Undring Barn"]);
    expect((await listMyLogs(fresh, { page: 1, state: "closed" })).logs.map((l) => l.childName)).toEqual(["Ferdig Barn"]);
  });
});
