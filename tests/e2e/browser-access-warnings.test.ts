import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, failedLoad, launchBrowser, logTools, main, newPage, switchLanguage, timelineItems } from "../support/browser";
import { makeService, makeUser } from "../support/factories";
import { addParticipant, giveConsent, makeRelayLog, makeSchoolCast } from "../support/log-factories";
import { startWorld, type World } from "../support/world";

/**
 * Nobody loses access by surprise (issue 9 point 3), in Chromium in a world of its own: a
 * teacher holds Noah's log, shared by consent with a health clinic and PPT, and a PPT adviser
 * takes part. With JavaScript: the teacher narrows the sharing consent on Noah's log so that PPT is no longer
 * covered; the form names the PPT adviser before anything is saved, refuses to save
 * without the confirmation (the message by the checkbox, what was typed kept), saves with
 * it, and the adviser's next load is the 404 page. axe on the warning, in bokmål and
 * English. Without JavaScript: the "make it a relay log" form records the consent to keep
 * the log, or defers it — only with a reason — and a deferred one is flagged.
 * All names are invented.
 */
async function buildWorld() {
  const cast = await makeSchoolCast();
  const health = await makeService({ name: HEALTH, kind: "health_clinic" });
  const ppt = await makeService({ name: PPT, kind: "ppt" });
  const adviser = await makeUser({ name: PPT_NAME, memberships: [{ serviceId: ppt.id, role: "employee" }] });
  const { logId } = await makeRelayLog(cast.actors.teacher, cast.school.id, CHILD);
  await giveConsent(cast.actors.teacher, logId, "keep");
  await giveConsent(cast.actors.teacher, logId, "share", [health.id, ppt.id]);
  await addParticipant(logId, adviser.id, ppt.id);
  return { cast, adviser };
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let server: World<unknown>["server"];
let browser: Browser;
type Person = Awaited<ReturnType<typeof newPage>>;
let teacher: Person;
let adviser: Person;
let noJs: Person;
/** The exact 4xx lines a test expects Chromium to log (a refused form, the 404 page). */
let allowed: RegExp[] = [];

const CHILD = "Noah Hagen Eriksen";
const HEALTH = "Helsestasjon og skolehelsetjeneste Eksempel";
const PPT = "PPT Eksempel";
const PPT_NAME = "Jonas Brekkestø";
const PURPOSE = "Samarbeid med helsesykepleier om samtaler med Noah. Mor ønsker ikke lenger deling med PPT.";

let logUrl = "";
let consentFormUrl = "";

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(buildWorld), launchBrowser()]);
  server = world.server;
  const signIn = async (userId: string, javaScriptEnabled = true) => {
    const person = await newPage(browser, { javaScriptEnabled });
    await world.signIn(person.context, userId);
    return person;
  };
  const { cast } = world.data;
  [teacher, adviser, noJs] = await Promise.all([
    signIn(cast.ids.teacher),
    signIn(world.data.adviser.id),
    signIn(cast.ids.teacher, false),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});
afterEach(() => {
  const problems = [teacher, adviser, noJs].flatMap((p) => p?.problems.splice(0) ?? []);
  const unexpected = problems.filter((p) => !allowed.some((a) => a.test(p)));
  allowed = [];
  expect(unexpected).toEqual([]);
});

const h1 = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });
const save = (page: Page, name = "Lagre") => page.getByRole("button", { name, exact: true }).click();


/** Post the form and expect the server's 400 answer (which Chromium logs). */
async function postExpecting400(page: Page, button: string) {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), save(page, button)]);
  expect(response.status()).toBe(400);
  allowed.push(failedLoad(400));
}

/** The message is tied to the field by aria-describedby. */
async function expectDescribedBy(page: Page, field: Locator, message: string) {
  const ids = (await field.getAttribute("aria-describedby"))?.split(" ") ?? [];
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  expect(texts.join(" ")).toContain(message);
}

/** On the consent form: untick PPT and say why. */
async function narrowToHealth(page: Page, english = false) {
  const services = page.getByRole("group", { name: english ? "Services the consent covers" : "Tjenester samtykket gjelder" });
  expect(await services.getByRole("checkbox", { name: HEALTH, exact: true }).isChecked()).toBe(true);
  await services.getByRole("checkbox", { name: PPT, exact: true }).uncheck();
  await page.getByLabel(english ? "Purpose" : "Formål", { exact: true }).fill(PURPOSE);
  return services;
}

