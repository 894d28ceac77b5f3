import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../../lib/conform-zod";
import type { SubmissionResult } from "@conform-to/react";
import { useT } from "../../i18n/use-t";
import { MeetingSchema } from "../../lib/meeting-schemas";
import { FieldErrors, TextAreaField, TextField } from "../ui/Field";
import { FormShell } from "./FormShell";

export interface MeetingChoices {
  staff: { value: string; name: string; isHolder: boolean }[];
  guardians: { value: string; name: string; interpreterNeeded: boolean; language: string | null }[];
  child: { value: string; name: string };
}

/**
 * Planning or changing a meeting: date, time, length, place or video link, agenda, and who
 * is invited (checkboxes: the people on the log, the guardians — marked when they need an
 * interpreter — and the child). A plain form: works without JavaScript.
 */
export function MeetingForm({
  id,
  logId,
  choices,
  defaults,
  lastResult,
  submitLabel,
}: {
  id: string;
  logId: string;
  choices: MeetingChoices;
  defaults: { date: string; time: string; durationMinutes: string; place?: string; videoUrl?: string; agenda?: string; invitees: string[] };
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel?: string;
}) {
  const { t } = useT();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(MeetingSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MeetingSchema }),
  });
  const labels = {
    date: t("logs.meetings.form.date"),
    time: t("logs.meetings.form.time"),
    durationMinutes: t("logs.meetings.form.durationMinutes"),
    place: t("logs.meetings.form.place"),
    videoUrl: t("logs.meetings.form.videoUrl"),
    agenda: t("logs.meetings.form.agenda"),
    invitees: t("logs.meetings.form.invitees"),
  };
  // What was sent back after a refused send (one ticked box comes back as a string), else the defaults.
  const sent = fields.invitees.initialValue as string[] | string | undefined;
  const chosen = new Set(sent === undefined ? defaults.invitees : Array.isArray(sent) ? sent : [sent]);
  const isChosen = (value: string) => chosen.has(value);
  const option = (value: string, label: string, first: boolean) => (
    <label key={value} className="flex items-center gap-3 font-normal">
      <input type="checkbox" name="invitees" value={value} id={first ? fields.invitees.id : undefined} defaultChecked={isChosen(value)} className="checkbox" />
      {label}
    </label>
  );
  const hintId = `${fields.invitees.id}-hint`;
  return (
    <FormShell form={form} fields={fields} labels={labels} logId={logId} submitLabel={submitLabel}>
      <TextField field={fields.date} label={labels.date} type="date" />
      <TextField field={fields.time} label={labels.time} hint="TT:MM" inputMode="numeric" />
      <TextField field={fields.durationMinutes} label={labels.durationMinutes} inputMode="numeric" />
      <TextField field={fields.place} label={labels.place} hint={t("logs.meetings.form.placeHint")} />
      <TextField field={fields.videoUrl} label={labels.videoUrl} hint={t("logs.meetings.form.videoUrlHint")} />
      <TextAreaField field={fields.agenda} label={labels.agenda} rows={4} />
      <fieldset
        className="field"
        aria-describedby={[hintId, fields.invitees.errors?.length ? fields.invitees.errorId : null].filter(Boolean).join(" ")}
      >
        <legend className="font-semibold">{labels.invitees}</legend>
        <p id={hintId} className="hint">
          {t("logs.meetings.form.inviteesHint")}
        </p>
        <FieldErrors field={fields.invitees} />
        <p className="font-semibold">{t("logs.meetings.form.staff")}</p>
        {choices.staff.map((s, i) => option(s.value, s.isHolder ? t("logs.responsible.holder", { name: s.name }) : s.name, i === 0))}
        <p className="font-semibold">{t("logs.meetings.form.family")}</p>
        {choices.guardians.map((g) =>
          option(
            g.value,
            g.interpreterNeeded
              ? g.language
                ? t("logs.meetings.form.needsInterpreterLanguage", { name: g.name, language: g.language })
                : t("logs.meetings.form.needsInterpreter", { name: g.name })
              : g.name,
            choices.staff.length === 0,
          ),
        )}
        {option(choices.child.value, t("logs.meetings.child", { name: choices.child.name }), false)}
      </fieldset>
    </FormShell>
  );
}
