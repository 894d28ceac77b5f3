import { Cron } from "croner";
import type { Settings } from "../../config.server";
import { runStatisticsRefresh } from "./statistics.server";
import { runTick } from "./tick.server";

/**
 * The scheduler in the server process: croner fires the tick on JOBS_SCHEDULE (every
 * minute by default), then the statistics job when the coordinator's figures are due
 * (statistics.server.ts). `protect` skips a firing while the previous one still runs; the
 * leases (lease.server.ts) keep other processes out. A failing job is reported by its
 * error class only and tried again at the next firing; a failing tick does not stop the
 * statistics, nor the other way round.
 */
export function startScheduler(settings: Pick<Settings, "SCHEDULER" | "JOBS_SCHEDULE" | "STATISTICS_REFRESH_MINUTES">): Cron | null {
  if (!settings.SCHEDULER) return null;
  return new Cron(settings.JOBS_SCHEDULE, { name: "stafettlogg-tick", protect: true, timezone: "Europe/Oslo" }, async () => {
    try {
      await runTick(new Date());
    } catch (error) {
      console.error(`Scheduled tick failed: ${error instanceof Error ? error.name : "unknown error"}`);
    }
    try {
      await runStatisticsRefresh(new Date(), { refreshMinutes: settings.STATISTICS_REFRESH_MINUTES });
    } catch (error) {
      console.error(`Scheduled statistics refresh failed: ${error instanceof Error ? error.name : "unknown error"}`);
    }
  });
}
