import { spawn } from "node:child_process";
import { execFileSync } from "node:child_process";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { jobs, outbox, reminders } from "../../db/schema";
import { resetSettingsForTests } from "../../app/config.server";
import { acquireLease, releaseLease } from "../../app/domain/jobs/lease.server";
import { runTick, TICK_JOB } from "../../app/domain/jobs/tick.server";
import { retryDelayMs } from "../../app/domain/mail/outbox.server";
import { addAction, evaluateAction } from "../../app/domain/logs/actions.server";
import { answerLogInvitation, inviteToLog } from "../../app/domain/logs/log-invitations.server";
import { giveFamilyAccess } from "../../app/domain/family/accounts.server";
import { addDays } from "../../app/lib/dates";
import { freePort } from "../support/server";
import { smtpSettings, startSmtpServer, type RunningSmtpServer } from "../support/smtp";
import { giveConsent, inDays, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";

/** Nine in the morning, Oslo winter time, on a calendar date: the tick's controlled clock. */
const at = (isoDate: string, hour = 9) => new Date(`${isoDate}T${String(hour - 1).padStart(2, "0")}:00:00Z`);

const mailKeys = ["MAIL_TRANSPORT", "SMTP_HOST", "SMTP_PORT", "SMTP_REQUIRE_TLS"];
function useMail(env: Record<string, string>) {
  for (const key of mailKeys) delete process.env[key];
  Object.assign(process.env, env);
  resetSettingsForTests();
}

let smtp: RunningSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
  useMail(smtpSettings(smtp));
});
afterAll(async () => {
  useMail({});
  await smtp.close();
});

async function remindersFor(userId: string) {
  const { db } = await database();
  return db.select().from(reminders).where(eq(reminders.recipientId, userId));
}

async function openRemindersFor(userId: string) {
  return (await remindersFor(userId)).filter((r) => !r.withdrawnAt && !r.doneAt && !r.dismissedAt);
}

async function withEvaluationIn(days: number) {
  const cast = await makeSchoolCast();
  const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
  const evaluateOn = inDays(days);
  const actionId = await addAction(cast.actors.teacher, logId, {
    description: "Fast voksen i friminuttene",
    goal: "Trygg i friminuttene",
    responsible: { kind: "other", text: "Kontaktlærer" },
    startOn: today(),
    evaluateOn,
  });
  return { cast, logId, actionId, evaluateOn };
}

describe("the evaluation rules, on their boundary days", () => {
  it("reminds the holder 7 days before, on the day and when overdue — once per stage", async () => {
    const { cast, actionId, evaluateOn } = await withEvaluationIn(20);
    const teacher = cast.ids.teacher;

    await runTick(at(addDays(evaluateOn, -8)));
    expect(await openRemindersFor(teacher)).toEqual([]);

    await runTick(at(addDays(evaluateOn, -7)));
    let open = await openRemindersFor(teacher);
    expect(open.map((r) => [r.rule, r.subjectId, r.dueOn])).toEqual([["evaluation_soon", actionId, evaluateOn]]);

    // The same day again, and the next: nothing new.
    await runTick(at(addDays(evaluateOn, -7), 15));
    await runTick(at(addDays(evaluateOn, -1)));
    expect((await remindersFor(teacher)).length).toBe(1);

    await runTick(at(evaluateOn));
    open = await openRemindersFor(teacher);
    expect(open.map((r) => r.rule)).toEqual(["evaluation_today"]);

    await runTick(at(addDays(evaluateOn, 1)));
    open = await openRemindersFor(teacher);
    expect(open.map((r) => r.rule)).toEqual(["evaluation_overdue"]);
    // Each stage replaced the one before: three in all, two withdrawn.
    const all = await remindersFor(teacher);
    expect(all.length).toBe(3);
    expect(all.filter((r) => r.withdrawnAt).length).toBe(2);
  });

  it("withdraws the reminder once the evaluation is written, and reminds again for the next date", async () => {
    const { cast, logId, actionId, evaluateOn } = await withEvaluationIn(3);
    const teacher = cast.ids.teacher;
    await runTick(at(today()));
    expect((await openRemindersFor(teacher)).map((r) => r.rule)).toEqual(["evaluation_soon"]);

    const next = inDays(30);
    await evaluateAction(cast.actors.teacher, logId, actionId, {
      evaluatedOn: today(),
      whatHappened: "Fast voksen har vært der hver dag.",
      whatWorked: "Han søker den voksne selv.",
      childExperience: "Han sier det er tryggere.",
      decision: "continue",
      nextEvaluateOn: next,
    });
    // Withdrawn in the transaction that wrote the evaluation, before any tick.
    expect(await openRemindersFor(teacher)).toEqual([]);
    await runTick(at(today(), 10));
    expect(await openRemindersFor(teacher)).toEqual([]);
    const withdrawn = (await remindersFor(teacher)).filter((r) => r.withdrawnAt);
    expect(withdrawn.map((r) => r.state)).toEqual([evaluateOn]);

    await runTick(at(addDays(next, -7)));
    expect((await openRemindersFor(teacher)).map((r) => [r.rule, r.state])).toEqual([["evaluation_soon", next]]);
  });
});

