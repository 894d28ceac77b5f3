import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { LinkedConsultations } from "../components/consultations/LinkedConsultations";
import { ChildSection } from "../components/logs/ChildSection";
import { ConsentSection } from "../components/logs/ConsentSection";
import { LogHeader } from "../components/logs/LogHeader";
import { LogFooterLinks, OnThisPage } from "../components/logs/LogNavigation";
import { LogConfirmation, LogStatusNotices } from "../components/logs/LogNotices";
import { LogTools } from "../components/logs/LogTools";
import { PendingInvitations } from "../components/logs/PendingInvitations";
import { EventItem } from "../components/logs/EventItem";
import { useDates } from "../components/logs/format";
import { requireActor } from "../domain/auth/guards.server";
import { consultationsForLog } from "../domain/consultations/consultations.server";
import { viewLog } from "../domain/logs/read.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { eventTypes } from "../lib/enums";
import { guard } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.child.name} – Stafettlogg` }] : pageTitle(args, "logs.page.timeline");

const TimelineQuery = z.object({
  before: z.coerce.number().int().positive().optional().catch(undefined),
  type: z.enum(eventTypes).optional().catch(undefined),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const query = TimelineQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = getLocale(request);
  return guard(async () => {
    return viewLog(actor, params.logId ?? "", { ...query, locale }, async (access) => ({
      consultations: await consultationsForLog(access, locale),
    }));
  });
}

const filterTypes = eventTypes.filter((t) => t !== "correction" && t !== "restriction");

export default function LogPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { log, child, can } = data;
  const concern = log.kind === "concern";
  const { date } = useDates();
  const type = params.get("type") ?? "";
  const base = `/logs/${log.id}`;
  const activeActions = data.actions.filter((a) => a.active);
  const firstOverdue = activeActions.find((a) => a.overdue);
  return (
    <div className="stack">
      <p className="no-print">
        <Link to="/">← {t("logs.page.back")}</Link>
      </p>
      <LogConfirmation notice={params.get("notice")} />
      <LogHeader log={log} childName={child.name} holder={data.holder} flags={data.flags} firstOverdue={firstOverdue} can={can} />
      <LogTools
        log={log}
        can={can}
        firstOverdue={firstOverdue}
        activeActions={activeActions.length}
        missingChildVoice={data.flags.missingChildVoice}
        pendingHandover={data.pendingHandover !== null}
        holderServiceName={data.holder.serviceName}
      />
      <LogStatusNotices log={log} role={data.role} pendingHandover={data.pendingHandover} />
      <OnThisPage concern={concern} />

      <div className="grid gap-4 md:grid-cols-3">
        <div className="stack min-w-0 md:col-span-2">
          {!concern ? (
            <section id="actions" aria-labelledby="actions-heading" className="card stack scroll-mt-4">
              <h2 id="actions-heading">{t("logs.page.actions")}</h2>
              {activeActions.length === 0 ? <p>{t("logs.page.noActions")}</p> : null}
              <ul className="stack">
                {activeActions.map((a) => (
                  <li key={a.id} id={`action-${a.id}`} className="scroll-mt-4 border-b border-slate-200 pb-3">
                    <p className="font-semibold">{a.description}</p>
                    <p>
                      {t("logs.page.goal")}: {a.goal}
                    </p>
                    <p>
                      {t("logs.page.responsible")}: {a.responsible}
                    </p>
                    <p>
                      {t("logs.page.period", { start: date(a.startOn), evaluate: date(a.evaluateOn) })}
                      {a.overdue ? <span className="ml-2 font-semibold text-red-800">{t("logs.page.overdue")}</span> : null}
                    </p>
                    {can.write ? (
                      <p className="no-print">
                        <Link to={`${base}/actions/${a.id}/evaluate`}>
                          {t("logs.page.evaluate")}
                          <span className="sr-only">: {a.description}</span>
                        </Link>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
              {data.actions.some((a) => !a.active) ? (
                <>
                  <h3>{t("logs.page.endedActions")}</h3>
                  <ul className="list-disc pl-6">
                    {data.actions
                      .filter((a) => !a.active)
                      .map((a) => (
                        <li key={a.id}>{a.description}</li>
                      ))}
                  </ul>
                </>
              ) : null}
            </section>
          ) : null}

          <section aria-labelledby="timeline" className="stack">
            <h2 id="timeline" tabIndex={-1} className="scroll-mt-4">
              {t("logs.page.timeline")}
            </h2>
            <Form method="get" className="flex items-end gap-2 no-print">
              <div className="field min-w-0 flex-1 sm:max-w-xs">
                <label htmlFor="type-filter">{t("logs.page.filterType")}</label>
                <select id="type-filter" name="type" defaultValue={type} className="input">
                  <option value="">{t("logs.page.allTypes")}</option>
                  {filterTypes.map((ty) => (
                    <option key={ty} value={ty}>
                      {t(`logs.eventTypes.${ty}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="btn-secondary">
                {t("logs.page.show")}
              </button>
            </Form>
            {data.events.length === 0 ? <p>{t("logs.page.noEvents")}</p> : null}
            <ol className="stack">
              {data.events.map((e) => (
                <li key={e.id}>
                  <EventItem event={e} logId={log.id} />
                </li>
              ))}
            </ol>
            <p className="flex flex-wrap gap-4 no-print">
              {params.has("before") ? (
                <Link to={`?${new URLSearchParams(type ? { type } : {})}#timeline`}>{t("logs.page.newest")}</Link>
              ) : null}
              {data.nextBefore ? (
                <Link to={`?${new URLSearchParams({ ...(type ? { type } : {}), before: String(data.nextBefore) })}#timeline`}>
                  {t("logs.page.older")}
                </Link>
              ) : null}
            </p>
          </section>
        </div>

        <div id="about" className="stack min-w-0 scroll-mt-4">
          <ChildSection logId={log.id} child={child} holder={data.holder} participants={data.participants} canRemove={can.collaborate} />
          <section aria-labelledby="guardians-heading" className="card stack">
            <h2 id="guardians-heading">{t("logs.page.guardians")}</h2>
            {data.guardians.length ? (
              <ul className="stack">
                {data.guardians.map((g) => (
                  <li key={g.id}>
                    <span className="font-semibold">{g.name}</span> ({t(`logs.relations.${g.relation}`)}) –{" "}
                    {g.parentalResponsibility ? t("logs.page.parentalResponsibility") : t("logs.page.noParentalResponsibility")} ·{" "}
                    {g.toldOn ? t("logs.page.toldOn", { date: date(g.toldOn) }) : t("logs.page.notTold")}
                    {g.phone || g.email ? (
                      <span className="block break-words text-sm">{[g.phone, g.email].filter(Boolean).join(" · ")}</span>
                    ) : null}
                    {g.hasFamilyAccess ? <span className="block text-sm">{t("family.access.has")}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("logs.page.noGuardians")}</p>
            )}
            {child.hasFamilyAccess ? (
              <p className="text-sm">
                {child.name}: {t("family.access.has")}
              </p>
            ) : null}
            {can.hold ? (
              <p className="no-print flex flex-wrap gap-x-6 gap-y-2">
                <Link to={`${base}/guardians/new`}>{t("logs.page.addGuardian")}</Link>
                {!concern ? <Link to={`${base}/family`}>{t("family.access.give")}</Link> : null}
              </p>
            ) : null}
          </section>

          {!concern ? <ConsentSection logId={log.id} consents={data.consents} canManage={can.collaborate} /> : null}
          <PendingInvitations invitations={data.pendingInvitations} />
          <LinkedConsultations consultations={data.consultations} />
        </div>
      </div>

      <LogFooterLinks logId={log.id} canSeeReaders={can.seeReaders} />
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
