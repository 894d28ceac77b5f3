import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addEntry } from "../../app/domain/logs/entries.server";
import { chooseResponsible, chosenResponsible, deferKeepConsent, expectNoAxeViolations, launchBrowser, newPage, failedLoad, main, timelineItems, logTools } from "../support/browser";
import { makeService, makeUser } from "../support/factories";
import { actorOf, daysAgo, giveConsent, makeRelayLog } from "../support/log-factories";
import { startWorld, type World } from "../support/world";

/**
 * The relay log without JavaScript: every form is a plain HTML post, every link a plain
 * page load. The teacher's story from concern to closed log, the server's answer to bad
 * input, and the log and home pages on a 360 px wide phone. axe needs scripts, so it runs
 * in the phone test (with them) and in browser-log-story.test.ts. In a world of its own: a
 * teacher who holds Sofie's log and Noah's, whose timeline has two dozen entries. All names
 * are invented.
 */
async function buildWorld() {
  const school = await makeService({ name: "Solbakken skole", kind: "school" });
  const teacher = await makeUser({ name: "Ingrid Solvik", memberships: [{ serviceId: school.id, role: "employee" }] });
  const holder = await actorOf(teacher.id);
  const sofie = await makeRelayLog(holder, school.id, "Sofie Lund Nilsen");
  await giveConsent(holder, sofie.logId, "keep");
  const noah = await makeRelayLog(holder, school.id, "Noah Hagen Eriksen");
  await giveConsent(holder, noah.logId, "keep");
  for (let i = 0; i < 24; i++) {
    await addEntry(holder, noah.logId, {
      type: i % 3 === 0 ? "observation" : "note",
      occurredOn: daysAgo(1),
      text: `Oppfølging nummer ${i + 1}: Noah var med i lek i storefri og fortalte om helgen sin til en medelev.`,
    });
  }
  return { teacherId: teacher.id };
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let server: World<unknown>["server"];
let browser: Browser;
let teacher: Awaited<ReturnType<typeof newPage>>;

const CHILD = "Mats Prøvesen Dal";
const CONCERN = "Mats har kommet uten matpakke fire dager denne uka og sier han ikke er sulten.";
const GUARDIAN = "Øystein Prøvesen";
const ACTIONS = [
  { description: "Frokost på skolen hver morgen", goal: "Mats skal ha spist før første time", choose: { other: "Kontaktlærer" } },
  { description: "Samtale med far om morgenrutiner", goal: "Faste rutiner hjemme", choose: { option: "Ingrid Solvik (stafettholder)" } },
];
const CHILD_VOICE = "Mats sier at han liker å spise frokost sammen med de andre.";
const LEVEL_REASON = "Frokosten er på plass og hun virker roligere; vi følger med uten egne tiltak.";
const SUMMARY = "Mats spiser frokost hver dag, og far har fått bedre rutiner.";

let logUrl = "";
let today = "";
let allowedProblems: RegExp[] = [];

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(buildWorld), launchBrowser()]);
  server = world.server;
  teacher = await newPage(browser, { javaScriptEnabled: false });
  await world.signIn(teacher.context, world.data.teacherId);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});
afterEach(() => {
  const unexpected = teacher.problems.filter((p) => !allowedProblems.some((a) => a.test(p)));
  teacher.problems.length = 0;
  allowedProblems = [];
  expect(unexpected).toEqual([]);
});

const logHeader = (page: Page) => main(page).locator("header").first();
const toolsNav = (page: Page) => page.getByRole("navigation", { name: "Hva vil du gjøre?" });
const save = (page: Page, name = "Lagre") => page.getByRole("button", { name, exact: true }).click();

