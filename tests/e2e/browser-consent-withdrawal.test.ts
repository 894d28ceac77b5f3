import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, failedLoad, launchBrowser, main, newPage, switchLanguage, timelineItems } from "../support/browser";
import { makeFamilyLog } from "../support/family-factories";
import { codeFrom, smtpSettings, startSmtpServer, type RunningSmtpServer } from "../support/smtp";
import { startWorld, type World } from "../support/world";

/**
 * Issue 9 point 1 in Chromium, in a world of its own: Noah's mother has consented to sharing
 * with PPT and the health service (one written consent). In the family pages she
 * withdraws it for the health service only. Her timeline and the teacher's then say
 * "consent withdrawn – for the health service – by Line Hagen – today", never "given";
 * what remains (PPT) shows as changed today; the nurse gets the 404 page on her next load
 * while the PPT adviser keeps the log. axe on every changed page, in bokmål and English.
 * The tests run in order and share the pages. All names are invented.
 */
async function buildWorld() {
  return makeFamilyLog({ child: CHILD, guardian: { name: GUARDIAN_NAME, email: GUARDIAN_EMAIL }, health: HEALTH, ppt: PPT });
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let server: World<unknown>["server"];
let smtp: RunningSmtpServer;
let browser: Browser;
type Person = Awaited<ReturnType<typeof newPage>>;
let teacher: Person;
let nurse: Person;
let adviser: Person;
let guardian: Person;

const CHILD = "Noah Hagen Eriksen";
const GUARDIAN_EMAIL = "forelder@eksempel.no";
const GUARDIAN_NAME = "Line Hagen";
const HEALTH = "Helsestasjon og skolehelsetjeneste Eksempel";
const PPT = "PPT Eksempel";
const isoToday = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
const todayIn = (locale: "nb" | "en") =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nb-NO", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoToday}T00:00:00Z`));

let logUrl = "";
let familyLogUrl = "";

beforeAll(async () => {
  smtp = await startSmtpServer();
  [world, browser] = await Promise.all([startWorld(buildWorld, smtpSettings(smtp)), launchBrowser()]);
  server = world.server;
  const signIn = async (role: "teacher" | "nurse" | "ppt") => {
    const person = await newPage(browser);
    await world.signIn(person.context, world.data[role]);
    return person;
  };
  [teacher, nurse, adviser] = await Promise.all([signIn("teacher"), signIn("nurse"), signIn("ppt")]);
  guardian = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
  await smtp?.close();
});
afterEach(() => {
  const problems = [teacher, adviser, guardian].flatMap((p) => p?.problems.splice(0) ?? []);
  const nurseProblems = nurse?.problems.splice(0).filter((p) => !failedLoad(404).test(p)) ?? [];
  expect([...problems, ...nurseProblems]).toEqual([]);
});

const h1 = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });
const consentCards = (page: Page) => main(page).getByRole("region", { name: /^(Samtykker som gjelder|Consents in force)$/ }).getByRole("listitem");


