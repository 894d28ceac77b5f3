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
import { eventForRestriction } from "../domain/logs/form-data.server";
import { restrictEvent } from "../domain/logs/restrictions.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { guard } from "../route-helpers/http.server";
import { backToLog, logFormAction } from "../route-helpers/log-route.server";
import { RestrictSchema } from "../lib/log-schemas";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "logs.forms.restrict.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => eventForRestriction(actor, params.logId ?? "", params.eventId ?? "", getLocale(request)));
}

export const action = (args: ActionFunctionArgs) =>
  logFormAction(args, RestrictSchema, async (actor, logId, value) => {
    await restrictEvent(actor, logId, args.params.eventId ?? "", value);
    return backToLog(logId);
  });

/** Hide an earlier entry from the guardians: a new event; the entry itself is unchanged. */
export default function RestrictEntry() {
  const { log, event } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const { date } = useDates();
  const [form, fields] = useForm({
    id: "restrict",
    lastResult,
    constraint: getZodConstraint(RestrictSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RestrictSchema }),
  });
  const labels = { reason: t("logs.forms.restrict.reason") };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("logs.forms.restrict.title")} />
      <p>{t("logs.forms.restrict.intro")}</p>
      <section aria-labelledby="entry-heading" className="card stack">
        <h2 id="entry-heading">
          {t("logs.forms.restrict.entry")}: {t(`logs.eventTypes.${event.type}`)} · {date(event.occurredOn)}
        </h2>
        <p className="text-sm text-slate-700">{t("logs.forms.restrict.by", { name: event.authorName })}</p>
        <p className="whitespace-pre-wrap">{event.text}</p>
      </section>
      <FormShell form={form} fields={fields} labels={labels} logId={log.id} submitLabel={t("logs.forms.restrict.submit")}>
        <TextAreaField field={fields.reason} label={labels.reason} rows={3} />
      </FormShell>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
