import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { TextAreaField } from "../components/ui/Field";
import { withdrawConsent } from "../domain/consent/consents.server";
import { pageTitle } from "../i18n/meta";
import { WithdrawSchema } from "../lib/collaboration-schemas";
import { backToLog, loadLogForm, logFormAction } from "../lib/log-route.server";
import { ErrorPage } from "../root";

export const meta: MetaFunction = (args) => pageTitle(args, "collab.withdraw.title");

export const loader = (args: LoaderFunctionArgs) => loadLogForm(args, "hold");

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, WithdrawSchema, async (actor, logId, value) => {
    await withdrawConsent(actor, logId, args.params.consentId ?? "", value);
    return backToLog(logId, "withdrawn");
  });

/** Withdraw a consent: takes effect at once, through the gate. */
export default function WithdrawConsent() {
  const { log } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "withdraw",
    lastResult,
    constraint: getZodConstraint(WithdrawSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: WithdrawSchema }),
  });
  const labels = { reason: t("collab.withdraw.reason") };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("collab.withdraw.title")} />
      <p>{t("collab.withdraw.intro")}</p>
      <FormShell form={form} fields={fields} labels={labels} logId={log.id} submitLabel={t("collab.withdraw.submit")}>
        <TextAreaField field={fields.reason} label={labels.reason} rows={3} />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