describe("reminders follow a change in the same transaction", () => {
  it("an action due within a week reminds at once; a change that fails leaves no reminder", async () => {
    const cast = await makeSchoolCast();
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    const before = (await remindersFor(cast.ids.teacher)).length;
    await expect(
      addAction(cast.actors.teacher, logId, {
        description: "Tiltak",
        goal: "Mål",
        responsible: { kind: "other", text: "Kontaktlærer" },
        startOn: today(),
        evaluateOn: "2099-01-01",
      }),
    ).rejects.toBeTruthy();
    expect((await remindersFor(cast.ids.teacher)).length).toBe(before);
    const actionId = await addAction(cast.actors.teacher, logId, {
      description: "Tiltak",
      goal: "Mål",
      responsible: { kind: "other", text: "Kontaktlærer" },
      startOn: today(),
      evaluateOn: inDays(2),
    });
    const open = await openRemindersFor(cast.ids.teacher);
    expect(open.map((r) => [r.rule, r.subjectId])).toEqual([["evaluation_soon", actionId]]);
  });
});

describe("the invitation rule", () => {
  it("reminds the invitee, the holder and the invitee's leader on the respond-by date, and withdraws when answered", async () => {
    const cast = await makeSchoolCast();
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    await giveConsent(cast.actors.teacher, logId, "share", [cast.health.id]);
    const { makeUser } = await import("../support/factories");
    const healthLeader = (await makeUser({ memberships: [{ serviceId: cast.health.id, role: "leader" }] })).id;
    const respondBy = inDays(5);
    await inviteToLog(cast.actors.teacher, logId, {
      inviteeId: cast.ids.nurse,
      serviceId: cast.health.id,
      message: "Kan du komme på møte?",
      respondBy,
    });

    // The invitee is told at once that an invitation waits (a notice in the inbox) …
    expect((await openRemindersFor(cast.ids.nurse)).map((r) => r.rule)).toEqual(["invitation_received"]);
    await runTick(at(addDays(respondBy, -1)));
    expect((await openRemindersFor(cast.ids.nurse)).map((r) => r.rule)).toEqual(["invitation_received"]);
    // … and reminded, with the holder and the invitee's leader, on the respond-by date.
    await runTick(at(respondBy));
    for (const person of [cast.ids.nurse, cast.ids.teacher, healthLeader]) {
      expect((await openRemindersFor(person)).map((r) => r.rule)).toContain("invitation_unanswered");
    }
    // The teacher's own school leader is not the invitee's leader.
    expect((await openRemindersFor(cast.ids.principal)).map((r) => r.rule)).not.toContain("invitation_unanswered");

    const { db } = await database();
    const invitation = (await db.select().from(reminders).where(eq(reminders.recipientId, cast.ids.nurse))).find((r) => r.rule === "invitation_unanswered")!;
    const { actorOf } = await import("../support/log-factories");
    await answerLogInvitation(await actorOf(cast.ids.nurse), invitation.subjectId, { accept: true });
    await runTick(at(respondBy, 12));
    expect(await openRemindersFor(cast.ids.nurse)).toEqual([]);
    expect((await openRemindersFor(healthLeader)).map((r) => r.rule)).not.toContain("invitation_unanswered");
  });
});

