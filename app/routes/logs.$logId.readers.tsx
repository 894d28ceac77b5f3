import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { useDates } from "../components/logs/format";
import { requireActor } from "../domain/auth/guards.server";
import { readersPage } from "../domain/logs/log-page.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { guard } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.readers.title");

/** "Who has read this log" (DESIGN.md rule 9): the holder and the leader. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    const { log, readers } = await readersPage(actor, params.logId ?? "", getLocale(request));
    return { log, readers: readers.map((r) => ({ ...r, at: r.at.toISOString() })) };
  });
}

export default function Readers() {
  const { log, readers } = useLoaderData<typeof loader>();
  const { t } = useT();
  const { dateTime } = useDates();
  return (
    <div className="stack">
      <p>
        <Link to={`/logs/${log.id}`}>← {log.childName}</Link>
      </p>
      <h1>{t("logs.readers.title")}</h1>
      <p>{t("logs.readers.intro")}</p>
      {readers.length === 0 ? (
        <p>{t("logs.readers.none")}</p>
      ) : (
        <div className="table-wrap card">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("logs.readers.when")}</th>
                <th scope="col">{t("logs.readers.who")}</th>
                <th scope="col">{t("logs.readers.service")}</th>
                <th scope="col">{t("logs.readers.what")}</th>
              </tr>
            </thead>
            <tbody>
              {readers.map((r) => (
                <tr key={r.id}>
                  <td>{dateTime(r.at)}</td>
                  <td>{r.name}</td>
                  <td>{r.serviceName ?? (r.family ? t("family.readers.familyService") : "")}</td>
                  <td>{t(`logs.readers.kinds.${r.kind}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
