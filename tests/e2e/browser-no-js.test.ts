import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoRoles, DEMO_PASSWORD, type DemoRole, expectNoAxeViolations, launchBrowser, login, newPage } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

/**
 * Progressive enhancement and small screens: the forms work as plain HTML with scripts
 * switched off, and the pages fit a 360 px wide phone without sideways scrolling.
 * axe needs scripts to run, so the pages are checked with axe in the tests that have them.
 */
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Chromium logs "Failed to load resource: … status of N" for a 4xx document, also for the
 * correct 400 answer to a form with errors. Only those statuses the test expects are allowed.
 */
function expectNoProblems(problems: string[], allowedStatuses: number[] = []) {
  const unexpected = problems.filter(
    (p) => !allowedStatuses.some((s) => p.startsWith(`console: Failed to load resource: the server responded with a status of ${s} `)),
  );
  expect(unexpected).toEqual([]);
}

const noScript = () => newPage(browser, { javaScriptEnabled: false });

/**
 * Press a submit button and wait for the browser's own (document) POST. The server must
 * take it: a 403 here means the app refused its own page's form as "cross-site" (as it
 * did while Referrer-Policy: no-referrer made Chromium send `Origin: null`).
 */
async function submit(page: Page, button: Locator) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.request().resourceType() === "document"),
    button.click(),
  ]);
  const refused = response.status() === 403 ? await response.text() : "";
  expect(refused, `the server refused the page's own form POST to ${response.url()}`).toBe("");
  await page.waitForLoadState("load");
  return response;
}

async function signIn(page: Page, role: DemoRole) {
  await page.goto(`${server.baseUrl}/login`);
  await page.getByLabel("E-postadresse").fill(demoRoles[role]);
  await page.getByLabel("Passord", { exact: true }).fill(DEMO_PASSWORD);
  await submit(page, page.getByRole("button", { name: "Logg inn" }));
  expect(page.url()).toBe(`${server.baseUrl}/`);
}

/** Proof that no script ran: Remix's client state only exists after hydration. */
async function expectNotHydrated(page: Page) {
  expect(await page.evaluate(() => "__remixContext" in window && "__remixRouter" in window)).toBe(false);
}


