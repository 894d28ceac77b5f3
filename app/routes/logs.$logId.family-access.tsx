import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import * as z from "zod/mini";
import { LogFormHeading } from "../components/logs/LogBits";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { RadioField, TextField } from "../components/ui/Field";
import { settings } from "../config.server";
import { requireActor } from "../domain/auth/guards.server";
import { familyAccessFormData, giveFamilyAccess, revokeFamilyAccess } from "../domain/family/accounts.server";
import { logForm } from "../domain/logs/log-page.server";
import { publicBaseUrl } from "../domain/mail/mailer.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { FamilyAccessSchema } from "../lib/family-schemas";
import { guard, withFormErrors } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "family.access.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const logId = params.logId ?? "";
  return guard(() => logForm(actor, logId, "hold", getLocale(request), familyAccessFormData));
}

const RevokeSchema = z.object({ intent: z.literal("revoke"), who: z.string().check(z.minLength(1), z.maxLength(40)) });

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const logId = params.logId ?? "";
  const formData = await request.formData();
  if (formData.get("intent") === "revoke") {
    const revoke = RevokeSchema.safeParse(Object.fromEntries(formData));
    if (!revoke.success) throw data({ code: "not_found" }, { status: 404 });
    return guard(async () => {
      await revokeFamilyAccess(actor, logId, revoke.data.who);
      return redirect(`/logs/${logId}?notice=revoked`);
    });
  }
  const submission = parseWithZod(formData, { schema: FamilyAccessSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return withFormErrors(submission, async () => {
    await giveFamilyAccess(actor, logId, submission.value, {
      signInUrl: `${publicBaseUrl(settings())}/family/login`,
      // The family's mail follows the language the holder works in; both are offered on the page.
      locale: getLocale(request),
    });
    return redirect(`/logs/${logId}?notice=given`);
  });
}

/** The holder gives a guardian with parental responsibility, or the young person, their own access. */
export default function FamilyAccessPage() {
  const { log, guardians, youngPerson } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const candidates = [
    ...guardians.map((g) => ({ value: g.id, label: g.name, email: g.email, hasAccess: g.hasAccess })),
    ...(youngPerson.atConsentAge
      ? [{ value: "young_person", label: t("family.access.youngPerson", { name: youngPerson.name }), email: "", hasAccess: youngPerson.hasAccess }]
      : []),
  ];
  const first = candidates.find((c) => !c.hasAccess);
  const [form, fields] = useForm({
    id: "family-access",
    lastResult,
    defaultValue: { who: first?.value ?? "", email: first?.email ?? "" },
    constraint: getZodConstraint(FamilyAccessSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FamilyAccessSchema }),
  });
  const labels = { who: t("family.access.who"), email: t("family.access.email"), nationalId: t("family.access.nationalId") };
  return (
    <div className="stack max-w-2xl">
      <LogFormHeading log={log} title={t("family.access.title")} />
      <p>{t("family.access.intro")}</p>
      {candidates.length === 0 ? <p>{t("family.access.nobody")}</p> : null}
      {candidates.some((c) => c.hasAccess) ? (
        <ul className="stack">
          {candidates
            .filter((c) => c.hasAccess)
            .map((c) => (
              <li key={c.value} className="card flex flex-wrap items-center justify-between gap-3">
                <span>
                  <span className="font-semibold">{c.label}</span> – {t("family.access.has")}
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="who" value={c.value} />
                  <button type="submit" className="btn-secondary">
                    {t("family.access.revoke")}
                    <span className="sr-only">: {c.label}</span>
                  </button>
                </Form>
              </li>
            ))}
        </ul>
      ) : null}
      {candidates.length ? (
        <>
          <ErrorSummary form={form} fields={fields} labels={labels} />
          <Form method="post" {...getFormProps(form)} className="card stack">
            <RadioField field={fields.who} legend={labels.who} options={candidates.map((c) => ({ value: c.value, label: c.label }))} />
            <TextField field={fields.email} label={labels.email} type="email" autoComplete="off" />
            <TextField field={fields.nationalId} label={labels.nationalId} hint={t("family.access.nationalIdHint")} autoComplete="off" />
            <div className="flex flex-wrap items-center gap-4">
              <button type="submit" className="btn-primary">
                {t("family.access.submit")}
              </button>
              <Link to={`/logs/${log.id}`}>{t("logs.forms.cancel")}</Link>
            </div>
          </Form>
        </>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