describe("a guardian withdraws one service of a two-service consent", () => {
  it("the teacher, the nurse and the PPT adviser can all open Noah's log", async () => {
    await teacher.page.goto(`${server.baseUrl}/`);
    await main(teacher.page).getByRole("region", { name: "Mine logger" }).getByRole("link", { name: CHILD }).click();
    await teacher.page.waitForURL(/\/logs\/[a-z0-9]+$/);
    logUrl = teacher.page.url();
    for (const { page } of [nurse, adviser]) {
      expect((await page.goto(logUrl))?.status()).toBe(200);
      await h1(page, CHILD).waitFor();
    }
  });

  it("Noah's mother signs in and sees how the consent was given, with a button per service", async () => {
    const { page } = guardian;
    await page.goto(`${server.baseUrl}/family/login`);
    const before = smtp.messages.length;
    await page.getByLabel("E-postadresse").fill(GUARDIAN_EMAIL);
    await page.getByRole("button", { name: "Send meg en kode" }).click();
    await page.waitForURL((url) => url.pathname === "/family/code");
    const mail = await smtp.waitForMail((m) => smtp.messages.indexOf(m) >= before && m.to.includes(GUARDIAN_EMAIL));
    await page.getByLabel("Koden fra e-posten").fill(codeFrom(mail));
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/family");
    await main(page).getByRole("link", { name: `Les loggen for ${CHILD}` }).click();
    await page.waitForURL(/\/family\/logs\/[a-z0-9]+$/);
    familyLogUrl = page.url();

    await page.goto(`${familyLogUrl}/consents`);
    await h1(page, "Samtykke").waitFor();
    const card = consentCards(page).filter({ hasText: HEALTH }).filter({ hasText: PPT });
    const text = await card.innerText();
    expect(text).toContain("Dere skrev under på et skjema.");
    await card.getByRole("button", { name: `Trekk tilbake for ${HEALTH}`, exact: true }).waitFor();
    await card.getByRole("button", { name: `Trekk tilbake for ${PPT}`, exact: true }).waitFor();
    await expectNoAxeViolations(page);
  });

  it("she withdraws it for the health service: her timeline says withdrawn, for which service, by her, today — not given", async () => {
    const { page } = guardian;
    await consentCards(page)
      .filter({ hasText: PPT })
      .getByRole("button", { name: `Trekk tilbake for ${HEALTH}`, exact: true })
      .click();
    await page.waitForURL((url) => url.pathname.startsWith("/family/logs/") && url.searchParams.has("notice"));
    await main(page).getByRole("status").filter({ hasText: "Samtykket er trukket tilbake. Det gjelder med en gang." }).waitFor();
    const entry = await timelineItems(page).first().innerText();
    expect(entry).toContain(`Samtykke trukket tilbake · ${todayIn("nb")}`);
    expect(entry).toContain(`Trukket tilbake for: ${HEALTH}`);
    expect(entry).toContain(`Samtykket gjelder fortsatt for: ${PPT}`);
    expect(entry).toContain(`${GUARDIAN_NAME} (familien)`);
    expect(entry).not.toMatch(/Samtykke (gitt|registrert)/);
    await expectNoAxeViolations(page);

    // What remains shows as changed today; the health service has no button any more.
    await page.goto(`${familyLogUrl}/consents`);
    await h1(page, "Samtykke").waitFor();
    const card = consentCards(page).filter({ hasText: PPT }).filter({ hasText: "Dere skrev under på et skjema." });
    expect(await card.innerText()).toContain(`Endret ${todayIn("nb")}.`);
    expect(await page.getByRole("button", { name: `Trekk tilbake for ${HEALTH}` }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it("the teacher's timeline says the same, and the consent list shows what remains as changed today", async () => {
    const { page } = teacher;
    await page.goto(logUrl);
    await h1(page, CHILD).waitFor();
    const entry = await timelineItems(page).first().innerText();
    expect(entry).toContain(`Samtykke trukket tilbake · ${todayIn("nb")}`);
    expect(entry).toContain(`Trukket tilbake for: ${HEALTH}`);
    expect(entry).toContain(`Samtykket gjelder fortsatt for: ${PPT}`);
    expect(entry).toContain(`${GUARDIAN_NAME} (familien)`);
    expect(entry).not.toMatch(/Samtykke (gitt|registrert)/);
    const consents = await main(page).getByRole("region", { name: "Samtykke", exact: true }).innerText();
    expect(consents).toContain(`1 av 1 foresatte har samtykket til deling med: ${PPT} –`);
    expect(consents).toContain(`Endret ${todayIn("nb")}`);
    await expectNoAxeViolations(page);
  });

  it("the nurse gets the 404 page on her next load; the PPT adviser keeps the log", async () => {
    expect((await nurse.page.reload())?.status()).toBe(404);
    await h1(nurse.page, "Fant ikke siden").waitFor();
    expect(await main(nurse.page).innerText()).not.toContain(CHILD);
    expect((await adviser.page.reload())?.status()).toBe(200);
    await h1(adviser.page, CHILD).waitFor();
  });

  it("the holder's withdraw form for what remains says beforehand that PPT will lose access, axe clean", async () => {
    const { page } = teacher;
    await main(page)
      .getByRole("region", { name: "Samtykke", exact: true })
      .getByRole("listitem")
      .filter({ hasText: `1 av 1 foresatte har samtykket til deling med: ${PPT} –` })
      .getByRole("link", { name: "Trekk tilbake", exact: true })
      .click();
    await page.waitForURL(/\/consents\/[a-z0-9]+\/withdraw$/);
    await h1(page, "Trekk tilbake samtykke").waitFor();
    expect(await main(page).innerText()).toContain(`${PPT} mister tilgangen til loggen med en gang.`);
    await expectNoAxeViolations(page);
  });

  it("in English the changed pages say the same and are axe clean", async () => {
    await teacher.page.goto(logUrl);
    await switchLanguage(teacher.page, "en");
    try {
      const entry = await timelineItems(teacher.page).first().innerText();
      expect(entry).toContain(`Consent withdrawn · ${todayIn("en")}`);
      expect(entry).toContain(`Withdrawn for: ${HEALTH}`);
      expect(entry).toContain(`The consent still covers: ${PPT}`);
      await expectNoAxeViolations(teacher.page);
    } finally {
      await switchLanguage(teacher.page, "nb");
    }

    const { page } = guardian;
    await page.goto(familyLogUrl);
    await switchLanguage(page, "en");
    try {
      const entry = await timelineItems(page).first().innerText();
      expect(entry).toContain(`Consent withdrawn · ${todayIn("en")}`);
      expect(entry).toContain(`Withdrawn for: ${HEALTH}`);
      await expectNoAxeViolations(page);
      await page.goto(`${familyLogUrl}/consents`);
      await h1(page, "Consent").waitFor();
      expect(await consentCards(page).filter({ hasText: PPT }).first().innerText()).toContain(`Changed on ${todayIn("en")}.`);
      await expectNoAxeViolations(page);
    } finally {
      await switchLanguage(page, "nb");
    }
  });
});
