import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorPage } from "../components/ErrorPage";
import { StatisticsCharts } from "../components/statistics/StatisticsCharts";
import { StatisticsFilterForm } from "../components/statistics/StatisticsFilterForm";
import { useDates } from "../components/logs/format";
import { requireActor } from "../domain/auth/guards.server";
import { coordinatorDashboard } from "../domain/statistics/statistics.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { StatisticsFilterSchema } from "../lib/coordinator-schemas";
import { filterQuery } from "../lib/statistics";
import { guard } from "../route-helpers/http.server";

export const meta: MetaFunction = (args) => pageTitle(args, "coordinator.title");

/** The BTI coordinator's dashboard (issue 12): counts without identities; 404 for anyone else. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const query = StatisticsFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return guard(() => coordinatorDashboard(actor, { year: query.year, serviceKind: query.kind }, getLocale(request)));
}

export default function CoordinatorPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useT();
  const { date, dateTime } = useDates();
  const query = filterQuery(data.filter);
  return (
    <div className="stack">
      <h1>{t("coordinator.title")}</h1>
      <p>{t("coordinator.intro")}</p>
      <StatisticsFilterForm years={data.years} serviceKinds={data.serviceKinds} kindNames={data.kindNames} filter={data.filter} />
      <p aria-live="polite">
        {t("coordinator.showing", {
          year: data.filter.year,
          kind: data.filter.serviceKind ? data.kindNames[data.filter.serviceKind] : t("coordinator.showingAll"),
        })}{" "}
        {t("coordinator.asOf", { date: date(data.asOf) })} {t("coordinator.figuresAsOf", { time: dateTime(data.computedAt) })}
      </p>
      <p className="no-print">
        <Link to={`/koordinator/rapport?year=${data.filter.year}`}>{t("coordinator.report.link", { year: data.filter.year })}</Link>
      </p>
      <StatisticsCharts
        tables={data.tables}
        kindNames={data.kindNames}
        today={date(data.today)}
        exportHref={(id, format) => `/koordinator/eksport/${id}?${query}&format=${format}`}
      />
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
