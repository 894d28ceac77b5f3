import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { nb } from "../../app/i18n/nb";
import { FORM_BODY_LIMIT, UPLOAD_ROUTES } from "../../app/route-helpers/request-body.server";
import { createId } from "../../app/lib/ids";
import { DEMO_PASSWORD } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

/**
 * Issue 9 points 5 and 6 over HTTP, against the built production server: every route that
 * exports an action (read from app/routes, so a new route is covered without editing this
 * file) gets each bad body, as a signed-in teacher sending the headers a browser sends,
 * and must answer 4xx with a page, never 500, and write no stack trace to the log.
 */
const routesDir = resolve(process.cwd(), "app/routes");

interface ActionRoute {
  id: string;
  path: string;
  upload: boolean;
}

/** "logs.$logId.consents.new.tsx" → "/logs/x…/consents/new" (flat routes: "." is "/"). */
function pathOf(file: string) {
  const segments = file
    .replace(/\.tsx?$/, "")
    .split(".")
    .filter((segment) => segment !== "_index")
    .map((segment) => (segment.startsWith("$") ? "t3stid0000000000" : segment));
  return `/${segments.join("/")}`;
}

const actionRoutes: ActionRoute[] = readdirSync(routesDir)
  .filter((file) => /\.tsx?$/.test(file))
  .filter((file) => /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(readFileSync(resolve(routesDir, file), "utf8")))
  .map((file) => {
    const id = `routes/${file.replace(/\.tsx?$/, "")}`;
    return { id, path: pathOf(file), upload: id in UPLOAD_ROUTES };
  })
  // Signing out last, so the session holds for the others.
  .sort((a, b) => Number(a.id === "routes/logout") - Number(b.id === "routes/logout"));

let server: RunningServer;
let cookie = "";

async function signIn(email = "laerer@eksempel.no") {
  const response = await fetch(`${server.baseUrl}/login`, {
    method: "POST",
    headers: browserHeaders({ "Content-Type": "application/x-www-form-urlencoded" }),
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

/** What Chromium sends with a form post from one of our pages. */
function browserHeaders(extra: Record<string, string> = {}) {
  return { Origin: server.baseUrl, "Sec-Fetch-Site": "same-origin", ...extra };
}

beforeAll(async () => {
  server = await startServer({ MAIL_FOLDER: resolve(process.cwd(), `tests/.tmp/mail-${createId()}`) });
  cookie = await signIn();
});
afterAll(async () => {
  await server?.stop();
});

async function post(path: string, body: BodyInit, headers: Record<string, string>) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: "POST",
    headers: browserHeaders({ Cookie: cookie, ...headers }),
    body,
    redirect: "manual",
  });
  return {
    status: response.status,
    headers: response.headers,
    type: response.headers.get("content-type") ?? "",
    html: await response.text(),
    location: response.headers.get("location"),
  };
}

/** A translated page, in bokmål by default: the refusal's text under a heading, nothing internal. */
function expectRefusalPage(answer: { type: string; html: string }, text: string) {
  expect(answer.type).toMatch(/^text\/html/);
  expect(answer.html).toContain("<h1>");
  expect(answer.html).toContain(text);
  expect(answer.html).not.toMatch(/TypeError|Error: |\n\s+at |node_modules/);
}

