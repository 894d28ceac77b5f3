import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { Notice } from "../components/ui/Notice";
import { RadioField, TextAreaField, TextField } from "../components/ui/Field";
import { closeLog } from "../domain/logs/lifecycle.server";
import { pageTitle } from "../i18n/meta";
import { closeReasons } from "../lib/enums";
import { backToLog, loadLogForm, logFormAction } from "../route-helpers/log-route.server";
import { CloseSchema } from "../lib/log-schemas";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, args.data?.log.kind === "concern" ? "logs.forms.close.concernTitle" : "logs.forms.close.title");

export const loader = (args: LoaderFunctionArgs) => loadLogForm(args, "hold");

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, CloseSchema, async (actor, logId, value) => {
    await closeLog(actor, logId, value);
    return backToLog(logId, "closed");
  });

export default function CloseLog() {
  const { log } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useT();
  const concern = log.kind === "concern";
  const [form, fields] = useForm({
    id: "close",
    lastResult,
    defaultValue: concern ? { reason: "no_further_concern" } : { guardiansToldOn: log.today },
    constraint: getZodConstraint(CloseSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CloseSchema }),
  });
  const labels = {
    reason: t("logs.forms.close.reason"),
    summary: t("logs.forms.close.summary"),
    guardiansToldOn: t("logs.forms.close.guardiansToldOn"),
  };
  const title = concern ? t("logs.forms.close.concernTitle") : t("logs.forms.close.title");
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={title} />
      {params.get("notice") === "evaluatedClose" ? <Notice>{t("logs.page.notice.evaluatedClose")}</Notice> : null}
      <p>{t("logs.forms.close.intro")}</p>
      <FormShell form={form} fields={fields} labels={labels} logId={log.id} submitLabel={title}>
        {concern ? (
          <input type="hidden" name="reason" value="no_further_concern" />
        ) : (
          <RadioField
            field={fields.reason}
            legend={labels.reason}
            options={closeReasons
              .filter((r) => r !== "no_further_concern" && r !== "consent_withdrawn")
              .map((r) => ({ value: r, label: t(`logs.closeReasons.${r}`) }))}
          />
        )}
        <TextAreaField field={fields.summary} label={labels.summary} rows={5} />
        <TextField field={fields.guardiansToldOn} label={labels.guardiansToldOn} type="date" />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
