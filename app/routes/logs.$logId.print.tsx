import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ActionsSection } from "../components/logs/ActionsSection";
import { GuardiansSection } from "../components/logs/GuardiansSection";
import { PrintButton } from "../components/logs/PrintButton";
import { PrintHeader } from "../components/logs/PrintHeader";
import { TimelineSection } from "../components/logs/TimelineSection";
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
  const { log, child } = data;
  return (
    <article className="print-document stack">
      <p className="flex flex-wrap gap-4 no-print">
        <Link to={`/logs/${log.id}`}>← {child.name}</Link>
        <PrintButton />
      </p>
      <PrintHeader
        log={log}
        child={child}
        holder={data.holder}
        municipality={data.municipality}
        printedAt={data.printedAt}
        printedBy={data.printedBy}
      />
      <GuardiansSection log={log} child={child} guardians={data.guardians} print />
      {log.kind === "relay" ? <ActionsSection logId={log.id} actions={data.actions} print /> : null}
      <TimelineSection logId={log.id} events={data.events} print />
    </article>
  );
}

export const ErrorBoundary = ErrorPage;
