import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addAction } from "../../app/domain/logs/actions.server";
import { inviteToLog } from "../../app/domain/logs/log-invitations.server";
import { expectNoAxeViolations, failedLoad, launchBrowser, main, newPage } from "../support/browser";
import { makeService, makeUser } from "../support/factories";
import { actorOf, daysAgo, giveConsent, inDays, makeRelayLog } from "../support/log-factories";
import { backdateRespondBy, startWorld, type World } from "../support/world";

/**
 * What a new user stumbled on (issue 9, point 13), in Chromium with and without
 * JavaScript: the evaluation form shows the chosen decision's fields (all of them,
 * grouped, without JavaScript), page titles name the page's heading, the home page's
 * invitation says who, from where and to which log, and registering a child who already
 * has a log points to it. In a world of its own: a teacher holds Sofie's log (one action)
 * and invited a colleague to it, whose respond-by date has passed. Every name is invented.
 */
async function buildWorld() {
  const school = await makeService({ name: "Solbakken skole", kind: "school" });
  const teacher = await makeUser({ name: "Ingrid Solvik", memberships: [{ serviceId: school.id, role: "employee" }] });
  const colleague = await makeUser({ memberships: [{ serviceId: school.id, role: "employee" }] });
  const holder = await actorOf(teacher.id);
  const { logId } = await makeRelayLog(holder, school.id, "Sofie Lund Nilsen");
  await giveConsent(holder, logId, "keep");
  await addAction(holder, logId, {
    description: "Lesestund med spesialpedagog",
    goal: "Sofie leser en side høyt",
    responsible: { kind: "other", text: "Spesialpedagog" },
    startOn: daysAgo(20),
    evaluateOn: inDays(10),
  });
  const { invitationId } = await inviteToLog(holder, logId, {
    inviteeId: colleague.id,
    serviceId: school.id,
    message: "Kan du bli med og følge opp lesingen?",
  });
  await backdateRespondBy(invitationId, daysAgo(2));
  return { teacherId: teacher.id, colleagueId: colleague.id };
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let server: World<unknown>["server"];
let browser: Browser;
let withJs: Awaited<ReturnType<typeof newPage>>;
let noJs: Awaited<ReturnType<typeof newPage>>;
let allowed: RegExp[] = [];

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(buildWorld), launchBrowser()]);
  server = world.server;
  withJs = await newPage(browser);
  noJs = await newPage(browser, { javaScriptEnabled: false });
  await Promise.all([world.signIn(withJs.context, world.data.teacherId), world.signIn(noJs.context, world.data.teacherId)]);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});
afterEach(() => {
  for (const who of [withJs, noJs]) {
    const unexpected = who.problems.filter((p) => !allowed.some((a) => a.test(p)));
    who.problems.length = 0;
    expect(unexpected).toEqual([]);
  }
  allowed = [];
});

/** The title is "<h1> – Stafettlogg". */
async function expectTitleMatchesHeading(page: Page) {
  const h1 = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  expect(await page.title(), page.url()).toBe(`${h1} – Stafettlogg`);
}

/** From the teacher's home to the evaluation form of Sofie's first action. */
async function openEvaluation(page: Page) {
  await page.goto(`${server.baseUrl}/`);
  await main(page).getByRole("link", { name: "Sofie Lund Nilsen" }).click();
  await page.getByRole("heading", { level: 1, name: "Sofie Lund Nilsen" }).waitFor();
  await main(page).getByRole("link", { name: /^Evaluer tiltaket/ }).first().click();
  await page.getByRole("heading", { level: 1, name: "Evaluer tiltaket" }).waitFor();
}

const conditional = ["Neste evaluering", "Hva justeres?", "Nytt nivå", "Begrunnelse for nytt nivå"] as const;

async function visibleFields(page: Page) {
  const shown: string[] = [];
  for (const label of conditional) if (await page.getByLabel(label, { exact: true }).isVisible()) shown.push(label);
  return shown;
}

