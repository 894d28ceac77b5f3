import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeStatistics, type LevelFact, type LogFacts } from "../../app/domain/statistics/compute";
import { buildTables } from "../../app/domain/statistics/tables";
import { closeReasons, serviceKindCodes, type ServiceKind } from "../../app/lib/enums";
import { addDays } from "../../app/lib/dates";
import type { StatCell, StatTable } from "../../app/lib/statistics";
import { SMALL } from "../../app/lib/suppression";

/**
 * Small numbers never show, on every filter combination (issue 12 point 2): random
 * municipalities (a handful to a few hundred relay logs, skewed to few per cell), every year
 * and kind of service a coordinator can choose; every count a table shows is at least 5, a
 * shown cell is the true count, and a figure two tables share (the open logs today; the year's
 * closings) is shown in both or in neither. That no hidden cell can be worked out from the
 * rest is the suppression's own property test (tests/unit/suppression.test.ts).
 */
const kinds: ServiceKind[] = ["school", "kindergarten", "health_clinic", "ppt"];

const historyArb = fc
  .record({
    kind: fc.constantFrom(...kinds),
    start: fc.integer({ min: 0, max: 700 }),
    level: fc.constantFrom(0, 1, 1, 1, 2),
    moves: fc.array(fc.record({ after: fc.integer({ min: 1, max: 120 }), to: fc.integer({ min: 0, max: 3 }) }), { maxLength: 3 }),
    closeAfter: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
    reason: fc.constantFrom(...closeReasons),
    actionAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    overdue: fc.boolean(),
    voice: fc.boolean(),
    consent: fc.boolean(),
  })
  .map((h): LogFacts => {
    let day = addDays("2025-01-01", h.start);
    const facts: LevelFact[] = [{ type: "became_log", on: day, level: h.level }];
    let level: number = h.level;
    for (const m of h.moves) {
      if (m.to === level) continue;
      day = addDays(day, m.after);
      facts.push({ type: "level_change", on: day, from: level, to: m.to });
      level = m.to;
    }
    const closed = h.closeAfter !== null;
    if (closed) facts.push({ type: "closed", on: addDays(day, h.closeAfter!), reason: h.reason });
    const concernOn = addDays("2025-01-01", h.start - 3);
    return {
      serviceKind: h.kind,
      concernOn,
      firstActionOn: h.actionAfter === null ? null : addDays(concernOn, h.actionAfter),
      facts,
      open: !closed,
      level,
      nextEvaluationOn: h.overdue ? "2026-05-01" : "2026-09-01",
      lastChildVoiceOn: h.voice ? "2026-05-30" : null,
      hasKeepConsent: h.consent,
    };
  });

/** The counts a table shows (for durations, only the number of stays: days are not counts). */
function counts(t: StatTable): StatCell[] {
  const cells = t.id === "durations" ? t.cells.map((r) => r[0]!) : t.cells.flat();
  return [...cells, ...(t.rowTotals ?? []), ...(t.colTotals ?? []), ...(t.total ? [t.total] : [])];
}

describe("the dashboard's tables on every filter", () => {
  it("never show a count below 5, show true counts, and hide a shared figure in both places or neither", () => {
    fc.assert(
      fc.property(
        fc.array(historyArb, { minLength: 0, maxLength: 300 }),
        fc.constantFrom(2025, 2026),
        fc.constantFrom(null, ...kinds),
        (logs, year, serviceKind) => {
          const today = "2026-06-15";
          const raw = computeStatistics({ logs, invitations: [], handovers: [] }, { year, serviceKind }, today, 42);
          const tables = buildTables(raw, { sameDayAsNow: raw.asOf === today });
          const byId = Object.fromEntries(tables.map((t) => [t.id, t])) as Record<string, StatTable>;
          for (const t of tables) {
            for (const c of counts(t)) if (c.kind === "value") expect(c.value).toBeGreaterThanOrEqual(SMALL);
          }
          // Shown cells are the true counts.
          const started = byId.started!;
          started.cells.forEach((row, i) => {
            if (row[0]!.kind === "value") expect(row[0]).toEqual({ kind: "value", value: raw.startedByMonth[i] });
          });
          const open = byId.open!;
          open.rows.forEach((kind, i) =>
            open.cells[i]!.forEach((c, level) => {
              if (c.kind === "value") expect(c.value).toBe(raw.openByKindAndLevel.get(kind as ServiceKind)![level]);
            }),
          );
          // A shared figure: shown alike everywhere, or hidden everywhere.
          const shown = (c: StatCell | null | undefined) => c?.kind === "value";
          const nowTotals = byId.now!.rowTotals!;
          expect(new Set(nowTotals.map(shown)).size).toBe(1);
          if (raw.asOf === today) expect(shown(open.total)).toBe(shown(nowTotals[0]));
          expect(shown(byId.closed!.total)).toBe(shown(byId.closeReasons!.total));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("lists only kinds that hold open logs, in the catalogue's order", () => {
    const raw = computeStatistics(
      {
        logs: (["ppt", "school"] as const).map((kind) => ({
          serviceKind: kind,
          concernOn: "2026-01-01",
          firstActionOn: null,
          facts: [{ type: "became_log", on: "2026-01-02", level: 1 }],
          open: true,
          level: 1,
          nextEvaluationOn: null,
          lastChildVoiceOn: null,
          hasKeepConsent: false,
        })),
        invitations: [],
        handovers: [],
      },
      { year: 2026, serviceKind: null },
      "2026-03-01",
      42,
    );
    const open = buildTables(raw, { sameDayAsNow: true }).find((t) => t.id === "open")!;
    expect(open.rows).toEqual(serviceKindCodes.filter((k) => k === "school" || k === "ppt"));
  });
});
