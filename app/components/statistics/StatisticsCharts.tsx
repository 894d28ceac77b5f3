import { useT } from "../../i18n/use-t";
import { statLabels, type StatCell, type StatTable, type TableId } from "../../lib/statistics";
import { BarChart } from "../charts/BarChart";
import type { ChartDatum } from "../charts/charts";
import { LineChart } from "../charts/LineChart";
import { StatTableView, useNumbers } from "./StatTableView";

/**
 * Every table of the dashboard in order, each with its chart where a picture helps (open
 * logs by level, started and closed per month, moves between levels, closing reasons). The
 * charts draw the same suppressed cells as the tables: a hidden cell is a mark, never a bar.
 */
export function StatisticsCharts({
  tables,
  kindNames,
  today,
  exportHref,
  headingLevel = 2,
}: {
  tables: StatTable[];
  kindNames: Record<string, string>;
  /** Today's date as the reader writes it, for the "now" table. */
  today: string;
  exportHref?: (id: TableId, format: "csv" | "json") => string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useT();
  const text = useNumbers();
  const datum = (key: string, label: string, cell: StatCell | undefined): ChartDatum => ({
    key,
    label,
    value: cell?.kind === "value" ? cell.value : null,
    display: cell ? text(cell) : "",
  });
  const byId = new Map(tables.map((table) => [table.id, table]));

  function chartFor(table: StatTable) {
    const labels = statLabels(t, table, kindNames);
    const column = () => table.cells.map((row, i) => datum(table.rows[i]!, labels.rows[i]!, row[0]));
    switch (table.id) {
      case "open":
        return (
          <BarChart
            id="chart-open"
            title={t("coordinator.tables.open.chart")}
            description={t("coordinator.tables.open.chartDescription")}
            data={table.cols.map((c, j) => datum(c, labels.cols[j]!, table.colTotals?.[j]))}
          />
        );
      case "started": {
        const closed = byId.get("closed");
        const series = [{ key: "started", label: t("coordinator.tables.startedClosed.started"), data: column() }];
        if (closed) {
          const closedLabels = statLabels(t, closed, kindNames);
          series.push({
            key: "closed",
            label: t("coordinator.tables.startedClosed.closed"),
            data: closed.cells.map((row, i) => datum(closed.rows[i]!, closedLabels.rows[i]!, row[0])),
          });
        }
        return (
          <LineChart
            id="chart-started-closed"
            title={t("coordinator.tables.startedClosed.chart")}
            description={t("coordinator.tables.startedClosed.chartDescription")}
            categories={table.rows.map((key, i) => ({ key, label: labels.rows[i]! }))}
            series={series}
          />
        );
      }
      case "pathways":
      case "closeReasons":
        return <BarChart id={`chart-${table.id}`} title={labels.title} description={labels.description} data={column()} />;
      default:
        return null;
    }
  }

  return (
    <>
      {tables.map((table) => (
        <StatTableView
          key={table.id}
          table={table}
          kindNames={kindNames}
          headingLevel={headingLevel}
          exportHref={exportHref ? (format) => exportHref(table.id, format) : undefined}
        >
          {table.id === "now" ? <p>{t("coordinator.nowAsOf", { date: today })}</p> : chartFor(table)}
        </StatTableView>
      ))}
    </>
  );
}
