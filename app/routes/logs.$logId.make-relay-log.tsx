import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { CheckboxField, FieldErrors, RadioField, TextAreaField, TextField } from "../components/ui/Field";
import { requireActor } from "../domain/auth/guards.server";
import { becomeFormData, becomeRelayLog } from "../domain/logs/lifecycle.server";
import { logForm } from "../domain/logs/log-page.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { guard } from "../route-helpers/http.server";
import { backToLog, logFormAction } from "../route-helpers/log-route.server";
import { BecomeLogSchema } from "../lib/log-schemas";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.forms.become.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    return logForm(actor, params.logId ?? "", "hold", getLocale(request), becomeFormData);
  });
}

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, BecomeLogSchema, async (actor, logId, value) => {
    await becomeRelayLog(actor, logId, {
      level: value.level as 1 | 2,
      guardiansToldOn: value.guardiansToldOn,
      keep:
        value.keep === "record"
          ? {
              kind: "record",
              guardianIds: value.guardianIds,
              youngPerson: value.youngPerson,
              form: value.consentForm ?? "written",
              note: value.note,
              purpose: value.purpose ?? "",
              givenOn: value.givenOn ?? "",
            }
          : { kind: "defer", reason: value.deferReason ?? "" },
    });
    return backToLog(logId, "became_log");
  });

/**
 * Level 0 → relay log at level 1 (own service) or 2 (with other services), asking for the
 * consent to keep the log: record it now, or say why it is not recorded yet.
 */
export default function BecomeLog() {
  const { log, guardians, guardianCount, youngPersonMayConsent } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "become",
    lastResult,
    defaultValue: {
      level: "1",
      guardiansToldOn: log.today,
      keep: "record",
      consentForm: "written",
      givenOn: log.today,
      purpose: t("logs.forms.become.keepPurposeDefault"),
    },
    constraint: getZodConstraint(BecomeLogSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BecomeLogSchema }),
  });
  const labels = {
    level: t("logs.forms.become.level"),
    guardiansToldOn: t("logs.forms.become.guardiansToldOn"),
    keep: t("logs.forms.become.keep"),
    guardianIds: t("collab.consentForm.guardians"),
    youngPerson: t("collab.consentForm.youngPerson"),
    consentForm: t("collab.consentForm.form"),
    note: t("collab.consentForm.note"),
    purpose: t("collab.consentForm.purpose"),
    givenOn: t("collab.consentForm.givenOn"),
    deferReason: t("logs.forms.become.deferReason"),
  };
  const chosenGuardians = new Set((fields.guardianIds.initialValue as string[] | undefined) ?? []);
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("logs.forms.become.title")} />
      <p>{t("logs.forms.become.intro")}</p>
      <p>
        <Link to={`/logs/${log.id}/guardians/new`}>{t("logs.page.addGuardian")}</Link>
      </p>
      <FormShell form={form} fields={fields} labels={labels} logId={log.id} submitLabel={t("logs.forms.become.title")}>
        <RadioField
          field={fields.level}
          legend={labels.level}
          hint={t("collab.becomeLevelHint")}
          options={[1].map((l) => ({ value: String(l), label: t("logs.levelLabel", { level: l }) }))}
        />
        <TextField field={fields.guardiansToldOn} label={labels.guardiansToldOn} type="date" />
        <section aria-labelledby="keep-heading" className="stack">
          <h2 id="keep-heading" className="text-lg">
            {t("logs.forms.become.keepTitle")}
          </h2>
          <p className="hint">{t("logs.forms.become.keepIntro")}</p>
          <RadioField
            field={fields.keep}
            legend={labels.keep}
            options={(["record", "defer"] as const).map((k) => ({ value: k, label: t(`logs.forms.become.keepChoices.${k}`) }))}
          />
          <fieldset className="field stack">
            <legend className="font-semibold">{t("logs.forms.become.recordTitle")}</legend>
            <fieldset className="field" aria-describedby={fields.guardianIds.errors?.length ? fields.guardianIds.errorId : undefined}>
              <legend className="font-semibold">{labels.guardianIds}</legend>
              <FieldErrors field={fields.guardianIds} />
              {guardians.length === 0 ? (
                <p>
                  {guardianCount === 0 ? t("logs.forms.become.noGuardians") : t("collab.consentForm.noGuardians")}{" "}
                  <Link to={`/logs/${log.id}/guardians/new`}>{t("logs.page.addGuardian")}</Link>
                </p>
              ) : null}
              {guardians.map((g, i) => (
                <label key={g.id} className="flex items-center gap-3 font-normal">
                  <input
                    type="checkbox"
                    name="guardianIds"
                    value={g.id}
                    id={i === 0 ? fields.guardianIds.id : undefined}
                    defaultChecked={chosenGuardians.has(g.id)}
                    className="checkbox"
                  />
                  {g.name} ({t(`logs.relations.${g.relation}`)})
                </label>
              ))}
            </fieldset>
            {youngPersonMayConsent ? (
              <CheckboxField field={fields.youngPerson} label={labels.youngPerson} hint={t("collab.consentForm.youngPersonHint")} />
            ) : null}
            <RadioField
              field={fields.consentForm}
              legend={labels.consentForm}
              options={(["written", "oral"] as const).map((f) => ({ value: f, label: t(`collab.consentForm.forms.${f}`) }))}
            />
            <TextAreaField field={fields.note} label={labels.note} hint={t("collab.consentForm.noteHint")} rows={3} />
            <TextAreaField field={fields.purpose} label={labels.purpose} rows={2} />
            <TextField field={fields.givenOn} label={labels.givenOn} type="date" />
          </fieldset>
          <fieldset className="field stack">
            <legend className="font-semibold">{t("logs.forms.become.deferTitle")}</legend>
            <TextAreaField field={fields.deferReason} label={labels.deferReason} hint={t("logs.forms.become.deferHint")} rows={2} />
          </fieldset>
        </section>
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
