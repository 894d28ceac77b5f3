import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { LevelBadge } from "../components/logs/LogBits";
import { requireFamilyMember } from "../domain/family/guards.server";
import { listFamilyLogs } from "../domain/family/pages.server";
import { pageTitle } from "../i18n/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "family.home.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireFamilyMember(request);
  const logs = await listFamilyLogs(member);
  return { logs: logs.map((l) => ({ ...l, updatedAt: l.updatedAt.toISOString() })) };
}

/** The family's home: the relay logs about their child (or, for a young person, about them). */
export default function FamilyHome() {
  const { logs } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <div className="stack max-w-2xl">
      <h1>{t("family.home.title")}</h1>
      <p>{t("family.home.intro")}</p>
      {logs.length === 0 ? (
        <p>{t("family.home.none")}</p>
      ) : (
        <ul className="stack" aria-label={t("family.home.title")}>
          {logs.map((log) => (
            <li key={log.id} className="card stack">
              <h2 className="text-lg">
                <Link to={`/family/logs/${log.id}`}>{t("family.home.open", { child: log.childName })}</Link>
              </h2>
              <p className="flex flex-wrap items-center gap-2">
                <LevelBadge level={log.level} />
                {log.state === "closed" ? <span className="font-semibold">{t("family.home.closed")}</span> : null}
              </p>
              <p>{t(`family.levels.${log.level as 0 | 1 | 2 | 3}`)}</p>
              <p className="text-sm">{t("family.home.holder", { name: log.holderName, service: log.serviceName })}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
