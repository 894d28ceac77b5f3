import { Form } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import type { ServiceKind } from "../../lib/enums";

/** The dashboard's filter as a GET form (works without JavaScript), and what the marks mean. */
export function StatisticsFilterForm({
  years,
  serviceKinds,
  kindNames,
  filter,
}: {
  years: number[];
  serviceKinds: ServiceKind[];
  kindNames: Record<string, string>;
  filter: { year: number; serviceKind: ServiceKind | null };
}) {
  const { t } = useT();
  return (
    <>
      <Form method="get" action="/koordinator" className="card no-print flex flex-wrap items-end gap-3" aria-label={t("coordinator.filters.label")}>
        <div className="field">
          <label htmlFor="stat-year">{t("coordinator.filters.year")}</label>
          <select id="stat-year" name="year" defaultValue={String(filter.year)} className="input">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="stat-kind">{t("coordinator.filters.serviceKind")}</label>
          <select id="stat-kind" name="kind" defaultValue={filter.serviceKind ?? ""} className="input">
            <option value="">{t("coordinator.filters.allKinds")}</option>
            {serviceKinds.map((k) => (
              <option key={k} value={k}>
                {kindNames[k] ?? k}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-primary">
          {t("coordinator.filters.apply")}
        </button>
      </Form>
      <StatisticsLegend />
    </>
  );
}

export function StatisticsLegend() {
  const { t } = useT();
  return (
    <section aria-labelledby="stat-legend" className="stack">
      <h2 id="stat-legend" className="text-base">
        {t("coordinator.legend.title")}
      </h2>
      <ul className="list-disc pl-6">
        <li>{t("coordinator.legend.small")}</li>
        <li>{t("coordinator.legend.secondary")}</li>
      </ul>
    </section>
  );
}
