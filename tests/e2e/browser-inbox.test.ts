import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addAction } from "../../app/domain/logs/actions.server";
import { expectNoAxeViolations, launchBrowser, main, newPage } from "../support/browser";
import { daysAgo, giveConsent, inDays, makeRelayLog, makeSchoolCast } from "../support/log-factories";
import { smtpSettings, startSmtpServer, type RunningSmtpServer } from "../support/smtp";
import { backdateEvaluation, emailOf, startWorld, type World } from "../support/world";

/**
 * The inbox ("Til deg") in Chromium, on a world of its own with the scheduler running (its
 * first tick runs at start): a teacher holds a relay log whose one action's evaluation is
 * three days late. The teacher sees the overdue evaluation with the unread count in the
 * header, follows it, writes the evaluation, and the reminder is gone. axe in nb and en, a
 * 360 px phone, and marking done without JavaScript.
 */
async function buildWorld() {
  const cast = await makeSchoolCast();
  const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, "Mira Solberg Haugen");
  await giveConsent(cast.actors.teacher, logId, "keep");
  const actionId = await addAction(cast.actors.teacher, logId, {
    description: "Lesestund med spesialpedagog hver morgen",
    goal: "Mira leser en side høyt uten hjelp",
    responsible: { kind: "other", text: "Kontaktlærer" },
    startOn: daysAgo(30),
    evaluateOn: inDays(10),
  });
  await backdateEvaluation(logId, actionId, daysAgo(3));
  const second = await addAction(cast.actors.teacher, logId, {
    description: "Fast voksen i friminuttene",
    goal: "Mira er med i lek minst tre friminutt i uka",
    responsible: { kind: "other", text: "Inspektør" },
    startOn: daysAgo(20),
    evaluateOn: inDays(10),
  });
  await backdateEvaluation(logId, second, daysAgo(1));
  return { cast, logId };
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let smtp: RunningSmtpServer;
let browser: Browser;
let teacher: Awaited<ReturnType<typeof newPage>>;

const inboxLink = () => teacher.page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: /^Til deg/ });

beforeAll(async () => {
  smtp = await startSmtpServer();
  [world, browser] = await Promise.all([startWorld(buildWorld, { SCHEDULER: "true", ...smtpSettings(smtp) }), launchBrowser()]);
  teacher = await newPage(browser);
  await world.signIn(teacher.context, world.data.cast.ids.teacher);
  await teacher.page.goto(`${world.server.baseUrl}/`);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
  await smtp?.close();
});
afterEach(() => {
  expect(teacher.problems.splice(0)).toEqual([]);
});

