import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { deferKeepConsent, launchBrowser, newPage, failedLoad, main, logTools } from "../support/browser";
import { makeService, makeUser } from "../support/factories";
import { startWorld, type World } from "../support/world";

/**
 * Consent and invitations without JavaScript: the consent form (with its signed-form
 * upload), the invitation form and the invitation answer are plain HTML posts. A bad
 * consent is answered by the server with errors by the fields and in the summary, and what
 * was typed kept. The nurse answers in a second no-JS context. axe needs scripts, so it
 * runs in browser-consent-story.test.ts. In a world of its own: a teacher at a school and a
 * nurse at the health clinic, nothing else. All names are invented.
 */
async function buildWorld() {
  const school = await makeService({ name: "Solbakken skole", kind: "school" });
  const health = await makeService({ name: HEALTH, kind: "health_clinic" });
  const teacher = await makeUser({ name: TEACHER_NAME, memberships: [{ serviceId: school.id, role: "employee" }] });
  const nurse = await makeUser({ name: NURSE_NAME, memberships: [{ serviceId: health.id, role: "employee" }] });
  return { teacher: teacher.id, nurse: nurse.id };
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let server: World<unknown>["server"];
let browser: Browser;
type Person = Awaited<ReturnType<typeof newPage>>;
let teacher: Person;
let nurse: Person;

const CHILD = "Vetle Prøvesen Lia";
const CONCERN = "Vetle har vært borte fra skolen tre mandager på rad og virker sliten.";
const GUARDIAN = "Kari Prøvesen";
const HEALTH = "Helsestasjon og skolehelsetjeneste Eksempel";
const TEACHER_NAME = "Ingrid Solvik";
const NURSE_NAME = "Siri Haugvik";
const PURPOSE = "Samarbeid med helsesykepleier om Vetles fravær.";
const NOTE = "Mor skrev under på skjemaet på foreldresamtalen.";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");

let logUrl = "";
/** The exact 4xx lines a test expects Chromium to log (a form answered with 400). */
let allowedProblems: RegExp[] = [];

async function signIn(role: "teacher" | "nurse") {
  const person = await newPage(browser, { javaScriptEnabled: false });
  await world.signIn(person.context, world.data[role]);
  await person.page.goto(`${world.server.baseUrl}/`);
  return person;
}

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(buildWorld), launchBrowser()]);
  server = world.server;
  [teacher, nurse] = await Promise.all([signIn("teacher"), signIn("nurse")]);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});
afterEach(() => {
  const problems = [teacher, nurse].flatMap((p) => p.problems.splice(0));
  const unexpected = problems.filter((p) => !allowedProblems.some((a) => a.test(p)));
  allowedProblems = [];
  expect(unexpected).toEqual([]);
});

const save = (page: Page, name = "Lagre") => page.getByRole("button", { name, exact: true }).click();
const summaryOf = (page: Page) => page.getByRole("alert").filter({ hasText: "Skjemaet har feil som må rettes" });

/** Follow a link (a full page load without JavaScript) and wait for the h1. */
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

/** Post the form and expect the server's 400 answer (which Chromium logs). */
async function postExpecting400(page: Page, button: string) {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), save(page, button)]);
  expect(response.status()).toBe(400);
  allowedProblems.push(failedLoad(400));
}

/** The error is tied to the field (or fieldset) by aria-describedby. */
async function expectDescribedBy(page: Page, field: Locator, message: string) {
  const ids = (await field.getAttribute("aria-describedby"))?.split(" ") ?? [];
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  expect(texts.join(" ")).toContain(message);
}

