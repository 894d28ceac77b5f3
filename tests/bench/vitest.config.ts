import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/** `npm run bench`: timings on a database the size of a large municipality. Never part of `npm test`. */
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    globalSetup: ["tests/support/template-db.ts"],
    setupFiles: ["tests/support/integration-setup.ts"],
    benchmark: { include: ["tests/bench/**/*.bench.ts"] },
    hookTimeout: 300_000,
  },
});
