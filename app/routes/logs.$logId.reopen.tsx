import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { TextAreaField } from "../components/ui/Field";
import { reopenLog } from "../domain/logs/lifecycle.server";
import { pageTitle } from "../i18n/meta";
import { backToLog, loadLogForm, logFormAction } from "../route-helpers/log-route.server";
import { ReopenSchema } from "../lib/log-schemas";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.forms.reopen.title");

export const loader = (args: LoaderFunctionArgs) => loadLogForm(args, "reopen");

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, ReopenSchema, async (actor, logId, value) => {
    await reopenLog(actor, logId, value);
    return backToLog(logId, "reopened");
  });

export default function ReopenLog() {
  const { log } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "reopen",
    lastResult,
    constraint: getZodConstraint(ReopenSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReopenSchema }),
  });
  const labels = { reason: t("logs.forms.reopen.reason") };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("logs.forms.reopen.title")} />
      <FormShell form={form} fields={fields} labels={labels} logId={log.id} submitLabel={t("logs.forms.reopen.title")}>
        <TextAreaField field={fields.reason} label={labels.reason} rows={4} />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
