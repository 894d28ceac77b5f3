import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { CheckboxField, SelectField, TextField } from "../components/ui/Field";
import { addGuardian } from "../domain/logs/lifecycle.server";
import { pageTitle } from "../i18n/meta";
import { guardianRelations } from "../lib/enums";
import { backToLog, loadLogForm, logFormAction } from "../route-helpers/log-route.server";
import { GuardianSchema } from "../lib/log-schemas";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.forms.guardian.title");

export const loader = (args: LoaderFunctionArgs) => loadLogForm(args, "hold");

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, GuardianSchema, async (actor, logId, value) => {
    await addGuardian(actor, logId, value);
    return backToLog(logId);
  });

export default function NewGuardian() {
  const { log } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "guardian",
    lastResult,
    defaultValue: { parentalResponsibility: "on" },
    constraint: getZodConstraint(GuardianSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GuardianSchema }),
  });
  const labels = {
    name: t("logs.forms.guardian.name"),
    relation: t("logs.forms.guardian.relation"),
    parentalResponsibility: t("logs.forms.guardian.parentalResponsibility"),
    email: t("logs.forms.guardian.email"),
    phone: t("logs.forms.guardian.phone"),
    toldOn: t("logs.forms.guardian.toldOn"),
    language: t("logs.forms.guardian.language"),
    interpreterNeeded: t("logs.forms.guardian.interpreterNeeded"),
  };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("logs.forms.guardian.title")} />
      <FormShell form={form} fields={fields} labels={labels} logId={log.id}>
        <TextField field={fields.name} label={labels.name} autoComplete="off" />
        <SelectField
          field={fields.relation}
          label={labels.relation}
          placeholder=""
          options={guardianRelations.map((r) => ({ value: r, label: t(`logs.relations.${r}`) }))}
        />
        <CheckboxField field={fields.parentalResponsibility} label={labels.parentalResponsibility} />
        <TextField field={fields.phone} label={labels.phone} type="tel" autoComplete="off" />
        <TextField field={fields.email} label={labels.email} type="email" autoComplete="off" />
        <TextField field={fields.toldOn} label={labels.toldOn} type="date" />
        <TextField field={fields.language} label={labels.language} hint={t("logs.forms.guardian.languageHint")} autoComplete="off" />
        <CheckboxField field={fields.interpreterNeeded} label={labels.interpreterNeeded} hint={t("logs.forms.guardian.interpreterHint")} />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
