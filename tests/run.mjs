#!/usr/bin/env node
/**
 * `npm test`: make sure Debian's Chromium is there, build the app, then run the suites —
 * unit, integration, browser (e2e) — one after another, each once. Prints each stage's
 * time and the total, then the one line CI reads ("N passed, N failed, N skipped"). Exits
 * non-zero on any failure; a failing suite does not stop the later ones.
 *
 * Extra arguments go to vitest: `npm test -- tests/unit/i18n.test.ts` (suites without a
 * matching file are skipped quietly), `npm test -- --project unit` (only that suite).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const SUITES = ["unit", "integration", "e2e"];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  return result.status ?? 1;
}

if (!existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    console.log(`Chromium not found at ${chromium}; installing Debian's chromium package…`);
    if (run("apt-get", ["update", "-qq"]) !== 0) process.exit(1);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    if (run("apt-get", ["install", "-y", "-qq", "chromium"], { env }) !== 0) process.exit(1);
  } else {
    console.error(`Chromium is missing: run "sudo apt-get install -y chromium" (or set CHROMIUM_PATH) and try again.`);
    process.exit(1);
  }
}

/** Split `--project x` / `--project=x` from the other arguments. */
function parseArgs(argv) {
  const projects = [];
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--project") projects.push(argv[++i]);
    else if (arg.startsWith("--project=")) projects.push(arg.slice("--project=".length));
    else rest.push(arg);
  }
  return { projects, rest };
}

const { projects, rest } = parseArgs(process.argv.slice(2));
const suites = projects.length ? SUITES.filter((s) => projects.includes(s)) : SUITES;
const unknown = projects.filter((p) => !SUITES.includes(p));
if (unknown.length) {
  console.error(`Unknown suite ${unknown.join(", ")}: expected ${SUITES.join(", ")}.`);
  process.exit(1);
}

const tmpDir = resolve(process.cwd(), "tests/.tmp");
mkdirSync(tmpDir, { recursive: true });
const countFile = resolve(tmpDir, `counts-${process.pid}.jsonl`);
rmSync(countFile, { force: true });

/** [name, seconds, exit status] per stage, in order. */
const stages = [];
function stage(name, command, args, options) {
  const started = performance.now();
  const status = run(command, args, options);
  stages.push([name, (performance.now() - started) / 1000, status]);
  return status;
}

const overall = performance.now();
let failedStage = stage("build", "npm", ["run", "build", "--silent"]) !== 0;
if (!failedStage) {
  for (const suite of suites) {
    const args = ["vitest", "run", "--config", "tests/vitest.config.ts", "--project", suite, ...rest];
    // With a file filter, a suite that holds none of the files has nothing to run.
    if (rest.length) args.push("--passWithNoTests");
    const env = { ...process.env, COUNT_REPORT_FILE: countFile };
    if (stage(suite, "npx", args, { env }) !== 0) failedStage = true;
  }
}
const total = (performance.now() - overall) / 1000;

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(countFile)) {
  for (const line of readFileSync(countFile, "utf8").split("\n").filter(Boolean)) {
    const row = JSON.parse(line);
    for (const key of Object.keys(counts)) counts[key] += row[key];
  }
  rmSync(countFile, { force: true });
}

const width = Math.max(...stages.map(([name]) => name.length), "total".length);
const seconds = (s) => `${s.toFixed(1).padStart(7)} s`;
console.log("\nTimes");
for (const [name, s, status] of stages) console.log(`  ${name.padEnd(width)} ${seconds(s)}${status === 0 ? "" : "  (failed)"}`);
console.log(`  ${"total".padEnd(width)} ${seconds(total)}`);
// A stage that failed without failing a test (a build error, a crash) still fails the run.
if (failedStage && counts.failed === 0) counts.failed = 1;
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedStage ? 1 : 0);
