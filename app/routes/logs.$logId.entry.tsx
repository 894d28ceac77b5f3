import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { TextAreaField, TextField } from "../components/ui/Field";
import { addEntry } from "../domain/logs/logs.server";
import { pageTitle } from "../i18n/meta";
import { backToLog, loadLogForm, logFormAction } from "../lib/log-route.server";
import { EntrySchema } from "../lib/log-schemas";
import { ErrorPage } from "../root";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.forms.note.title");

export const loader = (args: LoaderFunctionArgs) => loadLogForm(args, "write");

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, EntrySchema, async (actor, logId, value) => {
    await addEntry(actor, logId, value);
    return backToLog(logId);
  });

/** Observation, note or meeting minutes (?type=). */
export default function NewEntry() {
  const { log } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const type = (["observation", "note", "meeting"] as const).find((ty) => ty === params.get("type")) ?? "note";
  const [form, fields] = useForm({
    id: `entry-${type}`,
    lastResult,
    defaultValue: { type, occurredOn: log.today },
    constraint: getZodConstraint(EntrySchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EntrySchema }),
  });
  const labels: Record<string, string> = {
    occurredOn: t("logs.forms.occurredOn"),
    text: type === "observation" ? t("logs.forms.observation.text") : t("logs.forms.note.text"),
    title: t("logs.forms.meeting.meetingTitle"),
    attendees: t("logs.forms.meeting.attendees"),
    notes: t("logs.forms.meeting.notes"),
  };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t(`logs.forms.${type}.title`)} />
      <FormShell form={form} fields={fields} labels={labels} logId={log.id}>
        <input type="hidden" name="type" value={type} />
        <TextField field={fields.occurredOn} label={labels.occurredOn!} hint={t("logs.forms.occurredOnHint")} type="date" />
        {type === "meeting" ? (
          <>
            <TextField field={fields.title} label={labels.title!} />
            <TextAreaField field={fields.attendees} label={labels.attendees!} hint={t("logs.forms.meeting.attendeesHint")} rows={2} />
            <TextAreaField field={fields.notes} label={labels.notes!} rows={8} />
          </>
        ) : (
          <TextAreaField field={fields.text} label={labels.text!} rows={8} />
        )}
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
