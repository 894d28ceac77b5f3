import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { useDates } from "../components/logs/format";
import { Pagination } from "../components/ui/Pagination";
import { requireActor, requireCapability } from "../domain/auth/guards.server";
import { listConsultations } from "../domain/consultations/consultations.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { ConsultationListQuery } from "../lib/consultation-schemas";
import { guard } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "consultations.list.title");

/** Anonymous consultations: the person's own and, for a leader, their service's; newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const query = ConsultationListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return guard(async () => {
    requireCapability(actor, "logs.start");
    return listConsultations(actor, { page: query.page, locale: getLocale(request) });
  });
}

export default function Consultations() {
  const { consultations, total, page, pages, includesService } = useLoaderData<typeof loader>();
  const { t } = useT();
  const { date } = useDates();
  return (
    <div className="stack">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{t("consultations.list.title")}</h1>
        <Link to="/consultations/new" className="btn-primary">
          {t("consultations.list.new")}
        </Link>
      </div>
      <p>
        {t("consultations.list.intro")}
        {includesService ? ` ${t("consultations.list.introLeader")}` : ""}
      </p>
      <p>{t("consultations.list.count", { count: total })}</p>
      {consultations.length === 0 ? <p>{t("consultations.list.none")}</p> : null}
      <ul className="stack">
        {consultations.map((c) => (
          <li key={c.id} className="card stack">
            <h2 className="text-lg">
              <Link to={`/consultations/${c.id}`}>{date(c.heldOn)}</Link>
            </h2>
            <p className="font-semibold">
              {c.consultedServiceName
                ? t("consultations.list.consultedWithService", { kind: c.consultedKindName, service: c.consultedServiceName })
                : t("consultations.list.consultedWith", { kind: c.consultedKindName })}
            </p>
            <p className="whitespace-pre-line">{c.question}</p>
            <p className="text-sm">
              {c.mine
                ? t("consultations.list.recordedByYou")
                : t("consultations.list.recordedBy", { name: c.authorName, service: c.authorServiceName })}
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} href={(p) => `/consultations?page=${p}`} />
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
