import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import * as z from "zod/mini";
import {
  data,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { AccessLossWarning, type LostReader } from "../components/AccessLossWarning";
import { LogFormHeading } from "../components/logs/LogBits";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { CheckboxField, FieldErrors, RadioField, TextAreaField, TextField } from "../components/ui/Field";
import { requireActor } from "../domain/auth/guards.server";
import { MAX_ATTACHMENT_BYTES } from "../domain/consent/attachments.server";
import { consentFormData, consentLosses, recordConsent, removalLosses } from "../domain/consent/consents.server";
import { isAppError } from "../domain/errors.server";
import { logForm } from "../domain/logs/log-page.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { ConsentSchema } from "../lib/collaboration-schemas";
import { consentDecisions, consentForms, consentScopes } from "../lib/enums";
import { domainErrorReply, guard } from "../route-helpers/http.server";
import { backToLog } from "../route-helpers/log-route.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, args.data?.replaces ? "collab.consentForm.changeTitle" : "collab.consentForm.title");

/**
 * Who gave the consent and which services it covers are checked together with the other
 * fields, whatever else is missing, so one submit shows every missing choice (the domain
 * checks them again).
 */
const always = { when: () => true };
const ConsentFormSchema = ConsentSchema.check(
  z.refine((v) => v.youngPerson === true || (Array.isArray(v.guardianIds) && v.guardianIds.length > 0), {
    ...always,
    path: ["guardianIds"],
    error: "errors.consent_party_required",
  }),
  z.refine((v) => v.scope !== "share" || (Array.isArray(v.serviceIds) && v.serviceIds.length > 0), {
    ...always,
    path: ["serviceIds"],
    error: "errors.consent_services_required",
  }),
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const replaces = new URL(request.url).searchParams.get("replaces") ?? undefined;
  return guard(async () => {
    const form = await logForm(actor, params.logId ?? "", "hold", getLocale(request), async (access) => {
      const data = await consentFormData(access, replaces);
      const removal = data.replaces ? await removalLosses(actor, access.log.id, data.replaces) : [];
      return { ...data, removal };
    });
    return { ...form, validityMonths: form.log.consentValidityMonths };
  });
}

/**
 * Saving a consent that narrows another and cuts someone's access is refused by the domain
 * until `confirmLoss` is checked; the refusal comes back with who would lose access.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const logId = params.logId ?? "";
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES }),
    );
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    return data({ status: "error" as const, error: { attachment: ["errors.attachment_too_large"] } }, { status: 400 });
  }
  const submission = parseWithZod(formData, { schema: ConsentFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { attachment, confirmLoss, ...value } = submission.value;
  const input = { ...value, attachment: attachment && attachment.size > 0 ? new Uint8Array(await attachment.arrayBuffer()) : undefined };
  try {
    await recordConsent(actor, logId, input, { confirmLoss });
    return redirect(backToLog(logId, "consent"));
  } catch (error) {
    const { reply, status } = domainErrorReply(submission, error);
    // A narrowing that cuts someone's access: the form says who, from the same change.
    const losses = isAppError(error) && error.code === "access_loss_unconfirmed" ? await consentLosses(actor, logId, input) : [];
    return data({ ...reply, losses }, { status });
  }
}

export default function NewConsent() {
  const { log, guardians, services, youngPersonMayConsent, replaces, removal, validityMonths } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const losses: LostReader[] = (lastResult as { losses?: LostReader[] } | undefined)?.losses ?? [];
  const { t } = useT();
  const [form, fields] = useForm({
    id: "consent",
    lastResult: lastResult && "status" in lastResult ? (lastResult as never) : undefined,
    defaultValue: {
      scope: replaces?.scope ?? "share",
      decision: "given",
      form: replaces?.form ?? "written",
      purpose: replaces?.purpose ?? "",
      categories: replaces?.categories.join(", ") ?? "",
      givenOn: log.today,
      guardianIds: replaces?.guardianIds ?? [],
      serviceIds: replaces?.services.map((s) => s.id) ?? [],
      youngPerson: replaces?.youngPerson ? "on" : undefined,
      replacesId: replaces?.id,
    },
    constraint: getZodConstraint(ConsentFormSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConsentFormSchema }),
  });
  const labels = {
    scope: t("collab.consentForm.scope"),
    decision: t("collab.consentForm.decision"),
    form: t("collab.consentForm.form"),
    note: t("collab.consentForm.note"),
    purpose: t("collab.consentForm.purpose"),
    guardianIds: t("collab.consentForm.guardians"),
    youngPerson: t("collab.consentForm.youngPerson"),
    serviceIds: t("collab.consentForm.services"),
    givenOn: t("collab.consentForm.givenOn"),
    expiresOn: t("collab.consentForm.expiresOn"),
    attachment: t("collab.consentForm.attachment"),
    categories: t("collab.consentForm.categories"),
    confirmLoss: t("collab.accessLoss.confirm"),
  };
  const chosenGuardians = new Set((fields.guardianIds.initialValue as string[] | undefined) ?? []);
  const chosenServices = new Set((fields.serviceIds.initialValue as string[] | undefined) ?? []);
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={replaces ? t("collab.consentForm.changeTitle") : t("collab.consentForm.title")} />
      <p>{t("collab.consentForm.intro")}</p>
      <ErrorSummary form={form} fields={fields} labels={labels} />
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="card stack">
        {replaces ? <input type="hidden" name="replacesId" value={replaces.id} /> : null}
        <RadioField
          field={fields.scope}
          legend={labels.scope}
          options={consentScopes.map((s) => ({ value: s, label: t(`collab.consentForm.scopes.${s}`) }))}
        />
        <RadioField
          field={fields.decision}
          legend={labels.decision}
          options={consentDecisions.map((d) => ({ value: d, label: t(`collab.consentForm.decisions.${d}`) }))}
        />
        <fieldset className="field" aria-describedby={fields.guardianIds.errors?.length ? fields.guardianIds.errorId : undefined}>
          <legend className="font-semibold">{labels.guardianIds}</legend>
          <FieldErrors field={fields.guardianIds} />
          {guardians.length === 0 ? <p>{t("collab.consentForm.noGuardians")}</p> : null}
          {guardians.map((g, i) => (
            <label key={g.id} className="flex items-center gap-3 font-normal">
              <input
                type="checkbox"
                name="guardianIds"
                value={g.id}
                id={i === 0 ? fields.guardianIds.id : undefined}
                defaultChecked={chosenGuardians.has(g.id)}
                className="checkbox"
              />
              {g.name} ({t(`logs.relations.${g.relation}`)})
            </label>
          ))}
        </fieldset>
        {youngPersonMayConsent ? (
          <CheckboxField field={fields.youngPerson} label={labels.youngPerson} hint={t("collab.consentForm.youngPersonHint")} />
        ) : null}
        <fieldset className="field" aria-describedby={fields.serviceIds.errors?.length ? fields.serviceIds.errorId : undefined}>
          <legend className="font-semibold">{labels.serviceIds}</legend>
          <p className="hint">{t("collab.consentForm.servicesHint")}</p>
          {removal.map((r) => (
            <p key={r.serviceId} className="hint">
              {t("collab.accessLoss.ifRemoved", {
                service: r.serviceName,
                people: r.losses.map((l) => t("collab.accessLoss.person", { name: l.name, service: l.serviceName })).join(", "),
              })}
            </p>
          ))}
          <FieldErrors field={fields.serviceIds} />
          <div className="grid gap-1 sm:grid-cols-2">
            {services.map((s, i) => (
              <label key={s.id} className="flex items-center gap-3 font-normal">
                <input
                  type="checkbox"
                  name="serviceIds"
                  value={s.id}
                  id={i === 0 ? fields.serviceIds.id : undefined}
                  defaultChecked={chosenServices.has(s.id)}
                  className="checkbox"
                />
                {s.name}
              </label>
            ))}
          </div>
        </fieldset>
        <TextAreaField field={fields.purpose} label={labels.purpose} rows={2} />
        <TextField field={fields.categories} label={labels.categories} hint={t("collab.consentForm.categoriesHint")} />
        <RadioField
          field={fields.form}
          legend={labels.form}
          options={consentForms.map((f) => ({ value: f, label: t(`collab.consentForm.forms.${f}`) }))}
        />
        <TextAreaField field={fields.note} label={labels.note} hint={t("collab.consentForm.noteHint")} rows={3} />
        <TextField field={fields.givenOn} label={labels.givenOn} type="date" />
        <TextField
          field={fields.expiresOn}
          label={labels.expiresOn}
          hint={t("collab.consentForm.expiresOnHint", { count: validityMonths })}
          type="date"
        />
        <div className="field">
          <label htmlFor={fields.attachment.id}>{labels.attachment}</label>
          <p id={`${fields.attachment.id}-hint`} className="hint">
            {t("collab.consentForm.attachmentHint")}
          </p>
          <FieldErrors field={fields.attachment} />
          <input
            type="file"
            id={fields.attachment.id}
            name="attachment"
            accept="application/pdf,image/png,image/jpeg"
            aria-invalid={fields.attachment.errors?.length ? true : undefined}
            aria-describedby={[`${fields.attachment.id}-hint`, fields.attachment.errors?.length ? fields.attachment.errorId : null]
              .filter(Boolean)
              .join(" ")}
            className="input"
          />
        </div>
        <AccessLossWarning losses={losses} confirmField={fields.confirmLoss} />
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn-primary">
            {t("logs.forms.save")}
          </button>
          <Link to={`/logs/${log.id}`}>{t("logs.forms.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
