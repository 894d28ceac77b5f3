import { inArray } from "drizzle-orm";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { users } from "../../db/schema";
import { expectNoAxeViolations, failedLoad, launchBrowser, main, newPage, switchLanguage, timelineItems } from "../support/browser";
import { makeFamilyLog } from "../support/family-factories";
import { codeFrom, smtpSettings, startSmtpServer, type ReceivedMail, type RunningSmtpServer } from "../support/smtp";
import { startWorld, type World } from "../support/world";
import { addDays, todayInOslo } from "../../app/lib/dates";

/**
 * Planned meetings (issue 11 point 6) in Chromium, in a world of its own with a real SMTP
 * server (the meeting mail leaves the outbox as soon as the meeting is saved; no scheduler
 * runs here): the teacher holding Noah's relay log plans a meeting with the nurse and Noah's
 * mother, who reads Arabic and needs an interpreter. A bad send first (a time written
 * "9.30", then no place), then a good one; the log page says "book an interpreter". The
 * invitations arrive with a calendar entry that names neither the child nor the mother;
 * she signs in and sees the meeting; the teacher moves it (same UID, SEQUENCE 1) and
 * cancels it (METHOD:CANCEL). Then without JavaScript, and on a 360 px phone. axe on each
 * page, in bokmål and English. The tests run in order and share the pages. All names are
 * invented.
 */
const CHILD = "Noah Hagen Eriksen";
const GUARDIAN_EMAIL = "forelder@eksempel.no";
const GUARDIAN_NAME = "Line Hagen";
const HEALTH = "Helsestasjon og skolehelsetjeneste Eksempel";
const PPT = "PPT Eksempel";
const LANGUAGE = "arabisk";
const PLACE = "Møterom 2";
const AGENDA = "Oppfølging av lesing og trivsel i klassen";

async function buildWorld() {
  const made = await makeFamilyLog({ child: CHILD, guardian: { name: GUARDIAN_NAME, email: GUARDIAN_EMAIL }, health: HEALTH, ppt: PPT });
  const { db } = await database();
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, [made.teacher, made.nurse, made.ppt]));
  const person = (id: string) => people.find((p) => p.id === id)!;
  return { ...made, people: { teacher: person(made.teacher), nurse: person(made.nurse), ppt: person(made.ppt) } };
}

/** The value of one property of an iCalendar text (lines unfolded), e.g. "UID". */
function icsValue(ics: string, name: string): string | undefined {
  const unfolded = ics.replace(/\r?\n[ \t]/g, "");
  return new RegExp(`^${name}(?:;[^:\\r\\n]*)?:(.*?)\\r?$`, "m").exec(unfolded)?.[1];
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let smtp: RunningSmtpServer;
let browser: Browser;
type Person = Awaited<ReturnType<typeof newPage>>;
let teacher: Person;
let guardian: Person;
/** Problems a test expects on its pages (a 400 after a refused form). */
const allowedProblems: RegExp[] = [];
const extraPeople: Person[] = [];

const isoToday = todayInOslo();
const isoInDays = (days: number) => addDays(isoToday, days);
const longDate = (iso: string, locale: "nb" | "en" = "nb") =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "nb-NO", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

const MEETING_DATE = isoInDays(3);
const NOJS_DATE = isoInDays(4);

let logUrl = "";
let uid = "";

beforeAll(async () => {
  smtp = await startSmtpServer();
  [world, browser] = await Promise.all([startWorld(buildWorld, smtpSettings(smtp)), launchBrowser()]);
  logUrl = `${world.server.baseUrl}/logs/${world.data.logId}`;
  teacher = await newPage(browser);
  await world.signIn(teacher.context, world.data.teacher);
  guardian = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
  await smtp?.close();
});
afterEach(() => {
  const problems = [teacher, guardian, ...extraPeople].flatMap((p) => p?.problems.splice(0) ?? []);
  const allowed = allowedProblems.splice(0);
  expect(problems.filter((p) => !allowed.some((a) => a.test(p)))).toEqual([]);
});

const h1 = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });
const meetingsSection = (page: Page, english = false) =>
  main(page).getByRole("region", { name: english ? "Planned meetings" : "Planlagte møter", exact: true });