describe("without JavaScript", () => {
  it("signing in works: a wrong password shows the error and keeps the e-mail; the right one leads home", async () => {
    const { page, context, problems } = await noScript();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel("E-postadresse").fill(demoRoles.teacher);
    await page.getByLabel("Passord", { exact: true }).fill("not-the-password-2026");
    await submit(page, page.getByRole("button", { name: "Logg inn" }));
    await page.getByRole("alert").getByText("Feil e-postadresse eller passord.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await page.getByLabel("E-postadresse").inputValue()).toBe(demoRoles.teacher);
    // The password is never sent back to the page.
    expect(await page.getByLabel("Passord", { exact: true }).inputValue()).toBe("");
    await expectNotHydrated(page);

    await page.getByLabel("Passord", { exact: true }).fill(DEMO_PASSWORD);
    await submit(page, page.getByRole("button", { name: "Logg inn" }));
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByRole("heading", { level: 1, name: "Hei, Ingrid Solvik" }).waitFor();
    await page.getByRole("heading", { name: "Mine logger" }).waitFor();
    expectNoProblems(problems, [400]);
    await context.close();
  });

  it("an empty sign-in form is answered by the server with errors next to the fields", async () => {
    const { page, context, problems } = await noScript();
    await page.goto(`${server.baseUrl}/login`);
    // No script means no client check; the form is novalidate, so the server answers.
    await submit(page, page.getByRole("button", { name: "Logg inn" }));
    await page.locator(".field", { has: page.getByLabel("E-postadresse") }).getByText("Feltet må fylles ut.").waitFor();
    await page.getByRole("alert").getByRole("link", { name: "E-postadresse: Feltet må fylles ut." }).waitFor();
    expect(await page.getByLabel("E-postadresse").getAttribute("aria-invalid")).toBe("true");
    expectNoProblems(problems, [400]);
    await context.close();
  });

  it("the language switch works and is remembered", async () => {
    const { page, context, problems } = await noScript();
    await signIn(page, "principal");
    await page.getByRole("heading", { name: "Ansatte i Solbakken skole" }).waitFor();
    await submit(page, page.getByRole("button", { name: "English" }));
    await page.waitForURL(`${server.baseUrl}/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("heading", { name: "Staff in Solbakken skole" }).waitFor();
    expect(await page.getByRole("heading", { name: "Ansatte i Solbakken skole" }).count()).toBe(0);

    await page.goto(`${server.baseUrl}/`);
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    await submit(page, page.getByRole("button", { name: "Norsk bokmål" }));
    await page.getByRole("heading", { name: "Ansatte i Solbakken skole" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("nb");
    await expectNotHydrated(page);
    expectNoProblems(problems);
    await context.close();
  });

  it("an administrator can create a service, and a missing name is reported next to the field", async () => {
    const { page, context, problems } = await noScript();
    await signIn(page, "admin");
    await page.getByRole("link", { name: "Administrer tjenester" }).click();
    await page.getByRole("link", { name: "Ny tjeneste" }).click();
    await page.getByRole("heading", { level: 1, name: "Ny tjeneste" }).waitFor();

    await page.getByLabel("Type tjeneste").selectOption({ label: "Skole" });
    await submit(page, page.getByRole("button", { name: "Opprett tjeneste" }));
    await page
      .locator(".field", { has: page.getByLabel("Navn", { exact: true }) })
      .getByText("Feltet må fylles ut.")
      .waitFor();
    // The server's answer keeps the chosen kind.
    expect(await page.getByLabel("Type tjeneste").locator("option:checked").innerText()).toBe("Skole");

    await page.getByLabel("Navn", { exact: true }).fill("Nordlys ungdomsskole");
    await submit(page, page.getByRole("button", { name: "Opprett tjeneste" }));
    await page.waitForURL(/\/admin\/services\/[^/]+\?notice=created$/);
    await page.getByRole("heading", { level: 1, name: "Rediger Nordlys ungdomsskole" }).waitFor();
    await page.getByText("Tjenesten er opprettet.").waitFor();
    await page.getByRole("link", { name: "← Tjenester" }).click();
    await page.getByRole("link", { name: "Nordlys ungdomsskole" }).waitFor();
    await expectNotHydrated(page);
    expectNoProblems(problems, [400]);
    await context.close();
  });
});

describe("the sign-in form's error state", () => {
  // axe needs scripts to run, so this check runs with them; the markup is the same server render.
  it("passes axe after a wrong password, with the error announced and the e-mail kept", async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel("E-postadresse").fill(demoRoles.nurse);
    await page.getByLabel("Passord", { exact: true }).fill("not-the-password-2026");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await page.getByRole("alert").getByText("Feil e-postadresse eller passord.").waitFor();
    expect(await page.getByLabel("E-postadresse").inputValue()).toBe(demoRoles.nurse);
    await expectNoAxeViolations(page);
    expectNoProblems(problems, [400]);
    await context.close();
  });
});

describe("on a 360 px wide phone", () => {
  const phone = { viewport: { width: 360, height: 740 } };

  async function expectFitsWidth(page: Page) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(360);
  }

  it("the home pages and the new-user form fit without horizontal scroll and pass axe, in both languages", async () => {
    const { page, context, problems } = await newPage(browser, phone);
    await login(page, server.baseUrl, "admin");
    for (const lang of ["nb", "en"] as const) {
      await page.goto(`${server.baseUrl}/`);
      await page.getByRole("heading", { level: 1, name: lang === "nb" ? "Hei, Per Ulvestad" : "Hello, Per Ulvestad" }).waitFor();
      await expectFitsWidth(page);
      await expectNoAxeViolations(page);

      await page.goto(`${server.baseUrl}/admin/users/new`);
      await page.getByRole("heading", { level: 1, name: lang === "nb" ? "Ny bruker" : "New user" }).waitFor();
      await expectFitsWidth(page);
      await expectNoAxeViolations(page);

      if (lang === "nb") {
        await page.getByRole("button", { name: "English" }).click();
        await page.locator('html[lang="en"]').waitFor();
      }
    }
    expectNoProblems(problems);
    await context.close();
  });

  it("a home page with long service names fits too", async () => {
    const { page, context, problems } = await newPage(browser, phone);
    await login(page, server.baseUrl, "nurse");
    await page.getByRole("main").getByText("Helsestasjon og skolehelsetjeneste Eksempel – Ansatt").waitFor();
    await expectFitsWidth(page);
    await expectNoAxeViolations(page);
    expectNoProblems(problems);
    await context.close();
  });
});
