import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorPage } from "../components/ErrorPage";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { CheckboxField, TextField } from "../components/ui/Field";
import { changeGuardian, guardianOf } from "../domain/logs/lifecycle.server";
import { pageTitle } from "../i18n/meta";
import { GuardianDetailsSchema } from "../lib/log-schemas";
import { backToLog, loadLogForm, logFormAction } from "../route-helpers/log-route.server";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.forms.guardianDetails.title");

export const loader = (args: LoaderFunctionArgs) =>
  loadLogForm(args, "hold", async (access) => ({ guardian: await guardianOf(access, args.params.guardianId ?? "") }));

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, GuardianDetailsSchema, async (actor, logId, value) => {
    await changeGuardian(actor, logId, args.params.guardianId ?? "", value);
    return backToLog(logId);
  });

/** A guardian's contact details, language and need for an interpreter (the holder). */
export default function GuardianDetails() {
  const { log, guardian } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "guardian-details",
    lastResult,
    defaultValue: {
      email: guardian.email ?? "",
      phone: guardian.phone ?? "",
      language: guardian.language ?? "",
      interpreterNeeded: guardian.interpreterNeeded ? "on" : undefined,
    },
    constraint: getZodConstraint(GuardianDetailsSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: GuardianDetailsSchema }),
  });
  const labels = {
    email: t("logs.forms.guardian.email"),
    phone: t("logs.forms.guardian.phone"),
    language: t("logs.forms.guardian.language"),
    interpreterNeeded: t("logs.forms.guardian.interpreterNeeded"),
  };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("logs.forms.guardianDetails.title")} />
      <p>
        <strong>{guardian.name}</strong>
      </p>
      <FormShell form={form} fields={fields} labels={labels} logId={log.id}>
        <TextField field={fields.phone} label={labels.phone} type="tel" autoComplete="off" />
        <TextField field={fields.email} label={labels.email} type="email" autoComplete="off" />
        <TextField field={fields.language} label={labels.language} hint={t("logs.forms.guardian.languageHint")} autoComplete="off" />
        <CheckboxField field={fields.interpreterNeeded} label={labels.interpreterNeeded} hint={t("logs.forms.guardian.interpreterHint")} />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
