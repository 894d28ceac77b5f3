import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addAction, changeLevel } from "../../app/domain/logs/actions.server";
import { addVoice } from "../../app/domain/logs/entries.server";
import { answerHandover, proposeHandover } from "../../app/domain/logs/handovers.server";
import { closeLog } from "../../app/domain/logs/lifecycle.server";
import { chooseResponsible, chosenResponsible, deferKeepConsent, expectNoAxeViolations, failedLoad, launchBrowser, logTools, main, newPage, switchLanguage, timelineItems } from "../support/browser";
import { makeService, makeUser } from "../support/factories";
import { actorOf, addParticipant, daysAgo, giveConsent, inDays, makeConcern, makeRelayLog } from "../support/log-factories";
import { backdateEvaluation, startWorld, type World } from "../support/world";

/**
 * The teacher's relay log in Chromium with JavaScript, from a private level-0 concern to a
 * closed relay log: guardian, relay log at level 1, two actions, the child's and the
 * guardians' voice, two evaluations (continue; change level to 2), a correction, closing.
 * Bad input on the new-action form, need to know for another teacher and the principal,
 * the readers page, and axe on every kind of page in bokmål (and some in English).
 * The tests run in order and share the teacher's page. All names are invented.
 *
 * In a world of its own: Solbakken skole with the teacher Ingrid Solvik, a second teacher
 * (Sindre Fjellheim) who takes part in nothing, and the principal Tor Aamodt; a health
 * clinic with a nurse and PPT with an adviser. Ingrid holds five logs: Sofie Lund Nilsen
 * (level 1, one action's evaluation four days late, the child heard 20 days ago), Emil
 * Bråten (a level-0 concern), Noah Hagen Eriksen (level 2, shared with PPT where the adviser
 * takes part, the child last heard 60 days ago: longer than the 42-day interval), Ella
 * Myrvold (level 1, evaluation ahead, the child heard recently) and Oskar Lie (a level-0
 * concern, closed). Sara Nguyen's log (level 2) she handed over to the nurse, and she takes
 * part in it. Tuva's log the test writes itself, through the pages.
 */
