import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The layout's boundaries (CONVENTIONS.md "Boundaries", docs/decisions/020-one-access-layer.md),
 * read from the import statements of the source files:
 * - a route never imports `db/` or `drizzle-orm`, nor the functions that write the access
 *   log or hand out access (app/domain/access/open.server.ts) — it calls the domain, which
 *   opens the log with a purpose;
 * - `app/lib` holds pure helpers: it imports neither the domain nor the database;
 * - only app/domain/access/open.server.ts writes the access log.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

interface Import {
  from: string;
  names: string[];
  typeOnly: boolean;
}

/** Every static import (and re-export) of a module: where from, which names, whether only types. */
export function importsOf(source: string): Import[] {
  const result: Import[] = [];
  const pattern = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']/g;
  for (const match of source.matchAll(pattern)) {
    const clause = match[2] ?? "";
    const braces = clause.match(/\{([^}]*)\}/);
    const names = braces
      ? braces[1]!
          .split(",")
          .map((n) => n.trim())
          .filter(Boolean)
      : [clause.trim()];
    const valueNames = names.filter((n) => !n.startsWith("type "));
    result.push({
      from: match[3]!,
      names: names.map((n) => n.replace(/^type\s+/, "").split(/\s+as\s+/)[0]!),
      typeOnly: match[1] !== undefined || (braces !== null && valueNames.length === 0),
    });
  }
  return result;
}

const ACCESS_WRITERS = new Set(["openLog", "recordSearchHits", "recordAccess", "recordReads"]);

/** What a route may not import, with why; null when the import is fine. */
export function routeImportProblem(imp: Import): string | null {
  if (imp.from === "drizzle-orm" || imp.from.startsWith("drizzle-orm/")) return "drizzle-orm";
  if (/(^|\/)db\//.test(imp.from) || /(^|\/)db$/.test(imp.from)) return "db/";
  const writers = imp.names.filter((n) => ACCESS_WRITERS.has(n));
  if (writers.length > 0 && !imp.typeOnly) return `writes the access log: ${writers.join(", ")}`;
  if (/domain\/access\/open\.server$/.test(imp.from) && !imp.typeOnly) return "the access module's checks";
  return null;
}

describe("boundaries", () => {
  it("the import reader sees what a route must not import", () => {
    const sample = `import { eq } from "drizzle-orm";
import { database } from "../../db/client.server";
import { openLog } from "../domain/access/open.server";
import type { StaffAccess } from "../domain/access/open.server";
import { recordAccess as write } from "../domain/logs/somewhere.server";
import { viewLog } from "../domain/logs/log-page.server";`;
    expect(importsOf(sample).map(routeImportProblem)).toEqual([
      "drizzle-orm",
      "db/",
      "writes the access log: openLog",
      null,
      "writes the access log: recordAccess",
      null,
    ]);
  });

  it("no route imports db/, drizzle-orm or a function that writes the access log", () => {
    const routes = filesUnder(join(root, "app/routes"));
    expect(routes.length).toBeGreaterThan(40);
    const problems = routes.flatMap((file) =>
      importsOf(readFileSync(file, "utf8"))
        .map((imp) => ({ imp, problem: routeImportProblem(imp) }))
        .filter((p) => p.problem !== null)
        .map((p) => `${relative(root, file)}: ${p.imp.from} (${p.problem})`),
    );
    expect(problems).toEqual([]);
  });

  it("app/lib holds pure helpers: it imports neither the domain nor the database", () => {
    const problems = filesUnder(join(root, "app/lib")).flatMap((file) =>
      importsOf(readFileSync(file, "utf8"))
        .filter((imp) => /(^|\/)domain\//.test(imp.from) || /(^|\/)db\//.test(imp.from) || imp.from.startsWith("drizzle-orm"))
        .map((imp) => `${relative(root, file)}: ${imp.from}`),
    );
    expect(problems).toEqual([]);
  });

  it("only the access module writes the access log", () => {
    const writers = filesUnder(join(root, "app")).filter((file) =>
      /insert(Together)?\(\s*accessLog\b/.test(readFileSync(file, "utf8")),
    );
    expect(writers.map((f) => relative(root, f))).toEqual(["app/domain/access/open.server.ts"]);
  });
});
