import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { useDates } from "../components/logs/format";
import { Notice } from "../components/ui/Notice";
import { requireActor } from "../domain/auth/guards.server";
import { getConsultation } from "../domain/consultations/consultations.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { guard } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "consultations.detail.title");

/** One consultation: its author and the leaders of the author's service; 404 for everyone else. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => getConsultation(actor, params.consultationId ?? "", getLocale(request)));
}

export default function Consultation() {
  const c = useLoaderData<typeof loader>();
  const { t } = useT();
  const { date } = useDates();
  const [params] = useSearchParams();
  return (
    <div className="stack max-w-2xl">
      <p>
        <Link to="/consultations">← {t("consultations.detail.back")}</Link>
      </p>
      <h1>{t("consultations.detail.title")}</h1>
      {params.get("notice") === "saved" ? <Notice>{t("consultations.detail.saved")}</Notice> : null}
      <dl className="card stack">
        <div>
          <dt className="font-semibold">{t("consultations.detail.heldOn")}</dt>
          <dd>{date(c.heldOn)}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("consultations.detail.consulted")}</dt>
          <dd>{c.consultedServiceName ? `${c.consultedKindName} (${c.consultedServiceName})` : c.consultedKindName}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("consultations.detail.question")}</dt>
          <dd className="whitespace-pre-line">{c.question}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("consultations.detail.advice")}</dt>
          <dd className="whitespace-pre-line">{c.advice}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("consultations.detail.recordedBy")}</dt>
          <dd>
            {c.authorName}, {c.authorServiceName}
          </dd>
        </div>
        {c.log ? (
          <div>
            <dt className="font-semibold">{t("consultations.detail.log")}</dt>
            <dd>
              <Link to={`/logs/${c.log.id}`}>{t("consultations.detail.openLog", { name: c.log.childName })}</Link>
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