const multipartBody = (boundary: string, closed: boolean) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\nHei${closed ? `\r\n--${boundary}--\r\n` : ""}`;

describe("bad bodies, on every action route", () => {
  it("finds the action routes in app/routes, with the consent upload among them", () => {
    expect(actionRoutes.length).toBeGreaterThan(30);
    expect(actionRoutes.map((r) => r.id)).toContain("routes/login");
    expect(actionRoutes.filter((r) => r.upload).map((r) => r.id)).toEqual(["routes/logs.$logId.consents.new"]);
  });

  it("every route that reads a file from its form is listed as an upload route (10 MB); the rest get the form limit", () => {
    const readsFiles = readdirSync(routesDir).filter((file) =>
      /unstable_parseMultipartFormData|createMemoryUploadHandler|createFileUploadHandler/.test(readFileSync(resolve(routesDir, file), "utf8")),
    );
    expect(readsFiles.map((file) => `routes/${file.replace(/\.tsx?$/, "")}`).sort()).toEqual(Object.keys(UPLOAD_ROUTES).sort());
  });

  it.each([
    ["a JSON body", "application/json", '{"text":"Hei"}'],
    ["a text/plain body", "text/plain", "text=Hei"],
    ["an XML body", "application/xml", "<text>Hei</text>"],
  ])("answers %s with 415 and the translated page", async (_name, type, body) => {
    for (const route of actionRoutes) {
      const answer = await post(route.path, body, { "Content-Type": type });
      expect(answer.status, route.id).toBe(415);
      expectRefusalPage(answer, nb.errors.body_unsupported);
    }
  });

  it("answers multipart without a boundary, and a broken multipart body, with 400 and the translated page", async () => {
    for (const route of actionRoutes) {
      const noBoundary = await post(route.path, multipartBody("xyz", true), { "Content-Type": "multipart/form-data" });
      expect(noBoundary.status, route.id).toBe(400);
      expectRefusalPage(noBoundary, nb.errors.body_malformed);
      const broken = await post(route.path, multipartBody("xyz", false), { "Content-Type": "multipart/form-data; boundary=xyz" });
      expect(broken.status, route.id).toBe(400);
      expectRefusalPage(broken, nb.errors.body_malformed);
    }
  });

  it("answers a form-encoded body to the consent upload with 415 (it takes multipart only)", async () => {
    for (const route of actionRoutes.filter((r) => r.upload)) {
      const answer = await post(route.path, "scope=keep&method=oral", { "Content-Type": "application/x-www-form-urlencoded" });
      expect(answer.status, route.id).toBe(415);
      expectRefusalPage(answer, nb.errors.body_unsupported);
    }
  });

  it("answers a body over the limit with 413 and the translated page: 256 kB for forms, the file's 10 MB and that for uploads", async () => {
    const uploadLimit = Math.max(...Object.values(UPLOAD_ROUTES));
    for (const route of actionRoutes) {
      const answer = route.upload
        ? await post(route.path, multipartBody("xyz", true).replace("Hei", "x".repeat(uploadLimit)), { "Content-Type": "multipart/form-data; boundary=xyz" })
        : await post(route.path, `text=${"x".repeat(FORM_BODY_LIMIT)}`, { "Content-Type": "application/x-www-form-urlencoded" });
      expect(answer.status, route.id).toBe(413);
      expectRefusalPage(answer, nb.errors.body_too_large);
    }
  });

  it("takes a form just under the limit as a form (the limit is not off by much)", async () => {
    const answer = await post("/language", `locale=nb&redirectTo=/&pad=${"x".repeat(FORM_BODY_LIMIT - 40)}`, {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(answer.status).toBe(302);
  });

  it("answers Sec-Fetch-Site: none with a foreign Origin with 403 and a page, before any action", async () => {
    for (const route of actionRoutes) {
      const answer = await post(route.path, "text=Hei", {
        "Content-Type": "application/x-www-form-urlencoded",
        "Sec-Fetch-Site": "none",
        Origin: "https://evil.example",
      });
      expect(answer.status, route.id).toBe(403);
      expectRefusalPage(answer, nb.pages.crossSite);
      expect(answer.html).toContain(en.pages.crossSite);
    }
  });

  it("shows the refusal in English to someone who chose English", async () => {
    const chosen = await post("/language", "locale=en&redirectTo=/", { "Content-Type": "application/x-www-form-urlencoded" });
    const language = chosen.headers.get("set-cookie")!.split(";")[0]!;
    const answer = await fetch(`${server.baseUrl}/logs/new`, {
      method: "POST",
      headers: browserHeaders({ Cookie: `${cookie}; ${language}`, "Content-Type": "application/json" }),
      body: "{}",
    });
    expect(answer.status).toBe(415);
    const html = await answer.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(en.errors.body_unsupported);
  });
});

/** Redirect targets a browser would follow off the site, or that a Location header cannot carry. */
const hostileTargets = [
  "/\t/evil.example",
  "/\t\t/evil.example",
  "/\r\n/evil.example",
  "/\n/evil.example",
  "/a\r\nSet-Cookie: x=1",
  "/\u3000/evil.example",
  "//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/..//evil.example",
  "https://evil.example",
  "javascript:alert(1)",
];

function expectStaysOnSite(location: string | null) {
  if (location === null) return;
  expect(new URL(location, server.baseUrl).origin).toBe(new URL(server.baseUrl).origin);
}

describe("redirect targets from input", () => {
  it.each(hostileTargets.map((t) => [JSON.stringify(t), t]))("sign-in with redirectTo=%s goes home", async (_name, target) => {
    const response = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      headers: browserHeaders({ "Content-Type": "application/x-www-form-urlencoded" }),
      body: new URLSearchParams({ email: "laerer@eksempel.no", password: DEMO_PASSWORD, redirectTo: target }),
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    // Already signed in: the sign-in page's loader sends the browser on, home as well.
    const signedIn = response.headers.get("set-cookie")!.split(";")[0]!;
    const again = await fetch(`${server.baseUrl}/login?redirectTo=${encodeURIComponent(target)}`, { headers: { Cookie: signedIn }, redirect: "manual" });
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe("/");
  });

  it.each(hostileTargets.map((t) => [JSON.stringify(t), t]))("the language switch with redirectTo=%s goes home", async (_name, target) => {
    const answer = await post("/language", new URLSearchParams({ locale: "nb", redirectTo: target }).toString(), {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("/");
  });

  it("keeps a same-site target", async () => {
    const answer = await post("/language", new URLSearchParams({ locale: "nb", redirectTo: "/logs/new?x=1" }).toString(), {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(answer.location).toBe("/logs/new?x=1");
  });

  it("no action route answers a hostile redirectTo (or returnTo, next) with 500 or a redirect off the site", async () => {
    for (const target of ["/\t/evil.example", "/\r\n/evil.example", "/\u3000/evil.example", "//evil.example"]) {
      for (const route of actionRoutes) {
        const fields = new URLSearchParams({ redirectTo: target, returnTo: target, next: target, locale: "nb" });
        const answer = route.upload
          ? await post(route.path, multipartBody("xyz", true).replace('name="text"', 'name="redirectTo"').replace("Hei", target), {
              "Content-Type": "multipart/form-data; boundary=xyz",
            })
          : await post(route.path, fields.toString(), { "Content-Type": "application/x-www-form-urlencoded" });
        expect(answer.status, `${route.id} ${JSON.stringify(target)}`).toBeLessThan(500);
        expectStaysOnSite(answer.location);
      }
      // Signing out ended the session: sign in again for the next round.
      cookie = await signIn();
    }
  });
});

function rawRequest(method: string, path: string): Promise<{ status: number; allow?: string; type?: string; body: string }> {
  const url = new URL(path, server.baseUrl);
  return new Promise((done, fail) => {
    const req = httpRequest({ method, host: url.hostname, port: url.port, path: url.pathname, headers: { Cookie: cookie } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => done({ status: res.statusCode ?? 0, allow: res.headers.allow, type: res.headers["content-type"], body }));
    });
    req.on("error", fail);
    req.end();
  });
}

describe("methods", () => {
  it.each(["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND"])("answers %s with 405, an Allow header and a page, and logs nothing", async (method) => {
    const before = server.output().length;
    for (const path of ["/", "/login", "/logout", "/logs/new", "/no/such/page"]) {
      const answer = await rawRequest(method, path);
      expect(answer.status, `${method} ${path}`).toBe(405);
      expect(answer.allow).toBe("GET, HEAD, POST");
      expect(answer.type).toMatch(/^text\/html/);
      expect(answer.body).toContain(nb.pages.methodNotAllowedBody);
    }
    expect(server.output().slice(before)).toBe("");
  });
});

describe("the server's log", () => {
  it("holds no stack trace and no error after all of the above", () => {
    expect(server.output()).not.toMatch(/\n\s+at |\[error\]|TypeError|Error: /);
  });
});
