#!/usr/bin/env node
/**
 * HTTP benchmark on the large database (issue 13 point 2): `npm run bench:http`.
 *
 * Builds for production, copies the large database (npm run seed:large) to a temporary file,
 * starts build/server.js on it on loopback and measures the hot pages with autocannon at 32
 * connections, in alternating rounds (round 1 of every target, then round 2 of every
 * target, ...), beside a bare node:http server that sends the sign-in page's bytes (the
 * machine's ceiling). Prints a table, writes JSON. How to run and read it:
 * docs/benchmarks.md. `node tests/bench/http/run.mjs --help` lists the options.
 */
import { execFileSync, fork, spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { createServer } from "node:net";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient } from "@libsql/client";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import autocannon from "autocannon";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const PASSWORD = "Stafett-large-2026";
const SESSION_COOKIE = "stafettlogg_session";

// ---------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------

const HELP = `Usage: npm run bench:http -- [options]

  --db PATH             large database made by \`npm run seed:large\` (default data/large.db);
                        its accounts file is PATH.json. The file is copied, never written.
  --duration S          seconds per target per round (default 10)
  --rounds N            rounds (default 3); each round measures every target once
  --connections N       concurrent connections (default 32)
  --warmup S            unmeasured seconds per target before round 1 (default 1; 0 = none)
  --only a,b            only these targets (names below)
  --quick               smoke run: 1 round of 2 s, no warm-up
  --no-build            use the existing build/ instead of \`npm run build\`
  --accept-encoding V   Accept-Encoding sent with every request (default "gzip, deflate, br",
                        as browsers do; "identity" to measure without compression)
  --out PATH            JSON results (default tests/bench/http/results/<timestamp>.json)
  --help

Targets: ${"TARGET_NAMES"}
Environment other than the server's own settings passes through to the server
(e.g. WORKERS=2 npm run bench:http).`;

function parseOptions(argv) {
  const o = {
    db: "data/large.db",
    duration: 10,
    rounds: 3,
    connections: 32,
    warmup: 1,
    only: null,
    quick: false,
    build: true,
    acceptEncoding: "gzip, deflate, br",
    out: null,
  };
  const number = (name, value, min) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) fail(`${name} needs a number ≥ ${min}, got ${value}`, 2);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`, 2);
    switch (flag) {
      case "--db": o.db = value(); break;
      case "--duration": o.duration = number(flag, value(), 1); break;
      case "--rounds": o.rounds = Math.floor(number(flag, value(), 1)); break;
      case "--connections": o.connections = Math.floor(number(flag, value(), 1)); break;
      case "--warmup": o.warmup = number(flag, value(), 0); break;
      case "--only": o.only = value().split(",").map((s) => s.trim()).filter(Boolean); break;
      case "--quick": o.quick = true; break;
      case "--no-build": o.build = false; break;
      case "--accept-encoding": o.acceptEncoding = value(); break;
      case "--out": o.out = value(); break;
      case "--help": case "-h": console.log(HELP.replace("TARGET_NAMES", TARGETS.map((t) => t.name).join(", "))); process.exit(0);
      default: fail(`unknown option ${arg} (see --help)`, 2);
    }
  }
  if (o.quick) Object.assign(o, { rounds: 1, duration: 2, warmup: 0 });
  return o;
}

/**
 * The targets, in the order of every round. `who` is whose session cookie goes along;
 * `expect` the status class that counts as a success (GET pages must answer 200: a redirect
 * there means a lost session; the note POST answers with a redirect back to the log).
 */
const TARGETS = [
  { name: "ceiling", label: "bare node:http, sign-in bytes", server: "ceiling", path: () => "/login", expect: "2xx" },
  { name: "healthz", label: "/healthz", path: () => "/healthz", expect: "2xx" },
  { name: "login", label: "sign-in page GET /login", path: () => "/login", expect: "2xx" },
  { name: "home-teacher", label: "home, teacher (~40 logs)", who: "teacher", path: () => "/", expect: "2xx" },
  { name: "home-leader", label: "home, leader (~2,000 logs)", who: "leader", path: () => "/", expect: "2xx" },
  { name: "log", label: "log page (300+ events), teacher", who: "teacher", path: (f) => `/logs/${f.bigLogId}`, expect: "2xx" },
  { name: "search", label: "search (leader, common surname)", who: "leader", path: (f) => `/?q=${encodeURIComponent(f.surname)}`, expect: "2xx" },
  { name: "family-log", label: "family's log page, guardian", who: "guardian", path: (f) => `/family/logs/${f.guardianLogId}`, expect: "2xx" },
  { name: "coordinator", label: "coordinator dashboard", who: "coordinator", path: () => "/koordinator", expect: "2xx" },
  {
    name: "note-post",
    label: "note POST, teacher",
    who: "teacher",
    method: "POST",
    path: (f) => `/logs/${f.noteLogId}/entry?type=note`,
    body: (f) => new URLSearchParams({ type: "note", occurredOn: f.today, text: "Benchmark note: no content." }).toString(),
    expect: "3xx",
  },
];

// ---------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------

const cleanups = [];
let cleaningUp = null;
async function cleanUp() {
  cleaningUp ??= (async () => {
    for (const fn of cleanups.splice(0).reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error(`cleanup: ${error.message}`);
      }
    }
  })();
  return cleaningUp;
}

/** Reports, cleans up and exits; does not throw (for event handlers). */
function abort(message, code = 1) {
  console.error(`bench:http: ${message}`);
  void cleanUp().finally(() => process.exit(code));
}
/** abort(), then throws so that the caller goes no further. */
function fail(message, code = 1) {
  abort(message, code);
  throw new BenchExit(message);
}
class BenchExit extends Error {}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    console.error(`\nbench:http: ${signal}, stopping.`);
    void cleanUp().finally(() => process.exit(130));
  });
}

function freePort() {
  return new Promise((done, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => done(port));
    });
  });
}

/** Today in Oslo as YYYY-MM-DD (the app's todayInOslo). */
const todayInOslo = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(new Date());

/** One request with node:http (no decompression, no redirects followed). */
function request(url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((done, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout: ${method} ${url}`)));
    if (body) req.write(body);
    req.end();
  });
}

