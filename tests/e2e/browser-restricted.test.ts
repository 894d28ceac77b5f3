import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addEntry } from "../../app/domain/logs/entries.server";
import { chooseResponsible, expectNoAxeViolations, failedLoad, launchBrowser, logTools, main, newPage, switchLanguage, timelineItems } from "../support/browser";
import { makeService, makeUser } from "../support/factories";
import { actorOf, daysAgo, giveConsent, makeRelayLog } from "../support/log-factories";
import { startWorld, type World } from "../support/world";

/**
 * A teacher on the one relay log she holds (Noah's, with an older note on its timeline),
 * in Chromium, in a world of its own: a report of
 * concern to child welfare (hidden from the guardians by default), an older note hidden
 * later with a reason, and a meeting whose decision creates an action. axe on each new or
 * changed form page in bokmål and English; the report form once more without JavaScript.
 * The tests run in order and share the teacher's page. All names are invented.
 */
async function buildWorld() {
  const school = await makeService({ name: "Eksempel skole", kind: "school" });
  const teacher = await makeUser({ name: TEACHER_NAME, memberships: [{ serviceId: school.id, role: "employee" }] });
  const holder = await actorOf(teacher.id);
  const { logId } = await makeRelayLog(holder, school.id, CHILD);
  await giveConsent(holder, logId, "keep");
  await addEntry(holder, logId, {
    type: "note",
    occurredOn: daysAgo(1),
    text: "Noah var stille hele dagen og ville ikke gå ut i friminuttet.",
  });
  return { teacherId: teacher.id };
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let server: World<unknown>["server"];
let browser: Browser;
let teacher: Awaited<ReturnType<typeof newPage>>;

const CHILD = "Noah Hagen Eriksen";
const TEACHER_NAME = "Ingrid Solvik";
const DEFAULT_REASON = "Å informere foresatte kan skade barnet";
const REPORT = "Noah fortalte at han blir slått hjemme når han har vært sint.";
const HIDE_REASON = "Gjelder forhold i hjemmet som er meldt til barnevernet.";
const MEETING = {
  title: "Samarbeidsmøte med PPT",
  present: "Line Hagen (mor), Jonas Brekkestø (PPT), Ingrid Solvik (kontaktlærer)",
  absent: "Thomas Eriksen (far)",
  agenda: "1. PPT-rapporten\n2. Tiltak i overgangene",
  minutes: "Vi gikk gjennom PPT-rapporten. Mor kjenner seg igjen i beskrivelsen.",
  decisions: "Skolen starter sosial ferdighetstrening i liten gruppe.",
};
const ACTION = {
  description: "Sosial ferdighetstrening i liten gruppe to ganger i uka",
  goal: "Noah skal kjenne igjen sinnet tidlig og si fra før det tar over",
  responsible: "Miljøterapeut",
};

let logUrl = "";
let today = "";

/** What Chromium logs for a document answered with a 4xx status (a no-JS form with errors). */

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(buildWorld), launchBrowser()]);
  server = world.server;
  teacher = await newPage(browser);
  await world.signIn(teacher.context, world.data.teacherId);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});
afterEach(() => {
  const problems = teacher.problems.splice(0);
  expect(problems).toEqual([]);
});

const errorSummary = (page: Page, english = false) =>
  page.getByRole("alert").filter({ hasText: english ? "The form has errors to correct" : "Skjemaet har feil som må rettes" });

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

async function openTool(page: Page, name: string, h1: string, english = false) {
  const tools = await logTools(page, english);
  await go(page, () => tools.getByRole("link", { name, exact: true }).click(), /\/logs\/[^/]+\/[\w-]+/, h1);
}


