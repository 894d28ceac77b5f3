import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { MetaDescriptor } from "@remix-run/node";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { i18nFor } from "../../app/i18n/i18n";
import * as close from "../../app/routes/logs.$logId.close";
import * as entry from "../../app/routes/logs.$logId.entry";
import * as voice from "../../app/routes/logs.$logId.voice";
import * as home from "../../app/routes/_index";
import * as logPage from "../../app/routes/logs.$logId._index";
import * as printPage from "../../app/routes/logs.$logId.print";
import { nb } from "../../app/i18n/nb";
import { makeService, makeUser, sessionFor } from "../support/factories";
import { actorOf, makeConcern } from "../support/log-factories";
import { callLoader } from "../support/requests";

/**
 * WCAG 2.4.2: a page's <title> names the same page as its heading. The title is
 * "<h1> – Stafettlogg"; a form reached with ?type= or ?who= is titled after the form it shows.
 */
type Meta = (args: unknown) => MetaDescriptor[];

function titleOf(meta: unknown, path: string, data: unknown, params: Record<string, string> = {}) {
  const url = new URL(path, "http://localhost:3000");
  const descriptors = (meta as Meta)({
    data,
    params,
    location: { pathname: url.pathname, search: url.search, hash: "", state: null, key: "default" },
    matches: [],
    error: undefined,
  });
  return (descriptors.find((d) => "title" in d) as { title: string }).title;
}

const withApp = (heading: string) => `${heading} – Stafettlogg`;

let cookie = "";
let logId = "";

// The server makes (and registers) its shared instances on the first render (app/entry.server.tsx);
// meta functions called directly need them made first.
beforeAll(() => {
  i18nFor("nb");
  i18nFor("en");
});

beforeEach(async () => {
  const school = await makeService({ kind: "school" });
  const teacher = await makeUser({ name: "Tittel Lærer", memberships: [{ serviceId: school.id, role: "employee" }] });
  cookie = (await sessionFor(teacher.id)).cookie;
  logId = (await makeConcern(await actorOf(teacher.id), school.id)).logId;
});

describe("page titles match the page's heading", () => {
  it("the observation, note and meeting forms are titled after the form, not all 'Nytt notat'", async () => {
    const cases = [
      ["observation", nb.logs.forms.observation.title],
      ["note", nb.logs.forms.note.title],
      ["meeting", nb.logs.forms.meeting.title],
    ] as const;
    for (const [type, heading] of cases) {
      const path = `/logs/${logId}/entry?type=${type}`;
      const o = await callLoader(entry.loader, path, { cookie, params: { logId } });
      expect(o.status).toBe(200);
      expect(titleOf(entry.meta, path, o.data, { logId }), type).toBe(withApp(heading));
    }
    // Without ?type= the page shows the note form, and says so.
    expect(titleOf(entry.meta, `/logs/${logId}/entry`, {}, { logId })).toBe(withApp(nb.logs.forms.note.title));
  });

  it("the child's and the guardians' voice forms are titled after whose voice it is", async () => {
    for (const [who, heading] of [
      ["child", nb.logs.forms.voice.childTitle],
      ["guardian", nb.logs.forms.voice.guardianTitle],
    ] as const) {
      const path = `/logs/${logId}/voice?who=${who}`;
      const o = await callLoader(voice.loader, path, { cookie, params: { logId } });
      expect(titleOf(voice.meta, path, o.data, { logId }), who).toBe(withApp(heading));
    }
  });

  it("closing a level-0 concern is titled as the concern's close form", async () => {
    const path = `/logs/${logId}/close`;
    const o = await callLoader(close.loader, path, { cookie, params: { logId } });
    expect(o.status).toBe(200);
    expect(titleOf(close.meta, path, o.data, { logId })).toBe(withApp(nb.logs.forms.close.concernTitle));
  });

  // Their headings live in section components (LogHeader, PrintHeader), out of reach of the
  // table below, which reads the route files.
  it("the log page is titled with the child's name, and its print with the print's heading", async () => {
    const path = `/logs/${logId}`;
    const o = await callLoader<{ child: { name: string } }>(logPage.loader, path, { cookie, params: { logId } });
    expect(o.status).toBe(200);
    const name = o.data.child.name;
    expect(name.length).toBeGreaterThan(0);
    expect(titleOf(logPage.meta, path, o.data, { logId })).toBe(withApp(name));
    const printPath = `/logs/${logId}/print`;
    const p = await callLoader<{ child: { name: string } }>(printPage.loader, printPath, { cookie, params: { logId } });
    expect(p.status).toBe(200);
    expect(titleOf(printPage.meta, printPath, p.data, { logId })).toBe(withApp(nb.logs.print.title.replace("{{name}}", name)));
  });

  it("the home page is titled with its greeting", async () => {
    const o = await callLoader(home.loader, "/", { cookie });
    expect(titleOf(home.meta, "/", o.data)).toBe(withApp("Hei, Tittel Lærer"));
  });

  // Table-driven from the route files, so a new route is covered: every translation key a
  // route's <h1> can show must be one its meta() can show.
  const calledAbove = ["logs.$logId.entry.tsx"];
  const routesDir = resolve(process.cwd(), "app/routes");
  const keysIn = (source: string) => new Set([...source.matchAll(/[`"]([a-z][\w]*(?:\.[\w${}]+)+)[`"]/g)].map((m) => m[1]!));
  for (const file of readdirSync(routesDir).filter((f) => f.endsWith(".tsx"))) {
    const source = readFileSync(resolve(routesDir, file), "utf8");
    const metaMatch = source.match(/export const meta[\s\S]*?;\n\n/);
    const headings = [
      ...source.matchAll(/<h1>([\s\S]*?)<\/h1>/g),
      ...source.matchAll(/<LogFormHeading[^>]*title=\{([\s\S]*?)\}\s*\/>/g),
    ].map((m) => m[1]!);
    if (headings.length === 0) continue;
    it(`${file}: the title can say what the heading says`, () => {
      expect(metaMatch, `${file} has a heading but no meta`).not.toBeNull();
      const metaKeys = keysIn(metaMatch![0]);
      const headingSource = headings.join("\n");
      // A heading that is a variable (`{title}`) is resolved where the variable is set.
      const variables = [...headingSource.matchAll(/^\{?(\w+)\}?$/gm)].map((m) => m[1]!);
      let resolved = headingSource;
      for (const v of variables) {
        const decl = source.match(new RegExp(`const ${v} =([\\s\\S]*?);\\n`));
        if (decl) resolved += `\n${decl[1]}`;
      }
      const headingKeys = [...keysIn(resolved)];
      // Headings that show data (a name) rather than a text key must be matched by the meta's data.
      if (headingKeys.length === 0) {
        expect(metaMatch![0], `${file}: the heading shows data the title does not use`).toMatch(/args\.data/);
        return;
      }
      for (const key of headingKeys) {
        // A key built from the URL (`logs.forms.${type}.title`) is checked by calling meta() above.
        if (key.includes("${")) {
          expect(calledAbove, `${file}: a heading built from the URL needs a meta() test above`).toContain(file);
          continue;
        }
        expect(metaKeys.has(key), `${file}: heading "${key}" is never the title`).toBe(true);
      }
    });
  }
});