/** Resident memory (VmRSS, KiB) of a process and all its descendants, by pid. */
function rssTree(pid) {
  const processes = [];
  const visit = (p) => {
    let kib = null;
    try {
      const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kib = m ? Number(m[1]) : 0;
    } catch {
      return; // gone
    }
    processes.push({ pid: p, rssMiB: round1(kib / 1024) });
    let children = "";
    try {
      children = execFileSync("ps", ["-o", "pid=", "--ppid", String(p)], { encoding: "utf8" });
    } catch {
      // ps exits 1 when there are no children
    }
    for (const c of children.split(/\s+/).filter(Boolean)) visit(Number(c));
  };
  visit(pid);
  return { totalMiB: round1(processes.reduce((s, p) => s + p.rssMiB, 0)), processes };
}

/** CPU time (clock ticks) used so far by a process and its descendants. */
function cpuTicksTree(pid) {
  let ticks = 0;
  const visit = (p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      return;
    }
    let children = "";
    try {
      children = execFileSync("ps", ["-o", "pid=", "--ppid", String(p)], { encoding: "utf8" });
    } catch {
      // no children
    }
    for (const c of children.split(/\s+/).filter(Boolean)) visit(Number(c));
  };
  visit(pid);
  return ticks;
}

/**
 * Waits until the server (and its children) use under a tenth of a core over two
 * consecutive half-second windows; at most 120 s. Returns the seconds waited.
 */
async function waitUntilIdle(pid) {
  const started = Date.now();
  let quiet = 0;
  let last = cpuTicksTree(pid);
  while (quiet < 2 && Date.now() - started < 120_000) {
    await new Promise((r) => setTimeout(r, 500));
    const now = cpuTicksTree(pid);
    quiet = now - last <= 5 ? quiet + 1 : 0; // 100 ticks a second: 5 ticks in 0.5 s = 10 %
    last = now;
  }
  return round1((Date.now() - started) / 1000);
}

