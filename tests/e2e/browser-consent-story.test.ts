import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { chooseResponsible, deferKeepConsent, expectNoAxeViolations, failedLoad, launchBrowser, logTools, main, newPage, switchLanguage, timelineItems } from "../support/browser";
import { makeService, makeUser } from "../support/factories";
import { actorOf, addParticipant, giveConsent, makeRelayLog } from "../support/log-factories";
import { startWorld, type World } from "../support/world";

/**
 * Consent-gated collaboration in Chromium with JavaScript, four people signed in at once:
 * the teacher starts a new concern, makes it a relay log, records consent to keep it and
 * to share it with the health service and PPT (with a signed form), invites the nurse and
 * the PPT adviser, who accept on their home pages and write; the teacher moves the log to
 * level 2 and hands it to the nurse, who accepts and, as the new holder, narrows the
 * sharing consent to the health service: the PPT adviser gets the 404 page on the next
 * load and loses the log from home, while the note stays for the others. Child welfare
 * never sees the log. axe on every new page, in bokmål and (some) in English.
 * The tests run in order and share the pages. All names are invented.
 *
 * The world: Solbakken skole (the teacher Ingrid Solvik, her colleague Sindre Fjellheim and
 * their principal Tor Aamodt, who loses access when the log moves to the health service),
 * the health clinic (the nurse Siri Haugvik), PPT (the adviser Jonas Brekkestø) and child
 * welfare (Amina Rasuli). Mathilde's log does not exist yet: the teacher makes it in the UI.
 * So that the home lists are not empty by construction, Amina holds a log of her own and
 * Jonas takes part in another school log (both about other children, neither a "Mathilde").
 */
async function buildWorld() {
  const school = await makeService({ name: SCHOOL, kind: "school" });
  const health = await makeService({ name: HEALTH, kind: "health_clinic" });
  const pptService = await makeService({ name: PPT, kind: "ppt" });
  const welfareService = await makeService({ name: WELFARE, kind: "child_welfare" });
  const ids = {
    teacher: (await makeUser({ name: TEACHER_NAME, memberships: [{ serviceId: school.id, role: "employee" }] })).id,
    colleague: (await makeUser({ name: COLLEAGUE_NAME, memberships: [{ serviceId: school.id, role: "employee" }] })).id,
    principal: (await makeUser({ name: PRINCIPAL_NAME, memberships: [{ serviceId: school.id, role: "leader" }] })).id,
    nurse: (await makeUser({ name: NURSE_NAME, memberships: [{ serviceId: health.id, role: "employee" }] })).id,
    ppt: (await makeUser({ name: PPT_NAME, memberships: [{ serviceId: pptService.id, role: "employee" }] })).id,
    welfare: (await makeUser({ name: WELFARE_NAME, memberships: [{ serviceId: welfareService.id, role: "employee" }] })).id,
  };
  // Child welfare's own log, and a school log the PPT adviser takes part in.
  const welfareActor = await actorOf(ids.welfare);
  const own = await makeRelayLog(welfareActor, welfareService.id, WELFARE_OWN_CHILD);
  await giveConsent(welfareActor, own.logId, "keep");
  const teacherActor = await actorOf(ids.teacher);
  const other = await makeRelayLog(teacherActor, school.id, PPT_OTHER_CHILD);
  await giveConsent(teacherActor, other.logId, "keep");
  await giveConsent(teacherActor, other.logId, "share", [pptService.id]);
  await addParticipant(other.logId, ids.ppt, pptService.id);
  return { ids };
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let server: World<unknown>["server"];
let browser: Browser;
type Person = Awaited<ReturnType<typeof newPage>>;
let teacher: Person;
let nurse: Person;
let ppt: Person;
let welfare: Person;

const CHILD = "Mathilde Prøvesen Aas";
const BIRTH_DATE = "2015-03-02";
const CONCERN = "Mathilde har sovnet i timen flere ganger og sier hun har vondt i magen hver morgen.";
const GUARDIAN = "Hege Prøvesen";
const HEALTH = "Helsestasjon og skolehelsetjeneste Eksempel";
const PPT = "PPT Eksempel";
const SCHOOL = "Solbakken skole";
const TEACHER_NAME = "Ingrid Solvik";
const NURSE_NAME = "Siri Haugvik";
const PPT_NAME = "Jonas Brekkestø";
const WELFARE_NAME = "Amina Rasuli";
const WELFARE = "Barneverntjenesten i Eksempel";
const COLLEAGUE_NAME = "Sindre Fjellheim";
const PRINCIPAL_NAME = "Tor Aamodt";
const WELFARE_OWN_CHILD = "Elias Nordby Rasch";
const PPT_OTHER_CHILD = "Noah Hagen Eriksen";
const ACTION = { description: "Samtale med helsesykepleier hver mandag", goal: "Mathilde skal ha det bedre om morgenen", responsible: NURSE_NAME };
const PPT_NOTE = "PPT har sett på leseferdighetene; ingen tegn til lese- og skrivevansker.";
const LEVEL_REASON = "Helsetjenesten og PPT deltar nå i arbeidet.";

/** A tiny, valid-looking PDF made in the test. */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");

let logUrl = "";

/** What Chromium logs for a document or fetch answered with a 4xx status. */

async function signIn(who: keyof Awaited<ReturnType<typeof buildWorld>>["ids"]) {
  const person = await newPage(browser);
  await world.signIn(person.context, world.data.ids[who]);
  await person.page.goto(`${server.baseUrl}/`);
  return person;
}

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(buildWorld), launchBrowser()]);
  server = world.server;
  [teacher, nurse, ppt, welfare] = await Promise.all([signIn("teacher"), signIn("nurse"), signIn("ppt"), signIn("welfare")]);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});