async function buildWorld() {
  const school = await makeService({ name: "Solbakken skole", kind: "school" });
  const health = await makeService({ name: "Helsestasjon og skolehelsetjeneste Eksempel", kind: "health_clinic" });
  const ppt = await makeService({ name: "PPT Eksempel", kind: "ppt" });
  const teacher = await makeUser({ name: "Ingrid Solvik", memberships: [{ serviceId: school.id, role: "employee" }] });
  const secondTeacher = await makeUser({ name: "Sindre Fjellheim", memberships: [{ serviceId: school.id, role: "employee" }] });
  const principal = await makeUser({ name: "Tor Aamodt", memberships: [{ serviceId: school.id, role: "leader" }] });
  const nurse = await makeUser({ name: "Siri Haugvik", memberships: [{ serviceId: health.id, role: "employee" }] });
  const adviser = await makeUser({ name: "Jonas Brekkestø", memberships: [{ serviceId: ppt.id, role: "employee" }] });
  const holder = await actorOf(teacher.id);
  const childVoice = (logId: string, heardOn: string, text: string) =>
    addVoice(holder, logId, { who: "child", heardOn, method: "conversation", text });

  // Sofie: level 1; the reading group's evaluation is late.
  const sofie = await makeRelayLog(holder, school.id, "Sofie Lund Nilsen");
  await giveConsent(holder, sofie.logId, "keep");
  const readingGroup = await addAction(holder, sofie.logId, {
    description: "Leselyst-gruppe tre ganger i uka med spesialpedagog",
    goal: "Sofie leser høyt i liten gruppe uten å vegre seg",
    responsible: { kind: "other", text: "Spesialpedagog" },
    startOn: daysAgo(60),
    evaluateOn: inDays(5),
  });
  await backdateEvaluation(sofie.logId, readingGroup, daysAgo(4));
  await childVoice(sofie.logId, daysAgo(20), "Sofie sier at lesegruppa hjelper.");

  // Emil: a private level-0 concern.
  await makeConcern(holder, school.id, "Emil Bråten");

  // Noah: level 2 with PPT; the child's voice is older than the evaluation interval.
  const noah = await makeRelayLog(holder, school.id, "Noah Hagen Eriksen");
  await giveConsent(holder, noah.logId, "keep");
  await giveConsent(holder, noah.logId, "share", [ppt.id]);
  await addParticipant(noah.logId, adviser.id, ppt.id);
  await changeLevel(holder, noah.logId, { to: 2, justification: "PPT kartlegger samspill og konflikter." });
  await addAction(holder, noah.logId, {
    description: "Fast voksen i storefri",
    goal: "Noah er med i lek uten konflikt",
    responsible: { kind: "other", text: "Inspektør" },
    startOn: daysAgo(10),
    evaluateOn: inDays(20),
  });
  await childVoice(noah.logId, daysAgo(60), "Noah sier at de andre ikke vil ha ham med.");

  // Ella: level 1, nothing overdue.
  const ella = await makeRelayLog(holder, school.id, "Ella Myrvold");
  await giveConsent(holder, ella.logId, "keep");
  await addAction(holder, ella.logId, {
    description: "Myk start på mandager",
    goal: "Ella kommer på skolen hver mandag",
    responsible: { kind: "other", text: "Kontaktlærer" },
    startOn: daysAgo(14),
    evaluateOn: inDays(28),
  });
  await childVoice(ella.logId, daysAgo(5), "Ella sier at mandagene er lettere nå.");

  // Oskar: a level-0 concern, closed with no further concern.
  const oskar = await makeConcern(holder, school.id, "Oskar Lie");
  await closeLog(holder, oskar.logId, { reason: "no_further_concern", summary: "Oskar er glad igjen; hunden døde, og han har fått snakke om det." });

  // Sara: level 2 with the health clinic, handed over to the nurse; Ingrid takes part.
  const sara = await makeRelayLog(holder, school.id, "Sara Nguyen");
  await giveConsent(holder, sara.logId, "keep");
  await giveConsent(holder, sara.logId, "share", [health.id]);
  await addParticipant(sara.logId, nurse.id, health.id);
  await changeLevel(holder, sara.logId, { to: 2, justification: "Faste samtaler med helsesykepleier." });
  const { handoverId } = await proposeHandover(holder, sara.logId, {
    toUserId: nurse.id,
    toServiceId: health.id,
    message: "Du har de ukentlige samtalene og bør være stafettholder.",
    confirmLoss: true,
  });
  await answerHandover(await actorOf(nurse.id), handoverId, { accept: true });

  return { teacher: teacher.id, secondTeacher: secondTeacher.id, principal: principal.id };
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let server: World<unknown>["server"];
let browser: Browser;
let teacher: Awaited<ReturnType<typeof newPage>>;

const CHILD = "Tuva Testesen Brekke";
const BIRTH_DATE = "2016-05-14";
const CONCERN = "Tuva har grått i garderoben tre morgener på rad og vil ikke ta av seg jakka.";
const OBSERVATION = "Tuva satt alene i storefri mandag og tirsdag.";
const CORRECTED = "Tuva satt alene i storefri mandag og onsdag, ikke tirsdag.";
const GUARDIAN = "Randi Testesen";
/** The teacher herself (the holder, chosen from the people on the log), and someone outside the log. */
const ACTION_1 = { description: "Fast morgenprat med kontaktlærer", goal: "Tuva skal starte dagen trygt", responsible: "Ingrid Solvik", choose: { option: "Ingrid Solvik (stafettholder)" } };
const ACTION_2 = { description: "Venninnegruppe i storefri to dager i uka", goal: "Tuva skal ha noen å være med", responsible: "Miljøterapeut", choose: { other: "Miljøterapeut" } };
const CHILD_VOICE = "Tuva sier at hun gruer seg fordi hun ikke vet hvem hun skal være med.";
const GUARDIAN_VOICE = "Mor sier at Tuva sover dårlig søndag kveld.";
const LEVEL_REASON = "Situasjonen er roligere; vi følger med videre.";
const SUMMARY = "Tuva har fått venner og kommer glad på skolen.";

let logUrl = "";
let today = "";

/** What Chromium logs for a document answered with a 4xx status (expected on the 404 page). */

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(buildWorld), launchBrowser()]);
  server = world.server;
  teacher = await newPage(browser);
  await world.signIn(teacher.context, world.data.teacher);
  await teacher.page.goto(`${server.baseUrl}/`);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});
