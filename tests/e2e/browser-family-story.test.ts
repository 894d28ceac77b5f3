import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { services, users } from "../../db/schema";
import { addAction } from "../../app/domain/logs/actions.server";
import { addGuardian, becomeRelayLog } from "../../app/domain/logs/lifecycle.server";
import { expectNoAxeViolations, failedLoad, launchBrowser, logTools, main, newPage, switchLanguage, timelineItems } from "../support/browser";
import { makeFamilyLog } from "../support/family-factories";
import { makeService } from "../support/factories";
import { actorOf, daysAgo, giveConsent, inDays, makeConcern } from "../support/log-factories";
import {
  codeFrom,
  startSmtpServer,
  type ReceivedMail,
  smtpSettings,
  type RunningSmtpServer,
} from "../support/smtp";
import { startWorld, type World } from "../support/world";

/**
 * The family's own access (issue 5) in Chromium with JavaScript, in a world of its own
 * (below), with the mail going to an in-process SMTP server. The teacher opens Noah's log
 * and writes an observation hidden from the guardians; Noah's mother signs in with a code
 * from the mail (which names no child) and never sees the hidden text or its reason on any
 * family page. She sees the running action, gives consent for BUP (PPT, already consented
 * to, is not offered again), writes a note and her view, sees the teacher among those who
 * have read the log, and withdraws the consent for the health service: the nurse gets the
 * 404 page on her next load. axe on every family page in bokmål and English, and the log
 * and consents pages fit a 360 px phone. Then the holder gives Ella's mother access; she
 * signs in from the mail's link, sees only Ella's log, and closes it: the holder is told
 * by mail. The tests run in order and share the pages. All names are invented.
 *
 * The world: Solbakken skole, where the teacher Ingrid Solvik (laerer@eksempel.no) holds two
 * relay logs. Noah's (makeFamilyLog): his mother Line Hagen consented yesterday to keep the
 * log and to share it with the health clinic, where the nurse Siri Haugvik takes part, and
 * with PPT, where an adviser takes part; she has family access by e-mail; one action (the
 * breaks) is running. Ella's: her mother Hanne Myrvold has been told and consented to keep
 * the log, and has no family access yet. A BUP service exists too, so the consent form has
 * a service to offer that nobody has consented to.
 */