const round1 = (n) => Math.round(n * 10) / 10;
const round2 = (n) => Math.round(n * 100) / 100;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function git(args) {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const known = new Set(TARGETS.map((t) => t.name));
  for (const name of options.only ?? []) if (!known.has(name)) fail(`unknown target "${name}"; targets: ${[...known].join(", ")}`, 2);
  const targets = TARGETS.filter((t) => !options.only || options.only.includes(t.name));

  const dbPath = resolve(root, options.db);
  if (!existsSync(dbPath)) {
    fail(`no database at ${dbPath}.\nMake one first: npm run seed:large${options.db === "data/large.db" ? "" : ` -- --db ${options.db}`}`, 2);
  }
  const accountsPath = `${dbPath}.json`;
  if (!existsSync(accountsPath)) fail(`no accounts file at ${accountsPath} (written by npm run seed:large at the end)`, 2);
  const seedInfo = JSON.parse(readFileSync(accountsPath, "utf8"));

  const startedAt = new Date();
  const loadAtStart = os.loadavg().map(round2);
  const commit = git(["rev-parse", "HEAD"]);
  const dirty = (git(["status", "--porcelain", "--untracked-files=no"]) ?? "") !== "";

  // 1. Build.
  if (options.build) {
    console.log("bench:http: npm run build");
    const built = spawnSync("npm", ["run", "build", "--silent"], { stdio: "inherit", cwd: root });
    if (built.status !== 0) fail("the build failed", built.status ?? 1);
  }
  if (!existsSync(resolve(root, "build/server.js"))) fail("build/server.js is missing (run without --no-build)", 2);

  // 2. The database copy (the note POST and every page read write to it).
  const tmp = resolve(os.tmpdir(), `bench-http-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  const copy = join(tmp, "large.db");
  const copyStarted = Date.now();
  for (const suffix of ["", "-wal", "-shm"]) {
    if (existsSync(dbPath + suffix)) copyFileSync(dbPath + suffix, copy + suffix);
  }
  console.log(`bench:http: copied ${dbPath} (${(statSync(copy).size / 1e9).toFixed(2)} GB) to ${copy} in ${((Date.now() - copyStarted) / 1000).toFixed(1)} s`);

  // 3. What to measure, found in the copy; the family session is made here (see below).
  const fixtures = await prepare(copy, seedInfo);
  console.log(
    `bench:http: log ${fixtures.bigLogId} (${fixtures.bigLogEvents} events), search "${fixtures.surname}" ` +
      `(${fixtures.searchHits} of the leader's logs), note POSTs to ${fixtures.noteLogId}, family log ${fixtures.guardianLogId}`,
  );

  // 4. The server.
  const server = await startServer(copy);
  cleanups.push(() => stopProcess(server.child));
  const base = server.baseUrl;
  const common = { "accept-encoding": options.acceptEncoding, accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
  const sameOrigin = { origin: base, "sec-fetch-site": "same-origin" };

  // 5. Sessions: staff sign in through the form; the family session was made in the copy.
  const cookies = { guardian: `${SESSION_COOKIE}=${fixtures.familyToken}` };
  for (const [who, email] of Object.entries(fixtures.staffEmails)) {
    const res = await request(`${base}/login`, {
      method: "POST",
      headers: { ...sameOrigin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password: PASSWORD, redirectTo: "/" }).toString(),
    });
    const cookie = [res.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (res.status !== 302 || !cookie) fail(`signing in as the ${who} (${email}) answered ${res.status}, not 302 with a session cookie`);
    cookies[who] = cookie.split(";")[0];
  }

  // 6. The ceiling: the sign-in page's bytes and headers, served by a bare node:http server.
  const signInPage = await request(`${base}/login`, { headers: common });
  if (signInPage.status !== 200) fail(`GET /login answered ${signInPage.status}`);
  const ceiling = await startCeiling(tmp, signInPage);
  cleanups.push(() => stopProcess(ceiling.child));

  // 7. Every target once: it must answer what it should, or the figures mean nothing.
  const plans = [];
  for (const t of targets) {
    const url = (t.server === "ceiling" ? ceiling.baseUrl : base) + t.path(fixtures);
    const headers = { ...common, ...(t.who ? { cookie: cookies[t.who] } : {}) };
    if (t.method === "POST") Object.assign(headers, sameOrigin, { "content-type": "application/x-www-form-urlencoded" });
    const body = t.body?.(fixtures);
    const res = await request(url, { method: t.method ?? "GET", headers, body });
    const ok = t.expect === "3xx" ? res.status === 302 || res.status === 303 : res.status === 200;
    if (!ok) {
      fail(`check failed: ${t.method ?? "GET"} ${url} as ${t.who ?? "anonymous"} answered ${res.status}` +
        (res.headers.location ? ` → ${res.headers.location}` : "") + ` (expected ${t.expect === "3xx" ? "302/303" : "200"})`);
    }
    // The same request alone, three times in a row: the latency without load.
    const alone = [];
    for (let k = 0; k < 3; k++) {
      const at = performance.now();
      await request(url, { method: t.method ?? "GET", headers, body });
      alone.push(performance.now() - at);
    }
    plans.push({
      target: t, url, method: t.method ?? "GET", headers, body,
      checkStatus: res.status, checkBytes: res.body.byteLength, aloneMs: alone.map(round1),
    });
  }
  console.log(`bench:http: all ${plans.length} targets answer as expected; server ${base} (pid ${server.child.pid}), ceiling ${ceiling.baseUrl}`);

  // 8. Measure.
  const rss = { before: rssTree(server.child.pid), afterRound: [], end: null, peakMiB: 0 };
  const sampler = setInterval(() => {
    rss.peakMiB = Math.max(rss.peakMiB, rssTree(server.child.pid).totalMiB);
  }, 1000);
  cleanups.push(() => clearInterval(sampler));
  let appRequests = plans.length + Object.keys(fixtures.staffEmails).length + 1;

  // After a run, the server still works on the requests that were in flight when autocannon
  // stopped (their sockets are gone, the handlers are not): wait until it is idle, so that
  // the next target is not measured against the last one's leftovers.
  const run = async (plan, duration) => {
    const result = await autocannon({
      url: plan.url,
      method: plan.method,
      headers: plan.headers,
      body: plan.body,
      connections: options.connections,
      duration,
      timeout: 30,
    });
    result.drainSeconds = plan.target.server === "ceiling" ? 0 : await waitUntilIdle(server.child.pid);
    return result;
  };

  const total = options.rounds * plans.length * options.duration + (options.warmup ? plans.length * options.warmup : 0);
  console.log(
    `bench:http: ${options.rounds} round(s) × ${plans.length} target(s) × ${options.duration} s at ${options.connections} connections` +
      (options.warmup ? `, after ${options.warmup} s of warm-up each` : "") + ` (~${Math.ceil(total / 60)} min)`,
  );
  if (options.warmup) {
    for (const plan of plans) {
      const r = await run(plan, options.warmup);
      if (plan.target.server !== "ceiling") appRequests += r.requests.total;
    }
  }
  const rounds = plans.map(() => []);
  for (let round = 1; round <= options.rounds; round++) {
    for (const [i, plan] of plans.entries()) {
      const r = await run(plan, options.duration);
      if (plan.target.server !== "ceiling") appRequests += r.requests.total;
      const good = plan.target.expect === "3xx" ? r["2xx"] + r["3xx"] : r["2xx"];
      const responses = r["1xx"] + r["2xx"] + r["3xx"] + r["4xx"] + r["5xx"];
      const row = {
        round,
        requestsPerSecond: round1(r.requests.total / r.duration),
        requests: r.requests.total,
        seconds: r.duration,
        latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max, mean: round2(r.latency.mean) },
        errors: r.errors,
        timeouts: r.timeouts,
        unexpectedStatus: responses - good,
        statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, v]) => [code, v.count])),
        bytesPerResponse: responses ? Math.round(r.throughput.total / responses) : null,
        serverRssMiB: plan.target.server === "ceiling" ? null : rssTree(server.child.pid).totalMiB,
        loadAverage1m: round2(os.loadavg()[0]),
        drainSeconds: r.drainSeconds,
      };
      rounds[i].push(row);
      console.log(
        `  round ${round} ${plan.target.name.padEnd(13)} ${String(row.requestsPerSecond).padStart(8)} req/s  ` +
          `p50 ${row.latencyMs.p50} ms  p99 ${row.latencyMs.p99} ms  (drained in ${row.drainSeconds} s)` +
          (row.errors + row.timeouts + row.unexpectedStatus ? `  ERRORS ${row.errors + row.timeouts} / unexpected status ${row.unexpectedStatus}` : ""),
      );
    }
    rss.afterRound.push(rssTree(server.child.pid));
  }
  clearInterval(sampler);
  rss.end = rssTree(server.child.pid);

  // 9. Summaries and the table.
  const loginIndex = plans.findIndex((p) => p.target.name === "login");
  const results = plans.map((plan, i) => {
    const rs = rounds[i];
    const rps = rs.map((r) => r.requestsPerSecond);
    const ratios = loginIndex >= 0 ? rs.map((r, k) => r.requestsPerSecond / rounds[loginIndex][k].requestsPerSecond) : [];
    return {
      name: plan.target.name,
      label: plan.target.label,
      method: plan.method,
      path: plan.url.replace(/^http:\/\/[^/]+/, ""),
      as: plan.target.who ?? null,
      check: { status: plan.checkStatus, bytes: plan.checkBytes, aloneMs: plan.aloneMs },
      summary: {
        requestsPerSecond: { mean: round1(mean(rps)), min: Math.min(...rps), max: Math.max(...rps) },
        p50Ms: median(rs.map((r) => r.latencyMs.p50)),
        p99Ms: median(rs.map((r) => r.latencyMs.p99)),
        p99MaxMs: Math.max(...rs.map((r) => r.latencyMs.p99)),
        errors: rs.reduce((s, r) => s + r.errors + r.timeouts, 0),
        unexpectedStatus: rs.reduce((s, r) => s + r.unexpectedStatus, 0),
        bytesPerResponse: median(rs.map((r) => r.bytesPerResponse).filter((b) => b !== null)),
        ratioToSignIn: ratios.length ? round2(median(ratios)) : null,
        aloneMs: round1(median(plan.aloneMs)),
      },
      rounds: rs,
    };
  });

  const table = formatTable(results);
  console.log(`\n${table}`);
  const rssLine =
    `Server RSS (MiB, server + children): before ${rss.before.totalMiB}, after each round ${rss.afterRound.map((r) => r.totalMiB).join(" / ")}, ` +
    `end ${rss.end.totalMiB}, peak ${round1(rss.peakMiB)} (${rss.end.processes.length} process${rss.end.processes.length === 1 ? "" : "es"})`;
  console.log(rssLine);
  console.log(`Requests served by the app server: ${appRequests.toLocaleString("en-US")} (checks, sign-ins, warm-up and rounds)`);
  const bad = results.filter((r) => r.summary.errors || r.summary.unexpectedStatus);
  if (bad.length) console.log(`WARNING: errors or unexpected statuses in ${bad.map((r) => r.name).join(", ")} — see the JSON's statusCodes.`);

  // 10. JSON.
  const out = resolve(root, options.out ?? `tests/bench/http/results/${startedAt.toISOString().replace(/[:.]/g, "-")}.json`);
  mkdirSync(dirname(out), { recursive: true });
  const cpus = os.cpus();
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        git: { commit, dirty },
        machine: {
          cpus: cpus.length,
          cpuModel: cpus[0]?.model ?? null,
          totalMemoryMiB: Math.round(os.totalmem() / 1048576),
          loadAverageAtStart: loadAtStart,
          loadAverageAtEnd: os.loadavg().map(round2),
          node: process.version,
          platform: `${os.platform()} ${os.release()}`,
          autocannon: JSON.parse(readFileSync(resolve(root, "node_modules/autocannon/package.json"), "utf8")).version,
        },
        options: { ...options, db: dbPath },
        serverEnvPassedThrough: serverEnvExtra(),
        database: { path: dbPath, bytes: statSync(dbPath).size, seed: seedInfo.seed ?? null, today: seedInfo.today ?? null, counts: seedInfo.counts ?? null },
        fixtures: {
          bigLogId: fixtures.bigLogId,
          bigLogEvents: fixtures.bigLogEvents,
          noteLogId: fixtures.noteLogId,
          guardianLogId: fixtures.guardianLogId,
          surname: fixtures.surname,
          searchHits: fixtures.searchHits,
          familySession: "inserted into the database copy before the server started (see docs/benchmarks.md)",
        },
        serverStartSeconds: server.startSeconds,
        targets: results,
        rss,
        appRequests,
        table,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Results: ${out}`);
  await cleanUp();
}

// ---------------------------------------------------------------------------------------
// Preparation on the copy
// ---------------------------------------------------------------------------------------

/**
 * Looks up the accounts and the things to measure in the copy, and makes the family
 * session. Family accounts sign in with a one-time code sent by mail; rather than run a mail
 * sink for the bench, the session row is written here exactly as createSession
 * (app/domain/auth/session.server.ts) writes it: the cookie is `<id>.<secret>`, both 20
 * random bytes in lower-case base32 without padding (randomToken), and the row keeps the id
 * and SHA-256(secret), with the family idle expiry of the default settings (15 min; the
 * server slides it on use like any session).
 */
async function prepare(copy, seedInfo) {
  const accounts = seedInfo.accounts ?? [];
  const byNeedle = (needle) => accounts.find((a) => a.email.includes(needle))?.email ?? fail(`the accounts file has no ${needle} account`);
  const staffEmails = {
    teacher: byNeedle("bench-teacher"),
    leader: byNeedle("bench-leader"),
    coordinator: byNeedle("bench-coordinator"),
  };
  const guardianEmail = byNeedle("bench-guardian");
  const db = createClient({ url: `file:${copy}` });
  try {
    const one = async (sql, args = []) => (await db.execute({ sql, args })).rows[0];
    const userId = async (email) => (await one("select id from users where email = ?", [email]))?.id ?? fail(`no user ${email} in the database`);
    const teacherId = await userId(staffEmails.teacher);
    const leaderId = await userId(staffEmails.leader);
    const guardianId = await userId(guardianEmail);

    // The 300+ event log: the seed names it; otherwise the teacher's longest log.
    let bigLogId = seedInfo.bigLogId;
    if (!bigLogId) {
      bigLogId = (await one(
        "select l.id from logs l join log_events e on e.log_id = l.id where l.holder_id = ? group by l.id order by count(*) desc limit 1",
        [teacherId],
      ))?.id;
    }
    const bigLogEvents = Number((await one("select count(*) as n from log_events where log_id = ?", [bigLogId])).n);
    if (bigLogEvents < 300) console.warn(`bench:http: warning: log ${bigLogId} has only ${bigLogEvents} events (a small seed?)`);

    // Notes go to another open log of the teacher's, so the measured log page stays the same.
    const noteLogId = (await one(
      "select id from logs where holder_id = ? and state = 'open' and kind = 'relay' and id <> ? order by id limit 1",
      [teacherId, bigLogId],
    ))?.id ?? fail("the teacher has no other open relay log to post notes to");

    // Search: the most common surname among the children of the logs held in the leader's services.
    const names = (await db.execute({
      sql: `select c.name from logs l join children c on c.id = l.child_id
            where l.holder_service_id in (select service_id from memberships where user_id = ? and role = 'leader')`,
      args: [leaderId],
    })).rows.map((r) => String(r.name));
    if (names.length === 0) fail("the leader's services hold no logs");
    const counts = new Map();
    for (const n of names) {
      const surname = n.trim().split(/\s+/).at(-1);
      counts.set(surname, (counts.get(surname) ?? 0) + 1);
    }
    const [surname, searchHits] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];

    const guardianLogId = seedInfo.guardianLogId ?? fail("the accounts file has no guardianLogId");

    // The family session (see the comment above).
    const randomToken = () => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
    const id = randomToken();
    const secret = randomToken();
    const now = Date.now();
    await db.execute({
      sql: "insert into sessions (id, secret_hash, user_id, created_at, expires_at) values (?, ?, ?, ?, ?)",
      args: [id, Buffer.from(sha256(new TextEncoder().encode(secret))), guardianId, now, now + 15 * 60_000],
    });
    return {
      staffEmails,
      bigLogId,
      bigLogEvents,
      noteLogId,
      guardianLogId,
      surname,
      searchHits,
      familyToken: `${id}.${secret}`,
      today: todayInOslo(),
    };
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------

/** The settings the bench sets itself; everything else in the environment passes through. */
const OWN_SETTINGS = ["DATABASE_URL", "PORT", "HOST", "SCHEDULER", "DEMO_DATA", "PUBLIC_URL", "NODE_ENV"];
/**
 * For the JSON: which of the app's settings (the names in app/config.server.ts, and WORKERS
 * for the coming cluster mode) the user set and the server saw too. Values only for those
 * that say how it runs, never for the others (they may hold secrets).
 */
function serverEnvExtra() {
  const config = readFileSync(resolve(root, "app/config.server.ts"), "utf8");
  const names = new Set([...config.matchAll(/\b([A-Z][A-Z0-9_]{2,})\s*:/g)].map((m) => m[1]));
  const shown = new Set(["WORKERS", "NODE_OPTIONS", "UV_THREADPOOL_SIZE"]);
  for (const n of shown) names.add(n);
  for (const n of OWN_SETTINGS) names.delete(n);
  return Object.fromEntries(
    Object.keys(process.env)
      .filter((k) => names.has(k))
      .map((k) => [k, shown.has(k) ? process.env[k] : "(set)"]),
  );
}

/** The node flags `npm run serve` starts build/server.js with (as tests/bench/memory.mjs does). */
function serveFlags() {
  const { scripts } = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
  const match = /(?:^|&&\s*)node((?:\s+--\S+)*)\s+build\/server\.js\s*$/.exec(scripts.serve ?? "");
  return match ? match[1].split(/\s+/).filter(Boolean) : [];
}

async function startServer(databasePath) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const child = spawn(process.execPath, [...serveFlags(), "build/server.js"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databasePath,
      PORT: String(port),
      HOST: "127.0.0.1",
      SCHEDULER: "false",
      DEMO_DATA: "false",
      PUBLIC_URL: baseUrl,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Keep the last output for error messages; always read it so the pipes never fill up.
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((done) => child.once("exit", (code, signal) => done({ code, signal })));
  child.exited = exited;
  await new Promise((ready, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 180 s:\n${output}`)), 180_000);
    const onData = () => {
      if (output.includes("Sign in at")) {
        clearTimeout(timer);
        child.stdout.off("data", onData);
        ready();
      }
    };
    child.stdout.on("data", onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  }).catch((error) => fail(error.message));
  void exited.then(({ code, signal }) => {
    if (!cleaningUp) abort(`the server exited (${code ?? signal}) during the bench:\n${output.slice(-4000)}`);
  });
  const startSeconds = round2((Date.now() - started) / 1000);
  console.log(`bench:http: server ready in ${startSeconds} s`);
  return { child, baseUrl, startSeconds, output: () => output };
}

