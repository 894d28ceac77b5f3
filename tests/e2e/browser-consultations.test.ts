import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, failedLoad, launchBrowser, main, newPage, switchLanguage } from "../support/browser";
import { makeService } from "../support/factories";
import { makeRelayLog, makeSchoolCast } from "../support/log-factories";
import { startWorld, type World } from "../support/world";

/**
 * Anonymous consultations in Chromium (DESIGN.md rule 4), in a world of its own: a teacher
 * records a consultation with the municipality's child welfare service, linked to the one
 * log she holds; the form explains the
 * anonymity test and warns about child welfare's duty; the log page shows the link; a
 * colleague gets 404; axe on the list, the form (also with errors) and the detail page in
 * bokmål and English; the form without JavaScript. The tests run in order. All names and
 * texts are invented.
 */
async function buildWorld() {
  const cast = await makeSchoolCast();
  await makeService({ name: "Barneverntjenesten i Eksempel", kind: "child_welfare" });
  await makeRelayLog(cast.actors.teacher, cast.school.id, LOG_CHILD);
  return cast;
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let server: World<unknown>["server"];
let browser: Browser;
let teacher: Awaited<ReturnType<typeof newPage>>;

const LOG_CHILD = "Sofie Lund Nilsen";
const QUESTION = "En elev i barneskolealder sier at det er mye krangling hjemme og gruer seg til helgene. Når bør vi melde?";
const ADVICE = "Snakk med eleven og de foresatte, skriv ned det du ser. Send bekymringsmelding hvis eleven forteller om vold.";
const NO_JS_QUESTION = "Et barn i barnehagealder biter ofte andre barn. Hva kan vi prøve?";
let consultationUrl = "";

/** What Chromium logs for a document answered with a 4xx status (expected on the 404 page and no-JS posts). */

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(buildWorld), launchBrowser()]);
  server = world.server;
  teacher = await newPage(browser);
  await world.signIn(teacher.context, world.data.ids.teacher);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});
afterEach(() => {
  const problems = teacher.problems.splice(0);
  expect(problems).toEqual([]);
});


/** Click and wait for the URL to match; then wait for the h1. */
async function go(page: Page, click: () => Promise<void>, path: RegExp, h1: string) {
  await click();
  await page.waitForURL((url) => path.test(url.pathname + url.search));
  await page.getByRole("heading", { level: 1, name: h1, exact: true }).waitFor();
}


/** The value of the option whose text contains `text` (select options by label need the exact text). */
async function optionValue(page: Page, label: string, text: string) {
  const value = await page.getByLabel(label).locator("option", { hasText: text }).getAttribute("value");
  expect(value, text).toBeTruthy();
  return value!;
}

