import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as dashboard from "../../app/routes/koordinator._index";
import * as exportRoute from "../../app/routes/koordinator.eksport.$table";
import * as report from "../../app/routes/koordinator.rapport";
import type { Actor } from "../../app/domain/auth/permissions";
import { addAction, changeLevel } from "../../app/domain/logs/actions.server";
import { closeLog } from "../../app/domain/logs/lifecycle.server";
import { SMALL } from "../../app/lib/suppression";
import type { StatCell, StatTable } from "../../app/lib/statistics";
import { makeService, makeUser, sessionFor } from "../support/factories";
import { actorOf, addParticipant, giveConsent, makeConcern, makeRelayLog, makeSchoolCast } from "../support/log-factories";
import { callLoader } from "../support/requests";

/**
 * The coordinator's dashboard through its real loaders (issue 12 points 1, 2 and 4), on a
 * municipality made by factories with a controlled clock, whose right answers are known:
 *
 * - 2026-01-15: the school's teacher starts 12 relay logs at level 1 (concerns noted 2 days
 *   earlier); 5 of them get an action on 2026-01-20, to be evaluated 2026-02-20.
 * - 2026-02-05: the health clinic's nurse starts 11 relay logs at level 1.
 * - 2026-02-10: the same 5 school logs move to level 2 (a nurse takes part, with consent).
 * - 2026-03-01: 6 of the health clinic's logs close as "resolved".
 * - Besides: two level-0 private concerns and a kindergarten's concern, never counted.
 * - Today is 2026-03-02.
 */
type Dashboard = Awaited<ReturnType<typeof dashboard.loader>>;

let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
let nurse: Actor;
let coordinatorCookie: string;

const at = (day: string) => vi.setSystemTime(new Date(`${day}T10:00:00Z`));

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  at("2026-01-15");
  cast = await makeSchoolCast();
  const healthHolder = await makeUser({ memberships: [{ serviceId: cast.health.id, role: "employee" }] });
  nurse = await actorOf(healthHolder.id);
  const teacher = cast.actors.teacher;
  const school: string[] = [];
  for (let i = 0; i < 12; i++) school.push((await makeRelayLog(teacher, cast.school.id, `Skolebarn ${i}`)).logId);
  await makeConcern(teacher, cast.school.id, "Privat bekymring A");
  await makeConcern(teacher, cast.school.id, "Privat bekymring B");
  const kindergarten = await makeService({ kind: "kindergarten" });
  const pedagogue = await actorOf((await makeUser({ memberships: [{ serviceId: kindergarten.id, role: "employee" }] })).id);
  await makeConcern(pedagogue, kindergarten.id, "Barnehagebarn");
  at("2026-01-20");
  for (const logId of school.slice(0, 5)) {
    await addAction(teacher, logId, {
      description: "Fast voksen i friminuttene",
      goal: "Med i lek",
      responsible: { kind: "other", text: "Inspektør" },
      startOn: "2026-01-20",
      evaluateOn: "2026-02-20",
    });
  }
  at("2026-02-05");
  const health: string[] = [];
  for (let i = 0; i < 11; i++) health.push((await makeRelayLog(nurse, cast.health.id, `Helsebarn ${i}`)).logId);
  at("2026-02-10");
  for (const logId of school.slice(0, 5)) {
    await addParticipant(logId, cast.ids.nurse, cast.health.id);
    await giveConsent(teacher, logId, "share", [cast.health.id]);
    await giveConsent(teacher, logId, "keep");
    await changeLevel(teacher, logId, { to: 2, justification: "Trenger helsesykepleier med" });
  }
  at("2026-03-01");
  for (const logId of health.slice(0, 6)) {
    await closeLog(nurse, logId, { reason: "resolved", summary: "Det går bedre", guardiansToldOn: "2026-03-01" });
  }
  at("2026-03-02");
  coordinatorCookie = (await sessionFor(cast.ids.coordinator)).cookie;
}, 60_000);
afterEach(() => vi.useRealTimers());

async function load(query = "") {
  const outcome = await callLoader<Dashboard>(dashboard.loader, `/koordinator${query}`, { cookie: coordinatorCookie });
  expect(outcome.status).toBe(200);
  return outcome.data;
}

