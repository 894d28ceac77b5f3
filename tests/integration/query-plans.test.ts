import { appendFileSync } from "node:fs";
import { resolve } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "../../app/domain/auth/password.server";
import { createId } from "../../app/lib/ids";
import * as root from "../../app/root";
import * as home from "../../app/routes/_index";
import * as family from "../../app/routes/family._index";
import * as familyLog from "../../app/routes/family.logs.$logId._index";
import * as dashboard from "../../app/routes/koordinator._index";
import { runStatisticsRefresh } from "../../app/domain/jobs/statistics.server";
import * as leder from "../../app/routes/leder";
import * as login from "../../app/routes/login";
import * as logPage from "../../app/routes/logs.$logId._index";
import * as entry from "../../app/routes/logs.$logId.entry";
import { toLibsqlUrl } from "../../db/client.server";
import { BENCH_EMAILS, BENCH_PASSWORD, seedLarge, type LargeSeedResult } from "../../db/seed/large/seed";
import { removeDatabaseFile, restoreDatabase } from "../support/database-file";
import { sessionFor } from "../support/factories";
import {
  aliasesOf,
  badSteps,
  formatPlan,
  indexesWithoutOsloStatistics,
  queryPlan,
  statementsOf,
  useOsloStatistics,
} from "../support/query-plans";
import { callAction, callLoader } from "../support/requests";

/**
 * Every hot query uses an index (issue 13 point 6). Each hot page's loader or action runs
 * with real requests on the large seed at a small scale whose planner statistics are those
 * of the Oslo-scale database (tests/support/query-plans.ts); every distinct statement it
 * runs is explained, and a plan that scans a large table, or sorts the timeline or the
 * access log, fails with the page, the SQL and the plan.
 */

const SCALE = 0.01;
const TODAY = "2026-11-20";
const seedPath = resolve(process.cwd(), "tests/.tmp", `query-plans-${createId()}.db`);

/** Tables that stay small at any scale: the guide and the reference lists. Every other table grows. */
/** statistics_snapshots holds one row per year and service kind (decision 028, "Snapshots"). */
const SMALL_TABLES = new Set([
  "__drizzle_migrations",
  "guide_versions",
  "guide_steps",
  "guide_level_texts",
  "guide_audit",
  "service_kinds",
  "statistics_snapshots",
]);
/**
 * Whole-table reads that are the query's purpose, each with its reason. Nothing else may scan.
 * The coordinator's figures count every relay log of the municipality (issue 12): an index
 * cannot make that read fewer rows. It costs seconds on the Oslo database, so the statistics
 * job computes them ahead and the dashboard only reads the stored figures (decision 028,
 * "Snapshots"): these reads are the job's, not a page's.
 */
const STATISTICS_JOB = "the statistics job";
const WHOLE_TABLE_READS: readonly { page: string; step: string; sql: RegExp; reason: string }[] = [
  { page: STATISTICS_JOB, step: "SCAN logs", sql: /^select "logs"\."id", "services"\."kind", "logs"\."state"/, reason: "the job, not a page: the statistics of every relay log" },
  { page: STATISTICS_JOB, step: "SCAN logs", sql: /^select "log_events"\."log_id", "log_events"\."type", "log_events"\."occurred_on"/, reason: "the job, not a page: the level and close history of every relay log" },
  { page: STATISTICS_JOB, step: "SCAN logs", sql: /^select "services"\."kind", "log_invitations"\."created_at"/, reason: "the job, not a page: the response times of every invitation" },
  { page: STATISTICS_JOB, step: "SCAN handovers", sql: /^select "services"\."kind", "handovers"\."proposed_at"/, reason: "the job, not a page: every handover's outcome" },
];

/** Tables whose rows a query must never sort in bulk. */
const SORTED_TABLES = new Set(["log_events", "access_log"]);

let seed: LargeSeedResult;
let largeTables: Set<string>;
const ids: Record<keyof typeof BENCH_EMAILS, string> = { teacher: "", leader: "", coordinator: "", admin: "", guardian: "" };

beforeAll(async () => {
  seed = await seedLarge({ db: seedPath, scale: SCALE, today: TODAY, force: true, hashPassword, log: () => undefined });
  const client = createClient({ url: `file:${seedPath}` });
  await useOsloStatistics(client);
  const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  largeTables = new Set(tables.rows.map((r) => String(r.name)).filter((name) => !SMALL_TABLES.has(name)));
  for (const [who, email] of Object.entries(BENCH_EMAILS)) {
    const { rows } = await client.execute({ sql: "SELECT id FROM users WHERE email = ?", args: [email] });
    ids[who as keyof typeof ids] = String(rows[0]!.id);
  }
  await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  client.close();
}, 60_000);

// After the setup file's copy of the empty template: the seeded database, fresh for every test.
beforeEach(() => restoreDatabase(seedPath));

afterAll(() => {
  removeDatabaseFile(seedPath);
  removeDatabaseFile(`${seedPath}.json`);
});