/** The error shown next to a field (its .field wrapper holds the label, the error and the input). */
const fieldError = (page: Page, label: string) => page.locator(".field", { has: page.getByLabel(label, { exact: true }) }).locator(".field-error");
const errorSummary = (page: Page) => main(page).getByRole("alert").filter({ hasText: "Skjemaet har feil som må rettes" });
const checkbox = (page: Page, name: string) => page.getByRole("checkbox", { name, exact: true });
const inputValue = (locator: Locator) => locator.inputValue();


async function fillMeeting(page: Page, input: { date: string; time: string; place?: string; videoUrl?: string; agenda: string }) {
  await page.getByLabel("Dato", { exact: true }).fill(input.date);
  await page.getByLabel("Klokkeslett", { exact: true }).fill(input.time);
  await page.getByLabel("Varighet i minutter", { exact: true }).fill("60");
  await page.getByLabel("Sted", { exact: true }).fill(input.place ?? "");
  await page.getByLabel("Videolenke (valgfritt)", { exact: true }).fill(input.videoUrl ?? "");
  await page.getByLabel("Saksliste", { exact: true }).fill(input.agenda);
}

/**
 * The visible text (under `root`, else the whole page) that reaches past 360 px: a long
 * word or link overflows its box without widening any element, so look at the text itself.
 */
function textPast360(page: Page, root = "body") {
  return page.evaluate((selector) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || parent.closest(".sr-only") || !parent.checkVisibility()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const right = range.getBoundingClientRect().right + window.scrollX;
      if (right > 360) found.push(`${Math.round(right)} px: <${parent.tagName.toLowerCase()}> ${node.textContent.slice(0, 80)}`);
    }
    return found;
  }, root);
}

/** No horizontal scrolling at 360 px (and, if there is, which text causes it). */
async function expectNoOverflow(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect({ width, past: width > 360 ? await textPast360(page) : [] }).toEqual({ width: expect.any(Number), past: [] });
  expect(width).toBeLessThanOrEqual(360);
}

