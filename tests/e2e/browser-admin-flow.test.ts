import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPage } from "../support/browser";
import { makeService, makeUser } from "../support/factories";
import { startWorld, type World } from "../support/world";

/**
 * The "done when" story in Chromium: an administrator adds a service and a person, the
 * person chooses a password through the one-time link in a browser of their own and is
 * signed in; the link then stops working; deactivating the person ends their session.
 * The tests in this file build on each other and run in order. In a world of its own: an
 * administrator and one school.
 */
async function buildWorld() {
  await makeService({ name: "Solbakken skole", kind: "school" });
  const admin = await makeUser({ name: "Aud Administrator", isAdministrator: true });
  return { adminId: admin.id };
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let server: World<unknown>["server"];
let browser: Browser;

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(buildWorld), launchBrowser()]);
  server = world.server;
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

/**
 * Chromium logs "Failed to load resource: … status of N" for every 4xx response, also for
 * the correct 400 after a form with errors and the 404 of a used link. Those (and only
 * those, for the statuses the test expects) are not problems; anything else is.
 */
function expectNoProblems(problems: string[], allowedStatuses: number[] = []) {
  const unexpected = problems.filter(
    (p) => !allowedStatuses.some((s) => p.startsWith(`console: Failed to load resource: the server responded with a status of ${s} `)),
  );
  // The pages live across tests: start the next test with a clean list.
  problems.length = 0;
  expect(unexpected).toEqual([]);
}

/** The error text shown right next to a field (inside the field's own block). */
function fieldError(page: Page, label: string) {
  return page.locator(".field", { has: page.getByLabel(label, { exact: true }) }).locator(".field-error");
}

const errorSummary = (page: Page) => page.getByRole("alert").filter({ hasText: "Skjemaet har feil som må rettes" });

const person = { name: "Kari Prøvesen", email: "kari.provesen@test.invalid", password: "blå fjell og grønne enger" };
const serviceName = "Lykkeli barnehage";

let admin: Awaited<ReturnType<typeof newPage>>;
let invitationUrl = "";
let newcomer: Awaited<ReturnType<typeof newPage>>;

