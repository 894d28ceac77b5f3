import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { RestrictionFields } from "../components/logs/RestrictionFields";
import { TextAreaField, TextField } from "../components/ui/Field";
import { ResponsibleField } from "../components/logs/ResponsibleField";
import { responsibleChoices } from "../domain/logs/actions.server";
import { addEntry } from "../domain/logs/entries.server";
import { minutesDraft } from "../domain/meetings/meetings.server";
import { useDates } from "../components/logs/format";
import { pageTitle } from "../i18n/meta";
import { backToLog, loadLogForm, logFormAction } from "../route-helpers/log-route.server";
import { EntrySchema, meetingActionOf, restrictedReasonOf } from "../lib/log-schemas";
import { ErrorPage } from "../components/ErrorPage";

/** Which form ?type= asks for; the title and the heading both follow it. */
const entryType = (params: URLSearchParams) =>
  (["observation", "note", "meeting"] as const).find((ty) => ty === params.get("type")) ?? "note";

export const meta: MetaFunction = (args) =>
  pageTitle(args, `logs.forms.${entryType(new URLSearchParams(args.location.search))}.title`);

export const loader = (args: LoaderFunctionArgs) => {
  const params = new URL(args.request.url).searchParams;
  const plannedMeetingId = entryType(params) === "meeting" ? params.get("meeting") : null;
  return loadLogForm(args, "write", async (access) => ({
    people: await responsibleChoices(access),
    /** Minutes of a planned meeting (?meeting=): its agenda and invitees to start from. */
    planned: plannedMeetingId ? await minutesDraft(access, plannedMeetingId) : null,
  }));
};

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, EntrySchema, async (actor, logId, value) => {
    const restrictedReason = restrictedReasonOf(value);
    await addEntry(
      actor,
      logId,
      value.type === "meeting"
        ? {
            type: "meeting",
            occurredOn: value.occurredOn,
            title: value.title,
            attendees: value.attendees,
            absent: value.absent,
            agenda: value.agenda,
            notes: value.notes,
            decisions: value.decisions,
            action: meetingActionOf(value),
            plannedMeetingId: value.plannedMeetingId,
            restrictedReason,
          }
        : { type: value.type, occurredOn: value.occurredOn, text: value.text, restrictedReason },
    );
    return backToLog(logId);
  });

/** Observation, note or meeting minutes (?type=). A meeting may create one action (relay logs). */
export default function NewEntry() {
  const { log, people, planned } = useLoaderData<typeof loader>();
  const { date } = useDates();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useT();
  const type = entryType(params);
  const [form, fields] = useForm({
    id: `entry-${type}`,
    lastResult,
    defaultValue: planned
      ? { type, occurredOn: planned.date, agenda: planned.agenda, attendees: planned.invited }
      : { type, occurredOn: log.today },
    constraint: getZodConstraint(EntrySchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EntrySchema }),
  });
  const relay = log.kind === "relay";
  const labels: Record<string, string> = {
    occurredOn: t("logs.forms.occurredOn"),
    ...(type === "meeting"
      ? {
          title: t("logs.forms.meeting.meetingTitle"),
          attendees: t("logs.forms.meeting.attendees"),
          absent: t("logs.forms.meeting.absent"),
          agenda: t("logs.forms.meeting.agenda"),
          notes: t("logs.forms.meeting.notes"),
          decisions: t("logs.forms.meeting.decisions"),
          ...(relay
            ? {
                actionDescription: t("logs.forms.action.description"),
                actionGoal: t("logs.forms.action.goal"),
                actionResponsible: t("logs.forms.action.responsible"),
                actionResponsibleOther: t("logs.responsible.otherText"),
                actionEvaluateOn: t("logs.forms.action.evaluateOn"),
              }
            : {}),
        }
      : { text: type === "observation" ? t("logs.forms.observation.text") : t("logs.forms.note.text") }),
    restrictedReason: t("logs.forms.restriction.reason"),
  };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t(`logs.forms.${type}.title`)} />
      <FormShell form={form} fields={fields} labels={labels} logId={log.id}>
        <input type="hidden" name="type" value={type} />
        {planned ? (
          <>
            <input type="hidden" name="plannedMeetingId" value={planned.id} />
            <p>{t("logs.meetings.minutesFor", { date: date(planned.date) })}</p>
          </>
        ) : null}
        <TextField field={fields.occurredOn} label={labels.occurredOn!} hint={t("logs.forms.occurredOnHint")} type="date" />
        {type === "meeting" ? (
          <>
            <TextField field={fields.title} label={labels.title!} />
            <TextAreaField field={fields.attendees} label={labels.attendees!} hint={t("logs.forms.meeting.attendeesHint")} rows={2} />
            <TextAreaField field={fields.absent} label={labels.absent!} rows={2} />
            <TextAreaField field={fields.agenda} label={labels.agenda!} rows={3} />
            <TextAreaField field={fields.notes} label={labels.notes!} rows={8} />
            <TextAreaField field={fields.decisions} label={labels.decisions!} rows={3} />
            {relay ? (
              <fieldset className="stack" aria-describedby="meeting-action-hint">
                <legend className="font-semibold">{t("logs.forms.meeting.action")}</legend>
                <p id="meeting-action-hint" className="hint">
                  {t("logs.forms.meeting.actionHint")}
                </p>
                <TextAreaField field={fields.actionDescription} label={labels.actionDescription!} rows={2} />
                <TextAreaField field={fields.actionGoal} label={labels.actionGoal!} rows={2} />
                <ResponsibleField
                  choice={fields.actionResponsible}
                  other={fields.actionResponsibleOther}
                  label={labels.actionResponsible!}
                  people={people}
                />
                <TextField
                  field={fields.actionEvaluateOn}
                  label={labels.actionEvaluateOn!}
                  hint={t("logs.forms.action.evaluateOnHint", { count: log.evaluationIntervalDays })}
                  type="date"
                />
              </fieldset>
            ) : null}
          </>
        ) : (
          <TextAreaField field={fields.text} label={labels.text!} rows={8} />
        )}
        <RestrictionFields restricted={fields.restricted} restrictedReason={fields.restrictedReason} />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
