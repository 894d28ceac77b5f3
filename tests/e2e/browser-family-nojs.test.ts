import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  failedLoad,
  launchBrowser,
  main,
  newPage,
  timelineItems,
} from "../support/browser";
import { makeService } from "../support/factories";
import { makeFamilyLog } from "../support/family-factories";
import {
  codeFrom,
  startSmtpServer,
  smtpSettings,
  type RunningSmtpServer,
} from "../support/smtp";
import { startWorld, type World } from "../support/world";

/**
 * The family's pages without JavaScript: the code sign-in (a wrong code first, answered by
 * the server with the error by the field, and the form still works), their own view, and
 * giving and withdrawing consent are plain HTML posts. Noah's mother, in a world of its own
 * (her consent to share with the health clinic and PPT, and a BUP in the municipality), with the mail going to an in-process SMTP server. axe needs
 * scripts, so it runs in browser-family-story.test.ts.
 */
async function buildWorld() {
  await makeService({ name: BUP, kind: "bup" });
  return makeFamilyLog({ child: CHILD, guardian: { name: GUARDIAN_NAME, email: GUARDIAN_EMAIL }, health: HEALTH, ppt: PPT });
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let server: World<unknown>["server"];
let smtp: RunningSmtpServer;
let browser: Browser;
let guardian: Awaited<ReturnType<typeof newPage>>;
/** The exact 4xx lines a test expects Chromium to log (a form answered with 400). */
let allowedProblems: RegExp[] = [];

const CHILD = "Noah Hagen Eriksen";
const GUARDIAN_EMAIL = "forelder@eksempel.no";
const GUARDIAN_NAME = "Line Hagen";
const HEALTH = "Helsestasjon og skolehelsetjeneste Eksempel";
const PPT = "PPT Eksempel";
const BUP = "BUP Fjordvik";
const tag = Math.random().toString(36).slice(2, 10);
const VIEW = `Vi vil at Noah skal få være med på å bestemme tiltakene (${tag}).`;
const PURPOSE = `Hjelp med lesing og skriving (${tag}).`;

let familyLogUrl = "";

beforeAll(async () => {
  smtp = await startSmtpServer();
  [world, browser] = await Promise.all([
    startWorld(buildWorld, smtpSettings(smtp)),
    launchBrowser(),
  ]);
  server = world.server;
  guardian = await newPage(browser, { javaScriptEnabled: false });
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
  await smtp?.close();
});
afterEach(() => {
  const unexpected = guardian.problems
    .splice(0)
    .filter((p) => !allowedProblems.some((a) => a.test(p)));
  allowedProblems = [];
  expect(unexpected).toEqual([]);
});

const h1 = (page: Page, name: string) =>
  page.getByRole("heading", { level: 1, name, exact: true });
const yourPart = (page: Page) =>
  page.getByRole("navigation", { name: "Det du kan gjøre" });

/** Follow a link in "Det du kan gjøre" (a full page load) and wait for the h1. */
async function openPart(page: Page, link: string, title: string) {
  const before = page.url();
  await yourPart(page).getByRole("link", { name: link, exact: true }).click();
  await page.waitForURL((url) => url.href !== before);
  await h1(page, title).waitFor();
}

/** After a post: redirected back to the family log page with its notice. */
async function backOnFamilyLog(page: Page, notice: string) {
  await page.waitForURL(
    (url) => url.href.startsWith(familyLogUrl) && url.searchParams.has("notice")
  );
  await h1(page, `Stafettloggen for ${CHILD}`).waitFor();
  await main(page).getByRole("status").filter({ hasText: notice }).waitFor();
}

describe("the family without JavaScript", () => {
  it("signs in with a code: a wrong code is answered by the field, then the right one works", async () => {
    const { page } = guardian;
    await page.goto(`${server.baseUrl}/family/login`);
    expect(await page.evaluate(() => "__remixContext" in window)).toBe(false);
    await h1(page, "Logg inn for foresatte og ungdom").waitFor();
    await page.getByLabel("E-postadresse").fill(GUARDIAN_EMAIL);
    await page.getByRole("button", { name: "Send meg en kode" }).click();
    await page.waitForURL((url) => url.pathname === "/family/code");
    await h1(page, "Skriv inn koden").waitFor();
    const mail = await smtp.waitForMail(
      (m) =>
        m.to.includes(GUARDIAN_EMAIL) &&
        m.subject === "Engangskode til Stafettlogg"
    );
    expect(mail.text + mail.html).not.toContain("Noah");
    const code = codeFrom(mail);
    const wrong = code.replace(/^./, (d) => String((Number(d) + 1) % 10));

    const field = page.getByLabel("Koden fra e-posten");
    await field.fill(wrong);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.getByRole("button", { name: "Logg inn", exact: true }).click(),
    ]);
    expect(response.status()).toBe(400);
    allowedProblems.push(failedLoad(400));
    await h1(page, "Skriv inn koden").waitFor();
    const message =
      "Koden stemmer ikke. Sjekk at du har skrevet alle 6 sifrene riktig.";
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    const ids =
      (await field.getAttribute("aria-describedby"))?.split(" ") ?? [];
    const described = await Promise.all(
      ids.map((id) => page.locator(`[id="${id}"]`).innerText())
    );
    expect(described.join(" ")).toContain(message);

    await field.fill(code);
    await page.getByRole("button", { name: "Logg inn", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/family");
    await h1(page, "Loggene våre").waitFor();
    await main(page)
      .getByRole("link", { name: `Les loggen for ${CHILD}` })
      .click();
    await page.waitForURL(/\/family\/logs\/[a-z0-9]+$/);
    familyLogUrl = page.url();
    await h1(page, `Stafettloggen for ${CHILD}`).waitFor();
  });

  it("says what they think: the view is saved and shows in the timeline with her name", async () => {
    const { page } = guardian;
    await openPart(page, "Si hva dere mener", "Hva mener dere?");
    await page.getByLabel("Tekst", { exact: true }).fill(VIEW);
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await backOnFamilyLog(page, "Det du skrev er lagret i loggen.");
    const first = await timelineItems(page).first().innerText();
    expect(first).toContain(VIEW);
    expect(first).toContain(GUARDIAN_NAME);
  });

  it("gives consent for BUP (PPT, consented to already, is not offered again); the consents page lists it", async () => {
    const { page } = guardian;
    await openPart(page, "Samtykke", "Samtykke");
    const offered = await page.getByLabel("Tjeneste", { exact: true }).locator("option").allInnerTexts();
    expect(offered).not.toContain(PPT);
    await page
      .getByLabel("Tjeneste", { exact: true })
      .selectOption({ label: BUP });
    await page.getByLabel("Hva skal tjenesten hjelpe med?").fill(PURPOSE);
    await page
      .getByRole("button", { name: "Gi samtykke", exact: true })
      .click();
    await backOnFamilyLog(page, "Samtykket er lagret.");

    await openPart(page, "Samtykke", "Samtykke");
    const card = main(page)
      .getByRole("region", { name: "Samtykker som gjelder" })
      .getByRole("listitem")
      .filter({ hasText: PURPOSE });
    const text = await card.innerText();
    expect(text).toContain(BUP);
    expect(text).toContain("Du har samtykket.");
  });

  it("withdraws the consent for the health service; it is gone from the consents page", async () => {
    const { page } = guardian;
    await page
      .getByRole("button", { name: `Trekk tilbake for ${HEALTH}`, exact: true })
      .click();
    await backOnFamilyLog(
      page,
      "Samtykket er trukket tilbake. Det gjelder med en gang."
    );
    expect(
      await main(page)
        .getByRole("region", { name: "Kontaktperson (stafettholder)" })
        .innerText()
    ).not.toContain(HEALTH);

    await openPart(page, "Samtykke", "Samtykke");
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
    expect(
      await main(page)
        .getByRole("region", { name: "Samtykker som gjelder" })
        .innerText()
    ).not.toContain(HEALTH);
  });
});
