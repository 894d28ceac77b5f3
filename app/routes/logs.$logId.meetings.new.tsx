import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorPage } from "../components/ErrorPage";
import { LogFormHeading } from "../components/logs/LogBits";
import { MeetingForm } from "../components/logs/MeetingForm";
import { meetingChoices, planMeeting } from "../domain/meetings/meetings.server";
import { pageTitle } from "../i18n/meta";
import { addDays } from "../lib/dates";
import { MeetingSchema } from "../lib/meeting-schemas";
import { backToLog, loadLogForm, logFormAction } from "../route-helpers/log-route.server";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.meetings.form.title");

export const loader = (args: LoaderFunctionArgs) =>
  loadLogForm(args, "write", async (access) => ({ choices: await meetingChoices(access) }));

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, MeetingSchema, async (actor, logId, value) => {
    await planMeeting(actor, logId, value);
    return backToLog(logId, "meeting_planned");
  });

/** Plan a meeting about the log (issue 11 point 6). */
export default function NewMeeting() {
  const { log, choices } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("logs.meetings.form.title")} />
      <p>{t("logs.meetings.form.intro")}</p>
      <MeetingForm
        id="meeting-plan"
        logId={log.id}
        choices={choices}
        lastResult={lastResult}
        defaults={{ date: addDays(log.today, 7), time: "09:00", durationMinutes: "60", invitees: [] }}
      />
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
