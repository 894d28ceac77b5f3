import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { TextAreaField } from "../components/ui/Field";
import { endParticipation } from "../domain/logs/participants.server";
import { pageTitle } from "../i18n/meta";
import { RemoveSchema } from "../lib/collaboration-schemas";
import { backToLog, loadLogForm, logFormAction } from "../route-helpers/log-route.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "collab.participants.remove");

export const loader = (args: LoaderFunctionArgs) => loadLogForm(args, "hold");

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, RemoveSchema, async (actor, logId, value) => {
    await endParticipation(actor, logId, { userId: args.params.userId ?? "", reason: value.reason });
    return backToLog(logId, "removed");
  });

/** The holder removes a participant, with a reason. What they wrote stays. */
export default function RemoveParticipant() {
  const { log } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "remove",
    lastResult,
    constraint: getZodConstraint(RemoveSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RemoveSchema }),
  });
  const labels = { reason: t("collab.participants.reason") };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("collab.participants.remove")} />
      <FormShell form={form} fields={fields} labels={labels} logId={log.id} submitLabel={t("collab.participants.remove")}>
        <TextAreaField field={fields.reason} label={labels.reason} rows={3} />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
