import { and, eq } from "drizzle-orm";
import { database, type Queryable } from "../../../db/client.server";
import { statisticsSnapshots } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import { serviceKindCodes, type ServiceKind } from "../../lib/enums";
import { guideInEffect } from "../guide.server";
import { computeStatistics, type RawStatistics, type StatisticsFilter } from "./compute";
import { loadFacts, yearsOf } from "./facts.server";

/**
 * The coordinator's figures computed ahead (issue 13 point 3; docs/decisions/028, section
 * "Snapshots"). Counting every relay log takes seconds at Oslo scale and no index can make
 * it read fewer rows, so the statistics job (app/domain/jobs/statistics.server.ts) computes
 * every year × service kind the dashboard offers from one read of the logs and stores the
 * unsuppressed figures in `statistics_snapshots`; a request reads one row and suppresses it
 * (buildTables) exactly as before. The page says when its figures were computed.
 */

/** The JSON form of RawStatistics: the map as entries, the day counts sorted. */
type StoredFigures = Omit<RawStatistics, "openByKindAndLevel"> & { openByKindAndLevel: [ServiceKind, number[]][] };

const sorted = (days: number[]) => [...days].sort((a, b) => a - b);

/** Figures as stored: the lists of day counts sorted, so their order says nothing about which log is which. */
export function encodeFigures(raw: RawStatistics): string {
  const stored: StoredFigures = {
    ...raw,
    openByKindAndLevel: [...raw.openByKindAndLevel.entries()],
    daysAtLevel: raw.daysAtLevel.map(sorted),
    daysToFirstAction: sorted(raw.daysToFirstAction),
  };
  return JSON.stringify(stored);
}

export function decodeFigures(text: string): RawStatistics {
  const stored = JSON.parse(text) as StoredFigures;
  return { ...stored, openByKindAndLevel: new Map(stored.openByKindAndLevel) };
}

export interface SnapshotRow {
  year: number;
  /** '' for every kind. */
  serviceKind: string;
  computedOn: string;
  computedAt: Date;
  figures: string;
}

/**
 * Every snapshot the dashboard offers, from one read of the relay logs: each year from the
 * first relay log's to this one, for every kind together and for each kind that holds a
 * counted log.
 */
export async function computeSnapshots(db: Queryable, now: Date): Promise<SnapshotRow[]> {
  const today = todayInOslo(now);
  const facts = await loadFacts(db, today);
  const guide = await guideInEffect(db, today);
  const present = new Set(facts.logs.map((l) => l.serviceKind));
  const kinds = serviceKindCodes.filter((k) => present.has(k));
  const rows: SnapshotRow[] = [];
  for (const year of yearsOf(facts.logs, today)) {
    for (const serviceKind of [null, ...kinds]) {
      const raw = computeStatistics(facts, { year, serviceKind }, today, guide.evaluationIntervalDays);
      rows.push({ year, serviceKind: serviceKind ?? "", computedOn: today, computedAt: now, figures: encodeFigures(raw) });
    }
  }
  return rows;
}

/**
 * Replace every snapshot by `rows` in one transaction, so a reader sees either the old set
 * or the new one. A set computed meanwhile for the same day from a later moment (another
 * process) is kept: the later figures win.
 */
async function storeSnapshots(rows: SnapshotRow[], computedOn: string, computedAt: Date): Promise<boolean> {
  const { transaction } = await database();
  return transaction(async (tx) => {
    const existing = await tx
      .select({ computedOn: statisticsSnapshots.computedOn, computedAt: statisticsSnapshots.computedAt })
      .from(statisticsSnapshots)
      .limit(1)
      .get();
    if (existing && existing.computedOn === computedOn && existing.computedAt.getTime() > computedAt.getTime()) return false;
    await tx.delete(statisticsSnapshots);
    for (let i = 0; i < rows.length; i += 100) await tx.insert(statisticsSnapshots).values(rows.slice(i, i + 100));
    return true;
  });
}

export interface RefreshReport {
  rows: number;
  /** Whether they were stored (false: a later set for the same day was already there). */
  stored: boolean;
  /** Reading the logs and computing the figures, in milliseconds. */
  computeMs: number;
  /** The write transaction, in milliseconds. */
  storeMs: number;
}

let inFlight: Promise<RefreshReport> | null = null;

/**
 * Compute and store every snapshot as of `now`. Calls while one runs in this process share
 * it: a burst of requests just after midnight reads the logs once, not once each.
 */
export function refreshSnapshots(now: Date = new Date()): Promise<RefreshReport> {
  inFlight ??= (async () => {
    const { db } = await database();
    const started = performance.now();
    const rows = await computeSnapshots(db, now);
    const computed = performance.now();
    const stored = await storeSnapshots(rows, todayInOslo(now), now);
    return { rows: rows.length, stored, computeMs: computed - started, storeMs: performance.now() - computed };
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

/** When the stored figures were computed, or null if there are none. */
export async function snapshotAge(db: Queryable): Promise<{ computedOn: string; computedAt: Date } | null> {
  const row = await db
    .select({ computedOn: statisticsSnapshots.computedOn, computedAt: statisticsSnapshots.computedAt })
    .from(statisticsSnapshots)
    .limit(1)
    .get();
  return row ?? null;
}

export interface CurrentSnapshot {
  filter: StatisticsFilter;
  figures: RawStatistics;
  computedOn: string;
  computedAt: Date;
  years: number[];
  serviceKinds: ServiceKind[];
}

async function keysOf(db: Queryable) {
  return db
    .select({ year: statisticsSnapshots.year, serviceKind: statisticsSnapshots.serviceKind, computedOn: statisticsSnapshots.computedOn })
    .from(statisticsSnapshots);
}

/**
 * Today's figures for a filter, and the years and kinds the stored set offers (an unknown
 * year or kind falls back to this year, every kind). No snapshot, or one from another day:
 * compute them all now, once, and store them, so the page is never empty or a day behind.
 */
export async function currentSnapshot(
  db: Queryable,
  filter: { year?: number; serviceKind?: ServiceKind | null },
  now: Date,
  retried = false,
): Promise<CurrentSnapshot> {
  const today = todayInOslo(now);
  let keys = await keysOf(db);
  if (keys.length === 0 || keys.some((k) => k.computedOn !== today)) {
    await refreshSnapshots(now);
    keys = await keysOf(db);
  }
  const years = [...new Set(keys.map((k) => k.year))].sort((a, b) => b - a);
  const present = new Set(keys.map((k) => k.serviceKind));
  const kinds = serviceKindCodes.filter((k) => present.has(k));
  const year = filter.year !== undefined && years.includes(filter.year) ? filter.year : years[0]!;
  const serviceKind = filter.serviceKind && kinds.includes(filter.serviceKind) ? filter.serviceKind : null;
  const row = await db
    .select()
    .from(statisticsSnapshots)
    .where(and(eq(statisticsSnapshots.year, year), eq(statisticsSnapshots.serviceKind, serviceKind ?? "")))
    .get();
  // Replaced between the two reads (a refresh committed in between, with other years or kinds): read again.
  if (!row) {
    if (retried) throw new Error("No statistics snapshot after a refresh");
    return currentSnapshot(db, filter, now, true);
  }
  return {
    filter: { year, serviceKind },
    figures: decodeFigures(row.figures),
    computedOn: row.computedOn,
    computedAt: row.computedAt,
    years,
    serviceKinds: kinds,
  };
}