describe("the evaluation form", () => {
  it("with JavaScript shows only the fields of the chosen decision, and sends only those", async () => {
    const { page } = withJs;
    await openEvaluation(page);
    await expectTitleMatchesHeading(page);
    // Hydrated: nothing conditional until a decision is chosen.
    await expect.poll(() => visibleFields(page)).toEqual([]);
    await expectNoAxeViolations(page);
    const expected: [string, string[]][] = [
      ["Fortsette tiltaket", ["Neste evaluering"]],
      ["Justere tiltaket", ["Neste evaluering", "Hva justeres?"]],
      ["Avslutte tiltaket", []],
      ["Endre nivå", ["Neste evaluering", "Nytt nivå", "Begrunnelse for nytt nivå"]],
      ["Avslutte loggen", []],
    ];
    for (const [decision, fields] of expected) {
      await page.getByRole("radio", { name: decision, exact: true }).check();
      await expect.poll(() => visibleFields(page), { message: decision }).toEqual(fields);
    }
    expect(await main(page).getByText("Når du lagrer evalueringen, kommer du til skjemaet for å avslutte loggen.").isVisible()).toBe(true);
    await page.getByRole("radio", { name: "Endre nivå", exact: true }).check();
    await expectNoAxeViolations(page);

    // A field typed under one decision is not sent under another.
    await page.getByRole("radio", { name: "Justere tiltaket", exact: true }).check();
    await page.getByLabel("Hva justeres?").fill("Bare to økter i uka.");
    await page.getByRole("radio", { name: "Fortsette tiltaket", exact: true }).check();
    await page.getByLabel("Hva er gjort?").fill("Lesegruppa har gått som planlagt.");
    await page.getByLabel("Hva har virket, og hva har ikke virket?").fill("Faste økter har virket.");
    await page.getByLabel("Hvordan opplever barnet endringen?").fill("Sofie sier hun leser mer.");
    const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/evaluate"));
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    const body = (await posted).postData() ?? "";
    expect(body).toContain("decision=continue");
    expect(body).not.toContain("adjustment");
    await page.waitForURL(/notice=evaluated/);
  });

  it("without JavaScript shows every field, grouped under a legend that says when it applies", async () => {
    const { page } = noJs;
    await openEvaluation(page);
    await expectTitleMatchesHeading(page);
    expect(await visibleFields(page)).toEqual([...conditional]);
    const group = (name: string) => page.getByRole("group", { name, exact: true });
    expect(await group("Når tiltaket fortsetter, justeres eller nivået endres").getByLabel("Neste evaluering").isVisible()).toBe(true);
    expect(await group("Når tiltaket justeres").getByLabel("Hva justeres?").isVisible()).toBe(true);
    expect(await group("Når nivået endres").getByLabel("Nytt nivå", { exact: true }).isVisible()).toBe(true);
    expect(await group("Når nivået endres").getByLabel("Begrunnelse for nytt nivå").isVisible()).toBe(true);
    expect(await group("Når loggen avsluttes").isVisible()).toBe(true);

    // The server still checks per decision: "adjust" without what is adjusted is refused next to the field.
    await page.getByLabel("Hva er gjort?").fill("Lesegruppa har gått.");
    await page.getByLabel("Hva har virket, og hva har ikke virket?").fill("Faste økter.");
    await page.getByLabel("Hvordan opplever barnet endringen?").fill("Bedre.");
    await page.getByRole("radio", { name: "Justere tiltaket", exact: true }).check();
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await page.locator("#evaluation-adjustment-error").waitFor();
    expect(await page.getByLabel("Hva er gjort?").inputValue()).toBe("Lesegruppa har gått.");
    allowed = [failedLoad(400)];
  });
});

