import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addAction, changeLevel } from "../../app/domain/logs/actions.server";
import { expectNoAxeViolations, launchBrowser, main, newPage } from "../support/browser";
import { makeService, makeUser } from "../support/factories";
import { actorOf, addParticipant, daysAgo, giveConsent, inDays, makeRelayLog } from "../support/log-factories";
import { backdateEvaluation, startWorld, type World } from "../support/world";

/**
 * The log page on a 360 × 740 phone (issue 9 point 13): the first screen says where the
 * log is, what is next and what is overdue; a flag leads to its item; the other tools are
 * in a menu that works without JavaScript; the actions come before the timeline; after a
 * save the confirmation is on screen. In a world of its own (all names invented): a teacher
 * holds Noah's log at level 2, shared with PPT, one action running and the child's voice not
 * yet heard, and Sofie's log, whose one action's evaluation is late.
 */
async function buildWorld() {
  const school = await makeService({ name: "Solbakken skole", kind: "school" });
  const ppt = await makeService({ name: "PPT Eksempel", kind: "ppt" });
  const teacher = await makeUser({ name: "Ingrid Solvik", memberships: [{ serviceId: school.id, role: "employee" }] });
  const adviser = await makeUser({ memberships: [{ serviceId: ppt.id, role: "employee" }] });
  const holder = await actorOf(teacher.id);

  const noah = await makeRelayLog(holder, school.id, "Noah Hagen Eriksen");
  await giveConsent(holder, noah.logId, "keep");
  await giveConsent(holder, noah.logId, "share", [ppt.id]);
  await addParticipant(noah.logId, adviser.id, ppt.id);
  await changeLevel(holder, noah.logId, { to: 2, justification: "PPT kartlegger lesing og samspill." });
  await addAction(holder, noah.logId, {
    description: "Sosial ferdighetstrening i liten gruppe",
    goal: "Noah sier fra før sinnet tar over",
    responsible: { kind: "other", text: "Miljøterapeut" },
    startOn: daysAgo(10),
    evaluateOn: inDays(20),
  });

  const sofie = await makeRelayLog(holder, school.id, "Sofie Lund Nilsen");
  await giveConsent(holder, sofie.logId, "keep");
  const late = await addAction(holder, sofie.logId, {
    description: "Lesestund med spesialpedagog",
    goal: "Sofie leser en side høyt",
    responsible: { kind: "other", text: "Spesialpedagog" },
    startOn: daysAgo(40),
    evaluateOn: inDays(5),
  });
  await backdateEvaluation(sofie.logId, late, daysAgo(4));
  return { teacherId: teacher.id };
}
const PHONE = { width: 360, height: 740 };
const shots = resolve(process.cwd(), "tests/.tmp/screenshots");
mkdirSync(shots, { recursive: true });

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let server: World<unknown>["server"];
let browser: Browser;
let withJs: Awaited<ReturnType<typeof newPage>>;
let noJs: Awaited<ReturnType<typeof newPage>>;

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(buildWorld), launchBrowser()]);
  server = world.server;
  withJs = await newPage(browser, { viewport: PHONE });
  noJs = await newPage(browser, { viewport: PHONE, javaScriptEnabled: false });
  await world.signIn(withJs.context, world.data.teacherId);
  await world.signIn(noJs.context, world.data.teacherId);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});
afterEach(() => {
  const problems = [...withJs.problems.splice(0), ...noJs.problems.splice(0)];
  expect(problems).toEqual([]);
});

/** Where an element is on the page (document coordinates), in px. */
const box = async (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: Math.round(r.top + window.scrollY), bottom: Math.round(r.bottom + window.scrollY) };
  });
/** Whether the element is inside the viewport as it is scrolled now. */
const onScreen = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });

async function openLog(page: Page, child: string) {
  await page.goto(`${server.baseUrl}/`);
  const href = await main(page).getByRole("link", { name: child, exact: true }).getAttribute("href");
  await page.goto(`${server.baseUrl}${href}`);
  await page.getByRole("heading", { level: 1, name: child }).waitFor();
}

