import { Cron } from "croner";
import type { Settings } from "../../config.server";
import { runTick } from "./tick.server";

/**
 * The scheduler in the server process: croner fires the tick on JOBS_SCHEDULE (every
 * minute by default). `protect` skips a firing while the previous tick still runs; the
 * lease (lease.server.ts) keeps other processes out. A failing tick is reported by its
 * error class only and tried again at the next firing.
 */
export function startScheduler(settings: Pick<Settings, "SCHEDULER" | "JOBS_SCHEDULE">): Cron | null {
  if (!settings.SCHEDULER) return null;
  return new Cron(settings.JOBS_SCHEDULE, { name: "stafettlogg-tick", protect: true, timezone: "Europe/Oslo" }, async () => {
    try {
      await runTick(new Date());
    } catch (error) {
      console.error(`Scheduled tick failed: ${error instanceof Error ? error.name : "unknown error"}`);
    }
  });
}
