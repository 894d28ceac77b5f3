import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { useT } from "../i18n/use-t";
import { useDates } from "../components/logs/format";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { SelectField, TextAreaField, TextField } from "../components/ui/Field";
import { requireActor, requireCapability } from "../domain/auth/guards.server";
import { guideInEffectNow } from "../domain/guide.server";
import { startConcern } from "../domain/logs/lifecycle.server";
import { readableLogsForChild } from "../domain/logs/lists.server";
import { listServices } from "../domain/people/services.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { todayInOslo } from "../lib/dates";
import { guard, withFormErrors } from "../route-helpers/http.server";
import { ConcernSchema } from "../lib/log-schemas";
import { ErrorPage } from "../components/ErrorPage";

type ExistingLogs = Awaited<ReturnType<typeof readableLogsForChild>>;

export const meta: MetaFunction = (args) => pageTitle(args, "logs.new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(async () => {
    requireCapability(actor, "logs.start");
    const services = await listServices(actor, getLocale(request));
    return {
      myServices: actor.memberships.map((m) => ({ id: m.serviceId, name: m.serviceName })),
      attendable: services
        .filter((s) => s.active && ["kindergarten", "school", "after_school"].includes(s.kind))
        .map((s) => ({ id: s.id, name: s.name })),
      decisionDays: (await guideInEffectNow()).level0DecisionDays,
      today: todayInOslo(),
    };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const submission = parseWithZod(await request.formData(), { schema: ConcernSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return withFormErrors(submission, async () => {
    requireCapability(actor, "logs.start");
    // A log the person can already read about the same child is pointed to first; a second
    // concern may still be right (another matter, or another child with the same name and
    // birth date), so they may go on — but only after seeing it.
    if (!submission.value.confirmNew) {
      const existing = await readableLogsForChild(actor, submission.value);
      if (existing.length > 0) return data({ ...submission.reply(), existing }, { status: 409 });
    }
    const { logId } = await startConcern(actor, submission.value);
    return redirect(`/logs/${logId}?notice=saved`);
  });
}

export default function NewConcern() {
  const { myServices, attendable, decisionDays, today } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const existing = (lastResult && "existing" in lastResult ? lastResult.existing : []) as ExistingLogs;
  const { t } = useT();
  const { date } = useDates();
  const [form, fields] = useForm({
    id: "concern",
    lastResult,
    defaultValue: { serviceId: myServices.length === 1 ? myServices[0]!.id : undefined, noticedOn: today },
    constraint: getZodConstraint(ConcernSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConcernSchema }),
  });
  const labels = {
    serviceId: t("logs.new.service"),
    childName: t("logs.new.childName"),
    birthDate: t("logs.new.birthDate"),
    nationalId: t("logs.new.nationalId"),
    attendsServiceId: t("logs.new.attends"),
    noticedOn: t("logs.new.noticedOn"),
    what: t("logs.new.what"),
    context: t("logs.new.context"),
  };
  return (
    <div className="stack max-w-2xl">
      <p>
        <Link to="/">← {t("logs.page.back")}</Link>
      </p>
      <h1>{t("logs.new.title")}</h1>
      <p>{t("logs.new.intro")}</p>
      <p className="hint">{t("logs.new.deadline", { count: decisionDays })}</p>
      <ErrorSummary form={form} fields={fields} labels={labels} />
      {existing.length > 0 ? (
        <section aria-labelledby="existing-heading" className="notice notice-info stack" role="alert">
          <h2 id="existing-heading">{t("logs.new.existing.title", { count: existing.length })}</h2>
          <ul className="list-disc pl-6">
            {existing.map((l) => (
              <li key={l.id}>
                <Link to={`/logs/${l.id}`}>
                  {t("logs.new.existing.log", { child: l.childName, date: date(l.birthDate) })}
                </Link>{" "}
                –{" "}
                {t(l.state === "closed" ? "logs.new.existing.closed" : "logs.new.existing.open", {
                  level: l.level,
                  name: l.holderName,
                  service: l.serviceName,
                })}
              </li>
            ))}
          </ul>
          <p>{t("logs.new.existing.advice")}</p>
        </section>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="card stack">
        {myServices.length > 1 ? (
          <SelectField
            field={fields.serviceId}
            label={labels.serviceId}
            placeholder=""
            options={myServices.map((s) => ({ value: s.id, label: s.name }))}
          />
        ) : (
          <input type="hidden" name="serviceId" value={myServices[0]?.id ?? ""} />
        )}
        <fieldset className="stack">
          <legend className="text-lg font-semibold">{t("logs.new.child")}</legend>
          <TextField field={fields.childName} label={labels.childName} autoComplete="off" />
          <TextField field={fields.birthDate} label={labels.birthDate} type="date" />
          <TextField field={fields.nationalId} label={labels.nationalId} hint={t("logs.new.nationalIdHint")} autoComplete="off" />
          <SelectField
            field={fields.attendsServiceId}
            label={labels.attendsServiceId}
            placeholder={t("logs.new.attendsNone")}
            options={attendable.map((s) => ({ value: s.id, label: s.name }))}
          />
        </fieldset>
        <fieldset className="stack">
          <legend className="text-lg font-semibold">{t("logs.new.concern")}</legend>
          <TextField field={fields.noticedOn} label={labels.noticedOn} type="date" />
          <TextAreaField field={fields.what} label={labels.what} hint={t("logs.new.whatHint")} rows={6} />
          <TextAreaField field={fields.context} label={labels.context} rows={3} />
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          {existing.length > 0 ? (
            <button type="submit" name="confirmNew" value="on" className="btn-primary">
              {t("logs.new.existing.proceed")}
            </button>
          ) : (
            <button type="submit" className="btn-primary">
              {t("logs.new.submit")}
            </button>
          )}
          <Link to="/">{t("logs.forms.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