const table = (d: Dashboard, id: string) => d.tables.find((t) => t.id === id) as StatTable;
const value = (cell: StatCell | null | undefined) => (cell?.kind === "value" ? cell.value : cell?.kind);
/**
 * A table against the known answer: every cell whose true count is below 5 is hidden, every
 * shown cell (and margin) is the true count, and the grand total, when given, is shown.
 */
function expectTable(t: StatTable, truth: number[][], total?: number) {
  truth.forEach((row, i) =>
    row.forEach((n, j) => {
      const cell = t.cells[i]![j]!;
      if (n < SMALL) expect(cell.kind, `${t.id}[${t.rows[i]}][${t.cols[j]}]`).toBe("small");
      else if (cell.kind === "value") expect(cell.value, `${t.id}[${t.rows[i]}][${t.cols[j]}]`).toBe(n);
    }),
  );
  t.rowTotals?.forEach((c, i) => {
    if (c.kind === "value") expect(c.value).toBe(truth[i]!.reduce((a, b) => a + b, 0));
  });
  t.colTotals?.forEach((c, j) => {
    if (c.kind === "value") expect(c.value).toBe(truth.reduce((a, row) => a + row[j]!, 0));
  });
  if (total !== undefined) expect(value(t.total), `${t.id} total`).toBe(total);
}

/** Every count a table shows, margins included (the durations' day figures are not counts). */
function shownCounts(t: StatTable): number[] {
  const cells = t.id === "durations" ? t.cells.map((r) => r[0]!) : t.cells.flat();
  return [...cells, ...(t.rowTotals ?? []), ...(t.colTotals ?? []), ...(t.total ? [t.total] : [])]
    .filter((c): c is { kind: "value"; value: number } => c.kind === "value")
    .map((c) => c.value);
}