describe("the teacher's inbox", () => {
  it("shows the unread count in the header and lists the overdue evaluation", async () => {
    const { page } = teacher;
    // The first tick runs as the server starts; reload until it has.
    await expect
      .poll(async () => {
        await page.reload();
        return inboxLink().innerText();
      }, { timeout: 15_000 })
      .toMatch(/^Til deg \(\d+ uleste?\)$/);
    await inboxLink().click();
    await page.getByRole("heading", { level: 1, name: "Til deg" }).waitFor();
    await expect.poll(() => inboxLink().innerText()).toBe("Til deg");
    const overdue = main(page).getByRole("listitem").filter({ hasText: "Evalueringen av et tiltak er forsinket" });
    expect(await overdue.count()).toBe(2);
    for (const item of await overdue.all()) expect(await item.innerText()).toContain("Gjelder loggen for Mira S. H.");
    await expectNoAxeViolations(page);
  });

  it("the reminder mail says only that something waits, and links to the inbox", async () => {
    const teacherEmail = await emailOf(world.data.cast.ids.teacher);
    const mail = await smtp.waitForMail((m) => m.to.includes(teacherEmail), 15_000);
    expect(mail.subject).toBe("Påminnelse fra Stafettlogg");
    expect(mail.text).toContain(`${world.server.baseUrl}/inbox`);
    for (const name of ["Mira", "Solberg", "Haugen", "Foresatt", "Testesen"]) expect(mail.text + mail.html).not.toContain(name);
  });

  it("follows the reminder to the action, writes the evaluation, and the reminder is gone", async () => {
    const { page } = teacher;
    const overdue = main(page).getByRole("listitem").filter({ hasText: "Evalueringen av et tiltak er forsinket" }).first();
    const href = await overdue.getByRole("link", { name: "Evalueringen av et tiltak er forsinket" }).getAttribute("href");
    expect(href).toMatch(/^\/logs\/[a-z2-7]{26}#action-[a-z2-7]{26}$/);
    await overdue.getByRole("link", { name: "Evalueringen av et tiltak er forsinket" }).click();
    await page.getByRole("heading", { level: 1, name: "Mira Solberg Haugen" }).waitFor();
    const action = page.locator(`#${href!.split("#")[1]}`);
    await action.getByRole("link", { name: /^Evaluer tiltaket/ }).click();
    await page.getByRole("heading", { level: 1, name: "Evaluer tiltaket" }).waitFor();
    await page.getByLabel("Hva er gjort?").fill("Spesialpedagogen er tilbake og har startet opp igjen.");
    await page.getByLabel("Hva har virket, og hva har ikke virket?").fill("Lesestunden om morgenen virker.");
    await page.getByLabel("Hvordan opplever barnet endringen?").fill("Mira sier hun liker lesestunden.");
    await page.getByRole("radio", { name: "Fortsette tiltaket" }).check();
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.has("notice"));
    await inboxLink().click();
    await page.getByRole("heading", { level: 1, name: "Til deg" }).waitFor();
    // The other action's evaluation is still late: exactly one reminder of the kind is left.
    expect(await main(page).getByText("Evalueringen av et tiltak er forsinket").count()).toBe(1);
  });

  it("reads in English, and fits a 360 px phone", async () => {
    const { page } = teacher;
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "For you" }).waitFor();
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole("button", { name: "Norsk bokmål" }).click();
    await page.getByRole("heading", { level: 1, name: "Til deg" }).waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe("the settings page", () => {
  it("saves a choice per kind, passes axe in nb and en", async () => {
    const { page } = teacher;
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Innstillinger" }).click();
    await page.getByRole("heading", { level: 1, name: "Innstillinger" }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("group", { name: "Evalueringer som nærmer seg eller er forsinket" }).getByRole("radio", { name: "Samlet om morgenen" }).check();
    await page.getByRole("button", { name: "Lagre innstillingene" }).click();
    await page.getByText("Innstillingene er lagret.").waitFor();
    expect(
      await page.getByRole("group", { name: "Evalueringer som nærmer seg eller er forsinket" }).getByRole("radio", { name: "Samlet om morgenen" }).isChecked(),
    ).toBe(true);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Norsk bokmål" }).click();
    await page.getByRole("heading", { level: 1, name: "Innstillinger" }).waitFor();
  });
});

describe("without JavaScript", () => {
  it("saves the mail settings", async () => {
    const noJs = await newPage(browser, { javaScriptEnabled: false });
    try {
      await world.signIn(noJs.context, world.data.cast.ids.nurse);
      await noJs.page.goto(`${world.server.baseUrl}/settings`);
      await noJs.page.getByRole("group", { name: "Samtykker som går ut" }).getByRole("radio", { name: "Ingen e-post" }).check();
      await noJs.page.getByRole("button", { name: "Lagre innstillingene" }).click();
      await noJs.page.getByText("Innstillingene er lagret.").waitFor();
      expect(await noJs.page.getByRole("group", { name: "Samtykker som går ut" }).getByRole("radio", { name: "Ingen e-post" }).isChecked()).toBe(true);
      expect(noJs.problems).toEqual([]);
    } finally {
      await noJs.page.context().close();
    }
  });

  it("marks a reminder done", async () => {
    const noJs = await newPage(browser, { javaScriptEnabled: false });
    try {
      await world.signIn(noJs.context, world.data.cast.ids.teacher);
      await noJs.page.goto(`${world.server.baseUrl}/inbox`);
      const items = main(noJs.page).getByRole("list", { name: "Til deg" }).getByRole("listitem");
      const before = await items.count();
      expect(before).toBeGreaterThan(0);
      const first = await items.first().getByRole("link").first().innerText();
      await items.first().getByRole("button", { name: "Marker som gjort" }).click();
      // Without JavaScript the answer is a new document: wait for all of it (its load
      // event), not only for the notice at its top, before counting what it lists.
      await noJs.page.waitForURL((url) => url.searchParams.get("notice") === "done", { waitUntil: "load" });
      await noJs.page.getByText("Påminnelsen er markert som gjort.").waitFor();
      expect(await items.count()).toBe(before - 1);
      expect(first.length).toBeGreaterThan(0);
      expect(noJs.problems).toEqual([]);
    } finally {
      await noJs.page.context().close();
    }
  });
});