afterEach(() => {
  const problems = teacher.problems.splice(0);
  expect(problems).toEqual([]);
});

/** The log page's own header (each timeline entry has a header too). */
const logHeader = (page: Page) => main(page).locator("header").first();
const toolsNav = (page: Page) => page.getByRole("navigation", { name: "Hva vil du gjøre?" });

function addDays(isoDate: string, days: number) {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Click a link or button and wait for the URL to match; then wait for the h1. */
async function go(page: Page, click: () => Promise<void>, path: RegExp, h1?: string) {
  await click();
  await page.waitForURL((url) => path.test(url.pathname + url.search));
  if (h1) await page.getByRole("heading", { level: 1, name: h1, exact: true }).waitFor();
}

/** Back on the log page after a save: the notice and the h1. */
async function backOnLog(page: Page, notice = "Lagret.") {
  await page.waitForURL((url) => url.href.startsWith(logUrl) && url.searchParams.has("notice"));
  await page.getByRole("heading", { level: 1, name: CHILD }).waitFor();
  await main(page).getByRole("status").filter({ hasText: notice }).waitFor();
}

async function openTool(page: Page, name: string, h1: string) {
  const tools = await logTools(page);
  await go(page, () => tools.getByRole("link", { name, exact: true }).click(), /\/logs\/[^/]+\/\w+/, h1);
}


describe("the teacher's home page", () => {
  it("lists her logs with their flags; the level filter and the search work", async () => {
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/`);
    const list = main(page).getByRole("region", { name: "Mine logger" });
    await list.getByRole("link", { name: "Sofie Lund Nilsen" }).waitFor();
    for (const child of ["Emil Bråten", "Noah Hagen Eriksen", "Ella Myrvold", "Oskar Lie"]) {
      expect(await list.getByRole("link", { name: child }).count(), child).toBe(1);
    }
    // Five she holds, and Sara's, which was handed over to the nurse and where she takes part.
    expect(await list.getByText("6 logger").count()).toBe(1);
    // The flags sit on the right cards: Sofie's evaluation is overdue, Noah's voice is old.
    const card = (name: string) => list.getByRole("listitem").filter({ has: page.getByRole("link", { name }) });
    expect(await card("Sofie Lund Nilsen").getByText("Evalueringen er forsinket").count()).toBe(1);
    expect(await card("Noah Hagen Eriksen").getByText("Barnets stemme er ikke hørt nylig").count()).toBe(1);
    // Only there: Sofie's child was heard lately, and Noah's actions are not late.
    expect(await list.getByText("Evalueringen er forsinket").count()).toBe(1);
    expect(await list.getByText("Barnets stemme er ikke hørt nylig").count()).toBe(1);
    // Sara's log is held by the nurse now; Ingrid takes part in it.
    expect(await card("Sara Nguyen").innerText()).toContain("Du deltar");
    expect(await card("Sara Nguyen").innerText()).toContain("Stafettholder: Siri Haugvik, Helsestasjon og skolehelsetjeneste Eksempel");
    await expectNoAxeViolations(page);

    // Level 2: Noah, and Sara (held by the nurse now).
    await page.getByLabel("Nivå", { exact: true }).selectOption("2");
    await go(page, () => page.getByRole("button", { name: "Vis", exact: true }).click(), /level=2/);
    await list.getByText("2 logger").waitFor();
    expect((await list.getByRole("heading", { level: 3 }).allInnerTexts()).sort()).toEqual(["Noah Hagen Eriksen", "Sara Nguyen"]);
    expect(await page.getByLabel("Nivå", { exact: true }).inputValue()).toBe("2");

    // Search by name (all levels again).
    await page.getByLabel("Nivå", { exact: true }).selectOption("");
    await page.getByLabel("Søk etter barnets navn").fill("Sofie");
    await go(page, () => page.getByRole("button", { name: "Vis", exact: true }).click(), /q=Sofie/);
    await list.getByText("1 logg", { exact: true }).waitFor();
    expect(await list.getByRole("heading", { level: 3 }).allInnerTexts()).toEqual(["Sofie Lund Nilsen"]);

    // A name nobody has.
    await page.getByLabel("Søk etter barnets navn").fill("Ingen Slikt Navn");
    await go(page, () => page.getByRole("button", { name: "Vis", exact: true }).click(), /q=Ingen/);
    await list.getByText("Du har ingen logger som passer.").waitFor();
  });
});

describe("the teacher's story, with JavaScript", () => {
  it("writes down a concern: a private level-0 note; then an observation", async () => {
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/`);
    await go(
      page,
      () => page.getByRole("link", { name: "Skriv ned en undring eller bekymring" }).click(),
      /^\/logs\/new$/,
      "Ny undring eller bekymring",
    );
    await expectNoAxeViolations(page);
    today = await page.getByLabel("Når la du merke til det?").inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Submitting empty shows errors in the summary and next to the fields.
    await page.getByRole("button", { name: "Lagre notatet" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Skjemaet har feil som må rettes" });
    await summary.waitFor();
    await summary.getByRole("link", { name: "Barnets navn: Feltet må fylles ut." }).waitFor();
    expect(await summary.getByRole("link", { name: "Hva har du sett eller hørt?: Feltet må fylles ut." }).count()).toBe(1);
    expect(await page.getByLabel("Barnets navn").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);
    expect(new URL(page.url()).pathname).toBe("/logs/new");

    await page.getByLabel("Barnets navn").fill(CHILD);
    await page.getByLabel("Fødselsdato").fill(BIRTH_DATE);
    await page.getByLabel("Hva har du sett eller hørt?").fill(CONCERN);
    await page.getByRole("button", { name: "Lagre notatet" }).click();
    await page.waitForURL(/\/logs\/[a-z0-9]+\?notice=saved/);
    logUrl = page.url().split("?")[0]!;
    await page.getByRole("heading", { level: 1, name: CHILD }).waitFor();
    const header = logHeader(page);
    await header.getByText("Nivå 0", { exact: false }).waitFor();
    expect(await header.innerText()).toContain("Undring og bekymring (privat notat)");
    await main(page).getByText("Dette er ditt private notat på nivå 0.", { exact: false }).waitFor();
    expect(await timelineItems(page).count()).toBe(1);
    expect(await timelineItems(page).first().innerText()).toContain(CONCERN);
    // Level 0 has no actions yet.
    expect(await (await logTools(page)).getByRole("link", { name: "Nytt tiltak" }).count()).toBe(0);
    await expectNoAxeViolations(page);

    await openTool(page, "Skriv observasjon", "Ny observasjon");
    await expectNoAxeViolations(page);
    await page.getByLabel("Hva så eller hørte du?").fill(OBSERVATION);
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await backOnLog(page);
    await expect.poll(() => timelineItems(page).count()).toBe(2);
    expect(await timelineItems(page).first().innerText()).toContain(OBSERVATION);
  });

  it("registers a guardian and makes it a relay log at level 1", async () => {
    const { page } = teacher;
    await go(page, () => main(page).getByRole("link", { name: "Registrer foresatt" }).click(), /\/guardians\/new$/, "Registrer foresatt");
    await expectNoAxeViolations(page);
    await page.getByLabel("Navn", { exact: true }).fill(GUARDIAN);
    await page.getByLabel("Relasjon til barnet").selectOption({ label: "Mor" });
    expect(await page.getByLabel("Har foreldreansvar").isChecked()).toBe(true);
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await backOnLog(page);
    const guardians = main(page).getByRole("region", { name: "Foresatte" });
    await guardians.getByText(GUARDIAN).waitFor();
    expect(await guardians.innerText()).toContain("har foreldreansvar");

    await openTool(page, "Gjør om til stafettlogg", "Gjør om til stafettlogg");
    await expectNoAxeViolations(page);
    expect(await page.getByRole("radio", { name: "Nivå 1" }).isChecked()).toBe(true);
    expect(await page.getByLabel("Dato de foresatte ble informert").inputValue()).toBe(today);
    await deferKeepConsent(page);
    await page.getByRole("button", { name: "Gjør om til stafettlogg" }).click();
    await backOnLog(page, "Notatet er nå en stafettlogg.");
    const header = logHeader(page);
    await header.getByText("Nivå 1", { exact: false }).waitFor();
    expect(await header.innerText()).toContain("Stafettlogg");
    expect(await main(page).getByText("Dette er ditt private notat", { exact: false }).count()).toBe(0);
    expect(await timelineItems(page).first().innerText()).toContain("Ble stafettlogg");
    await expectNoAxeViolations(page);
  });

  it("refuses a bad action: errors by the fields and in the summary, the input kept, nothing written", async () => {
    const { page } = teacher;
    const before = await timelineItems(page).count();
    await openTool(page, "Nytt tiltak", "Nytt tiltak");
    await expectNoAxeViolations(page);
    expect(await page.getByLabel("Startdato").inputValue()).toBe(today);
    await page.getByLabel("Hva skal gjøres?").fill(ACTION_1.description);
    await chooseResponsible(page, ACTION_1.choose);
    await page.getByLabel("Evalueringsdato").fill(addDays(today, -1));
    // Fields are checked when the form is sent, not while the person moves through it:
    // leaving a field changes nothing on the page (no jumping layout, focus stays put).
    await page.getByRole("button", { name: "Lagre", exact: true }).focus();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Lagre");
    expect(await page.locator("#action-evaluateOn-error").count()).toBe(0);
    expect(await page.getByRole("alert").count()).toBe(0);
    await page.getByRole("button", { name: "Lagre", exact: true }).click();

    const summary = page.getByRole("alert").filter({ hasText: "Skjemaet har feil som må rettes" });
    await summary.waitFor();
    await summary.getByRole("link", { name: "Hvilket mål skal tiltaket nå?: Feltet må fylles ut." }).waitFor();
    await summary.getByRole("link", { name: "Evalueringsdato: Evalueringsdatoen må være etter startdatoen." }).waitFor();
    // Next to the fields, tied to them by aria-describedby.
    for (const [label, message] of [
      ["Hvilket mål skal tiltaket nå?", "Feltet må fylles ut."],
      ["Evalueringsdato", "Evalueringsdatoen må være etter startdatoen."],
    ] as const) {
      const field = page.getByLabel(label);
      expect(await field.getAttribute("aria-invalid"), label).toBe("true");
      const ids = (await field.getAttribute("aria-describedby"))?.split(" ") ?? [];
      const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
      expect(texts.join(" "), label).toContain(message);
    }
    // Following a summary link moves focus to its field.
    await summary.getByRole("link", { name: /^Hvilket mål/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("goal");
    // What was typed is kept.
    expect(await page.getByLabel("Hva skal gjøres?").inputValue()).toBe(ACTION_1.description);
    expect(await chosenResponsible(page)).toBe(ACTION_1.choose.option);
    expect(await page.getByLabel("Evalueringsdato").inputValue()).toBe(addDays(today, -1));
    await expectNoAxeViolations(page);

    // Nothing was written.
    await go(page, () => main(page).getByRole("link", { name: "Avbryt" }).click(), /^\/logs\/[a-z0-9]+$/, CHILD);
    expect(await timelineItems(page).count()).toBe(before);
    expect(await main(page).getByText("Ingen tiltak ennå.").count()).toBe(1);
  });

  it("adds two actions with the default dates", async () => {
    const { page } = teacher;
    for (const action of [ACTION_1, ACTION_2]) {
      await openTool(page, "Nytt tiltak", "Nytt tiltak");
      await page.getByLabel("Hva skal gjøres?").fill(action.description);
      await page.getByLabel("Hvilket mål skal tiltaket nå?").fill(action.goal);
      await chooseResponsible(page, action.choose);
      expect(await page.getByLabel("Evalueringsdato").inputValue()).toBe(addDays(today, 42));
      await page.getByRole("button", { name: "Lagre", exact: true }).click();
      await backOnLog(page);
      await main(page).getByRole("region", { name: "Tiltak" }).getByText(action.description, { exact: true }).waitFor();
    }
    const actions = main(page).getByRole("region", { name: "Tiltak" });
    expect(await actions.innerText()).toContain(`Mål: ${ACTION_2.goal}`);
    expect(await actions.innerText()).toContain(`Ansvarlig: ${ACTION_1.responsible}`);
    expect(await actions.innerText()).toContain(`Ansvarlig: ${ACTION_2.responsible}`);
  });

  it("hears the child and the guardians", async () => {
    const { page } = teacher;
    await openTool(page, "Barnets stemme", "Barnets stemme");
    await expectNoAxeViolations(page);
    expect(await page.getByLabel("Når?").inputValue()).toBe(today);
    await page.getByLabel("Hvordan ble det hørt?").selectOption({ label: "Samtale" });
    await page.getByLabel("Det som ble sagt").fill(CHILD_VOICE);
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await backOnLog(page);
    await expect.poll(() => timelineItems(page).first().innerText()).toContain(CHILD_VOICE);

    await openTool(page, "Foresattes stemme", "Foresattes stemme");
    await expectNoAxeViolations(page);
    await page.getByLabel("Hvem sa det?").fill(`${GUARDIAN} (mor)`);
    await page.getByLabel("Hvordan ble det hørt?").selectOption({ label: "Møte" });
    await page.getByLabel("Det som ble sagt").fill(GUARDIAN_VOICE);
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await backOnLog(page);
    await expect.poll(() => timelineItems(page).first().innerText()).toContain(GUARDIAN_VOICE);
    expect(await timelineItems(page).first().innerText()).toContain("Foresattes stemme");
  });

  it("evaluates one action (continue) and the other (change level to 2)", async () => {
    const { page } = teacher;
    const evaluate = async (action: { description: string }) => {
      await go(
        page,
        () => main(page).getByRole("link", { name: new RegExp(`^Evaluer tiltaket\\s*: ${action.description}$`) }).click(),
        /\/actions\/[a-z0-9]+\/evaluate$/,
        "Evaluer tiltaket",
      );
      await page.getByLabel("Hva er gjort?").fill("Gjennomført som planlagt.");
      await page.getByLabel("Hva har virket, og hva har ikke virket?").fill("Faste tider har virket.");
      await page.getByLabel("Hvordan opplever barnet endringen?").fill("Tuva sier det er bedre.");
    };

    await evaluate(ACTION_1);
    await expectNoAxeViolations(page);
    await page.getByRole("radio", { name: "Fortsette tiltaket" }).check();
    expect(await page.getByLabel("Neste evaluering").inputValue()).toBe(addDays(today, 42));
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await backOnLog(page, "Evalueringen er lagret.");
    await expect.poll(() => timelineItems(page).first().innerText()).toContain("Fortsette tiltaket");

    await evaluate(ACTION_2);
    await page.getByRole("radio", { name: "Endre nivå" }).check();
    await page.getByLabel("Begrunnelse for nytt nivå").fill(LEVEL_REASON);
    // Level 2 means another service takes part: refused next to the field while nobody does.
    await page.getByLabel("Nytt nivå", { exact: true }).selectOption({ label: "Nivå 2" });
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await page.locator("#evaluation-newLevel-error").getByText("Nivå 2 og 3 betyr at en annen tjeneste deltar", { exact: false }).waitFor();
    // The refusal is a 400 answer, which Chromium logs; nothing else may be logged.
    expect(teacher.problems.splice(0).filter((p) => !failedLoad(400).test(p))).toEqual([]);
    // Moving down is as normal as moving up.
    await page.getByLabel("Nytt nivå", { exact: true }).selectOption({ label: "Nivå 0" });
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await backOnLog(page, "Evalueringen er lagret.");
    const newest = timelineItems(page).first();
    await expect.poll(() => newest.innerText()).toContain("Fra nivå 1 til nivå 0");
    expect(await newest.innerText()).toContain(LEVEL_REASON);
    expect(await timelineItems(page).nth(1).innerText()).toContain("Endre nivå");
    const header = logHeader(page);
    expect(await header.innerText()).toContain("Nivå 0");
    expect(await header.innerText()).not.toContain("Nivå 1");
    await expectNoAxeViolations(page);
  });

  it("corrects her own observation: struck through, the correction below", async () => {
    const { page } = teacher;
    const item = timelineItems(page).filter({ hasText: OBSERVATION });
    await go(page, () => item.getByRole("link", { name: /^Rett opp/ }).click(), /\/events\/[a-z0-9]+\/correct$/, "Rett opp en oppføring");
    await expectNoAxeViolations(page);
    expect(await page.getByLabel("Riktig tekst").inputValue()).toBe(OBSERVATION);
    await page.getByLabel("Riktig tekst").fill(CORRECTED);
    await page.getByLabel("Hvorfor rettes det?").fill("Feil ukedag.");
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await backOnLog(page);

    const corrected = timelineItems(page).filter({ hasText: `Rettet: ${CORRECTED}` });
    await corrected.waitFor();
    const original = corrected.getByText(OBSERVATION, { exact: true });
    expect(await original.evaluate((el) => getComputedStyle(el.closest("div")!).textDecorationLine)).toContain("line-through");
    expect(await corrected.innerText()).toContain("Begrunnelse for rettelsen: Feil ukedag.");
    // The correction text itself is not struck through, and it comes after the original.
    const correction = corrected.getByText(`Rettet: ${CORRECTED}`);
    expect(await correction.evaluate((el) => getComputedStyle(el).textDecorationLine)).not.toContain("line-through");
    const text = await corrected.innerText();
    expect(text.indexOf(OBSERVATION)).toBeLessThan(text.indexOf(`Rettet: ${CORRECTED}`));
  });

  it("checks the print view, then closes the log: read-only, and listed under Avsluttet", async () => {
    const { page } = teacher;
    await go(page, () => main(page).getByRole("link", { name: "Utskrift" }).click(), /\/print$/, `Stafettlogg for ${CHILD}`);
    expect(await main(page).textContent()).toContain("Taushetsbelagt. Unntatt offentlighet");
    expect(await main(page).innerText()).toContain(ACTION_2.description);
    await page.getByRole("button", { name: "Skriv ut" }).waitFor();
    await expectNoAxeViolations(page);
    await go(page, () => main(page).getByRole("link", { name: CHILD }).click(), /^\/logs\/[a-z0-9]+$/, CHILD);

    await openTool(page, "Avslutt loggen", "Avslutt loggen");
    await expectNoAxeViolations(page);
    await page.getByRole("radio", { name: "Bekymringen er løst" }).check();
    await page.getByLabel("Oppsummering").fill(SUMMARY);
    expect(await page.getByLabel("Dato de foresatte ble informert om avslutningen").inputValue()).toBe(today);
    await page.getByRole("button", { name: "Avslutt loggen" }).click();
    await backOnLog(page, "Loggen er avsluttet.");
    await main(page).getByText("Den kan bare leses.", { exact: false }).waitFor();
    expect(await logHeader(page).innerText()).toContain("Avsluttet");
    // The only tool left is reopening (with a reason); nothing can be written.
    expect(await toolsNav(page).getByRole("link").allInnerTexts()).toEqual(["Åpne loggen igjen"]);
    expect(await main(page).getByRole("link", { name: /^Evaluer tiltaket/ }).count()).toBe(0);
    expect(await main(page).getByRole("link", { name: /^Rett opp/ }).count()).toBe(0);
    expect(await main(page).getByRole("link", { name: "Registrer foresatt" }).count()).toBe(0);
    expect(await timelineItems(page).first().innerText()).toContain(SUMMARY);
    await expectNoAxeViolations(page);

    await page.goto(`${server.baseUrl}/`);
    await page.getByLabel("Status").selectOption({ label: "Avsluttet" });
    await go(page, () => page.getByRole("button", { name: "Vis", exact: true }).click(), /state=closed/);
    const list = main(page).getByRole("region", { name: "Mine logger" });
    await list.getByRole("link", { name: CHILD }).waitFor();
    const card = list.getByRole("listitem").filter({ has: page.getByRole("link", { name: CHILD }) });
    expect(await card.innerText()).toContain("Avsluttet");
    expect(await list.getByRole("link", { name: "Sofie Lund Nilsen" }).count()).toBe(0);
  });
});

describe("need to know", () => {
  it("another teacher at the school gets the 404 page and no search hit", async () => {
    const other = await newPage(browser);
    try {
      await world.signIn(other.context, world.data.secondTeacher);
      for (const url of [logUrl, `${logUrl}/print`, `${logUrl}/readers`]) {
        const response = await other.page.goto(url);
        expect(response?.status(), url).toBe(404);
        await other.page.getByRole("heading", { level: 1, name: "Fant ikke siden" }).waitFor();
        expect(await main(other.page).innerText()).not.toContain(CHILD);
      }
      await other.page.goto(`${server.baseUrl}/?q=${encodeURIComponent("Tuva")}`);
      await main(other.page).getByText("Du har ingen logger som passer.").waitFor();
      expect(await main(other.page).getByText(CHILD).count()).toBe(0);
      expect(other.problems.filter((p) => !failedLoad(404).test(p))).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it("the principal reads it without tools, and the holder sees the principal among the readers", async () => {
    const principal = await newPage(browser);
    try {
      await world.signIn(principal.context, world.data.principal);
      await principal.page.goto(logUrl);
      await principal.page.getByRole("heading", { level: 1, name: CHILD }).waitFor();
      await main(principal.page).getByText("Du leser loggen som leder for tjenesten.", { exact: false }).waitFor();
      expect(await toolsNav(principal.page).count()).toBe(0);
      expect(await timelineItems(principal.page).count()).toBeGreaterThan(5);
      await expectNoAxeViolations(principal.page);
      expect(principal.problems).toEqual([]);
    } finally {
      await principal.context.close();
    }

    const { page } = teacher;
    await page.goto(logUrl);
    await go(page, () => main(page).getByRole("link", { name: "Hvem har lest loggen" }).click(), /\/readers$/, "Hvem har lest loggen");
    const rows = main(page).getByRole("row").filter({ hasText: "Tor Aamodt" });
    await rows.first().waitFor();
    expect(await rows.first().innerText()).toContain("Åpnet");
    expect(await main(page).getByRole("row").filter({ hasText: "Sindre Fjellheim" }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });
});

describe("in English", () => {
  it("home, log page, a form page and the print view are axe clean", async () => {
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/`);
    await switchLanguage(page, "en");
    try {
      const list = main(page).getByRole("region", { name: "My logs" });
      await list.getByRole("link", { name: "Sofie Lund Nilsen" }).waitFor();
      expect(await list.innerText()).toContain("The evaluation is overdue");
      await expectNoAxeViolations(page);

      await go(page, () => list.getByRole("link", { name: "Sofie Lund Nilsen" }).click(), /^\/logs\/[a-z0-9]+$/, "Sofie Lund Nilsen");
      await page.getByRole("heading", { name: "Timeline" }).waitFor();
      await (await logTools(page, true)).getByRole("link", { name: "New action" }).waitFor();
      await expectNoAxeViolations(page);

      await go(page, () => page.getByRole("link", { name: "New action", exact: true }).click(), /\/actions\/new$/, "New action");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      const summary = page.getByRole("alert").filter({ hasText: "The form has errors to correct" });
      await summary.getByRole("link", { name: "What will be done?: This field is required." }).waitFor();
      await expectNoAxeViolations(page);
      await go(page, () => main(page).getByRole("link", { name: "Cancel" }).click(), /^\/logs\/[a-z0-9]+$/, "Sofie Lund Nilsen");

      await go(page, () => main(page).getByRole("link", { name: "Print" }).click(), /\/print$/, "Relay log for Sofie Lund Nilsen");
      await expectNoAxeViolations(page);

      // Our closed log in English too.
      await page.goto(logUrl);
      await page.getByRole("heading", { level: 1, name: CHILD }).waitFor();
      await main(page).getByText("It can only be read.", { exact: false }).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await switchLanguage(page, "nb");
    }
  });
});
