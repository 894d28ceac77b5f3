import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorPage } from "../components/ErrorPage";
import { PrintButton } from "../components/logs/PrintButton";
import { useDates } from "../components/logs/format";
import { StatisticsCharts } from "../components/statistics/StatisticsCharts";
import { StatisticsLegend } from "../components/statistics/StatisticsFilterForm";
import { requireActor } from "../domain/auth/guards.server";
import { coordinatorDashboard } from "../domain/statistics/statistics.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { StatisticsFilterSchema } from "../lib/coordinator-schemas";
import { guard } from "../route-helpers/http.server";

export const meta: MetaFunction = (args) => {
  const year = (args.data as { filter?: { year?: number } } | undefined)?.filter?.year;
  return pageTitle(args, "coordinator.report.title", { year });
};

/** The annual BTI report for the council (issue 12 point 4): the whole year, every kind of service, ready to print. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const query = StatisticsFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return guard(() => coordinatorDashboard(actor, { year: query.year, serviceKind: null }, getLocale(request)));
}

export default function AnnualReport() {
  const data = useLoaderData<typeof loader>();
  const { t } = useT();
  const { date, dateTime } = useDates();
  return (
    <article className="stack report">
      <header className="stack">
        <h1>{t("coordinator.report.title", { year: data.filter.year })}</h1>
        <p className="text-lg">{t("coordinator.report.subtitle", { municipality: data.municipalityName })}</p>
        <p>{t("coordinator.report.intro", { year: data.filter.year })}</p>
        <p className="hint">
          {t("coordinator.report.generated", { date: date(data.today) })} {t("coordinator.asOf", { date: date(data.asOf) })}{" "}
          {t("coordinator.figuresAsOf", { time: dateTime(data.computedAt) })}
        </p>
        <p className="no-print flex flex-wrap items-center gap-4">
          <PrintButton />
          <Link to={`/koordinator?year=${data.filter.year}`}>{t("coordinator.report.back")}</Link>
        </p>
      </header>
      <StatisticsLegend />
      <StatisticsCharts tables={data.tables} kindNames={data.kindNames} today={date(data.today)} />
    </article>
  );
}

export const ErrorBoundary = ErrorPage;
