import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { useDates } from "../components/logs/format";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { SelectField, TextAreaField, TextField } from "../components/ui/Field";
import { requireActor } from "../domain/auth/guards.server";
import { consultationFormOptions, recordConsultation } from "../domain/consultations/consultations.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { ConsultationSchema } from "../lib/consultation-schemas";
import { guard, withFormErrors } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "consultations.form.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const linkTo = new URL(request.url).searchParams.get("logId");
  return guard(async () => {
    const options = await consultationFormOptions(actor, getLocale(request));
    // ?logId= preselects a log, if it is one the person may link to.
    return { ...options, linkTo: options.logs.some((l) => l.id === linkTo) ? linkTo : null };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const submission = parseWithZod(await request.formData(), { schema: ConsultationSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return withFormErrors(submission, async () => {
    const { consultationId } = await recordConsultation(actor, submission.value);
    return redirect(`/consultations/${consultationId}?notice=saved`);
  });
}

/** Record an anonymous consultation: the anonymity test and the child welfare warning come first. */
export default function NewConsultation() {
  const { myServices, kinds, services, logs, today, linkTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const { date } = useDates();
  const [form, fields] = useForm({
    id: "consultation",
    lastResult,
    defaultValue: {
      serviceId: myServices.length === 1 ? myServices[0]!.id : undefined,
      heldOn: today,
      logId: linkTo ?? undefined,
    },
    constraint: getZodConstraint(ConsultationSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConsultationSchema }),
  });
  const labels = {
    serviceId: t("consultations.form.service"),
    consultedKind: t("consultations.form.consultedKind"),
    consultedServiceId: t("consultations.form.consultedService"),
    heldOn: t("consultations.form.heldOn"),
    question: t("consultations.form.question"),
    advice: t("consultations.form.advice"),
    logId: t("consultations.form.logId"),
  };
  return (
    <div className="stack max-w-2xl">
      <p>
        <Link to="/consultations">← {t("consultations.detail.back")}</Link>
      </p>
      <h1>{t("consultations.form.title")}</h1>
      <p>{t("consultations.form.intro")}</p>
      <section aria-labelledby="anonymity-heading" className="notice notice-info stack">
        <h2 id="anonymity-heading" className="text-lg">
          {t("consultations.form.anonymityTitle")}
        </h2>
        <p>{t("consultations.form.anonymityBody")}</p>
        <ul className="list-disc pl-6">
          <li>{t("consultations.form.anonymityName")}</li>
          <li>{t("consultations.form.anonymityAge")}</li>
          <li>{t("consultations.form.anonymityAddress")}</li>
          <li>{t("consultations.form.anonymityRare")}</li>
        </ul>
      </section>
      <section aria-labelledby="welfare-warning-heading" className="notice stack border-amber-600">
        <h2 id="welfare-warning-heading" className="text-lg">
          {t("consultations.form.warningTitle")}
        </h2>
        <p>{t("consultations.form.warningBody")}</p>
      </section>
      <ErrorSummary form={form} fields={fields} labels={labels} />
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
        <SelectField
          field={fields.consultedKind}
          label={labels.consultedKind}
          placeholder={t("consultations.form.consultedKindPlaceholder")}
          options={kinds.map((k) => ({ value: k.code, label: k.name }))}
        />
        <SelectField
          field={fields.consultedServiceId}
          label={labels.consultedServiceId}
          hint={t("consultations.form.consultedServiceHint")}
          placeholder={t("consultations.form.consultedServiceNone")}
          options={services.map((s) => ({ value: s.id, label: `${s.name} (${s.kindName})` }))}
        />
        <TextField field={fields.heldOn} label={labels.heldOn} type="date" />
        <TextAreaField field={fields.question} label={labels.question} hint={t("consultations.form.questionHint")} rows={6} />
        <TextAreaField field={fields.advice} label={labels.advice} hint={t("consultations.form.adviceHint")} rows={6} />
        {logs.length > 0 ? (
          <SelectField
            field={fields.logId}
            label={labels.logId}
            hint={t("consultations.form.logIdHint")}
            placeholder={t("consultations.form.logIdNone")}
            options={logs.map((l) => ({ value: l.id, label: t("consultations.form.logOption", { name: l.childName, date: date(l.birthDate) }) }))}
          />
        ) : null}
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn-primary">
            {t("consultations.form.submit")}
          </button>
          <Link to="/consultations">{t("consultations.form.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