async function buildWorld() {
  const noah = await makeFamilyLog({
    child: CHILD,
    guardian: { name: GUARDIAN_NAME, email: GUARDIAN_EMAIL },
    health: HEALTH,
    ppt: PPT,
  });
  await makeService({ name: BUP, kind: "bup" });
  const { db, transaction } = await database();
  // The factory invents the staff's names; give the teacher and the nurse theirs.
  await transaction(async (tx) => {
    await tx.update(users).set({ name: TEACHER_NAME, email: TEACHER_EMAIL }).where(eq(users.id, noah.teacher));
    await tx.update(users).set({ name: NURSE_NAME }).where(eq(users.id, noah.nurse));
  });
  const holder = await actorOf(noah.teacher);
  await addAction(holder, noah.logId, {
    description: ACTION,
    goal: "Noah skal ha noen å være sammen med i friminuttene.",
    responsible: { kind: "person", userId: noah.teacher },
    startOn: daysAgo(1),
    evaluateOn: inDays(28),
  });
  // Ella's log, held by the same teacher at the same school.
  const school = (await db.select({ id: services.id }).from(services).where(eq(services.name, SCHOOL)).get())!;
  const { logId: ellaLogId } = await makeConcern(holder, school.id, OTHER_CHILD);
  await addGuardian(holder, ellaLogId, {
    name: OTHER_GUARDIAN,
    relation: "mother",
    parentalResponsibility: true,
    toldOn: daysAgo(1),
  });
  await becomeRelayLog(holder, ellaLogId, {
    level: 1,
    guardiansToldOn: daysAgo(1),
    keep: { kind: "defer", reason: "Samtykket registreres i eget steg" },
  });
  await giveConsent(holder, ellaLogId, "keep", [], daysAgo(1));
  return { ...noah, ellaLogId };
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let server: World<unknown>["server"];
let smtp: RunningSmtpServer;
let browser: Browser;
type Person = Awaited<ReturnType<typeof newPage>>;
let teacher: Person;
let nurse: Person;
let guardian: Person;
let second: Person | undefined;

const CHILD = "Noah Hagen Eriksen";
const GUARDIAN_EMAIL = "forelder@eksempel.no";
const GUARDIAN_NAME = "Line Hagen";
const TEACHER_NAME = "Ingrid Solvik";
const TEACHER_EMAIL = "laerer@eksempel.no";
const SCHOOL = "Solbakken skole";
const NURSE_NAME = "Siri Haugvik";
const HEALTH = "Helsestasjon og skolehelsetjeneste Eksempel";
const PPT = "PPT Eksempel";
const BUP = "BUP Fjordvik";
const OTHER_CHILD = "Ella Myrvold";
const OTHER_GUARDIAN = "Hanne Myrvold";
const ACTION = "Fast friminuttsvenn og voksen ute i storefri";

const tag = Math.random().toString(36).slice(2, 10);
const HIDDEN = `SKJULT-${tag} Noah fortalte om noe som ikke skal vises hjemme ennå.`;
const HIDDEN_REASON = `GRUNN-${tag} Vi må snakke med barnevernet først.`;
const BUP_PURPOSE = "Vurdering av sinne og samspill, hjemme og på skolen.";
const NOTE = `Noah sover bedre nå, og han gleder seg til fotballcupen (${tag}).`;
const VIEW = `Vi synes tiltakene i friminuttene hjelper, men vil gjerne høre mer fra PPT (${tag}).`;
const SECOND_EMAIL = `hanne.myrvold.${tag}@eksempel.no`;
const CLOSE_MESSAGE = "Ella har det bra nå, og vi trenger ikke loggen lenger.";

let logUrl = "";
let logId = "";
let familyLogUrl = "";
let ellaLogUrl = "";

async function signIn(userId: string) {
  const person = await newPage(browser);
  await world.signIn(person.context, userId);
  return person;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  [world, browser] = await Promise.all([
    startWorld(buildWorld, smtpSettings(smtp)),
    launchBrowser(),
  ]);
  server = world.server;
  [teacher, nurse] = await Promise.all([signIn(world.data.teacher), signIn(world.data.nurse)]);
  guardian = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
  await smtp?.close();
});
afterEach(() => {
  const problems = [teacher, nurse, guardian, second].flatMap(
    (p) => p?.problems.splice(0) ?? []
  );
  expect(problems).toEqual([]);
});

const h1 = (page: Page, name: string) =>
  page.getByRole("heading", { level: 1, name, exact: true });
const yourPart = (page: Page) =>
  page.getByRole("navigation", { name: "Det du kan gjøre" });
const mailTo = (address: string, subject: string) => (m: ReceivedMail) =>
  m.to.includes(address) && m.subject === subject;


/** Neither the restricted entry nor its reason is anywhere in the page's HTML. */
async function expectNothingHidden(page: Page) {
  const html = await page.content();
  expect(html, page.url()).not.toContain(`SKJULT-${tag}`);
  expect(html, page.url()).not.toContain(`GRUNN-${tag}`);
}

/** A family page: wait for its h1, then nothing hidden and axe clean. */
async function familyPage(page: Page, title: string) {
  await h1(page, title).waitFor();
  await expectNothingHidden(page);
  await expectNoAxeViolations(page);
}

/** Follow a link in "Det du kan gjøre" on the family log page. */
async function openPart(page: Page, link: string, path: RegExp, title: string) {
  await yourPart(page).getByRole("link", { name: link, exact: true }).click();
  await page.waitForURL((url) => path.test(url.pathname + url.search));
  await familyPage(page, title);
}

