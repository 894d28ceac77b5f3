import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { RestrictionFields } from "../components/logs/RestrictionFields";
import { TextAreaField, TextField } from "../components/ui/Field";
import { requireActor } from "../domain/auth/guards.server";
import { logForm } from "../domain/logs/log-page.server";
import { recordWelfareReport } from "../domain/logs/restrictions.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { guard } from "../route-helpers/http.server";
import { backToLog, logFormAction } from "../route-helpers/log-route.server";
import { restrictedReasonOf, WelfareReportSchema } from "../lib/log-schemas";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.forms.welfareReport.title");

/** Anyone who may write on the log; the acting person's name is the default sender. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => ({
    ...(await logForm(actor, params.logId ?? "", "write", getLocale(request))),
    actorName: actor.name,
  }));
}

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, WelfareReportSchema, async (actor, logId, value) => {
    const { sentOn, sentBy, about } = value;
    await recordWelfareReport(actor, logId, { sentOn, sentBy, summary: about, restrictedReason: restrictedReasonOf(value) });
    return backToLog(logId);
  });

/** Record that a report of concern was sent to child welfare; hidden from the guardians unless unticked. */
export default function WelfareReport() {
  const { log, actorName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "welfare-report",
    lastResult,
    defaultValue: {
      sentOn: log.today,
      sentBy: actorName,
      restricted: "on",
      restrictedReason: t("logs.forms.welfareReport.defaultReason"),
    },
    constraint: getZodConstraint(WelfareReportSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: WelfareReportSchema }),
  });
  const labels = {
    sentOn: t("logs.forms.welfareReport.sentOn"),
    sentBy: t("logs.forms.welfareReport.sentBy"),
    about: t("logs.forms.welfareReport.summary"),
    restrictedReason: t("logs.forms.restriction.reason"),
  };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("logs.forms.welfareReport.title")} />
      <p>{t("logs.forms.welfareReport.intro")}</p>
      <FormShell form={form} fields={fields} labels={labels} logId={log.id}>
        <TextField field={fields.sentOn} label={labels.sentOn} type="date" />
        <TextField field={fields.sentBy} label={labels.sentBy} hint={t("logs.forms.welfareReport.sentByHint")} />
        <TextAreaField field={fields.about} label={labels.about} rows={5} />
        <RestrictionFields restricted={fields.restricted} restrictedReason={fields.restrictedReason} />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
