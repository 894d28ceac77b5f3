import type { Client } from "@libsql/client";
import { observeQueries } from "../../db/client.server";

/**
 * Query plans at Oslo scale for tests/integration/query-plans.test.ts (issue 13 point 6).
 *
 * SQLite's planner chooses by the statistics in `sqlite_stat1`, not by the rows a table
 * holds at the moment. The test seeds the large dataset at a small scale (seconds), then
 * replaces its statistics by those ANALYZE wrote for the real Oslo-scale database, so the
 * planner sees 30 000 logs, 1.5 million events and 5 million access-log rows and chooses
 * what it chooses on that database. Tables the Oslo seed leaves empty (sessions, outbox,
 * jobs, reminders, meetings…) have no rows here either: the planner assumes its defaults
 * (about a million rows, ten per index key) on both databases.
 *
 * OSLO_STAT1 is `SELECT tbl, idx, stat FROM sqlite_stat1` of
 * `npm run seed:large -- --db /tmp/large.db --force --today 2026-12-04` (seed 20261303,
 * scale 1) with the indexes of drizzle/0012 added and analysed, printed by
 * `node tests/support/oslo-statistics-dump.mjs /tmp/large.db`. A null statistic is an index
 * ANALYZE wrote no row for (a partial index no Oslo row falls in). A new index on an analysed
 * table needs its row: the test refuses an index it has no statistics for (with default
 * statistics the planner would favour it where Oslo's might not).
 */
export const OSLO_STAT1: readonly (readonly [table: string, index: string | null, stat: string | null])[] = [
  ["access_log", "access_log_log_idx", "5000000 167 1"],
  ["access_log", "access_log_user_idx", "5000000 748 1"],
  ["access_log", "sqlite_autoindex_access_log_1", "5000000 1"],
  ["actions", "actions_log_idx", "53090 3 3"],
  ["actions", "sqlite_autoindex_actions_1", "53090 1"],
  ["child_services", "sqlite_autoindex_child_services_1", "26882 1 1"],
  ["children", "children_user_idx", null],
  ["children", "sqlite_autoindex_children_1", "24760 1"],
  ["consent_guardians", "sqlite_autoindex_consent_guardians_1", "69142 2 1"],
  ["consent_services", "consent_services_service_idx", "52501 78"],
  ["consent_services", "sqlite_autoindex_consent_services_1", "52501 2 1"],
  ["consents", "consents_log_idx", "41354 2 2"],
  ["consents", "sqlite_autoindex_consents_1", "41354 1"],
  ["guardians", "guardians_child_idx", "38410 2"],
  ["guardians", "guardians_user_idx", "38410 95"],
  ["guardians", "sqlite_autoindex_guardians_1", "38410 1"],
  ["guide_level_texts", "sqlite_autoindex_guide_level_texts_1", "8 8 2 1"],
  ["guide_steps", "guide_steps_version_idx", "12 12 3 1"],
  ["guide_steps", "sqlite_autoindex_guide_steps_1", "12 1"],
  ["guide_versions", "guide_versions_number_idx", "1 1"],
  ["guide_versions", "sqlite_autoindex_guide_versions_1", "1 1"],
  ["handovers", "handovers_log_idx", "1179 1 1"],
  ["handovers", "handovers_status_idx", "1179 1179 1"],
  ["handovers", "handovers_to_idx", "1179 3 3"],
  ["handovers", "sqlite_autoindex_handovers_1", "1179 1"],
  ["log_events", "events_about_idx", null],
  ["log_events", "events_corrects_idx", "1464733 69"],
  ["log_events", "events_log_seq_idx", "1464733 49 1"],
  ["log_events", "events_log_type_idx", "1464733 49 5 1"],
  ["log_events", "sqlite_autoindex_log_events_1", "1464733 1"],
  ["log_invitations", "log_invitations_invitee_idx", "23108 25 11"],
  ["log_invitations", "log_invitations_log_idx", "23108 2"],
  ["log_invitations", "log_invitations_service_idx", "23108 260 88 2"],
  ["log_invitations", "sqlite_autoindex_log_invitations_1", "23108 1"],
  ["log_participants", "participants_log_idx", "21033 2"],
  ["log_participants", "participants_user_idx", "21033 12 8"],
  ["log_participants", "sqlite_autoindex_log_participants_1", "21033 1"],
  ["logs", "logs_child_idx", "30000 2"],
  ["logs", "logs_holder_idx", "30000 6 4"],
  ["logs", "logs_service_idx", "30000 45 23"],
  ["logs", "sqlite_autoindex_logs_1", "30000 1"],
  ["memberships", "memberships_current_unique", "8003 1 1"],
  ["memberships", "memberships_service_idx", "8003 11"],
  ["memberships", "sqlite_autoindex_memberships_1", "8003 1"],
  ["service_kinds", "sqlite_autoindex_service_kinds_1", "13 1"],
  ["services", "services_name_unique", "800 1"],
  ["services", "sqlite_autoindex_services_1", "800 1"],
  ["users", "sqlite_autoindex_users_1", "8411 1"],
  ["users", "users_kind_email_unique", "8411 4206 1"],
  ["users", "users_name_idx", "8411 2"],
  ["users", "users_national_id_unique", null],
];

