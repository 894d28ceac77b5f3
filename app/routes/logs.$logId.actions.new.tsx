import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import * as z from "zod/mini";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { TextAreaField, TextField } from "../components/ui/Field";
import { ResponsibleField } from "../components/logs/ResponsibleField";
import { addAction, responsibleChoices } from "../domain/logs/actions.server";
import { pageTitle } from "../i18n/meta";
import { addDays, isRealIsoDate } from "../lib/dates";
import { backToLog, loadLogForm, logFormAction } from "../route-helpers/log-route.server";
import { ActionSchema, actionOf } from "../lib/log-schemas";
import { ErrorPage } from "../components/ErrorPage";

/**
 * The domain refuses an evaluation date on or before the start date; checking it here too
 * shows that error together with the others (and in the browser before sending).
 */
const datesGiven = (value: unknown) => {
  const { startOn, evaluateOn } = (value ?? {}) as Record<string, unknown>;
  return typeof startOn === "string" && typeof evaluateOn === "string" && isRealIsoDate(startOn) && isRealIsoDate(evaluateOn);
};
const NewActionSchema = ActionSchema.check(
  z.refine((value) => value.evaluateOn > value.startOn, {
    path: ["evaluateOn"],
    message: "errors.evaluation_before_start",
    // Also when other fields are missing, so every error shows at once.
    when: (payload) => datesGiven(payload.value),
  }),
);

export const meta: MetaFunction = (args) => pageTitle(args, "logs.forms.action.title");

export const loader = (args: LoaderFunctionArgs) =>
  loadLogForm(args, "write", async (access) => ({ people: await responsibleChoices(access) }));

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, NewActionSchema, async (actor, logId, value) => {
    await addAction(actor, logId, actionOf(value));
    return backToLog(logId);
  });

export default function NewAction() {
  const { log, people } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "action",
    lastResult,
    defaultValue: { startOn: log.today, evaluateOn: addDays(log.today, log.evaluationIntervalDays) },
    constraint: getZodConstraint(NewActionSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewActionSchema }),
  });
  const labels = {
    description: t("logs.forms.action.description"),
    goal: t("logs.forms.action.goal"),
    responsible: t("logs.forms.action.responsible"),
    responsibleOther: t("logs.responsible.otherText"),
    startOn: t("logs.forms.action.startOn"),
    evaluateOn: t("logs.forms.action.evaluateOn"),
  };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("logs.forms.action.title")} />
      <p>{t("logs.forms.action.intro")}</p>
      <FormShell form={form} fields={fields} labels={labels} logId={log.id}>
        <TextAreaField field={fields.description} label={labels.description} rows={3} />
        <TextAreaField field={fields.goal} label={labels.goal} rows={3} />
        <ResponsibleField choice={fields.responsible} other={fields.responsibleOther} label={labels.responsible} people={people} />
        <TextField field={fields.startOn} label={labels.startOn} type="date" />
        <TextField
          field={fields.evaluateOn}
          label={labels.evaluateOn}
          hint={t("logs.forms.action.evaluateOnHint", { count: log.evaluationIntervalDays })}
          type="date"
        />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
