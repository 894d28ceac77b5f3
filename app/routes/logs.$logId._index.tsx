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
import { viewLog } from "../domain/logs/log-page.server";
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

const notices = ["saved", "shared", "became_log", "closed", "reopened", "evaluated", "evaluatedClose"] as const;
const collabNotices = ["consent", "withdrawn", "invited", "removed", "handover", "accepted", "handoverAccepted", "appointed"] as const;
const familyNotices = ["given", "revoked"] as const;
const filterTypes = eventTypes.filter((t) => t !== "correction" && t !== "restriction");

interface Tool {
  key: string;
  to: string;
  label: string;
  /** For a link whose visible text needs context for a screen reader. */
  srSuffix?: string;
}

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
  const open = log.state === "open";
  const activeActions = data.actions.filter((a) => a.active);
  const firstOverdue = activeActions.find((a) => a.overdue);

  // The tools, grouped as the menu shows them. The one most likely next step is taken out
  // of its group and shown as the primary button; everything else is in the menu.
  const write: Tool[] = can.write
    ? [
        { key: "observation", to: `${base}/entry?type=observation`, label: t("logs.page.addObservation") },
        { key: "note", to: `${base}/entry?type=note`, label: t("logs.page.addNote") },
        { key: "childVoice", to: `${base}/voice?who=child`, label: t("logs.page.addChildVoice") },
        { key: "guardianVoice", to: `${base}/voice?who=guardian`, label: t("logs.page.addGuardianVoice") },
        { key: "meeting", to: `${base}/entry?type=meeting`, label: t("logs.page.addMeeting") },
        { key: "welfareReport", to: `${base}/welfare-report`, label: t("logs.page.addWelfareReport") },
        ...(!concern ? [{ key: "newAction", to: `${base}/actions/new`, label: t("logs.page.newAction") }] : []),
      ]
    : [];
  const course: Tool[] =
    can.hold && concern
      ? [
          { key: "become", to: `${base}/become`, label: t("logs.page.becomeLog") },
          { key: "closeConcern", to: `${base}/close`, label: t("logs.page.closeConcern") },
        ]
      : can.hold
        ? [
            { key: "level", to: `${base}/level`, label: t("logs.page.changeLevel") },
            { key: "close", to: `${base}/close`, label: t("logs.page.close") },
          ]
        : [];
  const collaborate: Tool[] = can.collaborate
    ? [
        { key: "consent", to: `${base}/consents/new`, label: t("collab.tools.consent") },
        { key: "invite", to: `${base}/invite`, label: t("collab.tools.invite") },
        ...(!data.pendingHandover ? [{ key: "handover", to: `${base}/handover`, label: t("collab.tools.handover") }] : []),
      ]
    : [];
  const reopen: Tool[] = can.reopen ? [{ key: "reopen", to: `${base}/reopen`, label: t("logs.page.reopen") }] : [];
  const all = [...write, ...course, ...collaborate, ...reopen];
  const byKey = (key: string) => all.find((tool) => tool.key === key);
  const primary: Tool | undefined = reopen[0]
    ? reopen[0]
    : can.hold && concern
      ? byKey("become")
      : firstOverdue && can.write
        ? {
            key: "evaluateOverdue",
            to: `${base}/actions/${firstOverdue.id}/evaluate`,
            label: t("logs.page.evaluateOverdue"),
            srSuffix: firstOverdue.description,
          }
        : data.flags.missingChildVoice && can.write
          ? byKey("childVoice")
          : !concern && activeActions.length === 0 && can.write
            ? byKey("newAction")
            : byKey("observation");
  const rest = (tools: Tool[]) => tools.filter((tool) => tool.key !== primary?.key);
  const groups = [
    { key: "write", title: t("logs.page.toolsWrite"), tools: rest(write) },
    { key: "course", title: concern ? t("logs.page.toolsConcern") : t("logs.page.toolsLog"), tools: rest(course) },
    { key: "collab", title: t("logs.page.toolsCollab"), tools: rest(collaborate) },
  ].filter((g) => g.tools.length > 0);
  const share = can.hold && concern && !log.sharedWithLeader;
  const hasMenu = groups.length > 0 || can.leave || share;

  const flagLinks = {
    overdueEvaluation: firstOverdue ? `#action-${firstOverdue.id}` : undefined,
    missingChildVoice: can.write ? `${base}/voice?who=child` : undefined,
    decisionOverdue: can.hold && concern ? "#next-step" : undefined,
    decisionSoon: can.hold && concern ? "#next-step" : undefined,
  };
  const confirmation = notice
    ? t(`logs.page.notice.${notice}`)
    : collabNotice
      ? t(`collab.notice.${collabNotice}`)
      : familyNotice
        ? t(`family.access.${familyNotice}`)
        : null;

  return (
    <div className="stack">
      <p className="no-print">
        <Link to="/">← {t("logs.page.back")}</Link>
      </p>
      {confirmation ? (
        // First on the page, and the target of the redirect after a save (#notice), so a
        // phone shows it where the user looks, with or without JavaScript.
        <div id="notice" tabIndex={-1} className="scroll-mt-4">
          <Notice>{confirmation}</Notice>
        </div>
      ) : null}
      <header className="stack">
        <h1>{child.name}</h1>
        <p className="flex flex-wrap items-center gap-2">
          <LevelBadge level={log.level} name={log.levelName} />
          <span className="badge">{t(`logs.kinds.${log.kind}`)}</span>
          <span className="badge">{t(`logs.states.${log.state}`)}</span>
        </p>
        <dl className="summary-list">
          <dt>{t("logs.page.holder")}</dt>
          <dd>{t("logs.page.holderLine", { name: data.holder.name, service: data.holder.serviceName })}</dd>
          {open && concern ? (
            <>
              <dt>{t("logs.page.decisionDue")}</dt>
              <dd>{date(log.decisionDueOn)}</dd>
            </>
          ) : null}
          {open && !concern ? (
            <>
              <dt>{t("logs.page.nextEvaluation")}</dt>
              <dd>
                {log.nextEvaluationOn ? date(log.nextEvaluationOn) : t("logs.page.noEvaluation")}
                {firstOverdue ? <span className="ml-2 font-semibold text-red-800">{t("logs.page.overdue")}</span> : null}
              </dd>
            </>
          ) : null}
        </dl>
        <FlagList flags={data.flags} links={flagLinks} />
      </header>

      {primary || hasMenu ? (
        <nav aria-labelledby="tools-heading" className="card flex flex-col gap-3 no-print sm:flex-row sm:flex-wrap sm:items-end">
          <h2 id="tools-heading" className="sr-only">
            {t("logs.page.tools")}
          </h2>
          {primary ? (
            <div id="next-step" className="stack scroll-mt-4">
              <p className="hint" id="next-step-label">
                {t("logs.page.nextStep")}
              </p>
              <p className="flex flex-wrap gap-2">
                <Link className="btn-primary" to={primary.to} aria-describedby="next-step-label">
                  {primary.label}
                  {primary.srSuffix ? <span className="sr-only">: {primary.srSuffix}</span> : null}
                </Link>
                {primary.key === "become" ? (
                  // At level 0 the decision has two answers; both belong on the first screen.
                  <Link className="btn-secondary" to={`${base}/close`}>
                    {t("logs.page.closeConcern")}
                  </Link>
                ) : null}
              </p>
            </div>
          ) : null}
          {hasMenu ? (
            <details className="menu">
              <summary>{t("logs.page.moreTools")}</summary>
              <div className="menu-body">
                {groups
                  .map((g) => (primary?.key === "become" && g.key === "course" ? { ...g, tools: g.tools.filter((x) => x.key !== "closeConcern") } : g))
                  .filter((g) => g.tools.length > 0)
                  .map((g) => (
                    <section key={g.key} aria-labelledby={`tools-${g.key}`}>
                      <h3 id={`tools-${g.key}`}>{g.title}</h3>
                      <ul>
                        {g.tools.map((tool) => (
                          <li key={tool.key}>
                            <Link to={tool.to}>{tool.label}</Link>
                          </li>
                        ))}
                      </ul>
                    </section>
                  ))}
                {can.leave || share ? (
                  <section aria-labelledby="tools-other" className="stack">
                    <h3 id="tools-other">{t("logs.page.toolsOther")}</h3>
                    {can.leave ? (
                      <Form method="post" action={`${base}/leave`} className="stack">
                        <p className="hint">{t("collab.participants.leaveHint")}</p>
                        <button type="submit" className="btn-secondary self-start">
                          {t("collab.participants.leave")}
                        </button>
                      </Form>
                    ) : null}
                    {share ? (
                      <Form method="post" action={`${base}/share`} className="stack">
                        <p className="hint">{t("logs.page.shareHint", { service: data.holder.serviceName })}</p>
                        <button type="submit" className="btn-secondary self-start">
                          {t("logs.page.share")}
                        </button>
                      </Form>
                    ) : null}
                  </section>
                ) : null}
              </div>
            </details>
          ) : null}
        </nav>
      ) : null}

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
      {concern && open && data.role === "holder" ? (
        <Notice tone="info">
          {t("logs.page.privateNotice", { date: date(log.decisionDueOn) })}
          {log.sharedWithLeader ? ` ${t("logs.page.sharedNotice")}` : ""}
        </Notice>
      ) : null}

      <nav aria-labelledby="on-this-page" className="no-print md:hidden">
        <h2 id="on-this-page" className="text-base">
          {t("logs.page.onThisPage")}
        </h2>
        <ul className="flex flex-wrap gap-x-4">
          {!concern ? (
            <li>
              <a href="#actions" className="inline-flex min-h-11 items-center">{t("logs.page.actions")}</a>
            </li>
          ) : null}
          <li>
            <a href="#timeline" className="inline-flex min-h-11 items-center">{t("logs.page.timeline")}</a>
          </li>
          <li>
            <a href="#about" className="inline-flex min-h-11 items-center">{t("logs.page.aboutChild")}</a>
          </li>
          {!concern ? (
            <li>
              <a href="#consents-heading" className="inline-flex min-h-11 items-center">{t("collab.consents.title")}</a>
            </li>
          ) : null}
        </ul>
      </nav>

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
          <LinkedConsultations consultations={data.consultations} />
        </div>
      </div>

      <p className="flex flex-wrap gap-4 no-print">
        <Link to={`${base}/print`}>{t("logs.page.print")}</Link>
        {can.seeReaders ? <Link to={`${base}/readers`}>{t("logs.page.readers")}</Link> : null}
      </p>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
