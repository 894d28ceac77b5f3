import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The production server runs with a heap limit: without one V8 sizes its heap from the
 * machine's memory (about 4 GB on this one) and lets it grow to several times the live data
 * under steady traffic, which alone took RSS past issue 9's 250 MB. With
 * --max-old-space-size=512 it collects sooner and the server stays near 170 MB
 * (docs/decisions/017; measured by tests/bench/memory.mjs, which starts the server with the
 * serve script's flags).
 */
const { scripts } = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf8")) as {
  scripts: Record<string, string>;
};

/** The node flags a script starts build/server.js with, or undefined if it does not. */
function serverFlags(script: string | undefined) {
  const match = /(?:^|&&\s*)node((?:\s+--\S+)*)\s+build\/server\.js\s*$/.exec(script ?? "");
  return match?.[1]?.trim().split(/\s+/).filter(Boolean);
}

describe("the production start", () => {
  it("npm start and npm run serve run the server with a heap limit", () => {
    for (const name of ["start", "serve"]) {
      expect(serverFlags(scripts[name]), name).toContain("--max-old-space-size=512");
    }
  });

  it("npm start builds first and then runs exactly what npm run serve runs", () => {
    expect(scripts.start).toMatch(/^npm run build && /);
    expect(serverFlags(scripts.start)).toEqual(serverFlags(scripts.serve));
  });
});