afterEach(() => {
  const problems = [teacher, nurse, ppt, welfare].flatMap((p) => p.problems.splice(0));
  expect(problems).toEqual([]);
});

const logHeader = (page: Page) => main(page).locator("header").first();
const consentSection = (page: Page) => main(page).getByRole("region", { name: "Samtykke" });
const childSection = (page: Page) => main(page).getByRole("region", { name: CHILD });
const save = (page: Page, name = "Lagre") => page.getByRole("button", { name, exact: true }).click();

/**
 * Save a form the server refuses (400), and wait until the page has read its answer to the
 * end. Remix (router 1.x) keeps the AbortController of a submission whose loaders it skipped
 * after a 4xx and aborts it when the next navigation starts; if the answer's turbo-stream is
 * still open then, its read fails and the rejection is left unhandled: the page error "signal
 * is aborted without reason". The error summary shows once the first line is decoded, which
 * can be before the stream's end, so waiting for it is not enough before navigating on. The
 * page's own resource timing entry for the answer is written when its body is complete
 * (Playwright's `response.finished()` does not always settle for these answers).
 */
async function saveRefused(page: Page, name = "Lagre") {
  await page.evaluate(() => performance.clearResourceTimings());
  const answer = page.waitForResponse((r) => r.request().method() === "POST" && r.status() === 400);
  await save(page, name);
  const url = (await answer).url();
  await page.waitForFunction((u) => performance.getEntriesByType("resource").some((e) => e.name === u), url);
}

/** Click a link or button and wait for the URL to match; then wait for the h1. */
async function go(page: Page, click: () => Promise<void>, path: RegExp, h1?: string) {
  await click();
  await page.waitForURL((url) => path.test(url.pathname + url.search));
  if (h1) await page.getByRole("heading", { level: 1, name: h1, exact: true }).waitFor();
}

/** Back on the log page after a post: the notice and the h1. */
async function backOnLog(page: Page, notice = "Lagret.") {
  await page.waitForURL((url) => url.href.startsWith(logUrl) && url.searchParams.has("notice"));
  await page.getByRole("heading", { level: 1, name: CHILD }).waitFor();
  await main(page).getByRole("status").filter({ hasText: notice }).waitFor();
}

async function openTool(page: Page, name: string, h1: string) {
  const tools = await logTools(page);
  await go(page, () => tools.getByRole("link", { name, exact: true }).click(), /\/logs\/[^/]+\/\w+/, h1);
}

async function openLog(page: Page) {
  await page.goto(logUrl);
  await page.getByRole("heading", { level: 1, name: CHILD }).waitFor();
}


/** The field's error, tied to it by aria-describedby and aria-invalid. */
async function expectFieldError(page: Page, field: ReturnType<Page["getByLabel"]>, message: string) {
  expect(await field.getAttribute("aria-invalid")).toBe("true");
  const ids = (await field.getAttribute("aria-describedby"))?.split(" ") ?? [];
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  expect(texts.join(" ")).toContain(message);
}

