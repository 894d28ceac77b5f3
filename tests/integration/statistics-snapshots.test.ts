import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as dashboard from "../../app/routes/koordinator._index";
import * as exportRoute from "../../app/routes/koordinator.eksport.$table";
import * as report from "../../app/routes/koordinator.rapport";
import { runStatisticsRefresh, statisticsDue } from "../../app/domain/jobs/statistics.server";
import type { StatTable } from "../../app/lib/statistics";
import { database, observeQueries } from "../../db/client.server";
import { statisticsSnapshots } from "../../db/schema";
import { decodeFigures } from "../../app/domain/statistics/snapshots.server";
import { sessionFor } from "../support/factories";
import { makeRelayLog, makeSchoolCast } from "../support/log-factories";
import { callLoader } from "../support/requests";

/**
 * The coordinator's figures computed ahead (issue 13 point 3; docs/decisions/028,
 * "Snapshots"), with a controlled clock: the statistics job stores them, the dashboard,
 * its exports and the annual report read them without counting the logs again, and they
 * follow the logs at the next refresh or the next day.
 *
 * The school's teacher starts 6 relay logs on 2026-03-02; the clock then stands at 12:00
 * Oslo time (11:00Z) that day.
 */
type Dashboard = Awaited<ReturnType<typeof dashboard.loader>>;

let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
const REFRESH = { refreshMinutes: 15 };
const at = (iso: string) => {
  vi.setSystemTime(new Date(iso));
  return new Date(iso);
};

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  at("2026-03-02T08:00:00Z");
  cast = await makeSchoolCast();
  for (let i = 0; i < 6; i++) await makeRelayLog(cast.actors.teacher, cast.school.id, `Skolebarn ${i}`);
  at("2026-03-02T11:00:00Z");
}, 60_000);
afterEach(() => vi.useRealTimers());

async function load(query = "") {
  const { cookie } = await sessionFor(cast.ids.coordinator);
  const outcome = await callLoader<Dashboard>(dashboard.loader, `/koordinator${query}`, { cookie });
  expect(outcome.status).toBe(200);
  return outcome.data;
}

/** Relay logs started this year, as stored (before suppression). */
async function storedStarted(): Promise<number> {
  const { db } = await database();
  const rows = await db.select().from(statisticsSnapshots);
  const all = rows.find((r) => r.year === 2026 && r.serviceKind === "")!;
  return decodeFigures(all.figures).startedByMonth.reduce((a, b) => a + b, 0);
}

const started = (d: Dashboard) => d.tables.find((t) => t.id === "started") as StatTable;
const shownTotal = (d: Dashboard) => {
  const total = started(d).total;
  return total?.kind === "value" ? total.value : total?.kind;
};

/** The SQL of every statement `fn` runs. */
async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = observeQueries((query) => seen.push(query));
  try {
    await fn();
  } finally {
    stop();
  }
  return seen;
}