describe("page titles and headings", () => {
  it("every form the teacher opens is titled after its heading", async () => {
    const { page } = withJs;
    await page.goto(`${server.baseUrl}/`);
    await expectTitleMatchesHeading(page);
    await main(page).getByRole("link", { name: "Sofie Lund Nilsen" }).click();
    await page.getByRole("heading", { level: 1, name: "Sofie Lund Nilsen" }).waitFor();
    const logUrl = page.url().split("?")[0]!;
    await expectTitleMatchesHeading(page);
    for (const path of ["/entry?type=observation", "/entry?type=meeting", "/entry?type=note", "/voice?who=guardian", "/voice?who=child", "/level", "/print"]) {
      await page.goto(`${logUrl}${path}`);
      await expectTitleMatchesHeading(page);
    }
    await page.goto(`${server.baseUrl}/logs/new`);
    await expectTitleMatchesHeading(page);
  });
});

describe("the home page's invitation", () => {
  it("says who invited, from which service, to which log and by when", async () => {
    const second = await newPage(browser);
    await world.signIn(second.context, world.data.colleagueId);
    await second.page.goto(`${server.baseUrl}/`);
    const invitations = main(second.page).getByRole("region", { name: "Invitasjoner til deg" });
    await invitations.getByRole("link", { name: "Svar: Loggen om Sofie L. N., nivå 1" }).waitFor();
    const text = await invitations.innerText();
    expect(text).toContain("Ingrid Solvik (Solbakken skole) inviterer deg til å delta for Solbakken skole.");
    expect(text).toMatch(/Svar innen \d+\. \w+ \d{4} Svarfristen er passert/);
    expect(text).not.toContain("Sofie Lund Nilsen");
    await expectNoAxeViolations(second.page);
    expect(second.problems).toEqual([]);
    await second.context.close();
  });
});

describe("registering a child who already has a log", () => {
  it("without JavaScript points to the log, keeps what was typed, and registers anyway on request", async () => {
    const { page } = noJs;
    const fill = async () => {
      await page.goto(`${server.baseUrl}/logs/new`);
      await page.getByLabel("Barnets navn").fill("Vilde Dobbelt Prøve");
      await page.getByLabel("Fødselsdato").fill("2016-05-05");
      await page.getByLabel("Hva har du sett eller hørt?").fill("Vilde gråt i garderoben to morgener på rad.");
    };
    await fill();
    await page.getByRole("button", { name: "Lagre notatet" }).click();
    await page.waitForURL(/\/logs\/[a-z2-7]{26}\?notice=saved/);
    const firstLog = new URL(page.url()).pathname;

    await fill();
    await page.getByRole("button", { name: "Lagre notatet" }).click();
    const notice = main(page).getByRole("alert").filter({ hasText: "Det finnes allerede en logg for dette barnet" });
    await notice.waitFor();
    expect(await notice.getByRole("link", { name: /^Vilde Dobbelt Prøve, født 5\. mai 2016$/ }).getAttribute("href")).toBe(firstLog);
    expect(await page.getByLabel("Hva har du sett eller hørt?").inputValue()).toBe("Vilde gråt i garderoben to morgener på rad.");
    await expectTitleMatchesHeading(page);
    await page.getByRole("button", { name: "Registrer likevel som ny bekymring" }).click();
    await page.waitForURL(/\/logs\/[a-z2-7]{26}\?notice=saved/);
    expect(new URL(page.url()).pathname).not.toBe(firstLog);
    allowed = [failedLoad(409)];
  });

  it("with JavaScript the notice passes axe", async () => {
    const { page } = withJs;
    await page.goto(`${server.baseUrl}/logs/new`);
    await page.getByLabel("Barnets navn").fill("Vilde Dobbelt Prøve");
    await page.getByLabel("Fødselsdato").fill("2016-05-05");
    await page.getByLabel("Hva har du sett eller hørt?").fill("Igjen lei seg.");
    await page.getByRole("button", { name: "Lagre notatet" }).click();
    await main(page).getByRole("alert").filter({ hasText: "Det finnes allerede 2 logger for dette barnet" }).waitFor();
    await expectNoAxeViolations(page);
    allowed = [failedLoad(409)];
  });
});
