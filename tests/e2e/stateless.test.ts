import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, main, newPage } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

/**
 * The app keeps nothing between requests in a process (issue 13 point 9): sessions, CSRF
 * tokens and everything else live in the database. Two server processes on one database file:
 * a session made on one is good on the other (sessions live in the database; cross-site posts
 * are refused by Origin and fetch metadata, not by a token a process keeps), and what one
 * writes the other reads at once.
 */
let first: RunningServer;
let second: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [first, browser] = await Promise.all([startServer(), launchBrowser()]);
  second = await startServer({}, { databasePath: first.databasePath });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await second?.stop();
  await first?.stop();
});

describe("two servers, one database", () => {
  it("a session from one is good on the other, and what one writes the other shows", async () => {
    const { page, problems } = await newPage(browser);
    await login(page, first.baseUrl, "teacher");
    // The same browser, the other process (cookies are per host, not per port).
    await page.goto(`${second.baseUrl}/`);
    await main(page).getByRole("heading", { level: 1 }).waitFor();
    expect(page.url()).toBe(`${second.baseUrl}/`);
    await main(page).getByRole("link", { name: "Noah Hagen Eriksen" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Noah Hagen Eriksen" }).waitFor();
    const logPath = new URL(page.url()).pathname;

    // The second server takes a note under the session the first one made.
    await page.goto(`${second.baseUrl}${logPath}/entry?type=note`);
    await page.getByLabel("Notat").fill("Skrevet på én server, lest av en annen");
    await page.getByRole("button", { name: "Lagre" }).click();
    await page.waitForURL((url) => url.port === new URL(second.baseUrl).port && url.pathname === logPath);

    // The first server shows what the second wrote.
    await page.goto(`${first.baseUrl}${logPath}`);
    await expect.poll(() => main(page).getByText("Skrevet på én server, lest av en annen").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 60_000);
});
