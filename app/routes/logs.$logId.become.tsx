import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { RadioField, TextField } from "../components/ui/Field";
import { becomeRelayLog } from "../domain/logs/logs.server";
import { pageTitle } from "../i18n/meta";
import { backToLog, loadLogForm, logFormAction } from "../lib/log-route.server";
import { BecomeLogSchema } from "../lib/log-schemas";
import { ErrorPage } from "../root";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.forms.become.title");

export const loader = (args: LoaderFunctionArgs) => loadLogForm(args, "hold");

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, BecomeLogSchema, async (actor, logId, value) => {
    await becomeRelayLog(actor, logId, { level: value.level as 1 | 2, guardiansToldOn: value.guardiansToldOn });
    return backToLog(logId, "became_log");
  });

/** Level 0 → relay log at level 1 (own service) or 2 (with other services). */
export default function BecomeLog() {
  const { log } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "become",
    lastResult,
    defaultValue: { level: "1", guardiansToldOn: log.today },
    constraint: getZodConstraint(BecomeLogSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BecomeLogSchema }),
  });
  const labels = { level: t("logs.forms.become.level"), guardiansToldOn: t("logs.forms.become.guardiansToldOn") };
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
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