function addDays(isoDate: string, days: number) {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Follow a link (a full page load without JavaScript) and wait for the form's h1. */
async function open(page: Page, link: () => Promise<void>, h1: string) {
  const before = page.url();
  await link();
  await page.waitForURL((url) => url.href !== before);
  await page.getByRole("heading", { level: 1, name: h1, exact: true }).waitFor();
}

async function openTool(page: Page, name: string, h1 = name) {
  const tools = await logTools(page);
  await open(page, () => tools.getByRole("link", { name, exact: true }).click(), h1);
}

/** After a post: redirected back to the log page with its notice. */
async function backOnLog(page: Page, notice = "Lagret.") {
  await page.waitForURL((url) => url.href.startsWith(logUrl) && url.searchParams.has("notice"));
  await page.getByRole("heading", { level: 1, name: CHILD }).waitFor();
  await main(page).getByRole("status").filter({ hasText: notice }).waitFor();
}

describe("the teacher's story without JavaScript", () => {
  it("really runs without JavaScript", async () => {
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/`);
    await main(page).getByRole("link", { name: "Sofie Lund Nilsen" }).waitFor();
    // The page's own scripts never ran: Remix's client context is absent.
    expect(await page.evaluate(() => "__remixContext" in window)).toBe(false);
  });

  it("writes a concern, registers a guardian and makes it a relay log at level 1", async () => {
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/`);
    await open(page, () => page.getByRole("link", { name: "Skriv ned en undring eller bekymring" }).click(), "Ny undring eller bekymring");
    today = await page.getByLabel("Når la du merke til det?").inputValue();
    await page.getByLabel("Barnets navn").fill(CHILD);
    await page.getByLabel("Fødselsdato").fill("2017-02-09");
    await page.getByLabel("Hva har du sett eller hørt?").fill(CONCERN);
    await save(page, "Lagre notatet");
    await page.waitForURL(/\/logs\/[a-z0-9]+\?notice=saved/);
    logUrl = page.url().split("?")[0]!;
    await page.getByRole("heading", { level: 1, name: CHILD }).waitFor();
    expect(await logHeader(page).innerText()).toContain("Nivå 0");
    await main(page).getByText("Dette er ditt private notat på nivå 0.", { exact: false }).waitFor();

    // Becoming a relay log needs a guardian first: the server says so by the field.
    await openTool(page, "Gjør om til stafettlogg");
    await deferKeepConsent(page);
    await save(page, "Gjør om til stafettlogg");
    const summary = page.getByRole("alert").filter({ hasText: "Skjemaet har feil som må rettes" });
    await summary.getByText("Registrer minst én foresatt først.").waitFor();
    allowedProblems.push(failedLoad(400));

    await open(page, () => main(page).getByRole("link", { name: "Registrer foresatt" }).first().click(), "Registrer foresatt");
    await page.getByLabel("Navn", { exact: true }).fill(GUARDIAN);
    await page.getByLabel("Relasjon til barnet").selectOption({ label: "Far" });
    await save(page);
    await backOnLog(page);
    await main(page).getByRole("region", { name: "Foresatte" }).getByText(GUARDIAN).waitFor();

    await openTool(page, "Gjør om til stafettlogg");
    expect(await page.getByRole("radio", { name: "Nivå 1" }).isChecked()).toBe(true);
    await deferKeepConsent(page);
    await save(page, "Gjør om til stafettlogg");
    await backOnLog(page, "Notatet er nå en stafettlogg.");
    expect(await logHeader(page).innerText()).toContain("Nivå 1");
    expect(await logHeader(page).innerText()).toContain("Stafettlogg");
  });

  it("answers bad input on the new-action form from the server: both errors, input kept, nothing written", async () => {
    const { page } = teacher;
    const before = await timelineItems(page).count();
    await openTool(page, "Nytt tiltak");
    await page.getByLabel("Hva skal gjøres?").fill(ACTIONS[0]!.description);
    await chooseResponsible(page, ACTIONS[0]!.choose);
    await page.getByLabel("Evalueringsdato").fill(addDays(today, -3));
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), save(page)]);
    expect(response.status()).toBe(400);
    allowedProblems.push(failedLoad(400));

    await page.getByRole("heading", { level: 1, name: "Nytt tiltak" }).waitFor();
    const summary = page.getByRole("alert").filter({ hasText: "Skjemaet har feil som må rettes" });
    expect(await summary.getByRole("link").allInnerTexts()).toEqual([
      "Hvilket mål skal tiltaket nå?: Feltet må fylles ut.",
      "Evalueringsdato: Evalueringsdatoen må være etter startdatoen.",
    ]);
    expect(await page.locator("#action-goal-error").innerText()).toBe("Feltet må fylles ut.");
    expect(await page.locator("#action-evaluateOn-error").innerText()).toBe("Evalueringsdatoen må være etter startdatoen.");
    expect(await page.getByLabel("Hvilket mål skal tiltaket nå?").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Hva skal gjøres?").inputValue()).toBe(ACTIONS[0]!.description);
    expect(await chosenResponsible(page)).toBe("Noen andre (skriv inn)");
    expect(await page.getByLabel("Hvem andre?").inputValue()).toBe("Kontaktlærer");
    expect(await page.getByLabel("Evalueringsdato").inputValue()).toBe(addDays(today, -3));

    await page.goto(logUrl);
    expect(await timelineItems(page).count()).toBe(before);
    expect(await main(page).getByText("Ingen tiltak ennå.").count()).toBe(1);
  });

  it("adds two actions and the child's voice, and evaluates one action", async () => {
    const { page } = teacher;
    for (const action of ACTIONS) {
      await openTool(page, "Nytt tiltak");
      await page.getByLabel("Hva skal gjøres?").fill(action.description);
      await page.getByLabel("Hvilket mål skal tiltaket nå?").fill(action.goal);
      await chooseResponsible(page, action.choose);
      await save(page);
      await backOnLog(page);
      await main(page).getByRole("region", { name: "Tiltak" }).getByText(action.description, { exact: true }).waitFor();
    }

    await openTool(page, "Barnets stemme");
    await page.getByLabel("Hvordan ble det hørt?").selectOption({ label: "Tegning" });
    await page.getByLabel("Det som ble sagt").fill(CHILD_VOICE);
    await save(page);
    await backOnLog(page);
    expect(await timelineItems(page).first().innerText()).toContain(CHILD_VOICE);
    expect(await timelineItems(page).first().innerText()).toContain("Tegning");

    await open(
      page,
      () => main(page).getByRole("link", { name: new RegExp(`^Evaluer tiltaket\\s*: ${ACTIONS[0]!.description}$`) }).click(),
      "Evaluer tiltaket",
    );
    await page.getByLabel("Hva er gjort?").fill("Mats har spist frokost på skolen hver dag.");
    await page.getByLabel("Hva har virket, og hva har ikke virket?").fill("Fast tid og en voksen til stede.");
    await page.getByLabel("Hvordan opplever barnet endringen?").fill("Mats sier at han orker mer i timene.");
    await page.getByRole("radio", { name: "Justere tiltaket" }).check();
    await page.getByLabel("Hva justeres?").fill("Frokost bare mandag til onsdag.");
    await save(page);
    await backOnLog(page, "Evalueringen er lagret.");
    const evaluation = timelineItems(page).first();
    expect(await evaluation.innerText()).toContain("Justere tiltaket");
    expect(await evaluation.innerText()).toContain("Frokost bare mandag til onsdag.");
  });

  it("changes the level with a justification, then closes the log", async () => {
    const { page } = teacher;
    await openTool(page, "Endre nivå");
    await page.getByRole("radio", { name: "Nivå 0" }).check();
    await page.getByLabel("Begrunnelse", { exact: true }).fill(LEVEL_REASON);
    await save(page);
    await backOnLog(page);
    expect(await timelineItems(page).first().innerText()).toContain("Fra nivå 1 til nivå 0");
    expect(await timelineItems(page).first().innerText()).toContain(LEVEL_REASON);
    expect(await logHeader(page).innerText()).toContain("Nivå 0");

    await openTool(page, "Avslutt loggen");
    await page.getByRole("radio", { name: "Bekymringen er løst" }).check();
    await page.getByLabel("Oppsummering").fill(SUMMARY);
    await save(page, "Avslutt loggen");
    await backOnLog(page, "Loggen er avsluttet.");
    await main(page).getByText("Den kan bare leses.", { exact: false }).waitFor();
    expect(await toolsNav(page).getByRole("link").allInnerTexts()).toEqual(["Åpne loggen igjen"]);
    expect(await main(page).getByRole("link", { name: /^Evaluer tiltaket/ }).count()).toBe(0);
    expect(await timelineItems(page).first().innerText()).toContain(SUMMARY);

    // The home list's GET form filters without JavaScript.
    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel("Status").selectOption({ label: "Avsluttet" });
    await page.getByLabel("Søk etter barnets navn").fill("Mats");
    await page.getByRole("button", { name: "Vis", exact: true }).click();
    await page.waitForURL(/state=closed/);
    const list = main(page).getByRole("region", { name: "Mine logger" });
    expect(await list.getByRole("heading", { level: 3 }).allInnerTexts()).toEqual([CHILD]);
  });
});

