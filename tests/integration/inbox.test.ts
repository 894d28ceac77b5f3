import { describe, expect, it } from "vitest";
import * as inboxRoute from "../../app/routes/inbox";
import * as root from "../../app/root";
import * as homeRoute from "../../app/routes/_index";
import { runTick } from "../../app/domain/jobs/tick.server";
import { addAction } from "../../app/domain/logs/actions.server";
import { inviteToLog } from "../../app/domain/logs/log-invitations.server";
import { addDays } from "../../app/lib/dates";
import { sessionFor } from "../support/factories";
import { giveConsent, inDays, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";
import { renderRoute, textOf } from "../support/render";
import { callAction, callLoader } from "../support/requests";

type Inbox = Awaited<ReturnType<typeof inboxRoute.loader>>;
type Root = Awaited<ReturnType<typeof root.loader>>;
const at = (isoDate: string) => new Date(`${isoDate}T08:00:00Z`);

/** A teacher's log, its evaluation seven days off, the tick run: one reminder in the inbox. */
async function teacherWithReminder(childName = "Ella Marie Testesen") {
  const cast = await makeSchoolCast();
  const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, childName);
  const actionId = await addAction(cast.actors.teacher, logId, {
    description: "Fast voksen i friminuttene",
    goal: "Trygg i friminuttene",
    responsible: { kind: "other", text: "Kontaktlærer" },
    startOn: today(),
    evaluateOn: inDays(7),
  });
  await runTick(at(today()));
  const { cookie } = await sessionFor(cast.ids.teacher);
  return { cast, logId, actionId, cookie };
}

