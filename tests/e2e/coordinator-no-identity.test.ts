import { createClient } from "@libsql/client";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableIds } from "../../app/lib/statistics";
import { launchBrowser, login, newPage } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

/**
 * What the coordinator never sees (issue 12 point 6): on the demo data (the demo children and
 * a year of generated history), every page the coordinator has — the dashboard for every year
 * and kind of service, the annual report in both languages, the home page and the action
 * guide's pages — and every export file are
 * scanned for every child's name, birth date and national id, every guardian's name, e-mail
 * and phone, every log id, every free-text entry, and any link to a log.
 */
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  ({ page } = await newPage(browser));
  await login(page, server.baseUrl, "coordinator");
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Everything that identifies a child, read from the server's own database. */
async function identities() {
  const db = createClient({ url: `file:${server.databasePath}` });
  try {
    const strings = new Set<string>();
    const add = (v: unknown) => {
      if (typeof v === "string" && v.trim().length >= 4) strings.add(v.trim());
    };
    for (const r of (await db.execute("select name, birth_date, national_id from children")).rows) {
      add(r.name);
      add(r.birth_date);
      add(r.national_id);
      for (const part of String(r.name).split(" ")) if (part.length >= 4) add(part);
    }
    for (const r of (await db.execute("select name, email, phone from guardians")).rows) {
      add(r.name);
      add(r.email);
      add(r.phone);
    }
    for (const r of (await db.execute("select id from logs")).rows) add(r.id);
    // Free text: every entry's text as written (long enough to be the person's own words).
    for (const r of (await db.execute(
      "select json_extract(data, '$.text') t, json_extract(data, '$.what') w from log_events where type in ('observation','note','child_voice','concern')",
    )).rows) {
      if (typeof r.t === "string" && r.t.length >= 12) add(r.t);
      if (typeof r.w === "string" && r.w.length >= 12) add(r.w);
    }
    return [...strings];
  } finally {
    db.close();
  }
}

function expectNoIdentity(where: string, body: string, secrets: string[]) {
  const found = secrets.filter((s) => body.includes(s));
  expect(found, `identities in ${where}`).toEqual([]);
  expect(body, `a link to a log in ${where}`).not.toMatch(/\/logs\/[A-Za-z0-9_-]+/);
}

describe("the coordinator never sees a child", () => {
  it("the dashboard, the report and every export hold no name, birth date, id, guardian, free text or log link", async () => {
    const secrets = await identities();
    expect(secrets.length).toBeGreaterThan(50);
    // The list holds what it should: a demo child, her guardian, and a synthetic national id.
    expect(secrets).toEqual(expect.arrayContaining(["Noah Hagen Eriksen", "Line Hagen"]));
    expect(secrets.some((s) => /^\d{11}$/.test(s))).toBe(true);
    const first = await page.request.get(`${server.baseUrl}/koordinator`);
    expect(first.status()).toBe(200);
    const html = await first.text();
    expectNoIdentity("/koordinator", html, secrets);
    const years = [...html.matchAll(/<option value="(\d{4})"/g)].map((m) => m[1]!);
    const kinds = [...html.matchAll(/<option value="([a-z_]+)"/g)].map((m) => m[1]!);
    expect(years.length).toBeGreaterThanOrEqual(1);
    expect(kinds.length).toBeGreaterThanOrEqual(2);
    let files = 0;
    for (const year of years) {
      for (const kind of ["", ...kinds]) {
        const query = `year=${year}${kind ? `&kind=${kind}` : ""}`;
        const res = await page.request.get(`${server.baseUrl}/koordinator?${query}`);
        expect(res.status()).toBe(200);
        expectNoIdentity(`/koordinator?${query}`, await res.text(), secrets);
        for (const id of tableIds) {
          for (const format of ["csv", "json"]) {
            const file = await page.request.get(`${server.baseUrl}/koordinator/eksport/${id}?${query}&format=${format}`);
            expect(file.status()).toBe(200);
            expectNoIdentity(`${id}.${format} (${query})`, await file.text(), secrets);
            files += 1;
          }
        }
      }
      for (const lang of ["nb", "en"]) {
        await page.context().addCookies([{ name: "stafettlogg_lang", value: lang, url: server.baseUrl }]);
        const res = await page.request.get(`${server.baseUrl}/koordinator/rapport?year=${year}`);
        expect(res.status()).toBe(200);
        expectNoIdentity(`report ${year} (${lang})`, await res.text(), secrets);
      }
    }
    expect(files).toBeGreaterThanOrEqual(tableIds.length * 2 * 3);
    // The coordinator's other pages: home, the action guide, each version and its preview.
    const guide = await (await page.request.get(`${server.baseUrl}/veileder`)).text();
    const versions = [...new Set([...guide.matchAll(/href="(\/veileder\/[^"?#]+)"/g)].map((m) => m[1]!))];
    expect(versions.length).toBeGreaterThanOrEqual(1);
    for (const path of ["/", "/veileder", ...versions, ...versions.map((v) => `${v}/preview`)]) {
      const res = await page.request.get(`${server.baseUrl}${path}`);
      expect(res.status(), path).toBe(200);
      expectNoIdentity(path, await res.text(), secrets);
    }
  }, 240_000);
});
