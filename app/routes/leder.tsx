import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorPage } from "../components/ErrorPage";
import { LeaderFilterForm, LeaderLogs, LeaderWaiting } from "../components/logs/LeaderOverview";
import { requireActor } from "../domain/auth/guards.server";
import { leaderOverview } from "../domain/logs/leader-overview.server";
import { pageTitle } from "../i18n/meta";
import { LeaderFilterSchema } from "../lib/leader-schemas";
import { guard } from "../route-helpers/http.server";

export const meta: MetaFunction = (args) => pageTitle(args, "leader.title");

/** The service leader's overview (issue 11 point 7): 404 for anyone who leads no service. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const query = LeaderFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return guard(() =>
    leaderOverview(actor, {
      serviceId: query.service,
      level: query.level,
      flagged: query.flagged === "on",
      holderId: query.holder,
      q: query.q,
      page: query.page,
    }),
  );
}

export default function LeaderPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useT();
  const only = data.services.length === 1 ? data.services[0] : data.services.find((s) => s.id === data.filter.serviceId);
  return (
    <div className="stack">
      <h1>{t("leader.title")}</h1>
      {only ? (
        <p>
          <span className="font-semibold">{t("leader.filters.service")}:</span> {only.name}
        </p>
      ) : null}
      <p>{t("leader.intro")}</p>
      <LeaderFilterForm services={data.services} holders={data.holders} filter={data.filter} />
      <LeaderLogs {...data.logs} filter={data.filter} />
      <LeaderWaiting overdue={data.overdue} orphaned={data.orphaned} invitations={data.invitations} handovers={data.handovers} />
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
