import { database } from "../../../db/client.server";
import { todayInOslo } from "../../lib/dates";
import { refreshSnapshots, snapshotAge, type RefreshReport } from "../statistics/snapshots.server";
import { acquireLease, releaseLease } from "./lease.server";
import { processHolder } from "./tick.server";

/**
 * The statistics job (issue 13 point 3; docs/decisions/028, "Snapshots"): recompute the
 * coordinator's figures from every relay log — seconds at Oslo scale — so that a request
 * only reads them. Run by the scheduler after each tick; it does the work only when the
 * stored figures are older than STATISTICS_REFRESH_MINUTES or from an earlier day (the
 * first tick after midnight), and under its own lease, so the reminders' tick never waits
 * for it and two processes never compute at once.
 */
export const STATISTICS_JOB = "statistics";
/** Much longer than a refresh takes (about 4 s at Oslo scale). */
export const STATISTICS_LEASE_MS = 10 * 60_000;

/** Whether the stored figures should be recomputed at `now`. */
export async function statisticsDue(now: Date, refreshMinutes: number): Promise<boolean> {
  const { db } = await database();
  const age = await snapshotAge(db);
  if (!age) return true;
  if (age.computedOn !== todayInOslo(now)) return true;
  return now.getTime() - age.computedAt.getTime() >= refreshMinutes * 60_000;
}

/**
 * Recompute the figures if they are due (or `force`), as of `now`. Null when they were not
 * due or another process holds the lease.
 */
export async function runStatisticsRefresh(
  now: Date,
  options: { refreshMinutes: number; force?: boolean; holder?: string },
): Promise<RefreshReport | null> {
  if (!options.force && !(await statisticsDue(now, options.refreshMinutes))) return null;
  const holder = options.holder ?? processHolder;
  if (!(await acquireLease(STATISTICS_JOB, holder, now, STATISTICS_LEASE_MS))) return null;
  let failure: unknown;
  try {
    return await refreshSnapshots(now);
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    await releaseLease(STATISTICS_JOB, holder, now, failure);
  }
}
