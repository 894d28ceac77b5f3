import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useDates } from "../components/logs/format";
import { requireFamilyMember } from "../domain/family/guards.server";
import { familyLogHeading, familyReaders } from "../domain/family/pages.server";
import { pageTitle } from "../i18n/meta";
import { guard } from "../lib/http.server";
import { ErrorPage } from "../root";

export const meta: MetaFunction = (args) => pageTitle(args, "family.readers.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireFamilyMember(request);
  const page = Number(new URL(request.url).searchParams.get("page")) || 1;
  return guard(async () => ({
    log: await familyLogHeading(member, params.logId ?? "", "read"),
    ...(await familyReaders(member, params.logId ?? "", { page })),
  }));
}

/** "Who has read our log" (innsyn): person, service, when, what — newest first. */
export default function FamilyReaders() {
  const { log, readers, page, hasMore } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { dateTime } = useDates();
  return (
    <div className="stack max-w-3xl">
      <p className="text-sm">
        <Link to={`/family/logs/${log.id}`}>{t("family.log.title", { child: log.childName })}</Link>
      </p>
      <h1>{t("family.readers.title")}</h1>
      <p>{t("family.readers.intro")}</p>
      {readers.length === 0 ? (
        <p>{t("family.readers.none")}</p>
      ) : (
        <ol className="stack" aria-label={t("family.readers.title")}>
          {readers.map((r) => (
            <li key={r.id} className="card">
              <p className="font-semibold">
                {r.family ? t("family.readers.family", { name: r.name }) : r.name}
                {r.serviceName ? `, ${r.serviceName}` : ""}
              </p>
              <p>
                {t(`family.readers.kinds.${r.what}`)} · <time dateTime={r.at}>{dateTime(r.at)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
      <p className="flex gap-6">
        {page > 1 ? <Link to={`?page=${page - 1}`}>{t("family.readers.newer")}</Link> : null}
        {hasMore ? <Link to={`?page=${page + 1}`}>{t("family.readers.older")}</Link> : null}
      </p>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
