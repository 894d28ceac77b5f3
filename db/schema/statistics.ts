import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The coordinator's figures, computed ahead (issue 13 point 3; docs/decisions/028, section
 * "Snapshots"): one row per year the dashboard offers and per holder's service kind ('' for
 * every kind), all rows made together from one read of the relay logs by the statistics job
 * (app/domain/jobs/statistics.server.ts) and replaced together in one transaction.
 *
 * `figures` is the JSON of what computeStatistics returns (app/domain/statistics/compute.ts)
 * before suppression: counts per month, level, outcome and reason, and lists of day counts
 * (sorted, so they say nothing about which log they came from). No name, birth date, log
 * id, person id or free text is in it. Suppression happens when it is shown (buildTables),
 * exactly as when the figures were computed per request: nothing leaves the server but
 * through buildTables.
 */
export const statisticsSnapshots = sqliteTable(
  "statistics_snapshots",
  {
    year: integer("year").notNull(),
    /** The holder's service kind, or '' for every kind. */
    serviceKind: text("service_kind").notNull(),
    /** The day (Europe/Oslo) the figures were computed for: "today" of their "now" and "open" counts. */
    computedOn: text("computed_on").notNull(),
    computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
    figures: text("figures").notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.serviceKind] })],
);
