import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { CheckboxField, RadioField, TextAreaField, TextField } from "../components/ui/Field";
import { changeLevel } from "../domain/logs/actions.server";
import { pageTitle } from "../i18n/meta";
import { btiLevels, type BtiLevel } from "../lib/enums";
import { backToLog, loadLogForm, logFormAction } from "../route-helpers/log-route.server";
import { LevelSchema } from "../lib/log-schemas";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.forms.level.title");

export const loader = (args: LoaderFunctionArgs) => loadLogForm(args, "hold");

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, LevelSchema, async (actor, logId, value) => {
    await changeLevel(actor, logId, { ...value, to: value.to as BtiLevel });
    return backToLog(logId);
  });

export default function ChangeLevel() {
  const { log } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "level",
    lastResult,
    constraint: getZodConstraint(LevelSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LevelSchema }),
  });
  const labels = {
    to: t("logs.forms.level.to"),
    justification: t("logs.forms.level.justification"),
    responsibilityGroup: t("logs.forms.level.responsibilityGroup"),
    individualPlan: t("logs.forms.level.individualPlan"),
    planCoordinator: t("logs.forms.level.planCoordinator"),
  };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("logs.forms.level.title")} />
      <p>{t("logs.forms.level.intro")}</p>
      <FormShell form={form} fields={fields} labels={labels} logId={log.id}>
        <RadioField
          field={fields.to}
          legend={labels.to}
          hint={t("logs.forms.level.current", { level: log.level })}
          options={btiLevels.filter((l) => l !== log.level).map((l) => ({ value: String(l), label: t("logs.levelLabel", { level: l }) }))}
        />
        <TextAreaField field={fields.justification} label={labels.justification} rows={4} />
        <fieldset className="stack">
          <legend className="font-semibold">{t("logs.forms.level.level3")}</legend>
          <p className="hint">{t("logs.forms.level.level3Hint")}</p>
          <TextAreaField field={fields.responsibilityGroup} label={labels.responsibilityGroup} rows={2} />
          <CheckboxField field={fields.individualPlan} label={labels.individualPlan} />
          <TextField field={fields.planCoordinator} label={labels.planCoordinator} />
        </fieldset>
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
