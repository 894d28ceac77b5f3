import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorPage } from "../components/ErrorPage";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { useDates } from "../components/logs/format";
import { TextAreaField } from "../components/ui/Field";
import { cancelMeeting, meetingForChange } from "../domain/meetings/meetings.server";
import { pageTitle } from "../i18n/meta";
import { CancelMeetingSchema } from "../lib/meeting-schemas";
import { backToLog, loadLogForm, logFormAction } from "../route-helpers/log-route.server";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.meetings.form.cancelTitle");

export const loader = (args: LoaderFunctionArgs) =>
  loadLogForm(args, "write", async (access) => ({ meeting: await meetingForChange(access, args.params.meetingId ?? "") }));

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, CancelMeetingSchema, async (actor, logId, value) => {
    await cancelMeeting(actor, logId, args.params.meetingId ?? "", value);
    return backToLog(logId, "meeting_cancelled");
  });

/** Cancel a planned meeting, with why; the invitees' calendar entries are cancelled. */
export default function CancelMeeting() {
  const { log, meeting } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const { date } = useDates();
  const [form, fields] = useForm({
    id: "meeting-cancel",
    lastResult,
    constraint: getZodConstraint(CancelMeetingSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CancelMeetingSchema }),
  });
  const labels = { reason: t("logs.meetings.form.reason") };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("logs.meetings.form.cancelTitle")} />
      <p>
        <strong>{t("logs.meetings.when", { date: date(meeting.date), time: meeting.time })}</strong>
      </p>
      <p>{t("logs.meetings.form.cancelIntro")}</p>
      <FormShell form={form} fields={fields} labels={labels} logId={log.id} submitLabel={t("logs.meetings.form.cancelButton")}>
        <TextAreaField field={fields.reason} label={labels.reason} rows={3} />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
