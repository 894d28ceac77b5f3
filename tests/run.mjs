#!/usr/bin/env node
/**
 * `npm test`: make sure Debian's Chromium is there, build the app, then run every test
 * (unit, integration, browser) once. Exits non-zero on any failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    console.log(`Chromium not found at ${chromium}; installing Debian's chromium package…`);
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "chromium"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  } else {
    console.error(`Chromium is missing: run "sudo apt-get install -y chromium" (or set CHROMIUM_PATH) and try again.`);
    process.exit(1);
  }
}

run("npm", ["run", "build", "--silent"]);
run("npx", ["vitest", "run", "--config", "tests/vitest.config.ts", ...process.argv.slice(2)]);
