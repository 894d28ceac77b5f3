import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ConsentSection } from "../components/logs/ConsentSection";
import { EventItem } from "../components/logs/EventItem";
import { useDates } from "../components/logs/format";
import { FlagList, LevelBadge } from "../components/logs/LogBits";
import { LinkedConsultations } from "../components/consultations/LinkedConsultations";
import { Notice } from "../components/ui/Notice";
import { requireActor } from "../domain/auth/guards.server";
import { consultationsForLog } from "../domain/consultations/consultations.server";
import { viewLog } from "../domain/logs/read.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { eventTypes } from "../lib/enums";
import { guard } from "../lib/http.server";
import { ErrorPage } from "../root";

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
    const view = await viewLog(actor, params.logId ?? "", { ...query, locale });
    return { ...view, consultations: await consultationsForLog(actor, view.log.id, locale) };
  });
}

const notices = ["saved", "shared", "became_log", "closed", "reopened", "evaluated", "evaluatedClose"] as const;
const collabNotices = ["consent", "withdrawn", "invited", "removed", "handover", "accepted", "handoverAccepted", "appointed"] as const;
const familyNotices = ["given", "givenNoMail", "revoked"] as const;
const filterTypes = eventTypes.filter((t) => t !== "correction" && t !== "restriction");

