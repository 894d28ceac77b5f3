import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorPage } from "../components/ErrorPage";
import { LogFormHeading } from "../components/logs/LogBits";
import { MeetingForm } from "../components/logs/MeetingForm";
import { changeMeeting, meetingChoices, meetingForChange } from "../domain/meetings/meetings.server";
import { pageTitle } from "../i18n/meta";
import { MeetingSchema } from "../lib/meeting-schemas";
import { backToLog, loadLogForm, logFormAction } from "../route-helpers/log-route.server";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.meetings.form.changeTitle");

export const loader = (args: LoaderFunctionArgs) =>
  loadLogForm(args, "write", async (access) => ({
    meeting: await meetingForChange(access, args.params.meetingId ?? ""),
    choices: await meetingChoices(access),
  }));

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, MeetingSchema, async (actor, logId, value) => {
    await changeMeeting(actor, logId, args.params.meetingId ?? "", value);
    return backToLog(logId, "meeting_changed");
  });

/** Change a planned meeting (its planner or the holder); the calendar entry is updated. */
export default function ChangeMeeting() {
  const { log, meeting, choices } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("logs.meetings.form.changeTitle")} />
      <MeetingForm
        id="meeting-change"
        logId={log.id}
        choices={choices}
        lastResult={lastResult}
        defaults={{
          date: meeting.date,
          time: meeting.time,
          durationMinutes: String(meeting.durationMinutes),
          place: meeting.place ?? undefined,
          videoUrl: meeting.videoUrl ?? undefined,
          agenda: meeting.agenda,
          invitees: meeting.invitees.map((i) => i.key),
        }}
      />
      <p>
        <Link to={`/logs/${log.id}/meetings/${meeting.id}/cancel`}>{t("logs.meetings.cancel")}</Link>
      </p>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
