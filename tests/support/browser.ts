import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContextOptions, type Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). The path comes
 * from CHROMIUM_PATH, else /usr/bin/chromium; tests/run.mjs installs it when missing.
 */
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A page that fails the test on any script error or console error. */
/**
 * How long one step (a navigation, a click, a wait) may take. Generous: on a 2-core CI
 * machine two browsers, two servers and the test workers share the cores, and a first
 * page load can take several seconds. A real hang still fails well inside the test timeout.
 */
export const STEP_TIMEOUT_MS = 20_000;

export async function newPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ locale: "nb-NO", ...options });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  return { page, context, problems };
}

export const DEMO_PASSWORD = "Stafett-demo-2026";

export const demoRoles = {
  teacher: "laerer@eksempel.no",
  secondTeacher: "laerer2@eksempel.no",
  kindergartenTeacher: "barnehagelaerer@eksempel.no",
  nurse: "helsesykepleier@eksempel.no",
  ppt: "ppt@eksempel.no",
  childWelfare: "barnevern@eksempel.no",
  principal: "rektor@eksempel.no",
  coordinator: "koordinator@eksempel.no",
  admin: "admin@eksempel.no",
} as const;
export type DemoRole = keyof typeof demoRoles;

/** Sign in through the real form (bokmål labels unless the page is in English). */
export async function login(page: Page, baseUrl: string, role: DemoRole, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  const english = (await page.locator("html").getAttribute("lang")) === "en";
  await page.getByLabel(english ? "E-mail address" : "E-postadresse").fill(demoRoles[role]);
  await page.getByLabel(english ? "Password" : "Passord", { exact: true }).fill(password);
  await page.getByRole("button", { name: english ? "Sign in" : "Logg inn" }).click();
  await page.waitForURL(`${baseUrl}/`);
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Run axe-core (WCAG 2.0/2.1 A and AA rules) on the page and expect no violations. */
export async function expectNoAxeViolations(page: Page) {
  // Evaluated through the DevTools protocol, so the page's CSP stays in force.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }));
  });
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Chromium logs "Failed to load resource: … status of N" for every 4xx answer, also the
 * expected ones (400 after a refused form, 404 on the not-found page). Tests filter exactly
 * the statuses they expect with this pattern; anything else in `problems` fails them.
 */
export const failedLoad = (status: number) =>
  new RegExp(`^console: Failed to load resource: the server responded with a status of ${status} `);

export const main = (page: Page) => page.getByRole("main");

/**
 * The log page's tools ("Hva vil du gjøre?"): the suggested next step and the "Flere valg"
 * menu, opened here (a <details>, so this works without JavaScript too). Opening it first
 * keeps "this link is absent" checks honest: a link in a closed menu is hidden, not absent.
 */
export async function logTools(page: Page, english = false) {
  const nav = page.getByRole("navigation", { name: english ? "What do you want to do?" : "Hva vil du gjøre?" });
  await nav.waitFor();
  const menu = nav.locator("details.menu");
  if ((await menu.count()) > 0 && (await menu.getAttribute("open")) === null) {
    await menu.locator("summary").click();
    await page.waitForFunction(() => document.querySelector("details.menu")?.hasAttribute("open"));
  }
  return nav;
}

/** The entries of a log page's timeline, newest first. */
export const timelineItems = (page: Page) => page.locator('section[aria-labelledby="timeline"] > ol > li');

/** On the "make it a relay log" form: defer the consent to keep the log, with a reason. */
export async function deferKeepConsent(page: Page, reason = "Foresatte får skjemaet med hjem i dag") {
  await page.getByRole("radio", { name: "Ikke ennå – registrer det senere" }).check();
  await page.getByLabel("Hvorfor er samtykket ikke registrert ennå?").fill(reason);
}

/**
 * An action form's responsible (issue 11 point 1): a person on the log or the family by the
 * option's label ("Ingrid Solvik (stafettholder)", "Foresatte"), or someone else, written in
 * the text field beside it. `label` is the select's label (the meeting form uses the same).
 */
export async function chooseResponsible(page: Page, who: { option: string } | { other: string }, english = false) {
  const select = page.getByLabel(english ? "Who is responsible?" : "Hvem har ansvaret?");
  if ("option" in who) {
    await select.selectOption({ label: who.option });
    return;
  }
  await select.selectOption("other");
  await page.getByLabel(english ? "Who else?" : "Hvem andre?").fill(who.other);
}

/** The label of the responsible chosen on an action form (kept after a refused send). */
export const chosenResponsible = (page: Page, english = false) =>
  page.getByLabel(english ? "Who is responsible?" : "Hvem har ansvaret?").locator("option:checked").innerText();

/** Switch the interface language with the header's button, and wait for the page to be in it. */
export async function switchLanguage(page: Page, to: "en" | "nb") {
  await page.getByRole("button", { name: to === "en" ? "English" : "Norsk bokmål" }).click();
  await page.locator(`html[lang="${to}"]`).waitFor();
}