describe("the inbox (Til deg)", () => {
  it("lists the reminder, links to the action, names the child discreetly to the holder, and counts it unread in the header until seen", async () => {
    const { logId, actionId, cookie } = await teacherWithReminder();
    const before = await callLoader<Root>(root.loader, "/", { cookie });
    expect(before.data.user?.inboxUnread).toBe(1);

    const { status, html } = await renderRoute(inboxRoute, "/inbox", "/inbox", { cookie });
    expect(status).toBe(200);
    const text = textOf(html);
    expect(text).toContain("Et tiltak skal evalueres om under en uke");
    expect(text).toContain("Gjelder loggen for Ella M. T.");
    expect(text).not.toContain("Testesen");
    expect(html).toContain(`href="/logs/${logId}#action-${actionId}"`);
    expect(text).toContain("Ny");

    const after = await callLoader<Root>(root.loader, "/", { cookie });
    expect(after.data.user?.inboxUnread).toBe(0);
  });

  it("the home page's 'waiting for you' draws from the same source, without marking anything read", async () => {
    const { cookie } = await teacherWithReminder();
    const { html } = await renderRoute(homeRoute, "/", "/", { cookie });
    expect(textOf(html)).toContain("1 ting venter på deg.");
    expect(textOf(html)).toContain("Et tiltak skal evalueres om under en uke");
    expect(html).toContain('href="/inbox"');
    expect((await callLoader<Root>(root.loader, "/", { cookie })).data.user?.inboxUnread).toBe(1);
  });

  it("the nurse is told of an invitation at once, and it leads to the answer", async () => {
    const cast = await makeSchoolCast();
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    await giveConsent(cast.actors.teacher, logId, "share", [cast.health.id]);
    await inviteToLog(cast.actors.teacher, logId, { inviteeId: cast.ids.nurse, serviceId: cast.health.id, message: "Kan du bli med?", respondBy: inDays(7) });
    const nurse = await sessionFor(cast.ids.nurse);
    const data = (await callLoader<Inbox>(inboxRoute.loader, "/inbox", { cookie: nurse.cookie })).data;
    expect(data.items.map((i) => i.rule)).toEqual(["invitation_received"]);
    expect(data.items[0]!.href).toMatch(/^\/invitations\/[a-z2-7]{26}$/);
  });

  it("in English too", async () => {
    const { cookie } = await teacherWithReminder();
    const { html } = await renderRoute(inboxRoute, "/inbox", "/inbox", { cookie, locale: "en" });
    expect(textOf(html)).toContain("An action is to be evaluated within a week");
    expect(textOf(html)).toContain("About the log for Ella M. T.");
  });

  it("marks done and dismisses; the reminder leaves the inbox and the next tick does not bring it back", async () => {
    const { cookie } = await teacherWithReminder();
    const first = await callLoader<Inbox>(inboxRoute.loader, "/inbox", { cookie });
    const reminderId = first.data.items[0]!.id;
    const done = await callAction(inboxRoute.action, "/inbox", { cookie, form: { reminderId, intent: "done" } });
    expect(done.status).toBe(302);
    expect(done.location).toBe("/inbox?notice=done#notice");
    await runTick(at(today()));
    expect((await callLoader<Inbox>(inboxRoute.loader, "/inbox", { cookie })).data.items).toEqual([]);
    // A settled reminder cannot be settled again.
    const again = await callAction(inboxRoute.action, "/inbox", { cookie, form: { reminderId, intent: "dismiss" } });
    expect(again.status).toBe(404);
  });

  it("answers 404 for someone else's reminder and 400 for a malformed one, changing nothing", async () => {
    const { cast, cookie } = await teacherWithReminder();
    const mine = (await callLoader<Inbox>(inboxRoute.loader, "/inbox", { cookie })).data.items[0]!.id;
    const other = await sessionFor(cast.ids.colleague);
    expect((await callAction(inboxRoute.action, "/inbox", { cookie: other.cookie, form: { reminderId: mine, intent: "done" } })).status).toBe(404);
    expect((await callAction(inboxRoute.action, "/inbox", { cookie, form: { reminderId: mine, intent: "explode" } })).status).toBe(400);
    expect((await callAction(inboxRoute.action, "/inbox", { cookie, form: {} })).status).toBe(400);
    expect((await callLoader<Inbox>(inboxRoute.loader, "/inbox", { cookie })).data.items.map((i) => i.id)).toEqual([mine]);
  });

  it("does not name the child to a recipient who does not hold the log (the invitee's leader)", async () => {
    const cast = await makeSchoolCast();
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Noah Testesen");
    await giveConsent(cast.actors.teacher, logId, "share", [cast.health.id]);
    const respondBy = inDays(3);
    await inviteToLog(cast.actors.teacher, logId, { inviteeId: cast.ids.nurse, serviceId: cast.health.id, message: "Kan du bli med?", respondBy });
    await runTick(at(respondBy));
    const nurse = await sessionFor(cast.ids.nurse);
    const { html } = await renderRoute(inboxRoute, "/inbox", "/inbox", { cookie: nurse.cookie });
    expect(textOf(html)).toContain("En invitasjon til å delta i en logg er ikke besvart innen fristen");
    expect(textOf(html)).not.toContain("Noah");
    expect(html).toMatch(/href="\/invitations\/[a-z2-7]{26}"/);
  });

  it("pages a long inbox, newest first", async () => {
    const cast = await makeSchoolCast();
    const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id);
    for (let i = 0; i < 52; i += 1) {
      await addAction(cast.actors.teacher, logId, {
        description: `Tiltak ${i}`,
        goal: "Mål",
        responsible: { kind: "other", text: "Kontaktlærer" },
        startOn: today(),
        evaluateOn: inDays(2),
      });
    }
    await runTick(at(addDays(today(), 1)));
    const { cookie } = await sessionFor(cast.ids.teacher);
    const page1 = (await callLoader<Inbox>(inboxRoute.loader, "/inbox", { cookie })).data;
    expect(page1.total).toBeGreaterThanOrEqual(52);
    expect(page1.items.length).toBe(50);
    expect(page1.pages).toBe(2);
    const page2 = (await callLoader<Inbox>(inboxRoute.loader, "/inbox?page=2", { cookie })).data;
    expect(page2.items.length).toBe(page1.total - 50);
    const odd = (await callLoader<Inbox>(inboxRoute.loader, "/inbox?page=abc", { cookie })).data;
    expect(odd.page).toBe(1);
  });
});