describe("the teacher records an anonymous consultation", () => {
  it("finds it in the menu and on the home page; the list is empty and axe clean", async () => {
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/`);
    await main(page).getByRole("link", { name: "Registrer en anonym drøfting" }).waitFor();
    await go(
      page,
      () => page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Anonym drøfting" }).click(),
      /^\/consultations$/,
      "Anonyme drøftinger",
    );
    await main(page).getByText("Du har ingen registrerte drøftinger ennå.").waitFor();
    await expectNoAxeViolations(page);
  });

  it("sees the anonymity test and the child welfare warning; bad input answers next to the fields", async () => {
    const { page } = teacher;
    await go(
      page,
      () => main(page).getByRole("link", { name: "Registrer en anonym drøfting" }).click(),
      /^\/consultations\/new$/,
      "Ny anonym drøfting",
    );
    const explanation = main(page).getByRole("region", { name: "Slik holder du drøftingen anonym" });
    expect(await explanation.innerText()).toContain("minst fire–fem barn");
    for (const item of ["Ikke navn", "Ikke alder i hele år", "Ikke adresse", "Ikke sjeldne detaljer"]) {
      expect(await explanation.getByRole("listitem").filter({ hasText: item }).count(), item).toBe(1);
    }
    const warning = main(page).getByRole("region", { name: "Før du drøfter med barneverntjenesten" });
    expect(await warning.innerText()).toContain("plikt til å prøve å finne ut hvem et barn er");
    // No field asks about the child.
    expect(await page.getByLabel("Barnets navn").count()).toBe(0);
    expect(await page.getByLabel("Fødselsdato").count()).toBe(0);
    await expectNoAxeViolations(page);

    // Empty: the summary and the fields.
    await page.getByRole("button", { name: "Lagre drøftingen" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Skjemaet har feil som må rettes" });
    await summary.getByRole("link", { name: "Hvilken type tjeneste drøftet du med?: Velg et av alternativene." }).waitFor();
    expect(await summary.getByRole("link", { name: "Hva drøftet dere?: Feltet må fylles ut." }).count()).toBe(1);
    expect(await page.getByLabel("Hva drøftet dere?").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);

    // A national id in the text is refused next to the field, and the text stays.
    await page.getByLabel("Hvilken type tjeneste drøftet du med?").selectOption({ label: "Barnevern" });
    const withId = `${QUESTION} Fødselsnummer 14051650123.`;
    await page.getByLabel("Hva drøftet dere?").fill(withId);
    await page.getByLabel("Hvilke råd fikk du?").fill(ADVICE);
    await page.getByRole("button", { name: "Lagre drøftingen" }).click();
    await summary.getByRole("link", { name: /^Hva drøftet dere\?: Teksten inneholder et tall med 11 siffer/ }).waitFor();
    expect(await page.getByLabel("Hva drøftet dere?").inputValue()).toBe(withId);
    expect(new URL(page.url()).pathname).toBe("/consultations/new");
    await expectNoAxeViolations(page);
  });

  it("saves it with child welfare, linked to the log she holds", async () => {
    const { page } = teacher;
    await page.getByLabel("Hva drøftet dere?").fill(QUESTION);
    await page
      .getByLabel("Hvilken tjeneste (valgfritt)")
      .selectOption(await optionValue(page, "Hvilken tjeneste (valgfritt)", "Barneverntjenesten i Eksempel"));
    const logLabel = "Knytt til en av loggene dine (valgfritt)";
    await page.getByLabel(logLabel).selectOption(await optionValue(page, logLabel, LOG_CHILD));
    await page.getByRole("button", { name: "Lagre drøftingen" }).click();
    await page.waitForURL(/\/consultations\/[a-z2-7]{26}\?notice=saved$/);
    consultationUrl = page.url().split("?")[0]!;
    await page.getByRole("heading", { level: 1, name: "Anonym drøfting" }).waitFor();
    await main(page).getByRole("status").filter({ hasText: "Drøftingen er lagret." }).waitFor();
    const text = await main(page).innerText();
    expect(text).toContain(QUESTION);
    expect(text).toContain(ADVICE);
    expect(text).toContain("Barnevern (Barneverntjenesten i Eksempel)");
    await expectNoAxeViolations(page);

    // The log page lists it; the link back opens it.
    await go(
      page,
      () => main(page).getByRole("link", { name: `Stafettloggen for ${LOG_CHILD}` }).click(),
      /^\/logs\/[a-z2-7]{26}$/,
      LOG_CHILD,
    );
    const section = main(page).getByRole("region", { name: "Anonyme drøftinger" });
    expect(await section.innerText()).toContain(QUESTION);
    expect(await section.innerText()).toContain("drøftet med: Barnevern");
    await expectNoAxeViolations(page);
    await go(page, () => section.getByRole("link", { name: /^Se drøftingen/ }).click(), /^\/consultations\/[a-z2-7]{26}$/, "Anonym drøfting");
    expect(page.url()).toBe(consultationUrl);

    // And the list has it.
    await go(page, () => main(page).getByRole("link", { name: /Til drøftingene/ }).click(), /^\/consultations$/, "Anonyme drøftinger");
    await main(page).getByText("1 drøfting").waitFor();
    expect(await main(page).innerText()).toContain("Drøftet med: Barnevern (Barneverntjenesten i Eksempel)");
    await expectNoAxeViolations(page);
  });
});

describe("need to know", () => {
  it("another teacher at the school gets 404 on the consultation", async () => {
    const other = await newPage(browser);
    try {
      await world.signIn(other.context, world.data.ids.colleague);
      const response = await other.page.goto(consultationUrl);
      expect(response?.status()).toBe(404);
      await other.page.getByRole("heading", { level: 1, name: "Fant ikke siden" }).waitFor();
      expect(await main(other.page).innerText()).not.toContain(QUESTION);
      // Her own list does not have it either.
      await other.page.goto(`${server.baseUrl}/consultations`);
      await main(other.page).getByText("Du har ingen registrerte drøftinger ennå.").waitFor();
      expect(other.problems.filter((p) => !failedLoad(404).test(p))).toEqual([]);
    } finally {
      await other.context.close();
    }
  });
});

describe("in English", () => {
  it("the list, the form (also with errors) and the detail page are axe clean", async () => {
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/consultations`);
    await switchLanguage(page, "en");
    try {
      await page.getByRole("heading", { level: 1, name: "Anonymous consultations" }).waitFor();
      expect(await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Anonymous consultation" }).count()).toBe(1);
      expect(await main(page).innerText()).toContain("Consulted: Child welfare service (Barneverntjenesten i Eksempel)");
      await expectNoAxeViolations(page);

      await go(page, () => main(page).getByRole("link", { name: "Record an anonymous consultation" }).click(), /\/consultations\/new$/, "New anonymous consultation");
      await main(page).getByRole("region", { name: "How to keep the consultation anonymous" }).getByText("at least four to five children", { exact: false }).waitFor();
      await main(page).getByRole("region", { name: "Before you consult the child welfare service" }).waitFor();
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Save the consultation" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "The form has errors to correct" });
      await summary.getByRole("link", { name: "What did you discuss?: This field is required." }).waitFor();
      await expectNoAxeViolations(page);

      await page.goto(consultationUrl);
      await page.getByRole("heading", { level: 1, name: "Anonymous consultation" }).waitFor();
      await main(page).getByRole("link", { name: `The relay log for ${LOG_CHILD}` }).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await switchLanguage(page, "nb");
    }
  });
});

