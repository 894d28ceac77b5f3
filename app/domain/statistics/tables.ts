import { quantileSorted } from "d3-array";
import type { StatCell, StatTable, TableId } from "../../lib/statistics";
import { closeReasons, serviceKindCodes, type ServiceKind } from "../../lib/enums";
import { SMALL, suppressList, suppressTable, type Cell, type SuppressedTable } from "../../lib/suppression";
import {
  handoverOutcomes,
  invitationOutcomes,
  levelsCounted,
  nowMeasures,
  pathways,
  type RawStatistics,
} from "./compute";

/**
 * The coordinator's tables as they may be shown (issue 12 point 2): every count goes through
 * the small-number suppression in app/lib/suppression.ts, and a figure that appears in two
 * tables (the open logs on a day; the closings in a year) is hidden in both when either hides
 * it — hiding more never reveals more. Pure: the same tables feed the page, the charts, the
 * CSV and the JSON, and the property test in tests/unit/statistics-tables.test.ts.
 */

const hidden: StatCell = { kind: "secondary" };
const small: StatCell = { kind: "small" };

function toStat(cell: Cell): StatCell {
  return cell.shown ? { kind: "value", value: cell.value } : { kind: cell.reason };
}

function fromSuppressed(id: TableId, t: SuppressedTable, margins: { rows: boolean; cols: boolean }): StatTable {
  return {
    id,
    rows: t.rows,
    cols: t.cols,
    cells: t.cells.map((row) => row.map(toStat)),
    rowTotals: margins.rows ? t.rowTotals.map(toStat) : null,
    colTotals: margins.cols ? t.colTotals.map(toStat) : null,
    total: toStat(t.total),
  };
}

/** A list (one column of counts with its total), as a one-column table. */
function listTable(id: TableId, keys: readonly string[], counts: number[]): StatTable {
  return { ...fromSuppressed(id, suppressList([...keys], counts), { rows: false, cols: false }), cols: ["count"] };
}

const isShown = (cell: StatCell | null) => cell?.kind === "value";

/** Percentiles of day counts are shown only for at least SMALL stays: a median of two is two children. */
function durationRow(days: number[]): StatCell[] {
  const n = days.length;
  if (n < SMALL) return [{ kind: "small" }, { kind: "small" }, { kind: "small" }];
  const sorted = [...days].sort((a, b) => a - b);
  const at = (p: number) => ({ kind: "value" as const, value: Math.round(quantileSorted(sorted, p) ?? 0) });
  return [{ kind: "value", value: n }, at(0.5), at(0.9)];
}

export const monthKeys = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"] as const;

/** Every table of the dashboard for one filter, suppressed. */
export function buildTables(raw: RawStatistics, options: { sameDayAsNow: boolean }): StatTable[] {
  // Open logs on the day, by the holder's service kind and level; only kinds that hold some.
  const kinds = serviceKindCodes.filter((k) => raw.openByKindAndLevel.has(k));
  const levels = levelsCounted.map(String);
  const open: StatTable =
    kinds.length > 0
      ? fromSuppressed(
          "open",
          suppressTable(
            kinds,
            levels,
            kinds.map((k) => raw.openByKindAndLevel.get(k as ServiceKind) ?? [0, 0, 0, 0]),
          ),
          { rows: true, cols: true },
        )
      : // No open log at all: nothing but zeros, every one of them "<5".
        { id: "open", rows: [], cols: levels, cells: [], rowTotals: [], colTotals: levels.map(() => small), total: small };
  const started = listTable("started", monthKeys, raw.startedByMonth);
  const closed = listTable("closed", monthKeys, raw.closedByMonth);
  const reasons = listTable("closeReasons", closeReasons, closeReasons.map((r) => raw.closeReasons[r]));

  // The open logs today, and how many of them meet each measure: one list [yes, no] per
  // measure, all with the same total.
  const nowRows = nowMeasures.map((m) => suppressList(["yes", "no"], [raw.now[m], raw.now.open - raw.now[m]]));
  const now: StatTable = {
    id: "now",
    rows: [...nowMeasures],
    cols: ["yes", "no"],
    cells: nowRows.map((t) => [toStat(t.cells[0]![0]!), toStat(t.cells[1]![0]!)]),
    rowTotals: nowRows.map((t) => toStat(t.total)),
    colTotals: null,
    total: null,
  };

  // The same figure in two places is hidden in both if either hides it.
  const openTotalHidden =
    now.rowTotals!.some((c) => !isShown(c)) || (options.sameDayAsNow && !isShown(open.total));
  if (openTotalHidden) {
    now.rowTotals = now.rowTotals!.map((c) => (isShown(c) ? hidden : c));
    if (options.sameDayAsNow && isShown(open.total)) open.total = hidden;
  }
  if (!isShown(closed.total) || !isShown(reasons.total)) {
    if (isShown(closed.total)) closed.total = hidden;
    if (isShown(reasons.total)) reasons.total = hidden;
  }

  const durations: StatTable = {
    id: "durations",
    rows: [...levelsCounted.map((l) => `level${l}`), "firstAction"],
    cols: ["n", "median", "p90"],
    cells: [...raw.daysAtLevel.map(durationRow), durationRow(raw.daysToFirstAction)],
    rowTotals: null,
    colTotals: null,
    total: null,
  };

  return [
    open,
    started,
    closed,
    durations,
    now,
    listTable("invitations", invitationOutcomes, invitationOutcomes.map((o) => raw.invitations[o])),
    listTable("handovers", handoverOutcomes, handoverOutcomes.map((o) => raw.handovers[o])),
    listTable("pathways", pathways, pathways.map((p) => raw.pathways[p])),
    reasons,
  ];
}
