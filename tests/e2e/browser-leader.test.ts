import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addAction } from "../../app/domain/logs/actions.server";
import { proposeHandover } from "../../app/domain/logs/handovers.server";
import { shareWithLeader } from "../../app/domain/logs/lifecycle.server";
import { inviteToLog } from "../../app/domain/logs/log-invitations.server";
import { setUserActive } from "../../app/domain/people/users.server";
import { expectNoAxeViolations, launchBrowser, main, newPage } from "../support/browser";
import { makeService, makeUser } from "../support/factories";
import { actorOf, daysAgo, giveConsent, inDays, makeConcern, makeRelayLog } from "../support/log-factories";
import { backdateEvaluation, backdateRespondBy, startWorld, type World } from "../support/world";

/**
 * The service leader's overview (/leder) in Chromium, on a world of its own: Solbakken skole
 * with the principal Tor Aamodt (leader), the teachers Ingrid Solvik and Sindre Fjellheim, and
 * Kari Nordby, a teacher who has been deactivated; a second school with its own teacher.
 * Ingrid holds Mira Solberg Haugen's relay log (level 1, an action three days late, and an
 * invitation to Sindre past its date), Jonas Berg Dahl's relay log (a handover to Sindre
 * waiting) and Theo Nilsen Vik's level-0 note, shared with the principal; Kari held Frida Lie
 * Moen's relay log (orphaned); Ingrid's private note on Ola Privat is not shared; the other
 * school's teacher holds Emil Annen Skole's log. The principal opens the overview from home,
 * sees every section, filters by level and follows a row to the log; axe in nb and en, a 360 px
 * phone, and the filter without JavaScript.
 */
async function buildWorld() {
  const school = await makeService({ name: "Solbakken skole", kind: "school" });
  const otherSchool = await makeService({ name: "Nordli skole", kind: "school" });
  const ids = {
    principal: (await makeUser({ name: "Tor Aamodt", memberships: [{ serviceId: school.id, role: "leader" }] })).id,
    teacher: (await makeUser({ name: "Ingrid Solvik", memberships: [{ serviceId: school.id, role: "employee" }] })).id,
    colleague: (await makeUser({ name: "Sindre Fjellheim", memberships: [{ serviceId: school.id, role: "employee" }] })).id,
    leaver: (await makeUser({ name: "Kari Nordby", memberships: [{ serviceId: school.id, role: "employee" }] })).id,
    elsewhere: (await makeUser({ name: "Per Nordli", memberships: [{ serviceId: otherSchool.id, role: "employee" }] })).id,
    admin: (await makeUser({ name: "Admin Istrator", isAdministrator: true })).id,
  };
  const teacher = await actorOf(ids.teacher);

  const mira = await makeRelayLog(teacher, school.id, "Mira Solberg Haugen");
  await giveConsent(teacher, mira.logId, "keep");
  const late = await addAction(teacher, mira.logId, {
    description: "Lesestund med spesialpedagog hver morgen",
    goal: "Mira leser en side høyt uten hjelp",
    responsible: { kind: "other", text: "Kontaktlærer" },
    startOn: daysAgo(30),
    evaluateOn: inDays(10),
  });
  await backdateEvaluation(mira.logId, late, daysAgo(3));
  const invitation = await inviteToLog(teacher, mira.logId, { inviteeId: ids.colleague, serviceId: school.id, message: "Bli med?" });
  await backdateRespondBy(invitation.invitationId, daysAgo(2));

  const jonas = await makeRelayLog(teacher, school.id, "Jonas Berg Dahl");
  await proposeHandover(teacher, jonas.logId, { toUserId: ids.colleague, toServiceId: school.id, message: "Vil du ta over?" });

  const theo = await makeConcern(teacher, school.id, "Theo Nilsen Vik");
  await shareWithLeader(teacher, theo.logId);
  await makeConcern(teacher, school.id, "Ola Privat");

  const frida = await makeRelayLog(await actorOf(ids.leaver), school.id, "Frida Lie Moen");
  await setUserActive(await actorOf(ids.admin), ids.leaver, false);

  await makeRelayLog(await actorOf(ids.elsewhere), otherSchool.id, "Emil Annen Skole");
  return { ids, logs: { mira: mira.logId, jonas: jonas.logId, theo: theo.logId, frida: frida.logId } };
}

let world: World<Awaited<ReturnType<typeof buildWorld>>>;
let browser: Browser;
let principal: Awaited<ReturnType<typeof newPage>>;

const logsTable = () => main(principal.page).getByRole("table");
const section = (name: string) => main(principal.page).getByRole("region", { name });

beforeAll(async () => {
  [world, browser] = await Promise.all([startWorld(buildWorld), launchBrowser()]);
  principal = await newPage(browser);
  await world.signIn(principal.context, world.data.ids.principal);
  await principal.page.goto(`${world.server.baseUrl}/`);
});
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});
afterEach(() => {
  expect(principal.problems.splice(0)).toEqual([]);
});