describe("without JavaScript", () => {
  it("the form posts, answers bad input from the server with the input kept, and saves", async () => {
    const nojs = await newPage(browser, { javaScriptEnabled: false });
    const { page } = nojs;
    try {
      await world.signIn(page.context(), world.data.ids.teacher);
      await page.goto(`${server.baseUrl}/consultations/new`);
      await page.getByRole("heading", { level: 1, name: "Ny anonym drøfting" }).waitFor();
      await page.getByLabel("Hvilken type tjeneste drøftet du med?").selectOption({ label: "PPT" });
      await page.getByLabel("Hva drøftet dere?").fill(NO_JS_QUESTION);
      const [bad] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.getByRole("button", { name: "Lagre drøftingen" }).click(),
      ]);
      expect(bad.status()).toBe(400);
      await page.getByRole("heading", { level: 1, name: "Ny anonym drøfting" }).waitFor();
      const summary = page.getByRole("alert").filter({ hasText: "Skjemaet har feil som må rettes" });
      expect(await summary.getByRole("link").allInnerTexts()).toEqual(["Hvilke råd fikk du?: Feltet må fylles ut."]);
      expect(await page.getByLabel("Hva drøftet dere?").inputValue()).toBe(NO_JS_QUESTION);
      expect(await page.getByLabel("Hvilken type tjeneste drøftet du med?").inputValue()).toBe("ppt");

      await page.getByLabel("Hvilke råd fikk du?").fill("Prøv faste rutiner og skjerming i overgangene.");
      await page.getByRole("button", { name: "Lagre drøftingen" }).click();
      await page.waitForURL(/\/consultations\/[a-z2-7]{26}\?notice=saved$/);
      await main(page).getByRole("status").filter({ hasText: "Drøftingen er lagret." }).waitFor();
      expect(await main(page).innerText()).toContain(NO_JS_QUESTION);

      await page.goto(`${server.baseUrl}/consultations`);
      await main(page).getByText("2 drøftinger").waitFor();
      expect(nojs.problems.filter((p) => !failedLoad(400).test(p))).toEqual([]);
    } finally {
      await nojs.context.close();
    }
  });
});
