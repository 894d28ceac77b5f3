import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../../lib/conform-zod";
import { Form } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { btiLevels, locales } from "../../lib/enums";
import { GuideDraftSchema, guideTextField } from "../../lib/guide-schemas";
import { ErrorSummary } from "../ui/ErrorSummary";
import { useGuideFieldLabels } from "./field-labels";
import { RadioField, TextAreaField, TextField } from "../ui/Field";


/** The draft editor: every setting, and per level and language the name, description and checklist. */
export function GuideDraftForm({
  lastResult,
  defaultValue,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: Record<string, string | number>;
}) {
  const { t } = useT();
  const [form, fields] = useForm({
    id: "guide-draft",
    lastResult,
    defaultValue: Object.fromEntries(Object.entries(defaultValue).map(([k, v]) => [k, String(v)])),
    constraint: getZodConstraint(GuideDraftSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GuideDraftSchema }),
  });
  const f = fields as unknown as Record<string, Parameters<typeof TextField>[0]["field"]>;
  const { labels } = useGuideFieldLabels();
  return (
    <>
      <ErrorSummary form={form} fields={Object.fromEntries(Object.keys(labels).map((k) => [k, f[k]!]))} labels={labels} />
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="save" />
        <fieldset className="card stack">
          <legend>{t("guide.form.settings")}</legend>
          <TextField field={f.effectiveOn!} type="date" label={labels.effectiveOn!} hint={t("guide.form.effectiveOnHint")} />
          <TextField field={f.municipalityName!} label={labels.municipalityName!} autoComplete="off" />
          <TextField field={f.level0DecisionDays!} label={labels.level0DecisionDays!} inputMode="numeric" />
          <TextField field={f.evaluationIntervalDays!} label={labels.evaluationIntervalDays!} inputMode="numeric" />
          <RadioField
            field={f.consentAge!}
            legend={labels.consentAge!}
            options={["15", "16"].map((age) => ({ value: age, label: t("guide.form.consentAgeOption", { age }) }))}
          />
          <RadioField
            field={f.logRequiredFromLevel!}
            legend={labels.logRequiredFromLevel!}
            options={["1", "2"].map((level) => ({ value: level, label: t("guide.form.fromLevel", { level }) }))}
          />
          <TextField field={f.consentValidityMonths!} label={labels.consentValidityMonths!} inputMode="numeric" />
          <TextField field={f.invitationResponseDays!} label={labels.invitationResponseDays!} inputMode="numeric" />
          <TextAreaField field={f.note!} label={labels.note!} hint={t("guide.form.noteHint")} rows={2} />
        </fieldset>
        {btiLevels.map((level) => (
          <fieldset key={level} className="card stack">
            <legend>{t("guide.form.levelHeading", { level })}</legend>
            {locales.map((locale) => (
              <div key={locale} className="stack" lang={locale}>
                <TextField
                  field={f[guideTextField("name", level, locale)]!}
                  label={t("guide.form.name", { language: t(`locales.${locale}`) })}
                  autoComplete="off"
                />
                <TextAreaField
                  field={f[guideTextField("description", level, locale)]!}
                  label={t("guide.form.description", { language: t(`locales.${locale}`) })}
                  rows={3}
                />
                <TextAreaField
                  field={f[guideTextField("steps", level, locale)]!}
                  label={t("guide.form.steps", { language: t(`locales.${locale}`) })}
                  hint={t("guide.form.stepsHint")}
                  rows={4}
                />
              </div>
            ))}
          </fieldset>
        ))}
        <button type="submit" className="btn-primary">
          {t("guide.form.save")}
        </button>
      </Form>
    </>
  );
}
