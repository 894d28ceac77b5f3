import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EventItem } from "../components/logs/EventItem";
import { useDates } from "../components/logs/format";
import { PrintButton } from "../components/logs/PrintButton";
import { requireActor } from "../domain/auth/guards.server";
import { printLog } from "../domain/logs/log-page.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { guard } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, "logs.print.title", { name: args.data?.child.name ?? "" });

/** The whole log, oldest first, for filing in the service's own record system. Recorded as a print. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => ({
    ...(await printLog(actor, params.logId ?? "", getLocale(request))),
    printedBy: actor.name,
    printedAt: new Date().toISOString(),
  }));
}

export default function PrintLog() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { date, dateTime } = useDates();
  const { log, child } = data;
  return (
    <article className="print-document stack">
      <p className="flex flex-wrap gap-4 no-print">
        <Link to={`/logs/${log.id}`}>← {child.name}</Link>
        <PrintButton />
      </p>
      <header className="stack border-b-2 border-slate-800 pb-4">
        <p className="text-sm font-semibold uppercase">{t("logs.print.confidential")}</p>
        <p className="text-sm">{t("logs.print.municipality", { name: data.municipality })}</p>
        <h1>{t("logs.print.title", { name: child.name })}</h1>
        <p>
          {t("logs.page.born", { date: date(child.birthDate) })}
          {child.nationalId ? ` · ${child.nationalId}` : ""}
          {child.attends.length ? ` · ${t("logs.page.attends", { services: child.attends.join(", ") })}` : ""}
        </p>
        <p>
          {t("logs.levelWithName", { level: log.level, name: log.levelName })} · {t(`logs.kinds.${log.kind}`)} ·{" "}
          {t(`logs.states.${log.state}`)}
          {log.closeReason ? ` (${t(`logs.closeReasons.${log.closeReason}`)})` : ""}
        </p>
        <p>
          {t("logs.page.holder")}: {t("logs.page.holderLine", { name: data.holder.name, service: data.holder.serviceName })}
        </p>
        <p className="text-sm">{t("logs.print.printed", { date: dateTime(data.printedAt), name: data.printedBy })}</p>
      </header>
      <section aria-labelledby="print-guardians" className="stack">
        <h2 id="print-guardians">{t("logs.page.guardians")}</h2>
        {data.guardians.length ? (
          <ul className="list-disc pl-6">
            {data.guardians.map((g) => (
              <li key={g.id}>
                {g.name} ({t(`logs.relations.${g.relation}`)}) –{" "}
                {g.parentalResponsibility ? t("logs.page.parentalResponsibility") : t("logs.page.noParentalResponsibility")} ·{" "}
                {g.toldOn ? t("logs.page.toldOn", { date: date(g.toldOn) }) : t("logs.page.notTold")}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("logs.page.noGuardians")}</p>
        )}
      </section>
      {log.kind === "relay" ? (
        <section aria-labelledby="print-actions" className="stack">
          <h2 id="print-actions">{t("logs.page.actions")}</h2>
          {data.actions.length ? (
            <ul className="list-disc pl-6">
              {data.actions.map((a) => (
                <li key={a.id}>
                  <strong>{a.description}</strong> – {t("logs.page.goal")}: {a.goal} – {t("logs.page.responsible")}: {a.responsible} –{" "}
                  {t("logs.page.period", { start: date(a.startOn), evaluate: date(a.evaluateOn) })}
                  {a.active ? "" : ` (${t("logs.page.endedActions").toLowerCase()})`}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("logs.page.noActions")}</p>
          )}
        </section>
      ) : null}
      <section aria-labelledby="print-timeline" className="stack">
        <h2 id="print-timeline">{t("logs.page.timeline")}</h2>
        <ol className="stack">
          {data.events.map((e) => (
            <li key={e.id} className="break-inside-avoid">
              <EventItem event={e} logId={log.id} print />
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

export const ErrorBoundary = ErrorPage;