describe("narrowing a consent warns who loses access first (with JavaScript)", () => {
  it("the teacher and the PPT adviser can both open Noah's log", async () => {
    const { page } = teacher;
    await page.goto(`${server.baseUrl}/`);
    await main(page).getByRole("region", { name: "Mine logger" }).getByRole("link", { name: CHILD }).click();
    await page.waitForURL(/\/logs\/[a-z0-9]+$/);
    logUrl = page.url();
    expect((await adviser.page.goto(logUrl))?.status()).toBe(200);
    await h1(adviser.page, CHILD).waitFor();
  });

  it("the form names the PPT adviser, and saving without the checkbox is refused by the field, nothing saved, the input kept", async () => {
    const { page } = teacher;
    await main(page)
      .getByRole("region", { name: "Samtykke", exact: true })
      .getByRole("listitem")
      .filter({ hasText: "til deling med" })
      .filter({ hasText: PPT })
      .filter({ hasText: HEALTH })
      .getByRole("link", { name: "Endre eller forny" })
      .click();
    await page.waitForURL(/\/consents\/new\?replaces=/);
    consentFormUrl = page.url();
    await h1(page, "Endre eller forny samtykke").waitFor();
    // Nothing is said before a change is chosen that cuts someone's access.
    expect(await main(page).getByRole("region", { name: "Disse mister tilgangen til loggen" }).count()).toBe(0);
    const services = await narrowToHealth(page);
    await postExpecting400(page, "Lagre");

    const warning = main(page).getByRole("region", { name: "Disse mister tilgangen til loggen" });
    await warning.waitFor();
    expect(await warning.getByRole("listitem").allInnerTexts()).toEqual([`${PPT_NAME} – ${PPT}`]);
    const confirm = page.getByLabel("Jeg har lest hvem som mister tilgangen til loggen");
    expect(await confirm.isChecked()).toBe(false);
    await expectDescribedBy(page, confirm, "Bekreft at du har lest hvem som mister tilgangen til loggen.");
    await page
      .getByRole("alert")
      .getByRole("link", { name: "Jeg har lest hvem som mister tilgangen til loggen: Bekreft at du har lest hvem som mister tilgangen til loggen." })
      .waitFor();
    // What was typed is kept.
    expect(await services.getByRole("checkbox", { name: PPT, exact: true }).isChecked()).toBe(false);
    expect(await page.getByLabel("Formål", { exact: true }).inputValue()).toBe(PURPOSE);
    await expectNoAxeViolations(page);

    // Nothing was saved: the adviser still reads the log.
    expect((await adviser.page.goto(logUrl))?.status()).toBe(200);
  });

  it("in English the warning says the same and is axe clean; with the checkbox the change is saved", async () => {
    const { page } = teacher;
    await page.goto(consentFormUrl);
    await switchLanguage(page, "en");
    try {
      await h1(page, "Change or renew consent").waitFor();
      await narrowToHealth(page, true);
      await postExpecting400(page, "Save");
      const warning = main(page).getByRole("region", { name: "These people lose access to the log" });
      await warning.waitFor();
      expect(await warning.getByRole("listitem").allInnerTexts()).toEqual([`${PPT_NAME} – ${PPT}`]);
      await expectDescribedBy(page, page.getByLabel("I have read who loses access to the log"), "Confirm that you have read who loses access to the log.");
      await expectNoAxeViolations(page);
      await page.getByLabel("I have read who loses access to the log").check();
      await save(page, "Save");
      await page.waitForURL((url) => url.href.startsWith(logUrl) && url.searchParams.get("notice") === "consent");
      await main(page).getByRole("status").filter({ hasText: "The consent has been recorded." }).waitFor();
    } finally {
      await switchLanguage(page, "nb");
    }
  });

  it("the PPT adviser gets the 404 page on his next load", async () => {
    const response = await adviser.page.reload();
    expect(response?.status()).toBe(404);
    await h1(adviser.page, "Fant ikke siden").waitFor();
    allowed.push(failedLoad(404));
    // The teacher still holds it.
    expect((await teacher.page.goto(logUrl))?.status()).toBe(200);
  });
});

