import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { nb } from "../../app/i18n/nb";
import { expectNoAxeViolations, launchBrowser, login, newPage, type DemoRole } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

/**
 * Every demo account in Chromium: sign in through the form, see the home page made for that
 * role (its logs, or the honest empty state), in bokmål and English, with no axe violations; sign out; the admin pages and the
 * 403 page. One server and one browser for the whole file.
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

const dictionaries = { nb, en } as const;

/** What Chromium logs for a document answered with a 4xx status (expected on error pages). */
const failedLoad = (status: number) => `console: Failed to load resource: the server responded with a status of ${status} `;
type Lang = keyof typeof dictionaries;

/** Press the header's language button and wait until the page is in `to`. */
async function switchLanguage(page: Page, to: Lang) {
  const from: Lang = to === "en" ? "nb" : "en";
  await page.getByRole("button", { name: dictionaries[from].locales[to] }).click();
  await page.locator(`html[lang="${to}"]`).waitFor();
}

/** What each role must see on the home page, per language. */
const homeExpectations: Record<
  DemoRole,
  { name: string; headings: Record<Lang, string[]>; texts: Record<Lang, string[]> }
> = {
  teacher: {
    name: "Ingrid Solvik",
    headings: { nb: ["Mine logger", "Dine tjenester", "Sofie Lund Nilsen"], en: ["My logs", "Your services", "Sofie Lund Nilsen"] },
    texts: { nb: ["Solbakken skole – Ansatt", "Du er stafettholder"], en: ["Solbakken skole – Employee", "You are the relay holder"] },
  },
  // A colleague in the same school who takes part in none of the logs: the honest empty state.
  secondTeacher: {
    name: "Sindre Fjellheim",
    headings: { nb: ["Mine logger"], en: ["My logs"] },
    texts: { nb: ["Solbakken skole – Ansatt", "Du har ingen stafettlogger ennå."], en: ["Solbakken skole – Employee", "You have no relay logs yet."] },
  },
  kindergartenTeacher: {
    name: "Marte Lyngstad",
    headings: { nb: ["Mine logger", "Liva Torvik"], en: ["My logs", "Liva Torvik"] },
    texts: { nb: ["Tyttebær barnehage – Ansatt", "Du er stafettholder"], en: ["Tyttebær barnehage – Employee", "You are the relay holder"] },
  },
  nurse: {
    name: "Siri Haugvik",
    headings: { nb: ["Mine logger", "Sara Nguyen"], en: ["My logs", "Sara Nguyen"] },
    texts: {
      nb: ["Helsestasjon og skolehelsetjeneste Eksempel – Ansatt", "Du er stafettholder"],
      en: ["Helsestasjon og skolehelsetjeneste Eksempel – Employee", "You are the relay holder"],
    },
  },
  ppt: {
    name: "Jonas Brekkestø",
    headings: { nb: ["Mine logger"], en: ["My logs"] },
    // The PPT adviser takes part in Noah's and Aksel's logs (invited, inside consent).
    texts: { nb: ["PPT Eksempel – Ansatt", "Noah Hagen Eriksen", "Du deltar"], en: ["PPT Eksempel – Employee", "Noah Hagen Eriksen", "You take part"] },
  },
  childWelfare: {
    name: "Amina Rasuli",
    headings: { nb: ["Mine logger"], en: ["My logs"] },
    texts: {
      nb: ["Barneverntjenesten i Eksempel – Ansatt", "Du har ingen stafettlogger ennå."],
      en: ["Barneverntjenesten i Eksempel – Employee", "You have no relay logs yet."],
    },
  },
  principal: {
    name: "Tor Aamodt",
    headings: {
      nb: ["Ansatte i Solbakken skole", "Ansatte i Solbakken SFO", "Mine logger"],
      en: ["Staff in Solbakken skole", "Staff in Solbakken SFO", "My logs"],
    },
    texts: { nb: ["Ingrid Solvik, Kontaktlærer 5B – Ansatt", "Tjenesteleder"], en: ["Ingrid Solvik, Kontaktlærer 5B – Employee", "Service leader"] },
  },
  coordinator: {
    name: "Hilde Strandnes",
    headings: { nb: ["BTI-koordinator", "Statistikk", "Tjenestekatalogen"], en: ["BTI coordinator", "Statistics", "Service catalogue"] },
    texts: { nb: ["20 aktive tjenester", "Som BTI-koordinator ser du ikke enkeltlogger"], en: ["20 active services", "As BTI coordinator you do not see individual logs"] },
  },
  admin: {
    name: "Per Ulvestad",
    headings: { nb: ["Administrasjon"], en: ["Administration"] },
    texts: { nb: ["Du har ikke tilgang til innholdet i loggene."], en: ["You have no access to the content of logs."] },
  },
};

