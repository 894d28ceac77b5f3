import type { TFunction } from "i18next";

/**
 * The coordinator's tables as they leave the domain (app/domain/statistics/tables.ts) for the
 * page, the charts and the exports: keys, not words, and cells that are a count or a mark
 * of suppression. Pure and shared by server and client, so the CSV and the page say the same.
 */
export type StatCell = { kind: "value"; value: number } | { kind: "small" } | { kind: "secondary" };

export const tableIds = [
  "open",
  "started",
  "closed",
  "durations",
  "now",
  "invitations",
  "handovers",
  "pathways",
  "closeReasons",
] as const;
export type TableId = (typeof tableIds)[number];

export interface StatTable {
  id: TableId;
  rows: string[];
  cols: string[];
  cells: StatCell[][];
  /** Margins, where the table has them: each row's total, each column's total, the grand total. */
  rowTotals: StatCell[] | null;
  colTotals: StatCell[] | null;
  total: StatCell | null;
}

/** The marks a hidden cell shows: "<5" for a small count, "×" for one hidden to protect another. */
export const SMALL_MARK = "<5";
export const SECONDARY_MARK = "×";

/** A cell as text: the number in the reader's format, or its mark. */
export function cellText(cell: StatCell, format: (n: number) => string = String): string {
  if (cell.kind === "small") return SMALL_MARK;
  if (cell.kind === "secondary") return SECONDARY_MARK;
  return format(cell.value);
}

/** A cell for a machine (CSV, JSON): the number, or its mark as text. */
export function cellData(cell: StatCell): number | string {
  return cell.kind === "value" ? cell.value : cellText(cell);
}

/** The words for a table's rows and columns, in the reader's language. */
export function statLabels(t: TFunction, table: StatTable, kindNames: Record<string, string>) {
  const level = (l: string) => t("coordinator.level", { level: l });
  const row = (key: string): string => {
    switch (table.id) {
      case "open":
        return kindNames[key] ?? key;
      case "started":
      case "closed":
        return t(`coordinator.months.${key as "01"}`);
      case "pathways": {
        const [from = "", to = ""] = key.split("-");
        return t("coordinator.rows.pathway", { from: level(from), to: level(to) });
      }
      case "closeReasons":
        return t(`logs.closeReasons.${key as "other"}`);
      default:
        return t(`coordinator.rows.${key as "firstAction"}`);
    }
  };
  const col = (key: string): string => (table.id === "open" ? level(key) : t(`coordinator.cols.${key as "n"}`));
  return {
    title: t(`coordinator.tables.${table.id}.title`),
    description: t(`coordinator.tables.${table.id}.description`),
    rowHeader: t(`coordinator.tables.${table.id}.rowHeader`),
    rows: table.rows.map(row),
    cols: table.cols.map(col),
    total: t("coordinator.total"),
  };
}

/** A table as a grid of text with its header (totals included where the table has them), for CSV and print. */
export function statGrid(t: TFunction, table: StatTable, kindNames: Record<string, string>) {
  const labels = statLabels(t, table, kindNames);
  const header = [labels.rowHeader, ...labels.cols, ...(table.rowTotals ? [labels.total] : [])];
  const body: (string | number)[][] = table.cells.map((cells, i) => [
    labels.rows[i] ?? "",
    ...cells.map(cellData),
    ...(table.rowTotals?.[i] ? [cellData(table.rowTotals[i])] : []),
  ]);
  if (table.colTotals) {
    body.push([labels.total, ...table.colTotals.map(cellData), ...(table.rowTotals && table.total ? [cellData(table.total)] : [])]);
  } else if (table.total && !table.rowTotals) {
    body.push([labels.total, cellData(table.total)]);
  }
  return { labels, header, body };
}

/** The query string of a dashboard filter, for the export and report links. */
export function filterQuery(filter: { year: number; serviceKind: string | null }) {
  const params = new URLSearchParams({ year: String(filter.year) });
  if (filter.serviceKind) params.set("kind", filter.serviceKind);
  return params.toString();
}
