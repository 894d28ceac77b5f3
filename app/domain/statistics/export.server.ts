import type { Locale, ServiceKind } from "../../lib/enums";
import { i18nFor } from "../../i18n/i18n";
import { toCsv } from "../../lib/csv.server";
import { SECONDARY_MARK, SMALL_MARK, statGrid, type TableId } from "../../lib/statistics";
import type { Actor } from "../auth/permissions";
import { notFound } from "../errors.server";
import { coordinatorDashboard } from "./statistics.server";

/**
 * A dashboard table as a file (issue 12 point 4): CSV for spreadsheets (app/lib/csv.server.ts:
 * ";" and a BOM, formula-looking text neutralised) or the same grid as JSON. The words are
 * the reader's language; the marks of suppressed cells are the page's ("<5", "×"). The file
 * name says which table and year, nothing else.
 */
export async function exportTable(
  actor: Actor,
  tableId: TableId | null,
  format: "csv" | "json",
  filter: { year?: number; serviceKind?: ServiceKind | null },
  locale: Locale,
) {
  const dashboard = await coordinatorDashboard(actor, filter, locale);
  const table = dashboard.tables.find((t) => t.id === tableId);
  if (!table) throw notFound();
  const { t } = i18nFor(locale);
  const { labels, header, body } = statGrid(t, table, dashboard.kindNames);
  const name = ["bti", table.id, dashboard.filter.year, dashboard.filter.serviceKind].filter(Boolean).join("-");
  if (format === "csv") {
    return { body: toCsv(header, body), contentType: "text/csv; charset=utf-8", filename: `${name}.csv` };
  }
  const json = {
    table: table.id,
    title: labels.title,
    description: labels.description,
    year: dashboard.filter.year,
    serviceKind: dashboard.filter.serviceKind,
    asOf: dashboard.asOf,
    marks: { [SMALL_MARK]: t("coordinator.legend.small"), [SECONDARY_MARK]: t("coordinator.legend.secondary") },
    columns: header,
    rows: body,
  };
  return { body: JSON.stringify(json, null, 2), contentType: "application/json; charset=utf-8", filename: `${name}.json` };
}