async function expectHome(page: Page, role: DemoRole, lang: Lang) {
  const expected = homeExpectations[role];
  const greeting = lang === "nb" ? `Hei, ${expected.name}` : `Hello, ${expected.name}`;
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(lang);
  await page.getByRole("heading", { level: 1, name: greeting }).waitFor();
  for (const heading of expected.headings[lang]) {
    expect(await page.getByRole("heading", { name: heading, exact: true }).count(), `${role}/${lang}: heading ${heading}`).toBe(1);
  }
  const main = page.getByRole("main");
  for (const text of expected.texts[lang]) {
    await expect.poll(() => main.getByText(text).count(), { message: `${role}/${lang}: text ${text}` }).toBeGreaterThan(0);
  }
}

describe("each demo role's home page", () => {
  for (const role of Object.keys(homeExpectations) as DemoRole[]) {
    it(`${role}: signs in, sees the own home page in bokmål and English, axe clean in both`, async () => {
      const { page, context, problems } = await newPage(browser);
      await login(page, server.baseUrl, role);
      await expectHome(page, role, "nb");
      await expectNoAxeViolations(page);

      await switchLanguage(page, "en");
      expect(page.url()).toBe(`${server.baseUrl}/`);
      await expectHome(page, role, "en");
      // The bokmål texts are gone, not shown next to the English ones.
      expect(await page.getByRole("heading", { name: homeExpectations[role].headings.nb[0]!, exact: true }).count()).toBe(0);
      await expectNoAxeViolations(page);

      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("shows the administrator's counts of users, services and people waiting for a password", async () => {
    const { page, context, problems } = await newPage(browser);
    await login(page, server.baseUrl, "admin");
    const counts = page.getByRole("region", { name: "Administrasjon" }).locator("dl > div");
    await expect.poll(() => counts.allInnerTexts()).toEqual([
      expect.stringMatching(/^Aktive brukere\s+37$/),
      expect.stringMatching(/^Aktive tjenester\s+20$/),
      expect.stringMatching(/^Venter på å velge passord\s+0$/),
    ]);
    await expect.poll(() => page.getByRole("link", { name: "Administrer brukere" }).count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("language choice", () => {
  it("is remembered across navigation and reload, and can be switched back", async () => {
    const { page, context, problems } = await newPage(browser);
    await login(page, server.baseUrl, "principal");
    await switchLanguage(page, "en");
    await page.getByRole("heading", { name: "Staff in Solbakken skole" }).waitFor();

    await page.reload();
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("heading", { name: "Staff in Solbakken skole" }).waitFor();
    await expect.poll(() => page.getByRole("button", { name: "Sign out" }).count()).toBe(1);

    // A full page load from the address bar and a client-side link both stay in English.
    await page.goto(`${server.baseUrl}/no-such-page`);
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("link", { name: "To the front page" }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByRole("heading", { name: "Staff in Solbakken skole" }).waitFor();

    await switchLanguage(page, "nb");
    await page.getByRole("heading", { name: "Ansatte i Solbakken skole" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Ansatte i Solbakken skole" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("nb");
    // Chromium reports the 404 document itself; nothing else may be reported.
    expect(problems.filter((p) => !p.startsWith(failedLoad(404)))).toEqual([]);
    await context.close();
  });
});

describe("signing out", () => {
  it("ends the session: lands on /login, and / then redirects to /login", async () => {
    const { page, context, problems } = await newPage(browser);
    await login(page, server.baseUrl, "nurse");
    await page.getByRole("button", { name: "Logg ut" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByText("Du er logget ut.").waitFor();
    await expect.poll(() => page.getByRole("button", { name: "Logg ut" }).count()).toBe(0);

    await page.goto(`${server.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByRole("heading", { level: 1, name: "Logg inn" }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("works in English too", async () => {
    const { page, context, problems } = await newPage(browser);
    await login(page, server.baseUrl, "ppt");
    await switchLanguage(page, "en");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByText("You are signed out.").waitFor();
    await page.goto(`${server.baseUrl}/admin/users`);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/admin/users");
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("access and accessibility of the other pages", () => {
  it("the login page passes axe in bokmål and English", async () => {
    const { page, context, problems } = await newPage(browser);
    await page.goto(`${server.baseUrl}/login`);
    await page.getByRole("heading", { level: 1, name: "Logg inn" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("nb");
    await expectNoAxeViolations(page);
    await switchLanguage(page, "en");
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await expect.poll(() => page.getByLabel("E-mail address").count()).toBe(1);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a teacher who opens /admin/users gets the 403 page", async () => {
    const { page, context, problems } = await newPage(browser);
    await login(page, server.baseUrl, "teacher");
    const response = await page.goto(`${server.baseUrl}/admin/users`);
    expect(response?.status()).toBe(403);
    await page.getByRole("heading", { level: 1, name: "Ingen tilgang" }).waitFor();
    await expect.poll(() => page.getByText("Rollen din gir ikke tilgang til denne siden.").count()).toBe(1);
    // Nothing of the user list leaks into the page.
    expect(await page.getByText("Per Ulvestad").count()).toBe(0);
    // The header has no administration link for a teacher either.
    expect(await page.getByRole("link", { name: "Administrasjon" }).count()).toBe(0);
    await expectNoAxeViolations(page);
    expect(problems.filter((p) => !p.startsWith(failedLoad(403)))).toEqual([]);
    await context.close();
  });

  it("the admin pages pass axe in bokmål and English", async () => {
    const { page, context, problems } = await newPage(browser);
    await login(page, server.baseUrl, "admin");

    const visit = async (lang: Lang) => {
      const t = dictionaries[lang];
      await page.getByRole("navigation", { name: t.shell.mainNav }).getByRole("link", { name: t.shell.admin }).click();
      await page.waitForURL(`${server.baseUrl}/admin/users`);
      await page.getByRole("heading", { level: 1, name: t.admin.users.title }).waitFor();
      await expect.poll(() => page.getByRole("link", { name: "Ingrid Solvik" }).count()).toBe(1);
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: t.admin.users.new }).click();
      await page.getByRole("heading", { level: 1, name: t.admin.users.new }).waitFor();
      await expect.poll(() => page.getByLabel(t.admin.users.firstService).count()).toBe(1);
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: `← ${t.admin.users.title}` }).click();
      // The demo's generated staff fill the first pages: find the principal by name.
      await page.goto(`${server.baseUrl}/admin/users?q=Aamodt`);
      await page.getByRole("link", { name: "Tor Aamodt" }).click();
      await page.getByRole("heading", { level: 1, name: t.admin.users.editTitle.replace("{{name}}", "Tor Aamodt") }).waitFor();
      await expect.poll(() => page.getByText("Solbakken SFO").count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);

      await page.getByRole("navigation", { name: t.admin.subnav }).getByRole("link", { name: t.shell.services }).click();
      await page.getByRole("heading", { level: 1, name: t.admin.services.title }).waitFor();
      await expect.poll(() => page.getByRole("row").count()).toBe(21); // the header row and the demo's 20 services
      await expectNoAxeViolations(page);

      await page.getByRole("link", { name: t.admin.services.new }).click();
      await page.getByRole("heading", { level: 1, name: t.admin.services.new }).waitFor();
      await expect.poll(() => page.getByLabel(t.admin.services.kind).count()).toBe(1);
      await expectNoAxeViolations(page);

      await page.goto(`${server.baseUrl}/admin/services`);
      await page.getByRole("link", { name: "Solbakken skole" }).click();
      await page.getByRole("heading", { level: 1, name: t.admin.services.editTitle.replace("{{name}}", "Solbakken skole") }).waitFor();
      await expect.poll(() => page.getByText("Ingrid Solvik").count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
    };

    await visit("nb");
    await page.goto(`${server.baseUrl}/`);
    await switchLanguage(page, "en");
    await visit("en");
    expect(problems).toEqual([]);
    await context.close();
  });
});
