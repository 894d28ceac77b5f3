import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { outbox, users } from "../../db/schema";
import * as settingsRoute from "../../app/routes/settings";
import { runTick } from "../../app/domain/jobs/tick.server";
import { addAction } from "../../app/domain/logs/actions.server";
import { addDays } from "../../app/lib/dates";
import { mailKinds } from "../../app/lib/enums";
import { sessionFor } from "../support/factories";
import { inDays, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";
import { renderRoute, textOf } from "../support/render";
import { callAction, callLoader } from "../support/requests";

type Loaded = Awaited<ReturnType<typeof settingsRoute.loader>>;
/** A moment on a date at an hour, Oslo winter time (UTC+1). */
const osloAt = (isoDate: string, hour: number) => new Date(`${isoDate}T${String(hour - 1).padStart(2, "0")}:00:00Z`);

const allChoices = (choice: string) => Object.fromEntries(mailKinds.map((k) => [k, choice]));

async function mailsTo(userId: string) {
  const { db } = await database();
  const user = (await db.select().from(users).where(eq(users.id, userId)).get())!;
  return db.select().from(outbox).where(eq(outbox.recipient, user.email));
}

async function teacherWithAction(childName: string) {
  const cast = await makeSchoolCast();
  const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, childName);
  const { cookie } = await sessionFor(cast.ids.teacher);
  const evaluateOn = inDays(20);
  const add = () =>
    addAction(cast.actors.teacher, logId, {
      description: "Fast voksen",
      goal: "Trygghet",
      responsible: { kind: "other", text: "Kontaktlærer" },
      startOn: today(),
      evaluateOn,
    });
  return { cast, logId, cookie, evaluateOn, add };
}

describe("each person's mail settings", () => {
  it("start at 'at once' for every kind, are saved per kind, and refuse a made-up choice without changing anything", async () => {
    const { cookie } = await teacherWithAction("Mira Testesen");
    const first = await callLoader<Loaded>(settingsRoute.loader, "/settings", { cookie });
    expect(first.data.preferences).toEqual(allChoices("immediately"));

    const saved = await callAction(settingsRoute.action, "/settings", { cookie, form: { ...allChoices("immediately"), evaluations: "daily", child_voice: "off" } });
    expect(saved.status).toBe(302);
    const after = await callLoader<Loaded>(settingsRoute.loader, "/settings", { cookie });
    expect(after.data.preferences).toMatchObject({ evaluations: "daily", child_voice: "off", invitations: "immediately" });

    const bad = await callAction(settingsRoute.action, "/settings", { cookie, form: { ...allChoices("off"), evaluations: "hourly" } });
    expect(bad.status).toBe(400);
    expect((await callLoader<Loaded>(settingsRoute.loader, "/settings", { cookie })).data.preferences).toEqual(after.data.preferences);
  });

  it("renders one group per kind with the saved choice checked, in nb and en", async () => {
    const { cookie } = await teacherWithAction("Mira Testesen");
    await callAction(settingsRoute.action, "/settings", { cookie, form: { ...allChoices("immediately"), consents: "off" } });
    const nb = await renderRoute(settingsRoute, "/settings", "/settings", { cookie });
    expect(textOf(nb.html)).toContain("Varsler på e-post");
    expect(nb.html.match(/<fieldset/g)?.length).toBe(mailKinds.length);
    expect(nb.html).toMatch(/name="consents"[^>]*checked=""[^>]*value="off"/);
    expect(nb.html).not.toMatch(/name="consents"[^>]*checked=""[^>]*value="immediately"/);
    const en = await renderRoute(settingsRoute, "/settings", "/settings", { cookie, locale: "en" });
    expect(textOf(en.html)).toContain("Combined in the morning");
  });
});

describe("the tick honours the choices", () => {
  it("'at once': a mail with the new reminders", async () => {
    const { cast, evaluateOn, add } = await teacherWithAction("Mira Testesen");
    await add();
    await runTick(osloAt(addDays(evaluateOn, -7), 9));
    expect((await mailsTo(cast.ids.teacher)).length).toBe(1);
  });

  it("'off': the inbox has it, no mail is written, and no digest either", async () => {
    const { cast, cookie, evaluateOn, add } = await teacherWithAction("Mira Testesen");
    await callAction(settingsRoute.action, "/settings", { cookie, form: allChoices("off") });
    await add();
    await runTick(osloAt(addDays(evaluateOn, -7), 9));
    await runTick(osloAt(addDays(evaluateOn, -6), 9));
    expect(await mailsTo(cast.ids.teacher)).toEqual([]);
  });

  it("'daily': nothing at once; from 07:00 one digest a day with counts and no names", async () => {
    const { cast, cookie, evaluateOn, add } = await teacherWithAction("Mira Digestesen");
    await callAction(settingsRoute.action, "/settings", { cookie, form: allChoices("daily") });
    await add();
    await add();
    const day = addDays(evaluateOn, -7);
    await runTick(osloAt(day, 6));
    expect(await mailsTo(cast.ids.teacher)).toEqual([]);
    await runTick(osloAt(day, 7));
    let mails = await mailsTo(cast.ids.teacher);
    expect(mails.length).toBe(1);
    expect(mails[0]!.subject).toBe("Dagens oversikt fra Stafettlogg");
    expect(mails[0]!.text).toContain("Evalueringer: 2");
    for (const part of ["Mira", "Digestesen", "Foresatt", "Testesen"]) {
      expect(mails[0]!.text + mails[0]!.html).not.toContain(part);
    }
    await runTick(osloAt(day, 12));
    expect((await mailsTo(cast.ids.teacher)).length).toBe(1);
    // The next day, while they are still unread: the next digest.
    await runTick(osloAt(addDays(day, 1), 8));
    mails = await mailsTo(cast.ids.teacher);
    expect(mails.length).toBe(2);
  });
});