/** Run a page's requests and fail on any statement whose plan reads a large table whole. */
async function expectIndexedQueries(page: string, requests: () => Promise<unknown>) {
  const statements = await statementsOf(requests);
  expect(statements.length, `${page} ran no statements`).toBeGreaterThan(0);
  // The plans are read on a connection of their own to the same file.
  const client = createClient({ url: toLibsqlUrl(process.env.DATABASE_URL!) });
  const failures: string[] = [];
  for (const statement of statements) {
    const plan = await queryPlan(client, statement);
    // For comparing with the real large database: tests/support/query-plans-compare.mjs.
    if (process.env.QUERY_PLANS_DUMP) appendFileSync(process.env.QUERY_PLANS_DUMP, `${JSON.stringify({ page, ...statement, plan: formatPlan(plan) })}\n`);
    const allowed = WHOLE_TABLE_READS.filter((a) => a.page === page && a.sql.test(statement.sql)).map((a) => a.step);
    const bad = badSteps(plan, { largeTables, sortedTables: SORTED_TABLES, aliases: aliasesOf(statement.sql) }).filter((step) => !allowed.includes(step));
    if (bad.length > 0) {
      failures.push(`${page}: ${bad.join("; ")}\n  SQL: ${statement.sql}\n  params: ${JSON.stringify(statement.params)}\n  plan:\n${formatPlan(plan)}`);
    }
  }
  client.close();
  expect(failures, failures.join("\n\n")).toEqual([]);
}

async function cookieOf(who: keyof typeof ids) {
  return (await sessionFor(ids[who])).cookie;
}

/** The root loader runs on every page, before the page's own. */
const withRoot = async <T>(path: string, cookie: string, page: () => Promise<T>): Promise<T> => {
  expect((await callLoader(root.loader, path, { cookie })).status).toBe(200);
  return page();
};

describe("the hot pages' queries at Oslo scale", () => {
  it("have Oslo's statistics for every index of an analysed table", async () => {
    const client = createClient({ url: toLibsqlUrl(process.env.DATABASE_URL!) });
    const missing = await indexesWithoutOsloStatistics(client);
    client.close();
    expect(missing, "add their rows to OSLO_STAT1 (tests/support/query-plans.ts)").toEqual([]);
  });

  it("sign-in: the form, the password check and the new session", async () => {
    await expectIndexedQueries("POST /login", async () => {
      expect((await callLoader(login.loader, "/login")).status).toBe(200);
      const o = await callAction(login.action, "/login", { form: { email: BENCH_EMAILS.teacher, password: BENCH_PASSWORD, redirectTo: "/" } });
      expect(o.status).toBe(302);
    });
  });

  for (const who of ["teacher", "leader"] as const) {
    it(`staff home of the ${who}`, async () => {
      const cookie = await cookieOf(who);
      await expectIndexedQueries(`/ (${who})`, () =>
        withRoot("/", cookie, async () => expect((await callLoader(home.loader, "/", { cookie })).status).toBe(200)),
      );
    });

    it(`search by the child's name, by the ${who}`, async () => {
      const cookie = await cookieOf(who);
      await expectIndexedQueries(`/?q= (${who})`, async () => {
        expect((await callLoader(home.loader, "/?q=an", { cookie })).status).toBe(200);
        expect((await callLoader(home.loader, "/?q=an&state=closed&level=2", { cookie })).status).toBe(200);
      });
    });
  }

  it("the log page, its older timeline pages and its type filter", async () => {
    const cookie = await cookieOf("teacher");
    const logId = seed.bigLogId;
    await expectIndexedQueries("/logs/:id", async () => {
      const first = await withRoot(`/logs/${logId}`, cookie, () =>
        callLoader<{ nextBefore: number | null }>(logPage.loader, `/logs/${logId}`, { cookie, params: { logId } }),
      );
      expect(first.status).toBe(200);
      expect(first.data.nextBefore).not.toBeNull();
      const older = await callLoader(logPage.loader, `/logs/${logId}?before=${first.data.nextBefore}`, { cookie, params: { logId } });
      expect(older.status).toBe(200);
      expect((await callLoader(logPage.loader, `/logs/${logId}?type=note`, { cookie, params: { logId } })).status).toBe(200);
    });
  });

  it("a note posted to a log", async () => {
    const cookie = await cookieOf("teacher");
    const logId = seed.bigLogId;
    await expectIndexedQueries("POST /logs/:id/entry", async () => {
      const o = await callAction(entry.action, `/logs/${logId}/entry`, {
        cookie,
        params: { logId },
        form: { type: "note", occurredOn: TODAY, text: "Samtale i friminuttet." },
      });
      expect(o.status).toBe(302);
    });
  });

  it("the leader's overview, filtered and searched", async () => {
    const cookie = await cookieOf("leader");
    await expectIndexedQueries("/leder", () =>
      withRoot("/leder", cookie, async () => {
        expect((await callLoader(leder.loader, "/leder", { cookie })).status).toBe(200);
        expect((await callLoader(leder.loader, "/leder?level=2&flagged=on&q=an&page=2", { cookie })).status).toBe(200);
      }),
    );
  });

  it("the statistics job, then the coordinator's dashboard reading its figures", async () => {
    await expectIndexedQueries(STATISTICS_JOB, async () =>
      expect(await runStatisticsRefresh(new Date(), { refreshMinutes: 15, force: true })).toMatchObject({ stored: true }),
    );
    const cookie = await cookieOf("coordinator");
    await expectIndexedQueries("/koordinator", () =>
      withRoot("/koordinator", cookie, async () => expect((await callLoader(dashboard.loader, "/koordinator", { cookie })).status).toBe(200)),
    );
  });

  it("the family's home and log page", async () => {
    const cookie = await cookieOf("guardian");
    const logId = seed.guardianLogId;
    await expectIndexedQueries("/family/logs/:id", () =>
      withRoot(`/family/logs/${logId}`, cookie, async () => {
        expect((await callLoader(family.loader, "/family", { cookie })).status).toBe(200);
        expect((await callLoader(familyLog.loader, `/family/logs/${logId}`, { cookie, params: { logId } })).status).toBe(200);
      }),
    );
  });
});