describe("running the tick", () => {
  afterEach(async () => {
    const { transaction } = await database();
    await transaction((tx) => tx.delete(jobs).where(eq(jobs.name, TICK_JOB)));
  });

  it("twice at once in one process makes one reminder and one mail", async () => {
    const { cast, evaluateOn } = await withEvaluationIn(40);
    const now = at(addDays(evaluateOn, -7));
    const results = await Promise.all([runTick(now, "process-a"), runTick(now, "process-b")]);
    expect(results.filter((r) => r !== null).length).toBeGreaterThanOrEqual(1);
    const mine = await remindersFor(cast.ids.teacher);
    expect(mine.map((r) => r.rule)).toEqual(["evaluation_soon"]);
    const { db } = await database();
    const email = (await db.query.users.findFirst({ where: (u, { eq: e }) => e(u.id, cast.ids.teacher) }))!.email;
    const mails = await db.select().from(outbox).where(eq(outbox.recipient, email));
    expect(mails.length).toBe(1);
  });

  it("gives the lease to one holder at a time, and to another when it has expired", async () => {
    const now = new Date("2026-12-02T08:00:00Z");
    expect(await acquireLease("lease-test", "a", now, 60_000)).toBe(true);
    expect(await acquireLease("lease-test", "b", new Date(now.getTime() + 59_999), 60_000)).toBe(false);
    expect(await acquireLease("lease-test", "b", new Date(now.getTime() + 60_000), 60_000)).toBe(true);
    // The former holder cannot give back what is no longer theirs.
    await releaseLease("lease-test", "a", new Date(now.getTime() + 61_000));
    expect(await acquireLease("lease-test", "a", new Date(now.getTime() + 61_000), 60_000)).toBe(false);
    await releaseLease("lease-test", "b", new Date(now.getTime() + 62_000));
    expect(await acquireLease("lease-test", "a", new Date(now.getTime() + 62_000), 60_000)).toBe(true);
  });

  it("in two processes at once (npm run jobs twice) sends one mail", async () => {
    execFileSync("npm", ["run", "build:jobs", "--silent"], { stdio: "inherit" });
    const { cast, evaluateOn } = await withEvaluationIn(50);
    const { db } = await database();
    const teacherEmail = (await db.query.users.findFirst({ where: (u, { eq: e }) => e(u.id, cast.ids.teacher) }))!.email;
    const runAt = at(addDays(evaluateOn, -7)).toISOString();
    const runOnce = () =>
      new Promise<{ code: number | null; out: string }>((done) => {
        const child = spawn(process.execPath, ["build/jobs.js", "--at", runAt], {
          env: { ...process.env, ...smtpSettings(smtp) },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        child.stdout.on("data", (chunk) => (out += String(chunk)));
        child.stderr.on("data", (chunk) => (out += String(chunk)));
        child.on("close", (code) => done({ code, out }));
      });
    const [first, second] = await Promise.all([runOnce(), runOnce()]);
    expect(first.code, first.out).toBe(0);
    expect(second.code, second.out).toBe(0);
    await smtp.waitForMail((m) => m.to.includes(teacherEmail));
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.filter((m) => m.to.includes(teacherEmail)).length).toBe(1);
    // The evaluation coming, and the child's voice not heard within the interval by then.
    expect((await remindersFor(cast.ids.teacher)).map((r) => r.rule).sort()).toEqual(["child_voice_missing", "evaluation_soon"]);
  }, 30_000);
});

describe("the outbox", () => {
  afterEach(() => useMail(smtpSettings(smtp)));

  it("keeps a mail while the mail server is down and delivers it once when it is back", async () => {
    const port = await freePort();
    useMail(smtpSettings({ port }));
    const { cast, evaluateOn } = await withEvaluationIn(60);
    const { db } = await database();
    const teacherEmail = (await db.query.users.findFirst({ where: (u, { eq: e }) => e(u.id, cast.ids.teacher) }))!.email;
    const first = at(addDays(evaluateOn, -7));

    const down = await runTick(first);
    expect(down?.mail.failed).toBeGreaterThanOrEqual(1);
    const pending = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, teacherEmail), isNull(outbox.sentAt)));
    expect(pending.length).toBe(1);
    expect(pending[0]!.attempts).toBe(1);
    expect(pending[0]!.lastError).toMatch(/could not be sent/);
    expect(pending[0]!.lastError).not.toContain(teacherEmail);

    // Before the back-off has passed nothing is tried again.
    await runTick(new Date(first.getTime() + retryDelayMs(1) - 1_000));
    expect((await db.select().from(outbox).where(eq(outbox.id, pending[0]!.id)).get())!.attempts).toBe(1);

    const late = await startSmtpServer({ port });
    try {
      const later = new Date(first.getTime() + retryDelayMs(1));
      const up = await runTick(later);
      expect(up?.mail.sent).toBeGreaterThanOrEqual(1);
      await runTick(new Date(later.getTime() + 3_600_000));
      await late.waitForMail((m) => m.to.includes(teacherEmail));
      expect(late.messages.filter((m) => m.to.includes(teacherEmail)).length).toBe(1);
      const row = (await db.select().from(outbox).where(eq(outbox.id, pending[0]!.id)).get())!;
      expect(row.status).toBe("sent");
      expect(row.attempts).toBe(2);
    } finally {
      await late.close();
    }
  }, 30_000);

  it("writes a notice with what caused it: family access refused for bad input leaves no mail; given, the mail waits out a mail server that is down", async () => {
    const port = await freePort();
    useMail(smtpSettings({ port }));
    const cast = await makeSchoolCast();
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    await giveConsent(cast.actors.teacher, logId, "keep");
    const { db } = await database();
    const log = (await db.query.logs.findFirst({ where: (l, { eq: e }) => e(l.id, logId) }))!;
    const guardian = (await db.query.guardians.findFirst({ where: (g, { eq: e }) => e(g.childId, log.childId) }))!;
    const email = `forelder-${Date.now()}@eksempel.no`;
    const options = { signInUrl: "http://localhost:3000/family/login", locale: "nb" as const };
    // Refused (no such guardian): nothing is given, and no mail is queued.
    await expect(giveFamilyAccess(cast.actors.teacher, logId, { who: "aaaaaaaaaaaaaaaaaaaaaaaaaa", email }, options)).rejects.toBeTruthy();
    expect(await db.select().from(outbox).where(eq(outbox.recipient, email))).toEqual([]);

    await giveFamilyAccess(cast.actors.teacher, logId, { who: guardian.id, email }, options);
    const queued = await db.select().from(outbox).where(eq(outbox.recipient, email));
    expect(queued.length).toBe(1);
    // "Deliver soon" tries at once and fails: the row stays, pending, for the tick.
    await expect.poll(async () => (await db.select().from(outbox).where(eq(outbox.id, queued[0]!.id)).get())!.attempts).toBe(1);
    expect((await db.select().from(outbox).where(eq(outbox.id, queued[0]!.id)).get())!.status).toBe("pending");

    const late = await startSmtpServer({ port });
    try {
      await runTick(new Date(Date.now() + retryDelayMs(1) + 1_000));
      const mail = await late.waitForMail((m) => m.to.includes(email));
      expect(mail.subject).toBe("Du har fått tilgang i Stafettlogg");
      await runTick(new Date(Date.now() + 2 * 3_600_000));
      expect(late.messages.filter((m) => m.to.includes(email)).length).toBe(1);
    } finally {
      await late.close();
    }
  }, 30_000);

  it("backs off 1, 2, 4 … minutes, never more than six hours", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(30)).toBe(6 * 60 * 60_000);
  });
});