describe("the coordinator's figures computed ahead", () => {
  it("are made by the job, and the page then reads them without counting the logs", async () => {
    const now = new Date();
    expect(await statisticsDue(now, 15)).toBe(true);
    const report1 = await runStatisticsRefresh(now, REFRESH);
    // 2026 for every kind, and for the school: the only kind holding a counted log.
    expect(report1).toMatchObject({ rows: 2, stored: true });
    expect(await statisticsDue(now, 15)).toBe(false);

    let page: Dashboard | undefined;
    const statements = await statementsOf(async () => {
      page = await load();
    });
    expect(statements.some((s) => s.includes('"statistics_snapshots"'))).toBe(true);
    expect(statements.filter((s) => /"log_events"|"log_invitations"|"handovers"/.test(s))).toEqual([]);
    expect(page!.computedAt).toBe(now.toISOString());
    expect(page!.years).toEqual([2026]);
    expect(page!.serviceKinds).toEqual(["school"]);
    expect(shownTotal(page!)).toBe(6);
    // Another kind's page is the school's row, read the same way.
    expect((await load("?kind=school")).filter).toEqual({ year: 2026, serviceKind: "school" });
  }, 30_000);

  it("with no snapshot yet, the first page computes and stores them once", async () => {
    const page = await load();
    expect(shownTotal(page)).toBe(6);
    expect(page.computedAt).toBe(new Date().toISOString());
    expect(await storedStarted()).toBe(6);
    const again = await statementsOf(() => load());
    expect(again.filter((s) => s.includes('"log_events"'))).toEqual([]);
  }, 30_000);

  it("a new log shows after the next refresh, not before", async () => {
    await runStatisticsRefresh(new Date(), REFRESH);
    at("2026-03-02T11:01:00Z");
    await makeRelayLog(cast.actors.teacher, cast.school.id, "Skolebarn ny");
    at("2026-03-02T11:05:00Z");
    // Not due yet: the page shows the figures of 11:00, and says so.
    expect(await runStatisticsRefresh(new Date(), REFRESH)).toBeNull();
    const before = await load();
    expect(shownTotal(before)).toBe(6);
    expect(before.computedAt).toBe("2026-03-02T11:00:00.000Z");
    const refreshedAt = at("2026-03-02T11:15:00Z");
    expect(await runStatisticsRefresh(refreshedAt, REFRESH)).toMatchObject({ stored: true });
    const after = await load();
    expect(shownTotal(after)).toBe(7);
    expect(after.computedAt).toBe(refreshedAt.toISOString());
  }, 30_000);

  it("yesterday's figures are recomputed: by the job at the day change, or by the first page", async () => {
    await runStatisticsRefresh(new Date(), REFRESH);
    at("2026-03-02T15:00:00Z");
    await makeRelayLog(cast.actors.teacher, cast.school.id, "Skolebarn kveld");
    // 00:00:30 in Oslo on 3 March: a minute is enough, whatever the refresh interval.
    const midnight = at("2026-03-02T23:00:30Z");
    expect(await statisticsDue(midnight, 24 * 60)).toBe(true);
    const page = await load();
    expect(page.today).toBe("2026-03-03");
    expect(page.computedAt).toBe(midnight.toISOString());
    expect(shownTotal(page)).toBe(7);
    // The job then finds nothing to do until the interval has passed.
    expect(await runStatisticsRefresh(midnight, REFRESH)).toBeNull();
  }, 30_000);

  it("the exports and the annual report show the page's figures, computed at the same moment", async () => {
    await runStatisticsRefresh(new Date(), REFRESH);
    at("2026-03-02T11:02:00Z");
    await makeRelayLog(cast.actors.teacher, cast.school.id, "Skolebarn ny");
    at("2026-03-02T11:03:00Z");
    const page = await load("?year=2026");
    const { cookie } = await sessionFor(cast.ids.coordinator);
    const json = await callLoader(exportRoute.loader, "/koordinator/eksport/started?year=2026&format=json", {
      cookie,
      params: { table: "started" },
    });
    expect(json.status).toBe(200);
    const data = json.data as { rows: (string | number)[][]; asOf: string };
    expect(data.asOf).toBe(page.asOf);
    const cell = (c: StatTable["cells"][number][number]) => (c.kind === "value" ? c.value : c.kind === "small" ? "<5" : "×");
    expect(data.rows.map((r) => r[1])).toEqual([...started(page).cells.map((r) => cell(r[0]!)), cell(started(page).total!)]);
    const annual = await callLoader<Dashboard>(report.loader, "/koordinator/rapport?year=2026", { cookie });
    expect(annual.data.computedAt).toBe(page.computedAt);
    expect(started(annual.data)).toEqual(started(page));
    // All three still the figures of 11:00: the log started at 11:02 waits for the next refresh.
    expect(shownTotal(page)).toBe(6);
  }, 30_000);
});