/** Back on the family log page after a post, with its notice. */
async function backOnFamilyLog(page: Page, notice: string, child = CHILD) {
  await page.waitForURL(
    (url) =>
      url.pathname.startsWith("/family/logs/") && url.searchParams.has("notice")
  );
  await h1(page, `Stafettloggen for ${child}`).waitFor();
  await main(page).getByRole("status").filter({ hasText: notice }).waitFor();
}

/** Sign in with a code from the mail; the mail names no child. */
async function signInWithCode(page: Page, email: string, english = false) {
  const before = smtp.messages.length;
  await page
    .getByLabel(english ? "E-mail address" : "E-postadresse")
    .fill(email);
  await page
    .getByRole("button", {
      name: english ? "Send me a code" : "Send meg en kode",
    })
    .click();
  await page.waitForURL((url) => url.pathname === "/family/code");
  await h1(page, english ? "Enter the code" : "Skriv inn koden").waitFor();
  await expectNoAxeViolations(page);
  const subject = english
    ? "One-time code for Stafettlogg"
    : "Engangskode til Stafettlogg";
  const mail = await smtp.waitForMail(
    (m) => smtp.messages.indexOf(m) >= before && mailTo(email, subject)(m)
  );
  for (const name of ["Noah", "Eriksen", "Ella", "Myrvold", SCHOOL]) {
    expect(mail.text + mail.html + mail.subject).not.toContain(name);
  }
  await page
    .getByLabel(english ? "The code from the e-mail" : "Koden fra e-posten")
    .fill(codeFrom(mail));
  await page
    .getByRole("button", {
      name: english ? "Sign in" : "Logg inn",
      exact: true,
    })
    .click();
  await page.waitForURL((url) => url.pathname === "/family");
}