describe("the coordinator's dashboard", () => {
  it("counts the known municipality right, and never shows a count below 5", async () => {
    const d = await load();
    expect(d.filter).toEqual({ year: 2026, serviceKind: null });
    expect(d.years).toEqual([2026]);
    // Private concerns are not counted: the kindergarten holds none of the counted logs.
    expect(d.serviceKinds).toEqual(["school", "health_clinic"]);

    const month = (counts: Record<number, number>) => Array.from({ length: 12 }, (_, i) => [counts[i] ?? 0]);
    expectTable(table(d, "started"), month({ 0: 12, 1: 11 }), 23);
    expectTable(table(d, "closed"), month({ 2: 6 }), 6);
    expectTable(
      table(d, "closeReasons"),
      table(d, "closeReasons").rows.map((r) => [r === "resolved" ? 6 : 0]),
      6,
    );
    expectTable(
      table(d, "pathways"),
      table(d, "pathways").rows.map((r) => [r === "1-2" ? 5 : 0]),
    );

    // Stays at level 1 that ended in 2026: 5 × 26 days (school, 15 Jan → 10 Feb) and
    // 6 × 24 days (health clinic, 5 Feb → 1 Mar): median 24, 90th percentile 26.
    const durations = table(d, "durations");
    expect(durations.cells[1]!.map(value)).toEqual([11, 24, 26]);
    // From the concern (noted 13 Jan) to the first action (20 Jan): 5 logs, 7 days.
    expect(durations.cells[4]!.map(value)).toEqual([5, 7, 7]);
    // Level 2 has no stay that ended: too few to say anything.
    expect(durations.cells[2]!.map(value)).toEqual(["small", "small", "small"]);

    // Open on 2 March: school 7 at level 1 and 5 at level 2; health clinic 5 at level 1.
    const open = table(d, "open");
    expect(open.rows).toEqual(["school", "health_clinic"]);
    expectTable(open, [[0, 7, 5, 0], [0, 5, 0, 0]], 17);
    // 17 open; the 5 level-2 logs have overdue evaluations and complete consent to keep
    // them; no child's voice recorded anywhere.
    const now = table(d, "now");
    expect(now.rows).toEqual(["overdueEvaluation", "voiceInInterval", "completeConsent"]);
    expectTable(now, [[5, 12], [0, 17], [5, 12]]);
    for (const c of now.rowTotals!) expect(value(c)).toBe(17);
    expect(value(now.cells[0]![0])).toBe(5);
    expect(value(now.cells[0]![1])).toBe(12);

    for (const t of d.tables) for (const n of shownCounts(t)) expect(n).toBeGreaterThanOrEqual(SMALL);
  }, 30_000);

  it("filters by the holder's kind of service, and ignores a year or kind it does not know", async () => {
    const health = await load("?kind=health_clinic");
    expect(health.filter.serviceKind).toBe("health_clinic");
    expectTable(table(health, "started"), Array.from({ length: 12 }, (_, i) => [i === 1 ? 11 : 0]), 11);
    expect(table(health, "open").rows).toEqual(["health_clinic"]);
    const unknown = await load("?year=1999&kind=spaceship");
    expect(unknown.filter).toEqual({ year: 2026, serviceKind: null });
    for (const t of health.tables) for (const n of shownCounts(t)) expect(n).toBeGreaterThanOrEqual(SMALL);
  }, 30_000);

  it("is the coordinator's alone: 404 for a teacher, a leader and an administrator", async () => {
    for (const id of [cast.ids.teacher, cast.ids.principal, cast.ids.administrator]) {
      const { cookie } = await sessionFor(id);
      expect((await callLoader(dashboard.loader, "/koordinator", { cookie })).status).toBe(404);
      expect((await callLoader(report.loader, "/koordinator/rapport", { cookie })).status).toBe(404);
      expect(
        (await callLoader(exportRoute.loader, "/koordinator/eksport/started?format=csv", { cookie, params: { table: "started" } })).status,
      ).toBe(404);
    }
  }, 30_000);

  it("exports each table as CSV and JSON with the same figures; an unknown table is 404", async () => {
    const csv = await callLoader(exportRoute.loader, "/koordinator/eksport/started?year=2026&format=csv", {
      cookie: coordinatorCookie,
      params: { table: "started" },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="bti-started-2026.csv"');
    const lines = String(csv.data).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Måned;Antall");
    // The same cells as the page: January's 12, the small months "<5", February hidden
    // ("×") so the ten empty months cannot be worked out from the total.
    const page = table(await load(), "started");
    const shown = (c: StatCell) => (c.kind === "value" ? String(c.value) : c.kind === "small" ? "<5" : "×");
    expect(lines[1]).toBe(`januar;${shown(page.cells[0]![0]!)}`);
    expect(lines[2]).toBe(`februar;${shown(page.cells[1]![0]!)}`);
    expect(lines[3]).toBe("mars;<5");
    expect(lines[13]).toBe("Sum;23");
    expect(lines.slice(1, 13).filter((l) => /;\d+$/.test(l)).length).toBeGreaterThanOrEqual(1);
    const json = await callLoader(exportRoute.loader, "/koordinator/eksport/started?year=2026&format=json", {
      cookie: coordinatorCookie,
      params: { table: "started" },
    });
    const data = json.data as { rows: (string | number)[][]; columns: string[] };
    expect(data.columns).toEqual(["Måned", "Antall"]);
    expect(data.rows[0]).toEqual(["januar", page.cells[0]![0]!.kind === "value" ? 12 : shown(page.cells[0]![0]!)]);
    expect(data.rows[2]).toEqual(["mars", "<5"]);
    const missing = await callLoader(exportRoute.loader, "/koordinator/eksport/children?format=csv", {
      cookie: coordinatorCookie,
      params: { table: "children" },
    });
    expect(missing.status).toBe(404);
  }, 30_000);

  it("the annual report covers the whole year for every kind of service", async () => {
    const outcome = await callLoader<Dashboard>(report.loader, "/koordinator/rapport?year=2026&kind=school", { cookie: coordinatorCookie });
    expect(outcome.status).toBe(200);
    expect(outcome.data.filter).toEqual({ year: 2026, serviceKind: null });
    expect(value(table(outcome.data, "started").total)).toBe(23);
  }, 30_000);
});