describe("consent and invitation without JavaScript", () => {
  it("really runs without JavaScript; a fresh concern with a guardian becomes a relay log", async () => {
    const { page } = teacher;
    expect(await page.evaluate(() => "__remixContext" in window)).toBe(false);
    await open(page, () => page.getByRole("link", { name: "Skriv ned en undring eller bekymring" }).click(), "Ny undring eller bekymring");
    await page.getByLabel("Barnets navn").fill(CHILD);
    await page.getByLabel("Fødselsdato").fill("2014-10-21");
    await page.getByLabel("Hva har du sett eller hørt?").fill(CONCERN);
    await save(page, "Lagre notatet");
    await page.waitForURL(/\/logs\/[a-z0-9]+\?notice=saved/);
    logUrl = page.url().split("?")[0]!;

    await open(page, () => main(page).getByRole("link", { name: "Registrer foresatt" }).click(), "Registrer foresatt");
    await page.getByLabel("Navn", { exact: true }).fill(GUARDIAN);
    await page.getByLabel("Relasjon til barnet").selectOption({ label: "Mor" });
    await save(page);
    await backOnLog(page);

    await openTool(page, "Gjør om til stafettlogg");
    await deferKeepConsent(page);
    await save(page, "Gjør om til stafettlogg");
    await backOnLog(page, "Notatet er nå en stafettlogg.");
    await main(page).getByRole("region", { name: "Samtykke" }).getByText("Ingen samtykker er registrert.").waitFor();
  });

  it("refuses a consent with no guardian and no service: errors by the fields and in the summary, the input kept", async () => {
    const { page } = teacher;
    await openTool(page, "Registrer samtykke");
    expect(await page.getByRole("radio", { name: "Deling med andre tjenester" }).isChecked()).toBe(true);
    await page.getByLabel("Formål", { exact: true }).fill(PURPOSE);
    await page.getByLabel("Notat fra samtalen").fill(NOTE);
    await postExpecting400(page, "Lagre");

    await page.getByRole("heading", { level: 1, name: "Registrer samtykke" }).waitFor();
    const summary = summaryOf(page);
    await summary.getByRole("link", { name: "Hvem har gitt samtykket?: Velg hvem som har gitt samtykket." }).waitFor();
    expect(await summary.getByRole("link", { name: "Tjenester samtykket gjelder: Velg minst én tjeneste." }).count()).toBe(1);
    await expectDescribedBy(page, page.getByRole("group", { name: "Hvem har gitt samtykket?" }), "Velg hvem som har gitt samtykket.");
    await expectDescribedBy(page, page.getByRole("group", { name: "Tjenester samtykket gjelder" }), "Velg minst én tjeneste.");
    // What was typed and chosen is kept; nothing is ticked that was not.
    expect(await page.getByLabel("Formål", { exact: true }).inputValue()).toBe(PURPOSE);
    expect(await page.getByLabel("Notat fra samtalen").inputValue()).toBe(NOTE);
    expect(await page.getByRole("radio", { name: "Deling med andre tjenester" }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: "Skriftlig" }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: `${GUARDIAN} (Mor)` }).isChecked()).toBe(false);
    // The summary's links point at the first checkbox of each group.
    const href = await summary.getByRole("link", { name: /^Hvem har gitt samtykket\?/ }).getAttribute("href");
    expect(await page.locator(href!).getAttribute("value")).toBeTruthy();
    expect(await page.locator(href!).getAttribute("name")).toBe("guardianIds");
  });

  it("records the consent with the signed form as a plain multipart post", async () => {
    const { page } = teacher;
    await page.getByRole("checkbox", { name: `${GUARDIAN} (Mor)` }).check();
    await page.getByRole("group", { name: "Tjenester samtykket gjelder" }).getByRole("checkbox", { name: HEALTH, exact: true }).check();
    await page.getByLabel("Signert skjema (valgfritt)").setInputFiles({ name: "signert-samtykke.pdf", mimeType: "application/pdf", buffer: PDF });
    await save(page);
    await backOnLog(page, "Samtykket er registrert.");
    const share = main(page).getByRole("region", { name: "Samtykke" }).getByRole("listitem").filter({ hasText: "til deling med" });
    expect(await share.innerText()).toContain(`1 av 1 foresatte har samtykket til deling med: ${HEALTH}`);
    expect(await share.innerText()).toContain("Gyldig");
    const href = await share.getByRole("link", { name: "Signert skjema" }).getAttribute("href");
    const response = await page.request.get(new URL(href!, server.baseUrl).href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/pdf");
    expect((await response.body()).equals(PDF)).toBe(true);
  });

  it("invites the nurse with the invitation form", async () => {
    const { page } = teacher;
    await openTool(page, "Inviter deltaker", "Inviter en deltaker");
    // Without a choice the server answers by the field.
    await page.getByLabel("Melding", { exact: true }).fill("Vil du være med og følge opp Vetle?");
    await postExpecting400(page, "Send invitasjon");
    await summaryOf(page).getByRole("link", { name: "Hvem vil du invitere?: Velg et av alternativene." }).waitFor();
    expect(await page.getByLabel("Melding", { exact: true }).inputValue()).toBe("Vil du være med og følge opp Vetle?");

    await page.getByLabel("Hvem vil du invitere?").selectOption({ label: `${NURSE_NAME} – ${HEALTH}` });
    await save(page, "Send invitasjon");
    await backOnLog(page, "Invitasjonen er sendt.");
    await main(page).getByRole("region", { name: "Ubesvarte invitasjoner" }).getByText(`${NURSE_NAME}, ${HEALTH}`, { exact: false }).waitFor();
  });

  it("the nurse, also without JavaScript, answers on the invitation page: no choice is refused, then she accepts", async () => {
    const { page } = nurse;
    expect(await page.evaluate(() => "__remixContext" in window)).toBe(false);
    await page.goto(`${server.baseUrl}/`);
    const link = main(page).getByRole("region", { name: "Invitasjoner til deg" }).getByRole("link", { name: /^Svar: Loggen om Vetle/ });
    await open(page, () => link.click(), "Invitasjon til stafettlogg");
    expect(await main(page).innerText()).toContain(`${TEACHER_NAME} inviterer deg til å delta i stafettloggen for Vetle P. L., for ${HEALTH}.`);

    await postExpecting400(page, "Send svar");
    await summaryOf(page).getByRole("link", { name: "Ditt svar: Velg et av alternativene." }).waitFor();
    await page.getByRole("heading", { level: 1, name: "Invitasjon til stafettlogg" }).waitFor();

    await page.getByRole("radio", { name: "Takk ja" }).check();
    await save(page, "Send svar");
    await page.waitForURL((url) => url.href.startsWith(logUrl) && url.searchParams.get("notice") === "accepted");
    await page.getByRole("heading", { level: 1, name: CHILD }).waitFor();
    await main(page).getByRole("status").filter({ hasText: "Du er nå med i loggen." }).waitFor();

    // The teacher now sees her among the participants, and no invitation waiting.
    const { page: teacherPage } = teacher;
    await teacherPage.goto(logUrl);
    await main(teacherPage).getByRole("region", { name: CHILD }).getByRole("listitem").filter({ hasText: `${NURSE_NAME}, ${HEALTH}` }).waitFor();
    expect(await main(teacherPage).getByRole("region", { name: "Ubesvarte invitasjoner" }).count()).toBe(0);
  });
});
