import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Three depths (CONVENTIONS.md "Tests"): unit (pure rules), integration (loaders and
 * actions with real Requests on a fresh copy of a migrated SQLite file per test), e2e (the built server
 * in Debian's Chromium). `npm test` (tests/run.mjs) builds first and runs all three.
 */
export default defineConfig({
  root,
  esbuild: { jsx: "automatic" },
  test: {
    reporters: ["default", "./tests/support/count-reporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          sequence: { groupOrder: 0 },
          setupFiles: ["tests/support/no-console-error.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          sequence: { groupOrder: 1 },
          globalSetup: ["tests/support/template-db.ts"],
          setupFiles: ["tests/support/integration-setup.ts", "tests/support/no-console-error.ts"],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // Browser tests run after the others, two files at a time.
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file starts its own server and browser; two at a time fits 2 cores.
          maxWorkers: 2,
        },
      },
    ],
  },
});
