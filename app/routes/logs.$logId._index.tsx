import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import * as z from "zod/mini";
import { ChecklistSection } from "../components/guide/ChecklistSection";
import { GuideVersionLine } from "../components/guide/GuideVersionLine";
import { LinkedConsultations } from "../components/consultations/LinkedConsultations";
import { ActionsSection } from "../components/logs/ActionsSection";
import { ChildSection } from "../components/logs/ChildSection";
import { ConsentSection } from "../components/logs/ConsentSection";
import { GuardiansSection } from "../components/logs/GuardiansSection";
import { LogHeader } from "../components/logs/LogHeader";
import { LogFooterLinks, OnThisPage } from "../components/logs/LogNavigation";
import { LogConfirmation, LogStatusNotices } from "../components/logs/LogNotices";
import { LogTools } from "../components/logs/LogTools";
import { PendingInvitations } from "../components/logs/PendingInvitations";
import { TimelineSection } from "../components/logs/TimelineSection";
import { requireActor } from "../domain/auth/guards.server";
import { consultationsForLog } from "../domain/consultations/consultations.server";
import { viewLog } from "../domain/logs/log-page.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { eventTypes } from "../lib/enums";
import { guard } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";
import { MeetingsSection } from "../components/logs/MeetingsSection";
import { upcomingMeetings } from "../domain/meetings/meetings.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data ? [{ title: `${args.data.child.name} – Stafettlogg` }] : pageTitle(args, "logs.page.timeline");

const TimelineQuery = z.object({
  before: z.catch(z.optional(z.coerce.number().check(z.int(), z.positive())), undefined),
  type: z.catch(z.optional(z.enum(eventTypes)), undefined),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const query = TimelineQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const locale = getLocale(request);
  return guard(async () => {
    return viewLog(actor, params.logId ?? "", { ...query, locale }, async (access) => ({
      consultations: await consultationsForLog(access, locale),
      meetings: await upcomingMeetings(access),
    }));
  });
}

export default function LogPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useT();
  const [params] = useSearchParams();
  const { log, child, can } = data;
  const concern = log.kind === "concern";
  const firstOverdue = data.actions.find((a) => a.active && a.overdue);
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
        activeActions={data.actions.filter((a) => a.active).length}
        missingChildVoice={data.flags.missingChildVoice}
        pendingHandover={data.pendingHandover !== null}
        holderServiceName={data.holder.serviceName}
      />
      <LogStatusNotices log={log} role={data.role} pendingHandover={data.pendingHandover} />
      <OnThisPage concern={concern} />
      {/* Below the tools: the first screen on a phone stays the header and the next step. */}
      <GuideVersionLine guide={data.guide} />

      <div className="grid gap-4 md:grid-cols-3">
        <div className="stack min-w-0 md:col-span-2">
          <ChecklistSection logId={log.id} checklist={data.checklist} canTick={can.tick} />
          {!concern ? <ActionsSection logId={log.id} actions={data.actions} canEvaluate={can.write} /> : null}
          <MeetingsSection logId={log.id} meetings={data.meetings} canPlan={can.write} />
          <TimelineSection
            logId={log.id}
            events={data.events}
            browsing={{ type: params.get("type") ?? "", older: params.has("before"), nextBefore: data.nextBefore }}
          />
        </div>

        <div id="about" className="stack min-w-0 scroll-mt-4">
          <ChildSection logId={log.id} child={child} holder={data.holder} participants={data.participants} canRemove={can.collaborate} />
          <GuardiansSection log={log} child={child} guardians={data.guardians} canManage={can.hold} />
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