describe("on a 360 px wide phone", () => {
  const shots = resolve(process.cwd(), "tests/.tmp");

  it("the home page and a log with many events fit the width", async () => {
    mkdirSync(shots, { recursive: true });
    const phone = await newPage(browser, { viewport: { width: 360, height: 740 } });
    try {
      await world.signIn(phone.context, world.data.teacherId);
      const { page } = phone;
      await page.goto(`${server.baseUrl}/`);
      await main(page).getByRole("link", { name: "Noah Hagen Eriksen" }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: resolve(shots, "home-360.png"), fullPage: true });

      await main(page).getByRole("link", { name: "Noah Hagen Eriksen" }).click();
      await page.waitForURL(/\/logs\/[a-z0-9]+$/);
      await page.getByRole("heading", { level: 1, name: "Noah Hagen Eriksen" }).waitFor();
      expect(await timelineItems(page).count()).toBeGreaterThanOrEqual(20);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: resolve(shots, "log-360.png"), fullPage: true });
      await expectNoAxeViolations(page);

      // A form on the phone: the level form (not submitted).
      await (await logTools(page)).getByRole("link", { name: "Endre nivå", exact: true }).click();
      await page.waitForURL(/\/level$/);
      await page.getByRole("heading", { level: 1, name: "Endre nivå" }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectNoAxeViolations(page);
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});