describe("the family's own access, with JavaScript", () => {
  it("the teacher opens Noah's log and writes an observation hidden from the guardians", async () => {
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/`);
    await main(page)
      .getByRole("region", { name: "Mine logger" })
      .getByRole("link", { name: CHILD })
      .click();
    await page.waitForURL(/\/logs\/[a-z0-9]+$/);
    await h1(page, CHILD).waitFor();
    logUrl = page.url();
    logId = logUrl.split("/").pop()!;
    expect(logId).toBe(world.data.logId);

    await (await logTools(page)).getByRole("link", { name: "Skriv observasjon", exact: true }).click();
    await h1(page, "Ny observasjon").waitFor();
    await page.getByLabel("Hva så eller hørte du?").fill(HIDDEN);
    await page
      .getByRole("checkbox", { name: "Ikke vis for foresatte" })
      .check();
    await page
      .getByLabel("Hvorfor skal ikke foresatte se dette?")
      .fill(HIDDEN_REASON);
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await page.waitForURL(
      (url) => url.href.startsWith(logUrl) && url.searchParams.has("notice")
    );
    await main(page)
      .getByRole("status")
      .filter({ hasText: "Lagret." })
      .waitFor();
    // The staff see it, marked as hidden from the guardians.
    await expect
      .poll(() => timelineItems(page).first().innerText())
      .toContain(`SKJULT-${tag}`);
    expect(await timelineItems(page).first().innerText()).toContain(
      `Vises ikke for foresatte: ${HIDDEN_REASON}`
    );
  });

  it("the nurse, a participant covered by the sharing consent, can open the log", async () => {
    const response = await nurse.page.goto(logUrl);
    expect(response?.status()).toBe(200);
    await h1(nurse.page, CHILD).waitFor();
  });

  it("Noah's mother asks for a code, signs in with it and opens the log: nothing hidden shows", async () => {
    const { page } = guardian;
    await page.goto(`${server.baseUrl}/family/login`);
    await familyPage(page, "Logg inn for foresatte og ungdom");
    await signInWithCode(page, GUARDIAN_EMAIL);
    await familyPage(page, "Loggene våre");
    const links = main(page).getByRole("link", { name: /^Les loggen for / });
    expect(await links.allInnerTexts()).toEqual([`Les loggen for ${CHILD}`]);

    await links.first().click();
    await page.waitForURL(/\/family\/logs\/[a-z0-9]+$/);
    familyLogUrl = page.url();
    expect(familyLogUrl).toBe(`${server.baseUrl}/family/logs/${logId}`);
    await familyPage(page, `Stafettloggen for ${CHILD}`);
    for (const section of [
      "Hvor vi er nå",
      "Kontaktperson (stafettholder)",
      "Tiltak nå",
      "Alt som er skrevet i loggen",
    ]) {
      await main(page)
        .getByRole("heading", { name: section, exact: true })
        .waitFor();
    }
    await main(page)
      .getByRole("heading", { level: 3, name: "Tjenester som er med" })
      .waitFor();
    // The running action is there for the family to see.
    await main(page)
      .getByRole("region", { name: "Tiltak nå" })
      .getByRole("heading", { level: 3, name: ACTION })
      .waitFor();
    expect(await main(page).innerText()).toContain(
      `${TEACHER_NAME}, ${SCHOOL}`
    );
    const links2 = await yourPart(page).getByRole("link").allInnerTexts();
    expect(links2).toEqual([
      "Si hva dere mener",
      "Skriv et notat",
      "Samtykke",
      "Hvem har lest loggen",
      "Be om å avslutte loggen",
    ]);
    expect(await timelineItems(page).count()).toBeGreaterThan(0);
  });

  it("she gives consent for BUP with a purpose (PPT, which she has consented to already, is not offered again); the consents page lists it", async () => {
    const { page } = guardian;
    await openPart(page, "Samtykke", /\/consents$/, "Samtykke");
    const offered = await page.getByLabel("Tjeneste", { exact: true }).locator("option").allInnerTexts();
    expect(offered).toContain(BUP);
    expect(offered).not.toContain(PPT);
    expect(offered).not.toContain(HEALTH);
    await page
      .getByLabel("Tjeneste", { exact: true })
      .selectOption({ label: BUP });
    await page.getByLabel("Hva skal tjenesten hjelpe med?").fill(BUP_PURPOSE);
    await page
      .getByRole("button", { name: "Gi samtykke", exact: true })
      .click();
    await backOnFamilyLog(page, "Samtykket er lagret.");
    await expectNothingHidden(page);

    await openPart(page, "Samtykke", /\/consents$/, "Samtykke");
    const inForce = main(page).getByRole("region", {
      name: "Samtykker som gjelder",
    });
    const card = inForce.getByRole("listitem").filter({ hasText: BUP_PURPOSE });
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain(BUP);
    expect(text).toContain("Du har samtykket.");
    await card
      .getByRole("button", { name: `Trekk tilbake for ${BUP}` })
      .waitFor();
  });

  it("she writes her view and a note: both show in the timeline with her name", async () => {
    const { page } = guardian;
    await page.goto(familyLogUrl);
    await openPart(
      page,
      "Si hva dere mener",
      /\/entry\?kind=view$/,
      "Hva mener dere?"
    );
    await page.getByLabel("Tekst", { exact: true }).fill(VIEW);
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await backOnFamilyLog(page, "Det du skrev er lagret i loggen.");
    await expect
      .poll(() => timelineItems(page).first().innerText())
      .toContain(VIEW);
    expect(await timelineItems(page).first().innerText()).toContain(
      GUARDIAN_NAME
    );

    await openPart(
      page,
      "Skriv et notat",
      /\/entry\?kind=note$/,
      "Skriv et notat til loggen"
    );
    await page.getByLabel("Tekst", { exact: true }).fill(NOTE);
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await backOnFamilyLog(page, "Det du skrev er lagret i loggen.");
    await expect
      .poll(() => timelineItems(page).first().innerText())
      .toContain(NOTE);
    expect(await timelineItems(page).first().innerText()).toContain(
      GUARDIAN_NAME
    );
    await expectNothingHidden(page);
    await expectNoAxeViolations(page);
    // The teacher sees both on the staff page.
    await teacher.page.goto(logUrl);
    await expect
      .poll(() => timelineItems(teacher.page).first().innerText())
      .toContain(NOTE);
    expect(await timelineItems(teacher.page).nth(1).innerText()).toContain(
      VIEW
    );
  });

  it("she sees who has read the log: the teacher, the nurse and herself", async () => {
    const { page } = guardian;
    await page.goto(familyLogUrl);
    await openPart(
      page,
      "Hvem har lest loggen",
      /\/readers$/,
      "Hvem har lest loggen"
    );
    const cards = main(page)
      .getByRole("list", { name: "Hvem har lest loggen" })
      .getByRole("listitem");
    const teacherCard = cards
      .filter({ hasText: `${TEACHER_NAME}, ${SCHOOL}` })
      .first();
    await teacherCard.waitFor();
    expect(await teacherCard.innerText()).toContain("Leste loggen");
    expect(
      await cards.filter({ hasText: `${NURSE_NAME}, ${HEALTH}` }).count()
    ).toBeGreaterThan(0);
    expect(
      await cards.filter({ hasText: `${GUARDIAN_NAME} (familien)` }).count()
    ).toBeGreaterThan(0);
    // One card per person however often they read, with each read on demand.
    expect(
      await cards.filter({ hasText: `${TEACHER_NAME}, ${SCHOOL}` }).count()
    ).toBe(1);
    await teacherCard.locator("summary").click();
    await teacherCard.getByRole("listitem").first().waitFor();
    expect(await teacherCard.getByRole("listitem").first().innerText()).toContain("Leste loggen");
    await expectNoAxeViolations(page);
  });

  it("the close page is there for her (not used on Noah's log)", async () => {
    const { page } = guardian;
    await page.goto(familyLogUrl);
    await openPart(
      page,
      "Be om å avslutte loggen",
      /\/close$/,
      "Be om å avslutte loggen"
    );
    await page.getByLabel("Vil du si noe om hvorfor? (kan stå tomt)").waitFor();
    await main(page).getByRole("link", { name: "Tilbake til loggen" }).click();
    await page.waitForURL(familyLogUrl);
    await h1(page, `Stafettloggen for ${CHILD}`).waitFor();
  });

  it("she withdraws the consent for the health service: the nurse gets the 404 page on her next load", async () => {
    const { page } = guardian;
    await openPart(page, "Samtykke", /\/consents$/, "Samtykke");
    await page
      .getByRole("button", { name: `Trekk tilbake for ${HEALTH}`, exact: true })
      .click();
    await backOnFamilyLog(
      page,
      "Samtykket er trukket tilbake. Det gjelder med en gang."
    );
    await openPart(page, "Samtykke", /\/consents$/, "Samtykke");
    expect(
      await page
        .getByRole("button", { name: `Trekk tilbake for ${HEALTH}` })
        .count()
    ).toBe(0);
    expect(
      await page
        .getByRole("button", { name: `Trekk tilbake for ${PPT}` })
        .count()
    ).toBeGreaterThan(0);

    const response = await nurse.page.reload();
    expect(response?.status()).toBe(404);
    await h1(nurse.page, "Fant ikke siden").waitFor();
    expect(await main(nurse.page).innerText()).not.toContain(CHILD);
    expect(
      nurse.problems.splice(0).filter((p) => !failedLoad(404).test(p))
    ).toEqual([]);
  });

  it("every family page is axe clean in English too", async () => {
    const { page } = guardian;
    await page.goto(familyLogUrl);
    await switchLanguage(page, "en");
    try {
      const pages: [string, string][] = [
        ["/family", "Our logs"],
        [familyLogUrl, `The relay log for ${CHILD}`],
        [`${familyLogUrl}/entry?kind=view`, "What do you think?"],
        [`${familyLogUrl}/entry?kind=note`, "Write a note in the log"],
        [`${familyLogUrl}/consents`, "Consent"],
        [`${familyLogUrl}/readers`, "Who has read the log"],
        [`${familyLogUrl}/close`, "Ask to close the log"],
      ];
      for (const [url, title] of pages) {
        await page.goto(new URL(url, server.baseUrl).href);
        await familyPage(page, title);
      }
    } finally {
      await switchLanguage(page, "nb");
    }
    await h1(page, "Be om å avslutte loggen").waitFor();
  });

  it("on a 360 px phone the log and consents pages fit the width and are axe clean", async () => {
    const { page } = guardian;
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      for (const [url, title] of [
        [familyLogUrl, `Stafettloggen for ${CHILD}`],
        [`${familyLogUrl}/consents`, "Samtykke"],
      ] as const) {
        await page.goto(url);
        await familyPage(page, title);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          url
        ).toBeLessThanOrEqual(360);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });
});

describe("the holder gives another guardian access; she closes her child's log", () => {
  it("the teacher gives Ella's mother access on Ella's log (the form is axe clean); the mail names no child", async () => {
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/`);
    await main(page)
      .getByRole("region", { name: "Mine logger" })
      .getByRole("link", { name: OTHER_CHILD })
      .click();
    await page.waitForURL(/\/logs\/[a-z0-9]+$/);
    await h1(page, OTHER_CHILD).waitFor();
    ellaLogUrl = page.url();
    expect(ellaLogUrl).toBe(`${server.baseUrl}/logs/${world.data.ellaLogId}`);

    await main(page)
      .getByRole("link", { name: "Gi tilgang i Stafettlogg" })
      .click();
    await page.waitForURL(/\/logs\/[a-z0-9]+\/family-access$/);
    await page
      .getByRole("heading", {
        level: 1,
        name: "Gi familien tilgang i Stafettlogg",
      })
      .waitFor();
    await expectNoAxeViolations(page);
    await page
      .getByRole("group", { name: "Hvem skal få tilgang?" })
      .getByRole("radio", { name: OTHER_GUARDIAN })
      .check();
    await page.getByLabel("E-postadresse").fill(SECOND_EMAIL);
    await page
      .getByRole("button", { name: "Gi tilgang og send e-post" })
      .click();
    await page.waitForURL(
      (url) =>
        url.href.startsWith(ellaLogUrl) &&
        url.searchParams.get("notice") === "given"
    );
    await main(page)
      .getByRole("status")
      .filter({ hasText: "Tilgangen er gitt, og e-posten med lenke til innlogging er på vei." })
      .waitFor();
    const guardians = main(page).getByRole("region", { name: "Foresatte" });
    await guardians
      .getByRole("listitem")
      .filter({ hasText: OTHER_GUARDIAN })
      .getByText("Har tilgang i Stafettlogg")
      .waitFor();

    const mail = await smtp.waitForMail(
      mailTo(SECOND_EMAIL, "Du har fått tilgang i Stafettlogg")
    );
    expect(mail.text).toContain(`${server.baseUrl}/family/login`);
    for (const name of ["Ella", "Myrvold", "Noah", SCHOOL])
      expect(mail.text + mail.html).not.toContain(name);
  });

  it("Ella's mother follows the link, signs in in English and sees only Ella's log; Noah's is the 404 page", async () => {
    second = await newPage(browser);
    const { page } = second;
    const mail = smtp.messages.find(
      mailTo(SECOND_EMAIL, "Du har fått tilgang i Stafettlogg")
    )!;
    const link = /https?:\/\/\S+\/family\/login/.exec(mail.text)![0];
    await page.goto(link);
    await h1(page, "Logg inn for foresatte og ungdom").waitFor();
    await switchLanguage(page, "en");
    try {
      await h1(page, "Sign in for guardians and young people").waitFor();
      await expectNoAxeViolations(page);
      await signInWithCode(page, SECOND_EMAIL, true);
      await h1(page, "Our logs").waitFor();
    } finally {
      await switchLanguage(page, "nb");
    }
    await h1(page, "Loggene våre").waitFor();
    const links = main(page).getByRole("link", { name: /^Les loggen for / });
    expect(await links.allInnerTexts()).toEqual([
      `Les loggen for ${OTHER_CHILD}`,
    ]);
    expect(await main(page).innerText()).not.toContain(CHILD);

    // Noah's log, by its address: the same 404 as a log that does not exist.
    for (const url of [
      familyLogUrl,
      `${familyLogUrl}/consents`,
      `${familyLogUrl}/readers`,
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await h1(page, "Fant ikke siden").waitFor();
      expect(await page.content()).not.toContain("Noah");
    }
    expect(
      second.problems.splice(0).filter((p) => !failedLoad(404).test(p))
    ).toEqual([]);
  });

  it("she asks to close Ella's log: it closes at once and the holder gets a mail", async () => {
    const { page } = second!;
    await page.goto(`${server.baseUrl}/family`);
    await main(page)
      .getByRole("link", { name: `Les loggen for ${OTHER_CHILD}` })
      .click();
    await page.waitForURL(/\/family\/logs\/[a-z0-9]+$/);
    await h1(page, `Stafettloggen for ${OTHER_CHILD}`).waitFor();
    const before = smtp.messages.length;
    await yourPart(page)
      .getByRole("link", { name: "Be om å avslutte loggen" })
      .click();
    await h1(page, "Be om å avslutte loggen").waitFor();
    await page
      .getByLabel("Vil du si noe om hvorfor? (kan stå tomt)")
      .fill(CLOSE_MESSAGE);
    await page
      .getByRole("button", { name: "Avslutt loggen", exact: true })
      .click();
    await backOnFamilyLog(
      page,
      "Loggen er avsluttet. Kontaktpersonen har fått beskjed.",
      OTHER_CHILD
    );
    await main(page)
      .getByText(
        "Loggen er avsluttet: Avsluttet etter ønske fra foresatte. Du kan fortsatt lese den."
      )
      .waitFor();
    // Closed: reading, consents and readers remain; writing and closing are gone.
    expect(await yourPart(page).getByRole("link").allInnerTexts()).toEqual([
      "Samtykke",
      "Hvem har lest loggen",
    ]);
    await expectNoAxeViolations(page);

    const ellaLogId = ellaLogUrl.split("/").pop()!;
    const mail = await smtp.waitForMail(
      (m) =>
        smtp.messages.indexOf(m) >= before &&
        m.to.includes(TEACHER_EMAIL)
    );
    expect(mail.subject).toBe("Nytt i Stafettlogg");
    expect(mail.text).toContain(`/logs/${ellaLogId}`);
    for (const name of ["Ella", "Myrvold"])
      expect(mail.text + mail.html).not.toContain(name);

    // The holder sees the log closed, for the guardians' reason.
    await teacher.page.goto(ellaLogUrl);
    await h1(teacher.page, OTHER_CHILD).waitFor();
    expect(await main(teacher.page).innerText()).toContain(
      "Avsluttet etter ønske fra foresatte"
    );
  });

  it("Noah's log is still open for his mother", async () => {
    const { page } = guardian;
    await page.goto(familyLogUrl);
    await h1(page, `Stafettloggen for ${CHILD}`).waitFor();
    expect(
      await yourPart(page)
        .getByRole("link", { name: "Be om å avslutte loggen" })
        .count()
    ).toBe(1);
    await expectNothingHidden(page);
  });
});