describe("the become form without JavaScript", () => {
  const GUARDIAN = "Randi Prøvesen";

  /** A fresh concern with a guardian, on the teacher's no-JS page; then the become form. */
  async function concernToBecome(page: Page, child: string) {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole("link", { name: "Skriv ned en undring eller bekymring" }).click();
    await h1(page, "Ny undring eller bekymring").waitFor();
    await page.getByLabel("Barnets navn").fill(child);
    await page.getByLabel("Fødselsdato").fill("2015-05-11");
    await page.getByLabel("Hva har du sett eller hørt?").fill("Virker urolig i timene og sier lite i friminuttene.");
    await save(page, "Lagre notatet");
    await page.waitForURL(/\/logs\/[a-z0-9]+\?notice=saved/);
    const url = page.url().split("?")[0]!;
    await main(page).getByRole("link", { name: "Registrer foresatt" }).click();
    await h1(page, "Registrer foresatt").waitFor();
    await page.getByLabel("Navn", { exact: true }).fill(GUARDIAN);
    await page.getByLabel("Relasjon til barnet").selectOption({ label: "Mor" });
    await save(page);
    await page.waitForURL((u) => u.href.startsWith(url) && u.searchParams.has("notice"));
    await (await logTools(page)).getByRole("link", { name: "Gjør om til stafettlogg", exact: true }).click();
    await h1(page, "Gjør om til stafettlogg").waitFor();
    return url;
  }

  it("really runs without JavaScript; records the consent to keep the log in the same step, and the log is not flagged", async () => {
    const { page } = noJs;
    const url = await concernToBecome(page, "Tuva Prøvesen Ekre");
    expect(await page.evaluate(() => "__remixContext" in window)).toBe(false);
    expect(await page.getByRole("radio", { name: "Ja – registrer samtykket nå" }).isChecked()).toBe(true);
    // Recording it without saying who gave it is refused by the field.
    await postExpecting400(page, "Gjør om til stafettlogg");
    await expectDescribedBy(page, page.getByRole("group", { name: "Hvem har gitt samtykket?" }), "Velg hvem som har gitt samtykket.");
    await page.getByRole("checkbox", { name: `${GUARDIAN} (Mor)` }).check();
    await save(page, "Gjør om til stafettlogg");
    await page.waitForURL((u) => u.href.startsWith(url) && u.searchParams.has("notice"));
    await main(page).getByRole("status").filter({ hasText: "Notatet er nå en stafettlogg." }).waitFor();
    await main(page)
      .getByRole("region", { name: "Samtykke", exact: true })
      .getByText("1 av 1 foresatte har samtykket til at loggen føres", { exact: false })
      .waitFor();
    expect(await main(page).innerText()).not.toContain("Samtykke til å føre loggen mangler");
  });

  it("defers it only with a reason (refused by the field, the choice kept); the reason is on the timeline and the log is flagged", async () => {
    const { page } = noJs;
    const url = await concernToBecome(page, "Iver Prøvesen Ekre");
    await page.getByRole("radio", { name: "Ikke ennå – registrer det senere" }).check();
    await postExpecting400(page, "Gjør om til stafettlogg");
    const reason = page.getByLabel("Hvorfor er samtykket ikke registrert ennå?");
    await expectDescribedBy(page, reason, "Feltet må fylles ut.");
    expect(await page.getByRole("radio", { name: "Ikke ennå – registrer det senere" }).isChecked()).toBe(true);
    await reason.fill("Far er på reise; skjemaet sendes hjem i dag.");
    await save(page, "Gjør om til stafettlogg");
    await page.waitForURL((u) => u.href.startsWith(url) && u.searchParams.has("notice"));
    await main(page).getByRole("status").filter({ hasText: "Notatet er nå en stafettlogg." }).waitFor();
    await main(page).getByText("Samtykke til å føre loggen mangler").first().waitFor();
    expect(await timelineItems(page).first().innerText()).toContain(
      "Samtykket til å føre loggen er ikke registrert ennå. Begrunnelse: Far er på reise; skjemaet sendes hjem i dag.",
    );
  });
});