describe("the first screen of a level-2 log", () => {
  it("shows level, holder, next evaluation, the flags and one next step; the actions come before the timeline", async () => {
    const { page } = withJs;
    await openLog(page, "Noah Hagen Eriksen");
    const header = main(page).locator("header").first();
    const firstScreen = [
      "h1",
      "header .summary-list",
      'header [aria-label="Trenger oppmerksomhet"]',
      "#next-step a.btn-primary",
      "details.menu > summary",
    ];
    for (const selector of firstScreen) {
      expect((await box(page, selector)).bottom, selector).toBeLessThanOrEqual(PHONE.height);
    }
    expect(await header.innerText()).toContain("Nivå 2 – Samarbeid med andre tjenester");
    expect(await header.locator("dt").allInnerTexts()).toEqual(["Stafettholder", "Neste evaluering"]);
    expect(await header.locator("dd").first().innerText()).toBe("Ingrid Solvik, Solbakken skole");
    expect(await header.getByRole("list", { name: "Trenger oppmerksomhet" }).innerText()).toContain(
      "Barnets stemme er ikke hørt ennå",
    );
    // One primary button; the other tools wait in the closed menu.
    expect(await main(page).locator("a.btn-primary:visible, button.btn-primary:visible").count()).toBe(1);
    expect(await page.locator("details.menu").getAttribute("open")).toBeNull();

    const actions = await box(page, "#actions-heading");
    const timeline = await box(page, "#timeline");
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(actions.top).toBeLessThan(timeline.top);
    expect(actions.top).toBeLessThan(2 * PHONE.height);
    // Measured figures, for the report (before this change: 13,705 px, actions at 2,433, timeline at 3,277).
    console.info(`log page at 360 px: height ${height}, actions at ${actions.top}, timeline at ${timeline.top}`);
    await page.screenshot({ path: resolve(shots, "log-phone-first.png") });
    await expectNoAxeViolations(page);
  });

  it("a flag links to its item: the overdue evaluation to the overdue action, from the home page and the log page", async () => {
    const { page } = withJs;
    await page.goto(`${server.baseUrl}/`);
    const card = main(page)
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: "Sofie Lund Nilsen" }) });
    await card.getByRole("link", { name: "Evalueringen er forsinket" }).click();
    await page.waitForURL((url) => url.hash === "#actions");
    await page.getByRole("heading", { level: 1, name: "Sofie Lund Nilsen" }).waitFor();

    await main(page).locator("header").getByRole("link", { name: "Evalueringen er forsinket" }).click();
    await page.waitForURL((url) => /^#action-[a-z0-9]+$/.test(url.hash));
    const target = decodeURIComponent(new URL(page.url()).hash);
    await expect.poll(() => onScreen(page, target)).toBe(true);
    const action = page.locator(target);
    expect(await action.innerText()).toContain("Forsinket");
    await action.getByRole("link", { name: /^Evaluer tiltaket/ }).waitFor();
    // The suggested next step is the same overdue evaluation.
    const next = await page.locator("#next-step a.btn-primary").getAttribute("href");
    expect(next).toBe(await action.getByRole("link", { name: /^Evaluer tiltaket/ }).getAttribute("href"));
  });
});

describe("the tools menu without JavaScript", () => {
  it("opens with a click and with the keyboard, lists the tools in groups and leads to the form", async () => {
    const { page } = noJs;
    await openLog(page, "Noah Hagen Eriksen");
    expect(await page.evaluate(() => typeof (window as { __remixContext?: unknown }).__remixContext)).toBe("undefined");
    const nav = page.getByRole("navigation", { name: "Hva vil du gjøre?" });
    const summary = nav.locator("details.menu > summary");
    expect(await nav.getByRole("link", { name: "Skriv notat", exact: true }).isVisible()).toBe(false);

    await summary.focus();
    await page.keyboard.press("Enter");
    await nav.getByRole("link", { name: "Skriv notat", exact: true }).waitFor();
    expect(await nav.getByRole("heading", { level: 3 }).allInnerTexts()).toEqual(["Skriv i loggen", "Nivå og avslutning", "Samarbeid"]);
    await page.screenshot({ path: resolve(shots, "log-phone-menu.png"), fullPage: true });
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("details.menu").getAttribute("open")).toBeNull();

    await summary.click();
    await nav.getByRole("link", { name: "Skriv notat", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Nytt notat" }).waitFor();
  });

  it("after a save the confirmation is on the phone's first screen", async () => {
    const { page } = noJs;
    await openLog(page, "Noah Hagen Eriksen");
    await page.locator("details.menu > summary").click();
    await page.getByRole("navigation", { name: "Hva vil du gjøre?" }).getByRole("link", { name: "Skriv notat", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Nytt notat" }).waitFor();
    await page.getByLabel("Notat", { exact: true }).fill("Ringte mor om møtetidspunkt; hun kommer torsdag.");
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("notice") === "saved");
    const status = main(page).getByRole("status").filter({ hasText: "Lagret." });
    await status.waitFor();
    expect(await onScreen(page, "#notice")).toBe(true);
  });
});

describe("in English and in bokmål", () => {
  it("the log page with the menu open is axe clean in both languages", async () => {
    const { page } = withJs;
    await openLog(page, "Noah Hagen Eriksen");
    await page.locator("details.menu > summary").click();
    await page.getByRole("link", { name: "Skriv notat", exact: true }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "English" }).click();
    await page.locator('html[lang="en"]').waitFor();
    try {
      await page.getByRole("heading", { name: "Timeline" }).waitFor();
      const header = main(page).locator("header").first();
      expect(await header.locator("dt").allInnerTexts()).toEqual(["Relay holder", "Next evaluation"]);
      await page.locator("details.menu > summary").filter({ hasText: "More options" }).waitFor();
      if ((await page.locator("details.menu").getAttribute("open")) === null) await page.locator("details.menu > summary").click();
      await page.getByRole("link", { name: "Write a note", exact: true }).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await page.getByRole("button", { name: "Norsk bokmål" }).click();
      await page.locator('html[lang="nb"]').waitFor();
    }
  });
});
