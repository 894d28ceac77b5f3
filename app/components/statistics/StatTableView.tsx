import type { ReactNode } from "react";
import { useT } from "../../i18n/use-t";
import { intlTag } from "../../lib/locales";
import { cellText, statLabels, type StatCell, type StatTable } from "../../lib/statistics";

/** The reader's number format ("1 234" in Norwegian). */
export function useNumbers() {
  const { i18n } = useT();
  const format = new Intl.NumberFormat(intlTag(i18n.language));
  return (cell: StatCell) => cellText(cell, (n) => format.format(n));
}

/**
 * One of the coordinator's tables as an HTML table (caption, header cells with scope, the
 * margins as a last row and column), with its download links. Hidden cells show their mark;
 * the legend under the filter says what the marks mean.
 */
export function StatTableView({
  table,
  kindNames,
  exportHref,
  headingLevel = 3,
  children,
}: {
  table: StatTable;
  kindNames: Record<string, string>;
  /** Where the table's CSV and JSON are; none on the printed report. */
  exportHref?: (format: "csv" | "json") => string;
  headingLevel?: 2 | 3;
  /** A chart of the same figures, shown above the table. */
  children?: ReactNode;
}) {
  const { t } = useT();
  const text = useNumbers();
  const labels = statLabels(t, table, kindNames);
  const id = `table-${table.id}`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`${id}-heading`} className="card stack stat-section">
      <Heading id={`${id}-heading`}>{labels.title}</Heading>
      <p>{labels.description}</p>
      {children}
      <div className="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="table" id={id}>
          <caption id={`${id}-caption`} className="sr-only">
            {labels.title}
          </caption>
          <thead>
            <tr>
              <th scope="col">{labels.rowHeader}</th>
              {labels.cols.map((c) => (
                <th scope="col" key={c} className="text-right">
                  {c}
                </th>
              ))}
              {table.rowTotals ? (
                <th scope="col" className="text-right">
                  {labels.total}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {table.cells.map((cells, i) => (
              <tr key={table.rows[i]}>
                <th scope="row" className="font-normal">
                  {labels.rows[i]}
                </th>
                {cells.map((cell, j) => (
                  <td key={table.cols[j]} className="text-right tabular-nums">
                    {text(cell)}
                  </td>
                ))}
                {table.rowTotals?.[i] ? <td className="text-right font-semibold tabular-nums">{text(table.rowTotals[i])}</td> : null}
              </tr>
            ))}
          </tbody>
          {table.colTotals || (table.total && !table.rowTotals) ? (
            <tfoot>
              <tr>
                <th scope="row">{labels.total}</th>
                {table.colTotals
                  ? table.colTotals.map((cell, j) => (
                      <td key={table.cols[j]} className="text-right font-semibold tabular-nums">
                        {text(cell)}
                      </td>
                    ))
                  : null}
                {table.total ? <td className="text-right font-semibold tabular-nums">{text(table.total)}</td> : null}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
      {exportHref ? (
        <p className="no-print flex flex-wrap gap-4">
          <a href={exportHref("csv")} download>
            {t("coordinator.download")} {t("coordinator.csv")}
            <span className="sr-only"> – {labels.title}</span>
          </a>
          <a href={exportHref("json")} download>
            {t("coordinator.download")} {t("coordinator.json")}
            <span className="sr-only"> – {labels.title}</span>
          </a>
        </p>
      ) : null}
    </section>
  );
}