describe("on Noah's relay log, with JavaScript", () => {
  it("records a report of concern: hidden from the guardians by default, with the badge on the timeline", async () => {
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/`);
    await go(page, () => main(page).getByRole("link", { name: CHILD }).click(), /^\/logs\/[a-z0-9]+$/, CHILD);
    logUrl = page.url().split("?")[0]!;

    await openTool(page, "Bekymringsmelding", "Bekymringsmelding til barnevernet");
    await main(page).getByText("barnevernsloven § 13-2", { exact: false }).waitFor();
    today = await page.getByLabel("Når ble meldingen sendt?").inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByLabel("Sendt av").inputValue()).toBe(TEACHER_NAME);
    expect(await page.getByLabel("Ikke vis for foresatte").isChecked()).toBe(true);
    expect(await page.getByLabel("Hvorfor skal ikke foresatte se dette?").inputValue()).toBe(DEFAULT_REASON);
    await expectNoAxeViolations(page);

    // Without a summary, and with the reason emptied while still ticked: both errors.
    await page.getByLabel("Hvorfor skal ikke foresatte se dette?").fill("");
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    const summary = errorSummary(page);
    await summary.getByRole("link", { name: "Kort om hva meldingen gjaldt: Feltet må fylles ut." }).waitFor();
    await summary.getByRole("link", { name: "Hvorfor skal ikke foresatte se dette?: Feltet må fylles ut." }).waitFor();
    expect(await page.getByLabel("Hvorfor skal ikke foresatte se dette?").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);

    await page.getByLabel("Hvorfor skal ikke foresatte se dette?").fill(DEFAULT_REASON);
    await page.getByLabel("Sendt av").fill(`${TEACHER_NAME}, kontaktlærer`);
    await page.getByLabel("Kort om hva meldingen gjaldt").fill(REPORT);
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await backOnLog(page);
    const newest = timelineItems(page).first();
    await expect.poll(() => newest.innerText()).toContain(REPORT);
    const text = await newest.innerText();
    expect(text).toContain("Bekymringsmelding til barnevernet");
    expect(text).toContain(`${TEACHER_NAME}, kontaktlærer`);
    expect(text).toContain(`Vises ikke for foresatte: ${DEFAULT_REASON}`);
    // Already hidden: no link to hide it again.
    expect(await newest.getByRole("link", { name: /^Skjul for foresatte/ }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it("hides an older note from the guardians with a reason; the note itself stays as it was", async () => {
    const { page } = teacher;
    await page.getByLabel("Vis hendelser").selectOption({ label: "Notat" });
    await go(page, () => page.getByRole("button", { name: "Vis", exact: true }).click(), /type=note/);
    const note = timelineItems(page).filter({ has: page.getByRole("link", { name: /^Skjul for foresatte/ }) }).first();
    await note.waitFor();
    expect(await note.innerText()).not.toContain("Vises ikke for foresatte");

    await go(page, () => note.getByRole("link", { name: /^Skjul for foresatte/ }).click(), /\/events\/[a-z0-9]+\/restrict$/, "Skjul for foresatte");
    const entry = main(page).getByRole("region", { name: /^Oppføringen: Notat/ });
    const noteText = (await entry.locator("p.whitespace-pre-wrap").innerText()).trim();
    expect(noteText.length).toBeGreaterThan(10);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Skjul for foresatte", exact: true }).click();
    await errorSummary(page).getByRole("link", { name: "Hvorfor skal ikke foresatte se den?: Feltet må fylles ut." }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel("Hvorfor skal ikke foresatte se den?").fill(HIDE_REASON);
    await page.getByRole("button", { name: "Skjul for foresatte", exact: true }).click();
    await backOnLog(page);

    const hidden = timelineItems(page).filter({ hasText: noteText });
    await hidden.getByText(`Vises ikke for foresatte: ${HIDE_REASON}`).waitFor();
    expect(await hidden.innerText()).toContain(noteText);
    expect(await hidden.getByRole("link", { name: /^Skjul for foresatte/ }).count()).toBe(0);
    // The restriction is not an entry of its own on the timeline.
    expect(await timelineItems(page).filter({ hasText: /^Skjult for foresatte/ }).count()).toBe(0);
  });

  it("writes a meeting whose decision creates an action, which appears under Tiltak", async () => {
    const { page } = teacher;
    await openTool(page, "Skriv møtereferat", "Nytt møtereferat");
    await expectNoAxeViolations(page);

    // An action half filled in: all four fields are needed; nothing is written.
    await page.getByLabel("Hva slags møte?").fill(MEETING.title);
    await page.getByLabel("Hvem var til stede?").fill(MEETING.present);
    await page.getByLabel("Referat", { exact: true }).fill(MEETING.minutes);
    await page.getByLabel("Hvilket mål skal tiltaket nå?").fill(ACTION.goal);
    await page.getByLabel("Evalueringsdato").fill(addDays(today, -1));
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    const summary = errorSummary(page);
    await summary.getByRole("link", { name: "Hva skal gjøres?: Feltet må fylles ut." }).waitFor();
    await summary.getByRole("link", { name: "Hvem har ansvaret?: Feltet må fylles ut." }).waitFor();
    await summary.getByRole("link", { name: "Evalueringsdato: Evalueringsdatoen må være etter startdatoen." }).waitFor();
    expect(await page.getByLabel("Referat", { exact: true }).inputValue()).toBe(MEETING.minutes);
    await expectNoAxeViolations(page);

    await page.getByLabel("Hvem var invitert, men ikke til stede? (valgfritt)").fill(MEETING.absent);
    await page.getByLabel("Saksliste (valgfritt)").fill(MEETING.agenda);
    await page.getByLabel("Beslutninger (valgfritt)").fill(MEETING.decisions);
    await page.getByLabel("Hva skal gjøres?").fill(ACTION.description);
    await chooseResponsible(page, { other: ACTION.responsible });
    await page.getByLabel("Evalueringsdato").fill(addDays(today, 42));
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await backOnLog(page);

    await main(page).getByRole("region", { name: "Tiltak" }).getByText(ACTION.description, { exact: true }).waitFor();
    const actions = await main(page).getByRole("region", { name: "Tiltak" }).innerText();
    expect(actions).toContain(`Mål: ${ACTION.goal}`);
    expect(actions).toContain(`Ansvarlig: ${ACTION.responsible}`);
    // Newest first: the action's event, then the meeting with everything it recorded.
    expect(await timelineItems(page).first().innerText()).toContain("Nytt tiltak");
    const meeting = timelineItems(page).nth(1);
    const text = await meeting.innerText();
    for (const part of [MEETING.title, MEETING.present, MEETING.absent, "PPT-rapporten", MEETING.minutes, MEETING.decisions]) {
      expect(text).toContain(part);
    }
    expect(text).toContain("Invitert, men ikke til stede");
    expect(text).toContain(`Nytt tiltak fra møtet\n${ACTION.description}`);
    expect(text).not.toContain("Vises ikke for foresatte");
    await expectNoAxeViolations(page);
  });

  it("the note and voice forms offer 'Ikke vis for foresatte' with its reason", async () => {
    const { page } = teacher;
    await openTool(page, "Skriv notat", "Nytt notat");
    expect(await page.getByLabel("Ikke vis for foresatte").isChecked()).toBe(false);
    await page.getByLabel("Notat", { exact: true }).fill("Mor ringte og spurte hva Noah har sagt til helsesykepleier.");
    await page.getByLabel("Ikke vis for foresatte").check();
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await errorSummary(page).getByRole("link", { name: "Hvorfor skal ikke foresatte se dette?: Feltet må fylles ut." }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel("Hvorfor skal ikke foresatte se dette?").fill("Barnet har bedt om at mor ikke får vite det ennå.");
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await backOnLog(page);
    await expect
      .poll(() => timelineItems(page).first().innerText())
      .toContain("Vises ikke for foresatte: Barnet har bedt om at mor ikke får vite det ennå.");

    await openTool(page, "Barnets stemme", "Barnets stemme");
    await page.getByLabel("Ikke vis for foresatte").waitFor();
    await expectNoAxeViolations(page);
  });
});

describe("in English", () => {
  it("the report, hide, meeting and voice forms are axe clean, also with errors", async () => {
    const { page } = teacher;
    await page.goto(logUrl);
    await switchLanguage(page, "en");
    try {
      await page.getByRole("heading", { level: 1, name: CHILD }).waitFor();
      await openTool(page, "Report of concern", "Report of concern to child welfare", true);
      expect(await page.getByLabel("Do not show to the guardians").isChecked()).toBe(true);
      expect(await page.getByLabel("Why should the guardians not see this?").inputValue()).toBe(
        "Telling the guardians could harm the child",
      );
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await errorSummary(page, true)
        .getByRole("link", { name: "Briefly, what the report was about: This field is required." })
        .waitFor();
      await expectNoAxeViolations(page);
      await go(page, () => main(page).getByRole("link", { name: "Cancel" }).click(), /^\/logs\/[a-z0-9]+$/, CHILD);

      await go(
        page,
        () => main(page).getByRole("link", { name: /^Hide from the guardians/ }).first().click(),
        /\/events\/[a-z0-9]+\/restrict$/,
        "Hide from the guardians",
      );
      await expectNoAxeViolations(page);
      await page.getByRole("button", { name: "Hide from the guardians", exact: true }).click();
      await errorSummary(page, true)
        .getByRole("link", { name: "Why should the guardians not see it?: This field is required." })
        .waitFor();
      await expectNoAxeViolations(page);
      await go(page, () => main(page).getByRole("link", { name: "Cancel" }).click(), /^\/logs\/[a-z0-9]+$/, CHILD);

      await openTool(page, "Write meeting minutes", "New meeting minutes", true);
      await page.getByLabel("What will be done?").waitFor();
      await expectNoAxeViolations(page);
      await page.getByLabel("What will be done?").fill("Something");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await errorSummary(page, true).getByRole("link", { name: "Who is responsible?: This field is required." }).waitFor();
      await expectNoAxeViolations(page);
      await go(page, () => main(page).getByRole("link", { name: "Cancel" }).click(), /^\/logs\/[a-z0-9]+$/, CHILD);

      await openTool(page, "The guardians' voice", "The guardians' voice", true);
      await page.getByLabel("Do not show to the guardians").waitFor();
      await expectNoAxeViolations(page);

      // The timeline's badge in English.
      await page.goto(logUrl);
      await main(page).getByText(`Not shown to the guardians: ${HIDE_REASON}`).waitFor();
    } finally {
      await switchLanguage(page, "nb");
    }
  });
});

describe("without JavaScript", () => {
  it("the report form: the server's errors, then the report saved and hidden from the guardians", async () => {
    const nojs = await newPage(browser, { javaScriptEnabled: false });
    try {
      const { page } = nojs;
      await world.signIn(page.context(), world.data.teacherId);
      await page.goto(`${logUrl}/welfare-report`);
      await page.getByRole("heading", { level: 1, name: "Bekymringsmelding til barnevernet" }).waitFor();
      expect(await page.evaluate(() => "__remixContext" in window)).toBe(false);
      expect(await page.getByLabel("Ikke vis for foresatte").isChecked()).toBe(true);
      expect(await page.getByLabel("Hvorfor skal ikke foresatte se dette?").inputValue()).toBe(DEFAULT_REASON);

      await page.getByLabel("Når ble meldingen sendt?").fill(addDays(today, 3));
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.getByRole("button", { name: "Lagre", exact: true }).click(),
      ]);
      expect(response.status()).toBe(400);
      const summary = errorSummary(page);
      await summary.getByRole("link", { name: "Kort om hva meldingen gjaldt: Feltet må fylles ut." }).waitFor();
      // The box stays ticked, the reason kept.
      expect(await page.getByLabel("Ikke vis for foresatte").isChecked()).toBe(true);
      expect(await page.getByLabel("Hvorfor skal ikke foresatte se dette?").inputValue()).toBe(DEFAULT_REASON);

      await page.getByLabel("Kort om hva meldingen gjaldt").fill("Melding sendt uten JavaScript.");
      const [future] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        page.getByRole("button", { name: "Lagre", exact: true }).click(),
      ]);
      expect(future.status()).toBe(400);
      await summary.getByRole("link", { name: "Når ble meldingen sendt?: Datoen kan ikke være fram i tid." }).waitFor();

      await page.getByLabel("Når ble meldingen sendt?").fill(today);
      await page.getByRole("button", { name: "Lagre", exact: true }).click();
      await page.waitForURL((url) => url.href.startsWith(logUrl) && url.searchParams.get("notice") === "saved");
      const newest = timelineItems(page).first();
      expect(await newest.innerText()).toContain("Melding sendt uten JavaScript.");
      expect(await newest.innerText()).toContain(`Vises ikke for foresatte: ${DEFAULT_REASON}`);
      expect(nojs.problems.filter((p) => !failedLoad(400).test(p))).toEqual([]);
    } finally {
      await nojs.context.close();
    }
  });
});