describe("the principal's overview", () => {
  it("opens from home and shows every section, only the school's logs", async () => {
    const { page } = principal;
    await main(page).getByRole("link", { name: /^Åpne lederoversikten/ }).click();
    await page.getByRole("heading", { level: 1, name: "Lederoversikt" }).waitFor();
    expect(page.url()).toBe(`${world.server.baseUrl}/leder`);
    // Theo (shared), Mira, Jonas, Frida: not Ola's private note, not the other school's log.
    const rows = logsTable().getByRole("row");
    expect(await rows.count()).toBe(5);
    const table = await logsTable().innerText();
    for (const name of ["Mira Solberg Haugen", "Jonas Berg Dahl", "Theo Nilsen Vik", "Frida Lie Moen"]) expect(table).toContain(name);
    expect(table).toContain("Kari Nordby (deaktivert)");
    expect(table).toContain("Evalueringen er forsinket");
    const text = await main(page).innerText();
    expect(text).not.toContain("Ola Privat");
    expect(text).not.toContain("Emil Annen Skole");
    expect(await main(page).getByText("4 logger").count()).toBe(1);

    const overdue = section("Forsinkede evalueringer");
    expect(await overdue.innerText()).toContain("Lesestund med spesialpedagog hver morgen – ansvarlig: Kontaktlærer");
    expect(await overdue.getByRole("link", { name: "Mira Solberg Haugen" }).getAttribute("href")).toMatch(
      new RegExp(`^/logs/${world.data.logs.mira}#action-[a-z2-7]{26}$`),
    );
    const orphaned = section("Logger uten stafettholder");
    expect(await orphaned.getByRole("link", { name: /^Utnevn ny stafettholder/ }).getAttribute("href")).toBe(`/logs/${world.data.logs.frida}/appoint`);
    const invitations = section("Invitasjoner uten svar etter fristen");
    expect(await invitations.innerText()).toContain("Til Sindre Fjellheim (Solbakken skole), invitert av Ingrid Solvik");
    expect(await invitations.getByRole("link", { name: "Loggen for Mira S. H., nivå 1" }).getAttribute("href")).toBe(`/logs/${world.data.logs.mira}`);
    const handovers = section("Overføringer som venter på svar");
    expect(await handovers.innerText()).toContain("Fra Ingrid Solvik til Sindre Fjellheim (Solbakken skole)");
    expect(await handovers.getByRole("link", { name: "Loggen for Jonas Berg Dahl, nivå 1" }).getAttribute("href")).toBe(`/logs/${world.data.logs.jonas}`);
    await expectNoAxeViolations(page);
  });

  it("filters by level and follows a row to the log", async () => {
    const { page } = principal;
    await page.getByLabel("Nivå", { exact: true }).selectOption({ label: "Nivå 0" });
    await page.getByRole("button", { name: "Vis", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("level") === "0");
    await expect.poll(() => logsTable().getByRole("row").count()).toBe(2);
    expect(await logsTable().innerText()).toContain("Theo Nilsen Vik");
    await expectNoAxeViolations(page);
    await logsTable().getByRole("link", { name: "Theo Nilsen Vik" }).click();
    await page.getByRole("heading", { level: 1, name: "Theo Nilsen Vik" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/logs/${world.data.logs.theo}`);
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Lederoversikt" }).waitFor();
  });

  it("reads in English, passes axe, and fits a 360 px phone", async () => {
    const { page } = principal;
    await page.goto(`${world.server.baseUrl}/leder`);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Leader's overview" }).waitFor();
    expect(await main(principal.page).getByRole("region", { name: "Overdue evaluations" }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Norsk bokmål" }).click();
    await page.getByRole("heading", { level: 1, name: "Lederoversikt" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe("without JavaScript", () => {
  it("the filter works as a plain GET form", async () => {
    const noJs = await newPage(browser, { javaScriptEnabled: false });
    try {
      await world.signIn(noJs.context, world.data.ids.principal);
      await noJs.page.goto(`${world.server.baseUrl}/leder`);
      await noJs.page.getByLabel("Nivå", { exact: true }).selectOption({ label: "Nivå 1" });
      await noJs.page.getByLabel("Stafettholder", { exact: true }).selectOption({ label: "Ingrid Solvik" });
      await noJs.page.getByLabel("Bare logger med varsler").check();
      await noJs.page.getByRole("button", { name: "Vis", exact: true }).click();
      await noJs.page.waitForURL((url) => url.searchParams.get("level") === "1", { waitUntil: "load" });
      const table = main(noJs.page).getByRole("table");
      // Mira and Jonas (level 1, held by Ingrid); not Frida (Kari's), not Theo (level 0).
      expect(await table.getByRole("row").count()).toBe(3);
      const text = await table.innerText();
      expect(text).toContain("Mira Solberg Haugen");
      expect(text).toContain("Jonas Berg Dahl");
      // The answer keeps the filter it was asked with.
      expect(await noJs.page.getByLabel("Bare logger med varsler").isChecked()).toBe(true);
      expect(await noJs.page.getByLabel("Stafettholder", { exact: true }).inputValue()).toBe(world.data.ids.teacher);
      expect(noJs.problems).toEqual([]);
    } finally {
      await noJs.page.context().close();
    }
  });
});