/** Replace the database's statistics by Oslo's; the planner reads them when a connection next loads the schema. */
export async function useOsloStatistics(client: Client) {
  await client.execute("ANALYZE sqlite_schema"); // makes sure sqlite_stat1 exists
  await client.batch(
    [
      "DELETE FROM sqlite_stat1",
      ...OSLO_STAT1.filter(([, , stat]) => stat !== null).map(([tbl, idx, stat]) => ({ sql: "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", args: [tbl, idx, stat] })),
    ],
    "write",
  );
}

/** Indexes of analysed tables that OSLO_STAT1 has no row for (they would get default statistics). */
export async function indexesWithoutOsloStatistics(client: Client): Promise<string[]> {
  const analysed = new Set(OSLO_STAT1.map(([tbl]) => tbl));
  const known = new Set(OSLO_STAT1.map(([, idx]) => idx));
  const { rows } = await client.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' ORDER BY tbl_name, name");
  return rows.filter((r) => analysed.has(String(r.tbl_name)) && !known.has(String(r.name))).map((r) => `${r.tbl_name}.${r.name}`);
}

export interface Statement {
  sql: string;
  params: unknown[];
}

/** The statements `fn` runs through the app's drizzle instance, each distinct SQL text once (first params kept). */
export async function statementsOf(fn: () => Promise<unknown>): Promise<Statement[]> {
  const seen = new Map<string, Statement>();
  const stop = observeQueries((sql, params) => {
    if (!seen.has(sql)) seen.set(sql, { sql, params: [...params] });
  });
  try {
    await fn();
  } finally {
    stop();
  }
  return [...seen.values()];
}

export interface PlanStep {
  id: number;
  parent: number;
  detail: string;
}

export async function queryPlan(client: Client, statement: Statement): Promise<PlanStep[]> {
  const { rows } = await client.execute({ sql: `EXPLAIN QUERY PLAN ${statement.sql}`, args: statement.params as never });
  return rows.map((r) => ({ id: Number(r.id), parent: Number(r.parent), detail: String(r.detail) }));
}

/** The plan as SQLite's shell prints it: one step a line, indented under its parent. */
export function formatPlan(plan: PlanStep[]): string {
  const depth = new Map<number, number>([[0, 0]]);
  return plan
    .map((step) => {
      const d = (depth.get(step.parent) ?? 0) + 1;
      depth.set(step.id, d);
      return `${"  ".repeat(d)}${step.detail}`;
    })
    .join("\n");
}

/**
 * The steps of a plan that read all of a large table, or sort many of its rows:
 *
 * - `SCAN t` (the table, or all of one of its indexes: `SCAN t USING [COVERING] INDEX i`)
 *   where t is a large table. `SEARCH t USING …` is a lookup or a bounded range of an index
 *   and passes — unless it is a skip-scan (`ANY(col)`): one seek per distinct value of the
 *   index's first column, i.e. the whole index. An ordered index scan that a LIMIT stops
 *   early would pass in practice, but the plan cannot tell it from a full one.
 * - `USE TEMP B-TREE FOR ORDER BY|GROUP BY|DISTINCT` in a (sub)query whose outer loop reads
 *   one of `sortedTables` (the timeline, the access log): it sorts every row read of them.
 *   A sort of a few rows found elsewhere (the invitations of one person, say) with a
 *   timeline lookup joined to each passes.
 *
 * Names in plans are the aliases of the SQL (`SCAN l`), so `aliases` maps an alias to its table.
 */
export function badSteps(
  plan: PlanStep[],
  options: { largeTables: ReadonlySet<string>; sortedTables: ReadonlySet<string>; aliases: Map<string, string> },
): string[] {
  const tableOf = (step: PlanStep) => {
    const m = /^(?:SCAN|SEARCH) (\S+)/.exec(step.detail);
    if (!m) return null;
    const name = m[1]!;
    return options.aliases.get(name) ?? name;
  };
  const bad: string[] = [];
  for (const step of plan) {
    const table = tableOf(step);
    const large = table !== null && options.largeTables.has(table);
    if (large && (step.detail.startsWith("SCAN ") || /\bANY\(/.test(step.detail))) bad.push(step.detail);
    if (/^USE TEMP B-TREE FOR (ORDER BY|GROUP BY|DISTINCT)/.test(step.detail)) {
      const outer = plan.find((s) => s.parent === step.parent && tableOf(s) !== null);
      const sorted = outer ? tableOf(outer) : null;
      if (sorted && options.sortedTables.has(sorted)) bad.push(`${step.detail} (rows of ${sorted})`);
    }
  }
  return bad;
}

/** `FROM "logs" "l"`, `JOIN logs AS l`: the aliases a statement gives its tables. */
export function aliasesOf(sql: string): Map<string, string> {
  const aliases = new Map<string, string>();
  const keywords = new Set(["where", "on", "inner", "left", "join", "cross", "group", "order", "limit", "set", "using", "natural", "union", "values"]);
  for (const m of sql.matchAll(/\b(?:from|join)\s+"?(\w+)"?(?:\s+as)?\s+"?(\w+)"?/gi)) {
    const [, table, alias] = m;
    if (!keywords.has(alias!.toLowerCase())) aliases.set(alias!, table!);
  }
  return aliases;
}
