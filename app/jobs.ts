/**
 * `npm run jobs`: run the scheduler's tick once (reminders, then the outbox), then the
 * coordinator's statistics refresh when it is due, and exit. For
 * cron-driven setups and for looking at what a tick does. `--at <ISO date-time>` runs it as
 * of another moment (a replay, or a test's controlled clock); the default is now.
 */
import { settingsOrExit } from "./config.server";
import { boot } from "./domain/system/boot.server";
import { runStatisticsRefresh } from "./domain/jobs/statistics.server";
import { runTick } from "./domain/jobs/tick.server";

function nowFromArgs(args: string[]): Date {
  const index = args.indexOf("--at");
  if (index === -1) return new Date();
  const value = args[index + 1] ?? "";
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())) {
    console.error("--at expects an ISO date-time, e.g. 2026-12-02T08:00:00Z");
    process.exit(2);
  }
  return at;
}

async function main() {
  const settings = settingsOrExit(process.env);
  const now = nowFromArgs(process.argv.slice(2));
  process.env.DATABASE_URL = settings.DATABASE_URL;
  // The same preparation as the server's start: migrations (and the demo into an empty database).
  await boot(settings);
  const report = await runTick(now);
  if (!report) {
    console.log("Another process is running the tick; nothing done.");
    return;
  }
  console.log(
    `Reminders: ${report.created} new, ${report.withdrawn} withdrawn; ${report.digests} digests. Mail: ${report.mail.sent} sent, ${report.mail.failed} failed (will be retried).`,
  );
  // As the scheduler does after its tick (app/domain/jobs/scheduler.server.ts).
  const statistics = await runStatisticsRefresh(now, { refreshMinutes: settings.STATISTICS_REFRESH_MINUTES });
  console.log(statistics ? "Statistics: refreshed." : "Statistics: not due.");
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`The tick failed: ${error instanceof Error ? error.name : "unknown error"}`);
    process.exit(1);
  },
);