async function startCeiling(tmp, page) {
  const bodyFile = join(tmp, "login-page.body");
  writeFileSync(bodyFile, page.body);
  const headers = { "content-type": page.headers["content-type"] };
  if (page.headers["content-encoding"]) headers["content-encoding"] = page.headers["content-encoding"];
  const specFile = join(tmp, "ceiling.json");
  writeFileSync(specFile, JSON.stringify({ headers, bodyFile }));
  const child = fork(resolve(root, "tests/bench/http/ceiling.mjs"), [specFile], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  child.exited = new Promise((done) => child.once("exit", (code, signal) => done({ code, signal })));
  const port = await new Promise((done, reject) => {
    child.once("message", (m) => done(m.port));
    void child.exited.then(() => reject(new Error("the ceiling server exited before it listened")));
  }).catch((error) => fail(error.message));
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const stopped = await Promise.race([child.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
  if (!stopped) {
    child.kill("SIGKILL");
    await child.exited;
  }
}

// ---------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------

function formatTable(results) {
  const header = ["target", "req/s mean", "min–max", "p50 ms", "p99 ms", "p99 max", "errors", "bad status", "bytes/resp", "× sign-in", "alone ms"];
  const rows = results.map((r) => {
    const s = r.summary;
    return [
      r.name,
      s.requestsPerSecond.mean.toFixed(1),
      `${s.requestsPerSecond.min.toFixed(0)}–${s.requestsPerSecond.max.toFixed(0)}`,
      String(s.p50Ms),
      String(s.p99Ms),
      String(s.p99MaxMs),
      String(s.errors),
      String(s.unexpectedStatus),
      s.bytesPerResponse === null ? "–" : String(s.bytesPerResponse),
      s.ratioToSignIn === null ? "–" : s.ratioToSignIn.toFixed(2),
      String(s.aloneMs),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? ":" : "") + "-".repeat(w + 1) + (i === 0 ? "" : ":")).join("|")}|`, ...rows.map(line)].join("\n");
}

main().catch(async (error) => {
  if (!(error instanceof BenchExit)) {
    console.error(`bench:http: ${error.stack ?? error}`);
    await cleanUp();
    process.exit(1);
  }
});
