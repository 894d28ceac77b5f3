import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { SelectField, TextAreaField } from "../components/ui/Field";
import { requireActor } from "../domain/auth/guards.server";
import { fieldError, isAppError } from "../domain/errors.server";
import { collaborationCandidates, proposeHandover } from "../domain/logs/collaboration.server";
import { logSummary } from "../domain/logs/read.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { HandoverSchema } from "../lib/collaboration-schemas";
import { guard } from "../lib/http.server";
import { backToLog, logFormAction } from "../lib/log-route.server";
import { ErrorPage } from "../root";

export const meta: MetaFunction = (args) => pageTitle(args, "collab.handover.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    const log = await logSummary(actor, params.logId ?? "", "hold", getLocale(request));
    return { log, candidates: await collaborationCandidates(actor, log.id) };
  });
}

/** The domain names the person and the service apart; the form has one choice, "person". */
async function onPersonField<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isAppError(error) && ["toUserId", "toServiceId"].includes(error.details.field ?? "")) throw fieldError("person", error.code);
    throw error;
  }
}

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, HandoverSchema, async (actor, logId, value) => {
    await onPersonField(() =>
      proposeHandover(actor, logId, { toUserId: value.person.userId, toServiceId: value.person.serviceId, message: value.message }),
    );
    return backToLog(logId, "handover");
  });

/** Propose a new relay holder; the current one holds until it is accepted. */
export default function Handover() {
  const { log, candidates } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "handover",
    lastResult,
    constraint: getZodConstraint(HandoverSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: HandoverSchema }),
  });
  const labels = { person: t("collab.handover.person"), message: t("collab.handover.message") };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("collab.handover.title")} />
      <p>{t("collab.handover.intro")}</p>
      <FormShell form={form} fields={fields} labels={labels} logId={log.id} submitLabel={t("collab.handover.submit")}>
        <SelectField
          field={fields.person}
          label={labels.person}
          placeholder=""
          options={candidates.map((c) => ({ value: `${c.userId}:${c.serviceId}`, label: `${c.name} – ${c.serviceName}` }))}
        />
        <TextAreaField field={fields.message} label={labels.message} rows={3} />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