/** Child welfare: the 404 page on the log's URLs, and no hit when searching the child's name. */
async function welfareSeesNothing() {
  const { page, problems } = welfare;
  // Her own log is listed on her home page; Mathilde's is not.
  await page.goto(`${server.baseUrl}/`);
  const list = main(page).getByRole("region", { name: "Mine logger" });
  await list.getByRole("link", { name: WELFARE_OWN_CHILD }).waitFor();
  expect(await list.getByText(CHILD).count()).toBe(0);
  for (const url of [logUrl, `${logUrl}/print`]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Fant ikke siden" }).waitFor();
    expect(await main(page).innerText()).not.toContain(CHILD);
  }
  await page.goto(`${server.baseUrl}/?q=${encodeURIComponent("Mathilde")}`);
  await main(page).getByRole("region", { name: "Mine logger" }).getByText("Du har ingen logger som passer.").waitFor();
  expect(await page.getByLabel("Søk etter barnets navn").inputValue()).toBe("Mathilde");
  expect(await main(page).innerText()).not.toContain(CHILD);
  expect(await page.getByText(CHILD).count()).toBe(0);
  expect(problems.splice(0).filter((p) => !failedLoad(404).test(p))).toEqual([]);
}

describe("a new relay log with consent", () => {
  it("the teacher writes down a concern, registers a guardian and makes it a relay log at level 1", async () => {
    const { page } = teacher;
    await go(page, () => page.getByRole("link", { name: "Skriv ned en undring eller bekymring" }).click(), /^\/logs\/new$/, "Ny undring eller bekymring");
    await page.getByLabel("Barnets navn").fill(CHILD);
    await page.getByLabel("Fødselsdato").fill(BIRTH_DATE);
    await page.getByLabel("Hva har du sett eller hørt?").fill(CONCERN);
    await save(page, "Lagre notatet");
    await page.waitForURL(/\/logs\/[a-z0-9]+\?notice=saved/);
    logUrl = page.url().split("?")[0]!;
    await page.getByRole("heading", { level: 1, name: CHILD }).waitFor();

    await go(page, () => main(page).getByRole("link", { name: "Registrer foresatt" }).click(), /\/guardians\/new$/, "Registrer foresatt");
    await page.getByLabel("Navn", { exact: true }).fill(GUARDIAN);
    await page.getByLabel("Relasjon til barnet").selectOption({ label: "Mor" });
    expect(await page.getByLabel("Har foreldreansvar").isChecked()).toBe(true);
    await save(page);
    await backOnLog(page);

    await openTool(page, "Gjør om til stafettlogg", "Gjør om til stafettlogg");
    expect(await page.getByRole("radio", { name: "Nivå 1" }).isChecked()).toBe(true);
    await deferKeepConsent(page);
    await save(page, "Gjør om til stafettlogg");
    await backOnLog(page, "Notatet er nå en stafettlogg.");
    await logHeader(page).getByText("Nivå 1", { exact: false }).waitFor();
    await consentSection(page).getByText("Ingen samtykker er registrert.").waitFor();
    // Nobody else may be invited yet: no consent covers another service.
    await openTool(page, "Inviter deltaker", "Inviter en deltaker");
    const options = await page.getByLabel("Hvem vil du invitere?").locator("option").allInnerTexts();
    expect(options.filter((o) => o.includes(HEALTH) || o.includes(PPT) || o.includes(WELFARE_NAME))).toEqual([]);
    // The list is not empty by construction: her colleague in the school is offered.
    expect(options).toContain(`${COLLEAGUE_NAME} – ${SCHOOL}`);
    await go(page, () => main(page).getByRole("link", { name: "Avbryt" }).click(), /^\/logs\/[a-z0-9]+$/, CHILD);
  });

  it("child welfare gets the 404 page and no search hit (at the start)", async () => {
    await welfareSeesNothing();
  });

  it("records consent to keep the log (the form in bokmål and English is axe clean)", async () => {
    const { page } = teacher;
    await openTool(page, "Registrer samtykke", "Registrer samtykke");
    await expectNoAxeViolations(page);
    await switchLanguage(page, "en");
    try {
      await page.getByRole("heading", { level: 1, name: "Record consent" }).waitFor();
      await page.getByRole("group", { name: "Services the consent covers" }).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await switchLanguage(page, "nb");
    }
    await page.getByRole("heading", { level: 1, name: "Registrer samtykke" }).waitFor();
    await page.getByRole("radio", { name: "At stafettloggen føres" }).check();
    expect(await page.getByRole("radio", { name: "Samtykke gitt" }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: "Skriftlig" }).isChecked()).toBe(true);
    await page.getByRole("checkbox", { name: `${GUARDIAN} (Mor)` }).check();
    await page.getByLabel("Formål", { exact: true }).fill("Føre stafettlogg om Mathildes skolehverdag.");
    await save(page);
    await backOnLog(page, "Samtykket er registrert.");
    const consents = consentSection(page);
    await consents.getByText("1 av 1 foresatte har samtykket til at loggen føres", { exact: false }).waitFor();
    expect(await consents.getByText("Gyldig", { exact: true }).count()).toBe(1);
    expect(await timelineItems(page).first().innerText()).toContain("Samtykke gitt");
  });

  it("records consent to share with health and PPT: a file over 10 MB and a text file named .pdf are refused by the field; a PDF is kept", async () => {
    const { page } = teacher;
    await openTool(page, "Registrer samtykke", "Registrer samtykke");
    expect(await page.getByRole("radio", { name: "Deling med andre tjenester" }).isChecked()).toBe(true);
    await page.getByRole("checkbox", { name: `${GUARDIAN} (Mor)` }).check();
    const services = page.getByRole("group", { name: "Tjenester samtykket gjelder" });
    await services.getByRole("checkbox", { name: HEALTH, exact: true }).check();
    await services.getByRole("checkbox", { name: PPT, exact: true }).check();
    await page.getByLabel("Formål", { exact: true }).fill("Samarbeid med helsesykepleier og PPT om Mathilde.");
    const file = page.getByLabel("Signert skjema (valgfritt)");
    const summary = page.getByRole("alert").filter({ hasText: "Skjemaet har feil som må rettes" });
    // A PDF over 10 MB is refused next to the field.
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big);
    await file.setInputFiles({ name: "stor.pdf", mimeType: "application/pdf", buffer: big });
    await saveRefused(page);
    await summary.getByRole("link", { name: "Signert skjema (valgfritt): Filen er større enn 10 MB." }).waitFor();
    await expectFieldError(page, file, "Filen er større enn 10 MB.");
    expect(teacher.problems.splice(0).filter((p) => !failedLoad(400).test(p))).toEqual([]);
    expect(await page.getByLabel("Formål", { exact: true }).inputValue()).toBe("Samarbeid med helsesykepleier og PPT om Mathilde.");

    await file.setInputFiles({ name: "samtykke.pdf", mimeType: "application/pdf", buffer: Buffer.from("Dette er ikke en PDF, bare tekst.\n") });
    await saveRefused(page);

    const typeError = "Filen må være en PDF eller et bilde (PNG eller JPEG).";
    await summary.getByRole("link", { name: `Signert skjema (valgfritt): ${typeError}` }).waitFor();
    await expectFieldError(page, file, typeError);
    // The refusal is a 400 answer, which Chromium logs; nothing else may be logged.
    expect(teacher.problems.splice(0).filter((p) => !failedLoad(400).test(p))).toEqual([]);
    // What was chosen and typed is kept.
    expect(await page.getByRole("checkbox", { name: `${GUARDIAN} (Mor)` }).isChecked()).toBe(true);
    expect(await services.getByRole("checkbox", { name: HEALTH, exact: true }).isChecked()).toBe(true);
    expect(await services.getByRole("checkbox", { name: PPT, exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel("Formål", { exact: true }).inputValue()).toBe("Samarbeid med helsesykepleier og PPT om Mathilde.");
    await expectNoAxeViolations(page);

    await file.setInputFiles({ name: "samtykke.pdf", mimeType: "application/pdf", buffer: PDF });
    await save(page);
    await backOnLog(page, "Samtykket er registrert.");
    const consents = consentSection(page);
    const share = consents.getByRole("listitem").filter({ hasText: "til deling med" });
    await share.waitFor();
    const line = await share.innerText();
    expect(line).toContain("1 av 1 foresatte har samtykket til deling med:");
    expect(line).toContain(HEALTH);
    expect(line).toContain(PPT);
    expect(line).toContain("Gyldig");
    // The signed form comes back as the PDF it is.
    const href = await share.getByRole("link", { name: "Signert skjema" }).getAttribute("href");
    const response = await page.request.get(new URL(href!, server.baseUrl).href);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/pdf");
    expect((await response.body()).subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
    await expectNoAxeViolations(page);
  });

  it("adds an action to evaluate later; level 2 is refused while no other service takes part", async () => {
    const { page } = teacher;
    await openTool(page, "Endre nivå", "Endre nivå");
    await page.getByRole("radio", { name: "Nivå 2" }).check();
    await page.getByLabel("Begrunnelse", { exact: true }).fill(LEVEL_REASON);
    await saveRefused(page);
    await page.getByRole("alert").getByText("Nivå 2 og 3 betyr at en annen tjeneste deltar", { exact: false }).waitFor();
    expect(teacher.problems.splice(0).filter((p) => !failedLoad(400).test(p))).toEqual([]);
    await expectNoAxeViolations(page);
    await go(page, () => main(page).getByRole("link", { name: "Avbryt" }).click(), /^\/logs\/[a-z0-9]+$/, CHILD);

    await openTool(page, "Nytt tiltak", "Nytt tiltak");
    await page.getByLabel("Hva skal gjøres?").fill(ACTION.description);
    await page.getByLabel("Hvilket mål skal tiltaket nå?").fill(ACTION.goal);
    await chooseResponsible(page, { other: ACTION.responsible });
    await save(page);
    await backOnLog(page);
    await main(page).getByRole("region", { name: "Tiltak" }).getByText(ACTION.description, { exact: true }).waitFor();
  });

  it("invites the nurse and the PPT adviser (not child welfare: no consent covers it); a second invitation is refused", async () => {
    const { page } = teacher;
    await openTool(page, "Inviter deltaker", "Inviter en deltaker");
    await expectNoAxeViolations(page);
    const select = page.getByLabel("Hvem vil du invitere?");
    const options = await select.locator("option").allInnerTexts();
    expect(options).toContain(`${NURSE_NAME} – ${HEALTH}`);
    expect(options).toContain(`${PPT_NAME} – ${PPT}`);
    expect(options.filter((o) => o.includes(WELFARE_NAME))).toEqual([]);
    await switchLanguage(page, "en");
    try {
      await page.getByRole("heading", { level: 1, name: "Invite a participant" }).waitFor();
      await page.getByLabel("Whom do you want to invite?").waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await switchLanguage(page, "nb");
    }

    for (const [name, service] of [
      [NURSE_NAME, HEALTH],
      [PPT_NAME, PPT],
    ] as const) {
      if (!page.url().endsWith("/invite")) await openTool(page, "Inviter deltaker", "Inviter en deltaker");
      await page.getByLabel("Hvem vil du invitere?").selectOption({ label: `${name} – ${service}` });
      await page.getByLabel("Melding", { exact: true }).fill(`Hei! Vil du være med i stafettloggen for ${CHILD}?`);
      await save(page, "Send invitasjon");
      await backOnLog(page, "Invitasjonen er sendt.");
    }
    const pending = main(page).getByRole("region", { name: "Ubesvarte invitasjoner" });
    await pending.getByText(`${NURSE_NAME}, ${HEALTH}`, { exact: false }).waitFor();
    expect(await pending.getByText(`${PPT_NAME}, ${PPT}`, { exact: false }).count()).toBe(1);

    // The nurse has an invitation waiting: she is not offered again (the domain refuses it too).
    await openTool(page, "Inviter deltaker", "Inviter en deltaker");
    const offered = await page.getByLabel("Hvem vil du invitere?").locator("option").allInnerTexts();
    expect(offered).not.toContain(`${NURSE_NAME} – ${HEALTH}`);
    expect(offered).not.toContain(`${PPT_NAME} – ${PPT}`);
    await go(page, () => main(page).getByRole("link", { name: "Avbryt" }).click(), /^\/logs\/[a-z0-9]+$/, CHILD);
    expect(await main(page).getByRole("region", { name: "Ubesvarte invitasjoner" }).getByRole("listitem").count()).toBe(2);
  });

  it("the nurse finds the invitation in her inbox and on her home page, and accepts it", async () => {
    const { page } = nurse;
    // The invitation is a notice in "Til deg" the moment it is sent, counted in the header.
    await page.goto(`${server.baseUrl}/`);
    expect(await page.getByRole("link", { name: /^Til deg/ }).innerText()).toBe("Til deg (1 ulest)");
    await page.getByRole("link", { name: /^Til deg/ }).click();
    await page.getByRole("heading", { level: 1, name: "Til deg" }).waitFor();
    const notice = main(page).getByRole("listitem").filter({ hasText: "Du er invitert til å delta i en logg" });
    expect(await notice.count()).toBe(1);
    expect(await notice.getByRole("link").first().getAttribute("href")).toMatch(/^\/invitations\/[a-z0-9]+$/);
    await page.goto(`${server.baseUrl}/`);
    const invitations = main(page).getByRole("region", { name: "Invitasjoner til deg" });
    const link = invitations.getByRole("link", { name: /^Svar: Loggen om Mathilde/ });
    await link.waitFor();
    await expectNoAxeViolations(page);
    await go(page, () => link.click(), /^\/invitations\/[a-z0-9]+$/, "Invitasjon til stafettlogg");
    expect(await main(page).innerText()).toContain(`${TEACHER_NAME} inviterer deg til å delta i stafettloggen for Mathilde P. A., for ${HEALTH}.`);
    await expectNoAxeViolations(page);
    await page.getByRole("radio", { name: "Takk ja" }).check();
    await go(page, () => save(page, "Send svar"), /^\/logs\/[a-z0-9]+\?notice=accepted/, CHILD);
    await main(page).getByRole("status").filter({ hasText: "Du er nå med i loggen." }).waitFor();
    expect(page.url().split("?")[0]).toBe(logUrl);
  });

  it("the PPT adviser answers in English and bokmål: declining needs a reason; then accepts", async () => {
    const { page } = ppt;
    await page.goto(`${server.baseUrl}/`);
    const link = main(page).getByRole("region", { name: "Invitasjoner til deg" }).getByRole("link", { name: /^Svar: Loggen om Mathilde/ });
    await go(page, () => link.click(), /^\/invitations\/[a-z0-9]+$/, "Invitasjon til stafettlogg");
    await switchLanguage(page, "en");
    try {
      await page.getByRole("heading", { level: 1, name: "Invitation to a relay log" }).waitFor();
      expect(await main(page).innerText()).toContain(`${TEACHER_NAME} invites you to take part in the relay log for Mathilde P. A., for ${PPT}.`);
      await page.getByRole("radio", { name: "Decline" }).check();
      await save(page, "Send answer");
      await page.getByRole("alert").getByRole("link", { name: "Reason: This field is required." }).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await switchLanguage(page, "nb");
    }
    await page.getByRole("heading", { level: 1, name: "Invitasjon til stafettlogg" }).waitFor();
    await page.getByRole("radio", { name: "Takk nei" }).check();
    await save(page, "Send svar");
    await page.getByRole("alert").getByRole("link", { name: "Begrunnelse: Feltet må fylles ut." }).waitFor();
    await expectFieldError(page, page.getByLabel("Begrunnelse", { exact: true }), "Feltet må fylles ut.");
    await expectNoAxeViolations(page);
    await page.getByRole("radio", { name: "Takk ja" }).check();
    await go(page, () => save(page, "Send svar"), /^\/logs\/[a-z0-9]+\?notice=accepted/, CHILD);
    await main(page).getByRole("status").filter({ hasText: "Du er nå med i loggen." }).waitFor();
  });

  it("the nurse evaluates the teacher's action and the PPT adviser writes a note", async () => {
    await Promise.all([
      (async () => {
        const { page } = nurse;
        await openLog(page);
        await go(
          page,
          () => main(page).getByRole("link", { name: new RegExp(`^Evaluer tiltaket\\s*: ${ACTION.description}$`) }).click(),
          /\/actions\/[a-z0-9]+\/evaluate$/,
          "Evaluer tiltaket",
        );
        await page.getByLabel("Hva er gjort?").fill("Fire samtaler er gjennomført.");
        await page.getByLabel("Hva har virket, og hva har ikke virket?").fill("Faste samtaler har virket.");
        await page.getByLabel("Hvordan opplever barnet endringen?").fill("Mathilde sier magen er bedre.");
        await page.getByRole("radio", { name: "Fortsette tiltaket" }).check();
        await save(page);
        await backOnLog(page, "Evalueringen er lagret.");
        await expect.poll(() => timelineItems(page).first().innerText()).toContain("Fortsette tiltaket");
      })(),
      (async () => {
        const { page } = ppt;
        await openTool(page, "Skriv notat", "Nytt notat");
        await page.getByLabel("Notat", { exact: true }).fill(PPT_NOTE);
        await save(page);
        await backOnLog(page);
        await expect.poll(() => timelineItems(page).first().innerText()).toContain(PPT_NOTE);
      })(),
    ]);
  });

  it("child welfare still gets the 404 page and no search hit (in the middle)", async () => {
    await welfareSeesNothing();
  });

  it("the teacher sees both participants, moves the log to level 2 and proposes the nurse as holder", async () => {
    const { page } = teacher;
    await openLog(page);
    const child = childSection(page);
    for (const [name, service] of [
      [NURSE_NAME, HEALTH],
      [PPT_NAME, PPT],
    ] as const) {
      const item = child.getByRole("listitem").filter({ hasText: `${name}, ${service}` });
      await item.getByRole("link", { name: new RegExp(`^Ta ut av loggen\\s*: ${name}$`) }).waitFor();
    }
    expect(await main(page).getByRole("region", { name: "Ubesvarte invitasjoner" }).count()).toBe(0);
    await expectNoAxeViolations(page);

    await openTool(page, "Endre nivå", "Endre nivå");
    await page.getByRole("radio", { name: "Nivå 2" }).check();
    await page.getByLabel("Begrunnelse", { exact: true }).fill(LEVEL_REASON);
    await save(page);
    await backOnLog(page);
    await logHeader(page).getByText("Nivå 2", { exact: false }).waitFor();
    await expect.poll(() => timelineItems(page).first().innerText()).toContain("Fra nivå 1 til nivå 2");

    await openTool(page, "Overfør stafetten", "Overfør stafetten");
    await expectNoAxeViolations(page);
    await page.getByLabel("Ny stafettholder").selectOption({ label: `${NURSE_NAME} – ${HEALTH}` });
    await page.getByLabel("Melding", { exact: true }).fill("Helsetjenesten bærer mest nå. Vil du overta stafetten?");
    // Before proposing, the form says who will lose access (the school's leader reads no
    // log held in another service) and asks her to confirm she has read it.
    expect(await main(page).innerText()).toContain("mister tilgangen");
    expect(await main(page).locator("#handover-outcomes").getByRole("listitem").filter({ hasText: `Til ${HEALTH}:` }).innerText()).toContain(
      `Disse mister også tilgangen: ${PRINCIPAL_NAME} (${SCHOOL}).`,
    );
    await page.getByLabel("Jeg har lest hvem som mister tilgangen til loggen").check();
    await save(page, "Foreslå overføring");
    await backOnLog(page, "Overføringen er foreslått.");
    await main(page).getByText(`Venter på svar fra ${NURSE_NAME}, ${HEALTH}`).waitFor();
    // She holds it until the nurse accepts; no second proposal meanwhile.
    expect(await child.innerText()).toMatch(new RegExp(`Stafettholder\\s+${TEACHER_NAME}, ${SCHOOL}\\s`));
    expect(await (await logTools(page)).getByRole("link", { name: "Overfør stafetten" }).count()).toBe(0);
  });

  it("the nurse accepts the relay on her home page and becomes the holder", async () => {
    const { page } = nurse;
    await page.goto(`${server.baseUrl}/`);
    const link = main(page).getByRole("region", { name: "Stafetter foreslått til deg" }).getByRole("link", { name: `Svar: ${CHILD}` });
    await link.waitFor();
    await expectNoAxeViolations(page);
    await go(page, () => link.click(), /^\/handovers\/[a-z0-9]+$/, "Overføring av stafetten");
    expect(await main(page).innerText()).toContain(`${TEACHER_NAME} foreslår at du overtar stafetten for ${CHILD}, i ${HEALTH}.`);
    await expectNoAxeViolations(page);
    await page.getByRole("radio", { name: "Takk ja" }).check();
    await go(page, () => save(page, "Send svar"), /^\/logs\/[a-z0-9]+\?notice=handoverAccepted/, CHILD);
    await main(page).getByRole("status").filter({ hasText: "Du er nå stafettholder." }).waitFor();
    const child = childSection(page);
    expect(await child.innerText()).toMatch(new RegExp(`Stafettholder\\s+${NURSE_NAME}, ${HEALTH}\\s`));
    // The teacher stays on as a participant.
    await child.getByRole("listitem").filter({ hasText: `${TEACHER_NAME}, ${SCHOOL}` }).waitFor();
    await (await logTools(page)).getByRole("link", { name: "Registrer samtykke" }).waitFor();
    await expectNoAxeViolations(page);
  });

  it("the nurse, the new holder, opens the withdraw form, then narrows the sharing consent to the health service", async () => {
    const { page } = nurse;
    const share = () => consentSection(page).getByRole("listitem").filter({ hasText: "til deling med" });
    await go(page, () => share().getByRole("link", { name: "Trekk tilbake", exact: true }).click(), /\/consents\/[a-z0-9]+\/withdraw$/, "Trekk tilbake samtykke");
    await expectNoAxeViolations(page);
    await save(page, "Trekk tilbake");
    await page.getByRole("alert").getByRole("link", { name: "Hvorfor trekkes samtykket tilbake?: Feltet må fylles ut." }).waitFor();
    await expectNoAxeViolations(page);
    await go(page, () => main(page).getByRole("link", { name: "Avbryt" }).click(), /^\/logs\/[a-z0-9]+$/, CHILD);

    await go(page, () => share().getByRole("link", { name: "Endre eller forny" }).click(), /\/consents\/new\?replaces=/, "Endre eller forny samtykke");
    const services = page.getByRole("group", { name: "Tjenester samtykket gjelder" });
    expect(await page.getByRole("checkbox", { name: `${GUARDIAN} (Mor)` }).isChecked()).toBe(true);
    expect(await services.getByRole("checkbox", { name: HEALTH, exact: true }).isChecked()).toBe(true);
    expect(await services.getByRole("checkbox", { name: PPT, exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel("Formål", { exact: true }).inputValue()).toBe("Samarbeid med helsesykepleier og PPT om Mathilde.");
    await expectNoAxeViolations(page);
    await services.getByRole("checkbox", { name: PPT, exact: true }).uncheck();
    await page.getByLabel("Formål", { exact: true }).fill("Samarbeid med helsesykepleier om Mathilde. Mor ønsker ikke lenger deling med PPT.");
    // The PPT adviser would lose access: the form says so and asks her to confirm first.
    await saveRefused(page);
    await main(page).getByRole("region", { name: "Disse mister tilgangen til loggen" }).getByText(`${PPT_NAME} – ${PPT}`).waitFor();
    nurse.problems.splice(0).forEach((p) => expect(p).toMatch(failedLoad(400)));
    await page.getByLabel("Jeg har lest hvem som mister tilgangen til loggen").check();
    await save(page);
    await backOnLog(page, "Samtykket er registrert.");
    const line = await share().innerText();
    expect(line).toContain(`1 av 1 foresatte har samtykket til deling med: ${HEALTH}`);
    expect(await consentSection(page).innerText()).not.toContain(PPT);
    // The PPT adviser is still listed, without access; what he wrote stays.
    await childSection(page)
      .getByRole("listitem")
      .filter({ hasText: `${PPT_NAME}, ${PPT}` })
      .getByText("ingen tilgang nå: samtykket dekker ikke tjenesten", { exact: false })
      .waitFor();
    expect(await timelineItems(page).filter({ hasText: PPT_NOTE }).count()).toBe(1);
  });

  it("the PPT adviser gets the 404 page on his next load, and the log is gone from his home", async () => {
    const { page, problems } = ppt;
    const response = await page.reload();
    expect(response?.status()).toBe(404);
    await page.getByRole("heading", { level: 1, name: "Fant ikke siden" }).waitFor();
    expect(await main(page).innerText()).not.toContain(CHILD);
    expect(problems.splice(0).filter((p) => !failedLoad(404).test(p))).toEqual([]);

    await page.goto(`${server.baseUrl}/`);
    const list = main(page).getByRole("region", { name: "Mine logger" });
    // The other log he takes part in is still there.
    await list.getByRole("link", { name: PPT_OTHER_CHILD }).waitFor();
    expect(await list.getByText(CHILD).count()).toBe(0);
    await page.goto(`${server.baseUrl}/?q=${encodeURIComponent("Mathilde")}`);
    await list.getByText("Du har ingen logger som passer.").waitFor();
    expect(await main(page).getByText(CHILD).count()).toBe(0);
  });

  it("the PPT adviser's note stays visible to the teacher and the nurse", async () => {
    for (const { page } of [teacher, nurse]) {
      await openLog(page);
      const note = timelineItems(page).filter({ hasText: PPT_NOTE });
      await note.waitFor();
      expect(await note.innerText()).toContain(PPT_NAME);
    }
  });

  it("child welfare still gets the 404 page and no search hit (at the end)", async () => {
    await welfareSeesNothing();
  });
});
