import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../support/server";

/** The built production server over real HTTP: headers, health, cross-site refusal, settings. */
let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

describe("the production server", () => {
  it("prints where to sign in and seeds the demo into an empty database", () => {
    expect(server.output()).toContain("Sign in at http://localhost:");
    expect(server.output()).toContain("Eksempel kommune");
  });

  it("answers /healthz with 200 and {status: ok} when the database answers", async () => {
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("sets the security headers on pages, data, static files and errors", async () => {
    for (const path of ["/login", "/healthz", "/favicon.svg", "/no-such-page"]) {
      const response = await fetch(`${server.baseUrl}${path}`);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(csp, path).not.toContain("unsafe-inline");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("same-origin");
    }
  });

  it("uses a fresh nonce per response, and the page's scripts carry it", async () => {
    const first = await fetch(`${server.baseUrl}/login`);
    const second = await fetch(`${server.baseUrl}/login`);
    const nonce = /'nonce-([^']+)'/.exec(first.headers.get("content-security-policy")!)![1]!;
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    const html = await first.text();
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("answers an unknown path with a 404 page that reveals nothing internal", async () => {
    const response = await fetch(`${server.baseUrl}/no/such/page`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("Fant ikke siden");
    expect(html).not.toMatch(/Error: |\n\s+at |node_modules|SQLITE|drizzle/);
  });

  it("refuses a cross-site POST before it reaches any action", async () => {
    const byOrigin = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=admin%40eksempel.no&password=Stafett-demo-2026",
      redirect: "manual",
    });
    expect(byOrigin.status).toBe(403);
    expect(byOrigin.headers.get("set-cookie")).toBeNull();
    const byFetchMetadata = await fetch(`${server.baseUrl}/logout`, {
      method: "POST",
      headers: { "Sec-Fetch-Site": "cross-site" },
      redirect: "manual",
    });
    expect(byFetchMetadata.status).toBe(403);
  });

  it("accepts a same-origin POST", async () => {
    const response = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      headers: {
        Origin: server.baseUrl,
        "Sec-Fetch-Site": "same-origin",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "email=admin%40eksempel.no&password=Stafett-demo-2026",
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^stafettlogg_session=[a-z2-7]+\.[a-z2-7]+;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure"); // plain-HTTP localhost only
  });
});

describe("settings at boot", () => {
  const boot = (env: Record<string, string>) =>
    spawnSync(process.execPath, ["build/server.js"], {
      env: { ...process.env, DATABASE_URL: "tests/.tmp/never-opened.db", ...env },
      encoding: "utf8",
      timeout: 20_000,
    });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["SESSION_IDLE_MINUTES", "0"],
    ["DEMO_DATA", "maybe"],
    ["INITIAL_ADMIN_EMAIL", "not-an-address"],
    ["DATABASE_URL", "ftp://example.invalid/db"],
  ])("stops with a one-line message naming %s=%s", (name, value) => {
    const result = boot({ [name]: value });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid setting ${name}: `));
  });
});

describe("a production start without PUBLIC_URL", () => {
  it("refuses to start with a one-line message: links in e-mails would otherwise come from requests", () => {
    const result = spawnSync(process.execPath, ["build/server.js"], {
      env: { ...process.env, DATABASE_URL: "tests/.tmp/never-opened.db", DEMO_DATA: "false", PUBLIC_URL: "" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Invalid setting PUBLIC_URL: required when DEMO_DATA=false/)]);
  });
});

describe("a production start with no users", () => {
  it("creates the first administrator from settings and prints a single-use link instead of seeding the demo", async () => {
    const prod = await startServer({
      DEMO_DATA: "false",
      INITIAL_ADMIN_EMAIL: "drift@kommune.invalid",
      PUBLIC_URL: "https://stafettlogg.kommune.invalid",
    });
    try {
      expect(prod.output()).not.toContain("Eksempel kommune");
      // The link is to be passed on: it points to the public address.
      const path = /First administrator created\. .*?https:\/\/stafettlogg\.kommune\.invalid(\/account-invitation\/[a-z2-7]{32})/.exec(prod.output())?.[1];
      expect(path).toBeDefined();
      const page = await fetch(`${prod.baseUrl}${path!}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("drift@kommune.invalid");
      // The demo accounts do not exist.
      const demo = await fetch(`${prod.baseUrl}/login`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "email=admin%40eksempel.no&password=Stafett-demo-2026",
        redirect: "manual",
      });
      expect(demo.status).toBe(400);
    } finally {
      await prod.stop();
    }
  });
});
