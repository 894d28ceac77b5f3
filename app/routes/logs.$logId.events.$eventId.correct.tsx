import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { useDates } from "../components/logs/format";
import { FormShell } from "../components/logs/FormShell";
import { LogFormHeading } from "../components/logs/LogBits";
import { TextAreaField } from "../components/ui/Field";
import { requireActor } from "../domain/auth/guards.server";
import { correctEvent } from "../domain/logs/entries.server";
import { eventForCorrection } from "../domain/logs/form-data.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { guard } from "../route-helpers/http.server";
import { backToLog, logFormAction } from "../route-helpers/log-route.server";
import { CorrectionSchema } from "../lib/log-schemas";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.forms.correct.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => eventForCorrection(actor, params.logId ?? "", params.eventId ?? "", getLocale(request)));
}

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, CorrectionSchema, async (actor, logId, value) => {
    await correctEvent(actor, logId, args.params.eventId ?? "", value);
    return backToLog(logId);
  });

/** Correct an entry: a new event; the original stays, struck through. */
export default function CorrectEntry() {
  const { log, event } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const { date } = useDates();
  const [form, fields] = useForm({
    id: "correct",
    lastResult,
    defaultValue: { text: event.text },
    constraint: getZodConstraint(CorrectionSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CorrectionSchema }),
  });
  const labels = { text: t("logs.forms.correct.text"), reason: t("logs.forms.correct.reason") };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("logs.forms.correct.title")} />
      <p>{t("logs.forms.correct.intro")}</p>
      <section aria-labelledby="original-heading" className="card stack">
        <h2 id="original-heading">
          {t("logs.forms.correct.original")}: {t(`logs.eventTypes.${event.type}`)} · {date(event.occurredOn)}
        </h2>
        <p className="whitespace-pre-wrap">{event.text}</p>
      </section>
      <FormShell form={form} fields={fields} labels={labels} logId={log.id}>
        <TextAreaField field={fields.text} label={labels.text} rows={6} />
        <TextAreaField field={fields.reason} label={labels.reason} rows={2} />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