describe("an administrator adds a service and a person who then signs in", () => {
  beforeAll(async () => {
    admin = await newPage(browser);
    await world.signIn(admin.context, world.data.adminId);
    await admin.page.goto(`${server.baseUrl}/`);
  });
  afterAll(async () => {
    await admin?.context.close();
    await newcomer?.context.close();
  });

  it("'Ny tjeneste' shows errors next to the name for an empty and a duplicate name, keeping what was typed", async () => {
    const { page, problems } = admin;
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Administrasjon" }).click();
    await page.getByRole("navigation", { name: "Administrasjonsmeny" }).getByRole("link", { name: "Tjenester" }).click();
    await page.getByRole("link", { name: "Ny tjeneste" }).click();
    await page.waitForURL(`${server.baseUrl}/admin/services/new`);
    await page.getByRole("heading", { level: 1, name: "Ny tjeneste" }).waitFor();

    // Empty name, a kind chosen: the error is next to the name and in the summary.
    await page.getByLabel("Type tjeneste").selectOption({ label: "Barnehage" });
    await page.getByRole("button", { name: "Opprett tjeneste" }).click();
    await fieldError(page, "Navn").getByText("Feltet må fylles ut.").waitFor();
    await errorSummary(page).getByRole("link", { name: "Navn: Feltet må fylles ut." }).waitFor();
    expect(await page.getByLabel("Navn", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Type tjeneste").inputValue()).not.toBe("");
    expect(page.url()).toBe(`${server.baseUrl}/admin/services/new`);
    await expectNoAxeViolations(page);

    // A name that is taken: the server says so next to the field; the typed name stays.
    await page.getByLabel("Navn", { exact: true }).fill("Solbakken skole");
    await page.getByRole("button", { name: "Opprett tjeneste" }).click();
    await fieldError(page, "Navn").getByText("Det finnes allerede en tjeneste med dette navnet.").waitFor();
    await errorSummary(page).getByText("Det finnes allerede en tjeneste med dette navnet.").waitFor();
    expect(await page.getByLabel("Navn", { exact: true }).inputValue()).toBe("Solbakken skole");
    expect(page.url()).toBe(`${server.baseUrl}/admin/services/new`);
    await expectNoAxeViolations(page);

    expectNoProblems(problems, [400]);
  });

  it("creates the service 'Lykkeli barnehage' of kind Barnehage", async () => {
    const { page, problems } = admin;
    await page.getByLabel("Navn", { exact: true }).fill(serviceName);
    await page.getByLabel("Type tjeneste").selectOption({ label: "Barnehage" });
    await page.getByRole("button", { name: "Opprett tjeneste" }).click();
    await page.waitForURL(/\/admin\/services\/[^/]+\?notice=created$/);
    await page.getByRole("heading", { level: 1, name: `Rediger ${serviceName}` }).waitFor();
    await page.getByText("Tjenesten er opprettet.").waitFor();
    expect(await page.getByLabel("Type tjeneste").locator("option:checked").innerText()).toBe("Barnehage");
    await page.getByText("Ingen ansatte er knyttet til tjenesten.").waitFor();

    await page.getByRole("link", { name: "← Tjenester" }).click();
    await page.getByRole("link", { name: serviceName }).waitFor();
    expectNoProblems(problems);
  });

  it("adds a person with that service as first service and shows a one-time link", async () => {
    const { page, problems } = admin;
    await page.getByRole("navigation", { name: "Administrasjonsmeny" }).getByRole("link", { name: "Brukere" }).click();
    await page.getByRole("link", { name: "Ny bruker" }).click();
    await page.getByRole("heading", { level: 1, name: "Ny bruker" }).waitFor();
    await page.getByLabel("Navn", { exact: true }).fill(person.name);
    await page.getByLabel("E-postadresse").fill(person.email);
    await page.getByLabel("Tjeneste (valgfritt)").selectOption({ label: serviceName });
    await page.getByLabel("Rolle i tjenesten").selectOption({ label: "Ansatt" });
    await page.getByLabel("Stilling (valgfritt)").fill("Barnehagelærer");
    await page.getByRole("button", { name: "Opprett bruker" }).click();

    const link = page.getByTestId("invitation-link");
    await link.waitFor();
    invitationUrl = (await link.innerText()).trim();
    expect(invitationUrl).toMatch(new RegExp(`^${server.baseUrl}/account-invitation/[A-Za-z0-9_-]{20,}$`));
    await page.getByText(`Brukeren er opprettet. Send denne lenken til ${person.name}.`).waitFor();
    // The form is emptied for the next person.
    expect(await page.getByLabel("Navn", { exact: true }).inputValue()).toBe("");
    await expectNoAxeViolations(page);
    expectNoProblems(problems);
  });

  it("the person opens the link in their own browser, gets field errors for bad passwords, then is signed in", async () => {
    newcomer = await newPage(browser);
    const { page, problems } = newcomer;
    await page.goto(invitationUrl);
    await page.getByRole("heading", { level: 1, name: "Velg passord" }).waitFor();
    await page.getByText(`Velkommen, ${person.name}. Velg et passord for kontoen ${person.email}.`).waitFor();
    await expectNoAxeViolations(page);

    // Too short.
    await page.getByLabel("Nytt passord").fill("kort");
    await page.getByLabel("Gjenta passordet").fill("kort");
    await page.getByRole("button", { name: "Lagre passord og logg inn" }).click();
    await fieldError(page, "Nytt passord").getByText("Passordet må ha minst 12 tegn.").waitFor();
    await errorSummary(page).getByRole("link", { name: "Nytt passord: Passordet må ha minst 12 tegn." }).waitFor();
    expect(await page.getByLabel("Nytt passord").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page);

    // Long enough, but the repeat does not match.
    await page.getByLabel("Nytt passord").fill(person.password);
    await page.getByLabel("Gjenta passordet").fill(`${person.password}!`);
    await page.getByRole("button", { name: "Lagre passord og logg inn" }).click();
    await fieldError(page, "Gjenta passordet").getByText("Passordene er ikke like.").waitFor();
    await errorSummary(page).getByRole("link", { name: "Gjenta passordet: Passordene er ikke like." }).waitFor();
    expect(await fieldError(page, "Nytt passord").count()).toBe(0);
    expect(new URL(page.url()).pathname).toMatch(/^\/account-invitation\//);

    await page.getByLabel("Gjenta passordet").fill(person.password);
    await page.getByRole("button", { name: "Lagre passord og logg inn" }).click();
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByRole("heading", { level: 1, name: `Hei, ${person.name}` }).waitFor();
    await page.getByRole("main").getByText(`${serviceName} – Ansatt`).waitFor();
    await page.getByRole("heading", { name: "Mine logger" }).waitFor();
    await page.getByText(`Innlogget som ${person.name}`).waitFor();
    await expectNoAxeViolations(page);
    expectNoProblems(problems);
  });

  it("the link does not work a second time", async () => {
    const other = await newPage(browser);
    const response = await other.page.goto(invitationUrl);
    expect(response?.status()).toBe(404);
    await other.page.getByRole("heading", { level: 1, name: "Lenken virker ikke" }).waitFor();
    await other.page.getByText("Lenken er brukt, utløpt eller ugyldig.").waitFor();
    expect(await other.page.getByLabel("Nytt passord").count()).toBe(0);
    await expectNoAxeViolations(other.page);
    await other.page.getByRole("link", { name: "Gå til innlogging" }).click();
    await other.page.waitForURL(`${server.baseUrl}/login`);
    expectNoProblems(other.problems, [404]);
    await other.context.close();

    // Also for the person who used it, while signed in.
    await newcomer.page.goto(invitationUrl);
    await newcomer.page.getByRole("heading", { level: 1, name: "Lenken virker ikke" }).waitFor();
    await newcomer.page.goto(`${server.baseUrl}/`);
    await newcomer.page.getByRole("heading", { level: 1, name: `Hei, ${person.name}` }).waitFor();
    expectNoProblems(newcomer.problems, [404]);
  });

  it("deactivating the person ends their running session", async () => {
    const { page, problems } = admin;
    await page.goto(`${server.baseUrl}/admin/users`);
    await page.getByRole("link", { name: person.name }).click();
    await page.getByRole("heading", { level: 1, name: `Rediger ${person.name}` }).waitFor();
    await page.getByText("Aktiv – Har valgt passord").waitFor();
    await page.getByRole("button", { name: "Deaktiver brukeren" }).click();
    await page.waitForURL(/\?notice=deactivated$/);
    await page.getByText("Brukeren er deaktivert og logget ut.").waitFor();
    await page.getByText("Deaktivert – Har valgt passord").waitFor();
    await page.getByRole("button", { name: "Aktiver brukeren igjen" }).waitFor();

    // The person's open page: the next navigation (a client-side link) lands on /login.
    await newcomer.page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Hjem" }).click();
    await newcomer.page.waitForURL((url) => url.pathname === "/login");
    await newcomer.page.getByRole("heading", { level: 1, name: "Logg inn" }).waitFor();
    expect(await newcomer.page.getByText(`Innlogget som ${person.name}`).count()).toBe(0);

    // Signing in again with the chosen password does not work while deactivated.
    await newcomer.page.getByLabel("E-postadresse").fill(person.email);
    await newcomer.page.getByLabel("Passord", { exact: true }).fill(person.password);
    await newcomer.page.getByRole("button", { name: "Logg inn" }).click();
    await newcomer.page.getByText("Feil e-postadresse eller passord.").first().waitFor();
    expect(new URL(newcomer.page.url()).pathname).toBe("/login");

    expectNoProblems(problems);
    expectNoProblems(newcomer.problems, [400]);
  });
});