describe("planning a meeting about a log", () => {
  it("the teacher plans a meeting: a bad send shows the errors and keeps what was typed, then the log page shows it with 'book an interpreter'", async () => {
    const { page } = teacher;
    const { nurse } = world.data.people;
    await page.goto(logUrl);
    await h1(page, CHILD).waitFor();
    // First the holder records that the mother reads Arabic and needs an interpreter.
    await main(page).getByRole("link", { name: `Endre kontaktinformasjon og språk: ${GUARDIAN_NAME}` }).click();
    await h1(page, "Kontaktinformasjon og språk").waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel("Språk (valgfritt)").fill(LANGUAGE);
    await page.getByLabel("Trenger tolk").check();
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("notice") === "saved");
    await main(page).getByRole("region", { name: "Foresatte" }).getByText(`Språk: ${LANGUAGE} · Trenger tolk`).waitFor();
    expect(await timelineItems(page).first().innerText()).toContain("Foresatt endret");
    await meetingsSection(page).getByText("Ingen planlagte møter.", { exact: true }).waitFor();
    await meetingsSection(page).getByRole("link", { name: "Planlegg møte", exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/meetings/new"));
    await h1(page, "Planlegg møte").waitFor();

    // Who can be invited: the holder, the people on the log, the mother (marked), the child.
    const invitees = page.getByRole("group", { name: "Hvem inviteres?" });
    await invitees.waitFor();
    await checkbox(page, `${world.data.people.teacher.name} (stafettholder)`).waitFor();
    await checkbox(page, world.data.people.ppt.name).waitFor();
    await checkbox(page, `${CHILD} (barnet)`).waitFor();
    const guardianBox = checkbox(page, `${GUARDIAN_NAME} – trenger tolk (${LANGUAGE})`);
    await expectNoAxeViolations(page);

    // Bad send 1: "9.30" — refused in the browser, next to the field and in the summary.
    await fillMeeting(page, { date: MEETING_DATE, time: "9.30", agenda: AGENDA });
    await checkbox(page, nurse.name).check();
    await guardianBox.check();
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    const timeError = "Skriv klokkeslettet som TT:MM, for eksempel 09:30.";
    await fieldError(page, "Klokkeslett").filter({ hasText: timeError }).waitFor();
    await errorSummary(page).getByRole("link", { name: `Klokkeslett: ${timeError}`, exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/\/meetings\/new$/);
    expect(await inputValue(page.getByLabel("Klokkeslett", { exact: true }))).toBe("9.30");
    expect(await inputValue(page.getByLabel("Saksliste", { exact: true }))).toBe(AGENDA);
    expect(await checkbox(page, nurse.name).isChecked()).toBe(true);
    expect(await guardianBox.isChecked()).toBe(true);
    await expectNoAxeViolations(page);

    // Bad send 2: a good time but neither a place nor a video link — the server refuses it.
    await page.getByLabel("Klokkeslett", { exact: true }).fill("09:30");
    allowedProblems.push(failedLoad(400));
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    const placeError = "Skriv hvor møtet er, eller legg inn en videolenke.";
    await fieldError(page, "Sted").filter({ hasText: placeError }).waitFor();
    await errorSummary(page).getByRole("link", { name: `Sted: ${placeError}`, exact: true }).waitFor();
    expect(await fieldError(page, "Klokkeslett").count()).toBe(0);
    expect(await inputValue(page.getByLabel("Dato", { exact: true }))).toBe(MEETING_DATE);
    expect(await inputValue(page.getByLabel("Klokkeslett", { exact: true }))).toBe("09:30");
    expect(await inputValue(page.getByLabel("Saksliste", { exact: true }))).toBe(AGENDA);
    expect(await checkbox(page, nurse.name).isChecked()).toBe(true);
    expect(await guardianBox.isChecked()).toBe(true);
    expect(await checkbox(page, world.data.people.ppt.name).isChecked()).toBe(false);
    await expectNoAxeViolations(page);

    // The good send.
    await page.getByLabel("Sted", { exact: true }).fill(PLACE);
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/logs/${world.data.logId}` && url.searchParams.get("notice") === "meeting_planned");
    await main(page).getByRole("status").filter({ hasText: "Møtet er planlagt." }).waitFor();
    const item = meetingsSection(page).getByRole("listitem");
    expect(await item.count()).toBe(1);
    await item.getByRole("heading", { level: 3, name: `${longDate(MEETING_DATE)} kl. 09:30 · 60 minutter`, exact: true }).waitFor();
    const text = await item.innerText();
    expect(text).toContain(`Bestill tolk: ${GUARDIAN_NAME} (${LANGUAGE}) trenger tolk.`);
    expect(text).toContain(`Sted\n${PLACE}`);
    expect(text).toContain(`Saksliste\n${AGENDA}`);
    const invited = text.split("Inviterte\n")[1] ?? "";
    for (const name of [world.data.people.teacher.name, nurse.name, GUARDIAN_NAME]) expect(invited).toContain(name);
    expect(invited).not.toContain(world.data.people.ppt.name);
    expect(invited).not.toContain(CHILD);
    await item.getByRole("link", { name: /^Endre møtet/ }).waitFor();
    await item.getByRole("link", { name: /^Avlys møtet/ }).waitFor();
    await expectNoAxeViolations(page);

    // In English: the log page and the form.
    await switchLanguage(page, "en");
    try {
      const en = meetingsSection(page, true).getByRole("listitem");
      await en.getByRole("heading", { level: 3, name: `${longDate(MEETING_DATE, "en")} at 09:30 · 60 minutes`, exact: true }).waitFor();
      expect(await en.innerText()).toContain(`Book an interpreter: ${GUARDIAN_NAME} (${LANGUAGE}) needs an interpreter.`);
      await expectNoAxeViolations(page);
      await meetingsSection(page, true).getByRole("link", { name: "Plan a meeting", exact: true }).click();
      await h1(page, "Plan a meeting").waitFor();
      await page.getByRole("checkbox", { name: `${GUARDIAN_NAME} – needs an interpreter (${LANGUAGE})`, exact: true }).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await switchLanguage(page, "nb");
    }
  });

  it("the nurse's and the mother's invitations arrive with a calendar entry that names neither the child nor the mother", async () => {
    const { nurse } = world.data.people;
    const isInvitation = (to: string) => (m: ReceivedMail) => m.to.includes(to) && m.subject === "Møte i Stafettlogg" && m.calendars.length > 0;
    const [nurseMail, guardianMail] = await Promise.all([smtp.waitForMail(isInvitation(nurse.email), 10_000), smtp.waitForMail(isInvitation(GUARDIAN_EMAIL), 10_000)]);
    // The PPT adviser was not invited.
    expect(smtp.messages.filter((m) => m.to.includes(world.data.people.ppt.email) && m.subject.includes("Møte"))).toEqual([]);

    const uids = new Set<string>();
    for (const mail of [nurseMail, guardianMail]) {
      expect(mail.text).toContain("Du er invitert til et møte i Stafettlogg.");
      expect(mail.text).toContain("kl. 09:30");
      for (const content of [mail.text, mail.html, ...mail.calendars]) {
        for (const name of [CHILD, "Noah", GUARDIAN_NAME, "Eriksen"]) expect(content).not.toContain(name);
      }
      const ics = mail.calendars[0]!;
      expect(icsValue(ics, "METHOD")).toBe("REQUEST");
      expect(icsValue(ics, "SEQUENCE")).toBe("0");
      expect(icsValue(ics, "LOCATION")).toBe(PLACE);
      const value = icsValue(ics, "UID");
      expect(value).toMatch(/^meeting-[a-z0-9]+@/);
      uids.add(value!);
    }
    // One entry, the same in every invitee's calendar.
    expect(uids.size).toBe(1);
    uid = [...uids][0]!;
    // The mother's link leads to the family pages, the nurse's to the staff's.
    expect(guardianMail.text).toMatch(/\/family\/meetings\/[a-z0-9]+/);
    expect(nurseMail.text).not.toContain("/family/");
  });

  it("the mother signs in with a code by e-mail and sees the meeting on her page of the log", async () => {
    const { page } = guardian;
    await page.goto(`${world.server.baseUrl}/family/login`);
    const before = smtp.messages.length;
    await page.getByLabel("E-postadresse").fill(GUARDIAN_EMAIL);
    await page.getByRole("button", { name: "Send meg en kode" }).click();
    await page.waitForURL((url) => url.pathname === "/family/code");
    const mail = await smtp.waitForMail((m) => m.to.includes(GUARDIAN_EMAIL) && /\b\d{6}\b/.test(m.text), 10_000, before);
    await page.getByLabel("Koden fra e-posten").fill(codeFrom(mail));
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/family");
    await main(page).getByRole("link", { name: `Les loggen for ${CHILD}` }).click();
    await page.waitForURL(/\/family\/logs\/[a-z0-9]+$/);

    const item = meetingsSection(page).getByRole("listitem");
    await item.getByRole("heading", { level: 3, name: `${longDate(MEETING_DATE)} kl. 09:30 · 60 minutter`, exact: true }).waitFor();
    const text = await item.innerText();
    expect(text).toContain(`Sted\n${PLACE}`);
    expect(text).toContain(AGENDA);
    expect(text).not.toContain("Bestill tolk");
    expect(await meetingsSection(page).getByRole("link", { name: /^(Endre|Avlys) møtet/ }).count()).toBe(0);
    expect(await meetingsSection(page).getByRole("link", { name: "Planlegg møte" }).count()).toBe(0);
    await expectNoAxeViolations(page);
  });

  it("the teacher moves the meeting (same UID, SEQUENCE 1), then cancels it (METHOD:CANCEL); the timeline says so", async () => {
    const { page } = teacher;
    await page.goto(logUrl);
    let before = smtp.messages.length;
    await meetingsSection(page).getByRole("link", { name: /^Endre møtet/ }).click();
    await page.waitForURL(/\/meetings\/[a-z0-9]+$/);
    await h1(page, "Endre møtet").waitFor();
    // The form holds the meeting as it is.
    expect(await inputValue(page.getByLabel("Klokkeslett", { exact: true }))).toBe("09:30");
    expect(await inputValue(page.getByLabel("Sted", { exact: true }))).toBe(PLACE);
    expect(await checkbox(page, `${GUARDIAN_NAME} – trenger tolk (${LANGUAGE})`).isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await page.getByLabel("Klokkeslett", { exact: true }).fill("13:15");
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("notice") === "meeting_changed");
    await main(page).getByRole("status").filter({ hasText: "Møtet er endret." }).waitFor();
    await meetingsSection(page)
      .getByRole("heading", { level: 3, name: `${longDate(MEETING_DATE)} kl. 13:15 · 60 minutter`, exact: true })
      .waitFor();

    const changed = await smtp.waitForMail((m) => m.to.includes(GUARDIAN_EMAIL) && m.subject === "Endret møte i Stafettlogg" && m.calendars.length > 0, 10_000, before);
    expect(changed.text).toContain("kl. 13:15");
    expect(icsValue(changed.calendars[0]!, "UID")).toBe(uid);
    expect(icsValue(changed.calendars[0]!, "SEQUENCE")).toBe("1");
    expect(icsValue(changed.calendars[0]!, "METHOD")).toBe("REQUEST");

    // Cancel it, with why.
    before = smtp.messages.length;
    await meetingsSection(page).getByRole("link", { name: /^Avlys møtet/ }).click();
    await page.waitForURL(/\/meetings\/[a-z0-9]+\/cancel$/);
    await h1(page, "Avlys møtet").waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel("Hvorfor avlyses møtet?").fill("Helsesykepleieren er på kurs den dagen");
    await page.getByRole("button", { name: "Avlys møtet", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("notice") === "meeting_cancelled");
    await main(page).getByRole("status").filter({ hasText: "Møtet er avlyst." }).waitFor();
    await meetingsSection(page).getByText("Ingen planlagte møter.", { exact: true }).waitFor();
    expect(await meetingsSection(page).getByRole("listitem").count()).toBe(0);
    const entry = await timelineItems(page).first().innerText();
    expect(entry).toContain("Møte avlyst");
    expect(entry).toContain(`${longDate(MEETING_DATE)} kl. 13:15`);
    expect(entry).toContain("Hvorfor: Helsesykepleieren er på kurs den dagen");
    await expectNoAxeViolations(page);

    const cancelled = await smtp.waitForMail((m) => m.to.includes(GUARDIAN_EMAIL) && m.subject.startsWith("Avlyst") && m.calendars.length > 0, 10_000, before);
    expect(cancelled.subject).toBe("Avlyst møte i Stafettlogg");
    const ics = cancelled.calendars[0]!;
    expect(icsValue(ics, "METHOD")).toBe("CANCEL");
    expect(icsValue(ics, "STATUS")).toBe("CANCELLED");
    expect(icsValue(ics, "UID")).toBe(uid);
    expect(Number(icsValue(ics, "SEQUENCE"))).toBeGreaterThan(1);
    for (const content of [cancelled.text, ics]) expect(content).not.toContain(CHILD);
    // The nurse is told too.
    await smtp.waitForMail((m) => m.to.includes(world.data.people.nurse.email) && m.subject === "Avlyst møte i Stafettlogg", 10_000, before);

    // The mother's page no longer shows it.
    await guardian.page.reload();
    await meetingsSection(guardian.page).getByText("Ingen planlagte møter.", { exact: true }).waitFor();
  });

  it("without JavaScript the teacher plans a meeting: the server refuses a bad time, keeps the rest, then saves", async () => {
    const nojs = await newPage(browser, { javaScriptEnabled: false });
    extraPeople.push(nojs);
    await world.signIn(nojs.context, world.data.teacher);
    const { page } = nojs;
    await page.goto(logUrl);
    await meetingsSection(page).getByRole("link", { name: "Planlegg møte", exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/meetings/new"));
    await h1(page, "Planlegg møte").waitFor();

    const videoUrl = "https://video.eksempel.no/rom/stafettlogg-oppfolgingsmote-med-en-lang-lenke-som-ma-brytes";
    await fillMeeting(page, { date: NOJS_DATE, time: "25:00", place: "Møterom 3", videoUrl, agenda: "Plan for neste måned" });
    await checkbox(page, world.data.people.nurse.name).check();
    await checkbox(page, world.data.people.ppt.name).check();
    allowedProblems.push(failedLoad(400));
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await page.waitForLoadState();
    const timeError = "Skriv klokkeslettet som TT:MM, for eksempel 09:30.";
    await fieldError(page, "Klokkeslett").filter({ hasText: timeError }).waitFor();
    await errorSummary(page).getByRole("link", { name: `Klokkeslett: ${timeError}`, exact: true }).waitFor();
    expect(await inputValue(page.getByLabel("Dato", { exact: true }))).toBe(NOJS_DATE);
    expect(await inputValue(page.getByLabel("Klokkeslett", { exact: true }))).toBe("25:00");
    expect(await inputValue(page.getByLabel("Sted", { exact: true }))).toBe("Møterom 3");
    expect(await inputValue(page.getByLabel("Videolenke (valgfritt)", { exact: true }))).toBe(videoUrl);
    expect(await inputValue(page.getByLabel("Saksliste", { exact: true }))).toBe("Plan for neste måned");
    expect(await checkbox(page, world.data.people.nurse.name).isChecked()).toBe(true);
    expect(await checkbox(page, world.data.people.ppt.name).isChecked()).toBe(true);
    expect(await checkbox(page, `${GUARDIAN_NAME} – trenger tolk (${LANGUAGE})`).isChecked()).toBe(false);

    await page.getByLabel("Klokkeslett", { exact: true }).fill("10:00");
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/logs/${world.data.logId}` && url.searchParams.get("notice") === "meeting_planned");
    await main(page).getByRole("status").filter({ hasText: "Møtet er planlagt." }).waitFor();
    const item = meetingsSection(page).getByRole("listitem");
    expect(await item.count()).toBe(1);
    await item.getByRole("heading", { level: 3, name: `${longDate(NOJS_DATE)} kl. 10:00 · 60 minutter`, exact: true }).waitFor();
    const text = await item.innerText();
    expect(text).toContain("Sted\nMøterom 3");
    await item.getByRole("link", { name: videoUrl, exact: true }).waitFor();
    expect(text).not.toContain("Bestill tolk");
    const invited = text.split("Inviterte\n")[1] ?? "";
    for (const name of [world.data.people.nurse.name, world.data.people.ppt.name]) expect(invited).toContain(name);
    await smtp.waitForMail((m) => m.to.includes(world.data.people.ppt.email) && m.subject === "Møte i Stafettlogg" && m.text.includes("kl. 10:00"), 10_000);
  });

  it("on a 360 px phone the meeting form and the log page's meetings fit the width and are axe clean", async () => {
    const phone = await newPage(browser, { viewport: { width: 360, height: 800 } });
    extraPeople.push(phone);
    await world.signIn(phone.context, world.data.teacher);
    const { page } = phone;
    await page.goto(`${logUrl}/meetings/new`);
    await h1(page, "Planlegg møte").waitFor();
    await page.getByRole("group", { name: "Hvem inviteres?" }).waitFor();
    await expectNoOverflow(page);
    await expectNoAxeViolations(page);

    await page.goto(`${logUrl}#meetings`);
    const item = meetingsSection(page).getByRole("listitem");
    await item.getByRole("heading", { level: 3, name: `${longDate(NOJS_DATE)} kl. 10:00 · 60 minutter`, exact: true }).waitFor();
    // The section itself fits, its long video link included (the whole page: the last test).
    const box = (await meetingsSection(page).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    expect(await textPast360(page, "#meetings")).toEqual([]);
    await expectNoAxeViolations(page);
  });

  /**
   * Found by this file: with exactly one invitee ticked, a refused send came back with that
   * box unticked (a lone checkbox's value comes back as a string, and `new Set(string)` is a
   * set of its characters).
   */
  it("without JavaScript a refused send keeps a single ticked invitee", async () => {
    const nojs = await newPage(browser, { javaScriptEnabled: false });
    extraPeople.push(nojs);
    await world.signIn(nojs.context, world.data.teacher);
    const { page } = nojs;
    await page.goto(`${logUrl}/meetings/new`);
    await h1(page, "Planlegg møte").waitFor();
    await fillMeeting(page, { date: NOJS_DATE, time: "7", place: "Møterom 4", agenda: "Kort møte" });
    await checkbox(page, world.data.people.nurse.name).check();
    allowedProblems.push(failedLoad(400));
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await fieldError(page, "Klokkeslett").waitFor();
    expect(await inputValue(page.getByLabel("Sted", { exact: true }))).toBe("Møterom 4");
    expect(await checkbox(page, world.data.people.nurse.name).isChecked()).toBe(true);
  });

  /**
   * Found by this file: the timeline entry showed a long video link (the one planned
   * without JavaScript above) without breaking it, making the page 375 px wide at 360 px.
   */
  it("on a 360 px phone the whole log page fits the width, the timeline's long video link included", async () => {
    const phone = await newPage(browser, { viewport: { width: 360, height: 800 } });
    extraPeople.push(phone);
    await world.signIn(phone.context, world.data.teacher);
    await phone.page.goto(logUrl);
    await h1(phone.page, CHILD).waitFor();
    await expectNoOverflow(phone.page);
  });
});