export default function LogPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { date } = useDates();
  const [params] = useSearchParams();
  const notice = notices.find((n) => n === params.get("notice"));
  const collabNotice = collabNotices.find((n) => n === params.get("notice"));
  const familyNotice = familyNotices.find((n) => n === params.get("notice"));
  const type = params.get("type") ?? "";
  const { log, child, can } = data;
  const base = `/logs/${log.id}`;
  const concern = log.kind === "concern";
  return (
    <div className="stack">
      <p className="no-print">
        <Link to="/">← {t("logs.page.back")}</Link>
      </p>
      <header className="stack">
        <h1>{child.name}</h1>
        <p className="flex flex-wrap items-center gap-2">
          <LevelBadge level={log.level} name={log.levelName} />
          <span className="badge">{t(`logs.kinds.${log.kind}`)}</span>
          <span className="badge">{t(`logs.states.${log.state}`)}</span>
        </p>
        <FlagList flags={data.flags} />
      </header>
      {notice ? <Notice>{t(`logs.page.notice.${notice}`)}</Notice> : null}
      {collabNotice ? <Notice>{t(`collab.notice.${collabNotice}`)}</Notice> : null}
      {familyNotice ? <Notice>{t(`family.access.${familyNotice}`)}</Notice> : null}
      {data.pendingHandover ? (
        <Notice tone="info">
          {t("collab.handover.pending", { name: data.pendingHandover.to, service: data.pendingHandover.toServiceName })}
        </Notice>
      ) : null}
      {log.state === "closed" ? (
        <Notice tone="info">
          {t("logs.page.closedNotice", {
            date: date(log.closedAt?.slice(0, 10)),
            reason: log.closeReason ? t(`logs.closeReasons.${log.closeReason}`) : "",
          })}
        </Notice>
      ) : null}
      {log.state === "closed" && log.closeReason === "individual_plan" ? (
        <Notice tone="info">
          {t("collab.ipExport")} <Link to={`${base}/print`}>{t("logs.page.print")}</Link>
        </Notice>
      ) : null}
      {data.role === "leader" ? <Notice tone="info">{t("logs.page.leaderNotice")}</Notice> : null}
      {concern && log.state === "open" && data.role === "holder" ? (
        <Notice tone="info">
          {t("logs.page.privateNotice", { date: date(log.decisionDueOn) })}
          {log.sharedWithLeader ? ` ${t("logs.page.sharedNotice")}` : ""}
        </Notice>
      ) : null}

      {can.write || can.hold || can.reopen ? (
        <nav aria-labelledby="tools-heading" className="card stack no-print">
          <h2 id="tools-heading">{t("logs.page.tools")}</h2>
          <ul className="flex flex-wrap gap-2">
            {can.write ? (
              <>
                <li>
                  <Link className="btn-secondary" to={`${base}/entry?type=observation`}>
                    {t("logs.page.addObservation")}
                  </Link>
                </li>
                <li>
                  <Link className="btn-secondary" to={`${base}/entry?type=note`}>
                    {t("logs.page.addNote")}
                  </Link>
                </li>
                <li>
                  <Link className="btn-secondary" to={`${base}/voice?who=child`}>
                    {t("logs.page.addChildVoice")}
                  </Link>
                </li>
                <li>
                  <Link className="btn-secondary" to={`${base}/voice?who=guardian`}>
                    {t("logs.page.addGuardianVoice")}
                  </Link>
                </li>
                <li>
                  <Link className="btn-secondary" to={`${base}/entry?type=meeting`}>
                    {t("logs.page.addMeeting")}
                  </Link>
                </li>
                <li>
                  <Link className="btn-secondary" to={`${base}/welfare-report`}>
                    {t("logs.page.addWelfareReport")}
                  </Link>
                </li>
                {!concern ? (
                  <li>
                    <Link className="btn-secondary" to={`${base}/actions/new`}>
                      {t("logs.page.newAction")}
                    </Link>
                  </li>
                ) : null}
              </>
            ) : null}
            {can.hold && concern ? (
              <>
                <li>
                  <Link className="btn-primary" to={`${base}/become`}>
                    {t("logs.page.becomeLog")}
                  </Link>
                </li>
                <li>
                  <Link className="btn-secondary" to={`${base}/close`}>
                    {t("logs.page.closeConcern")}
                  </Link>
                </li>
              </>
            ) : null}
            {can.hold && !concern ? (
              <>
                <li>
                  <Link className="btn-secondary" to={`${base}/level`}>
                    {t("logs.page.changeLevel")}
                  </Link>
                </li>
                <li>
                  <Link className="btn-secondary" to={`${base}/close`}>
                    {t("logs.page.close")}
                  </Link>
                </li>
              </>
            ) : null}
            {can.collaborate ? (
              <>
                <li>
                  <Link className="btn-secondary" to={`${base}/consents/new`}>
                    {t("collab.tools.consent")}
                  </Link>
                </li>
                <li>
                  <Link className="btn-secondary" to={`${base}/invite`}>
                    {t("collab.tools.invite")}
                  </Link>
                </li>
                {!data.pendingHandover ? (
                  <li>
                    <Link className="btn-secondary" to={`${base}/handover`}>
                      {t("collab.tools.handover")}
                    </Link>
                  </li>
                ) : null}
              </>
            ) : null}
            {can.reopen ? (
              <li>
                <Link className="btn-secondary" to={`${base}/reopen`}>
                  {t("logs.page.reopen")}
                </Link>
              </li>
            ) : null}
          </ul>
          {can.leave ? (
            <Form method="post" action={`${base}/leave`} className="stack">
              <p className="hint">{t("collab.participants.leaveHint")}</p>
              <button type="submit" className="btn-secondary self-start">
                {t("collab.participants.leave")}
              </button>
            </Form>
          ) : null}
          {can.hold && concern && !log.sharedWithLeader ? (
            <Form method="post" action={`${base}/share`} className="stack">
              <p className="hint">{t("logs.page.shareHint", { service: data.holder.serviceName })}</p>
              <button type="submit" className="btn-secondary self-start">
                {t("logs.page.share")}
              </button>
            </Form>
          ) : null}
        </nav>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="child-heading" className="card stack">
          <h2 id="child-heading">{child.name}</h2>
          <p>{t("logs.page.born", { date: date(child.birthDate) })}</p>
          {child.nationalId ? <p>{t("logs.page.nationalIdRegistered", { masked: child.nationalId })}</p> : null}
          {child.attends.length ? <p>{t("logs.page.attends", { services: child.attends.join(", ") })}</p> : null}
          <h3>{t("logs.page.holder")}</h3>
          <p>{t("logs.page.holderLine", { name: data.holder.name, service: data.holder.serviceName })}</p>
          <h3>{t("logs.page.participants")}</h3>
          {data.participants.length ? (
            <ul className="list-disc pl-6">
              {data.participants.map((p) => (
                <li key={p.userId}>
                  {t("logs.page.holderLine", { name: p.name, service: p.serviceName })}
                  {!p.hasAccess ? <span className="text-sm"> ({t("collab.participants.noAccess")})</span> : null}
                  {can.collaborate ? (
                    <>
                      {" "}
                      <Link to={`${base}/participants/${p.userId}/remove`} className="text-sm no-print">
                        {t("collab.participants.remove")}
                        <span className="sr-only">: {p.name}</span>
                      </Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("logs.page.noParticipants")}</p>
          )}
        </section>
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
                    <span className="block text-sm">{[g.phone, g.email].filter(Boolean).join(" · ")}</span>
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
      </div>

      {!concern ? <ConsentSection logId={log.id} consents={data.consents} canManage={can.collaborate} /> : null}
      {data.pendingInvitations.length ? (
        <section aria-labelledby="pending-heading" className="card stack">
          <h2 id="pending-heading">{t("collab.invite.pending")}</h2>
          <ul className="list-disc pl-6">
            {data.pendingInvitations.map((i) => (
              <li key={i.id}>
                {t("collab.invite.pendingLine", { name: i.invitee, service: i.serviceName, date: date(i.respondBy) })}
                {i.overdue ? <span className="ml-2 font-semibold text-red-800">{t("collab.invite.overdue")}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!concern ? (
        <section aria-labelledby="actions-heading" className="card stack">
          <h2 id="actions-heading">{t("logs.page.actions")}</h2>
          {data.actions.filter((a) => a.active).length === 0 ? <p>{t("logs.page.noActions")}</p> : null}
          <ul className="stack">
            {data.actions
              .filter((a) => a.active)
              .map((a) => (
                <li key={a.id} className="border-b border-slate-200 pb-3">
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
        <h2 id="timeline" tabIndex={-1}>
          {t("logs.page.timeline")}
        </h2>
        <Form method="get" className="flex flex-wrap items-end gap-2 no-print">
          <div className="field">
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

      <LinkedConsultations consultations={data.consultations} />

      <p className="flex flex-wrap gap-4 no-print">
        <Link to={`${base}/print`}>{t("logs.page.print")}</Link>
        {can.seeReaders ? <Link to={`${base}/readers`}>{t("logs.page.readers")}</Link> : null}
      </p>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
