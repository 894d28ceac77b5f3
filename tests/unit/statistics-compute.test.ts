import { describe, expect, it } from "vitest";
import { computeStatistics, type LogFacts } from "../../app/domain/statistics/compute";

/** The coordinator's figures from plain facts (issue 12 point 1), each rule with a case that breaks without it. */
const log = (over: Partial<LogFacts>): LogFacts => ({
  serviceKind: "school",
  concernOn: "2026-01-10",
  firstActionOn: null,
  facts: [{ type: "became_log", on: "2026-01-15", level: 1 }],
  open: true,
  level: 1,
  nextEvaluationOn: null,
  lastChildVoiceOn: null,
  hasKeepConsent: false,
  ...over,
});

const run = (logs: LogFacts[], filter = { year: 2026, serviceKind: null }, today = "2026-06-30") =>
  computeStatistics({ logs, invitations: [], handovers: [] }, filter, today, 42);

describe("statistics from facts", () => {
  it("counts open logs at their level on the day, by kind", () => {
    const s = run([
      log({}),
      log({ serviceKind: "health_clinic", facts: [{ type: "became_log", on: "2026-02-01", level: 1 }, { type: "level_change", on: "2026-03-01", from: 1, to: 2 }] }),
      log({ facts: [{ type: "became_log", on: "2026-02-01", level: 1 }, { type: "closed", on: "2026-04-01", reason: "resolved" }], open: false }),
    ]);
    expect(s.asOf).toBe("2026-06-30");
    expect(s.openByKindAndLevel.get("school")).toEqual([0, 1, 0, 0]);
    expect(s.openByKindAndLevel.get("health_clinic")).toEqual([0, 0, 1, 0]);
  });

  it("a past year counts what was open on its last day, from the history", () => {
    const closedLater = log({
      facts: [
        { type: "became_log", on: "2025-05-01", level: 1 },
        { type: "level_change", on: "2025-11-01", from: 1, to: 3 },
        { type: "level_change", on: "2026-02-01", from: 3, to: 2 },
        { type: "closed", on: "2026-03-01", reason: "resolved" },
      ],
      open: false,
    });
    const s = run([closedLater], { year: 2025, serviceKind: null });
    expect(s.asOf).toBe("2025-12-31");
    expect(s.openByKindAndLevel.get("school")).toEqual([0, 0, 0, 1]);
    expect(s.startedByMonth[4]).toBe(1);
    expect(s.pathways["1-3"]).toBe(1);
    expect(s.pathways["3-2"]).toBe(0);
    const next = run([closedLater], { year: 2026, serviceKind: null });
    expect(next.openByKindAndLevel.size).toBe(0);
    expect(next.pathways["3-2"]).toBe(1);
    expect(next.closedByMonth[2]).toBe(1);
    expect(next.closeReasons.resolved).toBe(1);
    // Stays that ended in 2026: level 3 (92 days) and level 2 (28 days); level 1 ended in 2025.
    expect(next.daysAtLevel[3]).toEqual([92]);
    expect(next.daysAtLevel[2]).toEqual([28]);
    expect(next.daysAtLevel[1]).toEqual([]);
  });

  it("a reopened log is open again at the level it was closed at", () => {
    const s = run([
      log({
        facts: [
          { type: "became_log", on: "2026-01-15", level: 2 },
          { type: "closed", on: "2026-02-01", reason: "other" },
          { type: "reopened", on: "2026-03-01" },
        ],
      }),
    ]);
    expect(s.openByKindAndLevel.get("school")).toEqual([0, 0, 1, 0]);
    expect(s.daysAtLevel[2]).toEqual([17]);
  });

  it("the service kind filter keeps only that kind's logs", () => {
    const s = run([log({}), log({ serviceKind: "kindergarten" })], { year: 2026, serviceKind: "kindergarten" as never });
    expect([...s.openByKindAndLevel.keys()]).toEqual(["kindergarten"]);
    expect(s.startedByMonth[0]).toBe(1);
    expect(s.now.open).toBe(1);
  });

  it("days from the concern to the first action count in the year of the action", () => {
    const s = run([log({ concernOn: "2025-12-20", firstActionOn: "2026-01-05" }), log({ firstActionOn: "2025-12-30", concernOn: "2025-12-01" })]);
    expect(s.daysToFirstAction).toEqual([16]);
  });

  it("today's measures: overdue evaluation before today, the child's voice inside the interval, complete consent", () => {
    const s = run(
      [
        log({ nextEvaluationOn: "2026-06-29", lastChildVoiceOn: "2026-05-19", hasKeepConsent: true }),
        log({ nextEvaluationOn: "2026-06-30", lastChildVoiceOn: "2026-05-18" }),
        log({ open: false, nextEvaluationOn: "2026-01-01", hasKeepConsent: true }),
      ],
      undefined,
      "2026-06-30",
    );
    // 42 days before 2026-06-30 is 2026-05-19: on the day counts, the day before does not.
    expect(s.now).toEqual({ open: 2, overdueEvaluation: 1, voiceInInterval: 1, completeConsent: 1 });
  });

  it("invitations: answered in time, late, unanswered past the deadline, waiting, withdrawn", () => {
    const inv = (status: "pending" | "accepted" | "declined" | "cancelled", respondBy: string, answeredOn: string | null) => ({
      serviceKind: "school" as const,
      createdOn: "2026-03-01",
      respondBy,
      status,
      answeredOn,
    });
    const s = computeStatistics(
      {
        logs: [],
        invitations: [
          inv("accepted", "2026-03-08", "2026-03-08"),
          inv("declined", "2026-03-08", "2026-03-09"),
          inv("pending", "2026-03-08", null),
          inv("pending", "2026-03-10", null),
          inv("cancelled", "2026-03-08", null),
          { ...inv("accepted", "2025-03-08", "2025-03-01"), createdOn: "2025-03-01" },
        ],
        handovers: [{ serviceKind: "school", proposedOn: "2026-02-01", status: "accepted" }],
      },
      { year: 2026, serviceKind: null },
      "2026-03-09",
      42,
    );
    expect(s.invitations).toEqual({ in_time: 1, late: 1, unanswered: 1, waiting: 1, cancelled: 1 });
    expect(s.handovers.accepted).toBe(1);
  });
});
