import { getFormProps, useForm } from "@conform-to/react";
import type { input, output } from "zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { TextField } from "../components/ui/Field";
import { Notice } from "../components/ui/Notice";
import { getFamilyMember } from "../domain/family/guards.server";
import { oidcSettings } from "../domain/family/oidc.server";
import { codeChallengeCookie, requestSignInCode } from "../domain/family/signin.server";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { FamilyEmailSchema, parseWithZod } from "../lib/family-schemas.server";
import { withFormErrors } from "../route-helpers/http.server";

export const meta: MetaFunction = (args) => pageTitle(args, "family.login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getFamilyMember(request)) throw redirect("/family");
  const url = new URL(request.url);
  const oidc = url.searchParams.get("oidc");
  return {
    oidc: oidcSettings(),
    oidcOutcome: oidc === "unknown" || oidc === "failed" ? oidc : null,
    signedOut: url.searchParams.has("signedOut"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: FamilyEmailSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return withFormErrors(submission, async () => {
    const { challengeId } = await requestSignInCode({
      email: submission.value.email,
      clientAddress: context.clientAddress,
      locale: getLocale(request),
    });
    return redirect("/family/code", { headers: { "Set-Cookie": codeChallengeCookie(challengeId, request.url) } });
  });
}

/** Sign-in for guardians and young people: a one-time code by e-mail, or ID-porten where configured. */
export default function FamilyLogin() {
  const { oidc, oidcOutcome, signedOut } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm<input<typeof FamilyEmailSchema>, output<typeof FamilyEmailSchema>>({
    id: "family-login",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-md stack">
      <h1>{t("family.login.title")}</h1>
      {signedOut ? <Notice tone="info">{t("family.login.signedOut")}</Notice> : null}
      {oidcOutcome === "unknown" ? <Notice tone="info">{t("family.login.oidcUnknown")}</Notice> : null}
      {oidcOutcome === "failed" ? <Notice tone="info">{t("family.login.oidcFailed")}</Notice> : null}
      <p>{t("family.login.intro")}</p>
      <ErrorSummary form={form} fields={{ email: fields.email }} labels={{ email: t("family.login.email") }} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <p>{t("family.login.how")}</p>
        <TextField field={fields.email} label={t("family.login.email")} type="email" autoComplete="email" />
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {t("family.login.submit")}
        </button>
      </Form>
      {oidc ? (
        <>
          <p className="text-center">{t("family.login.or")}</p>
          <Form method="post" action="/family/oidc/start" className="card">
            <button type="submit" className="btn-secondary w-full">
              {t("family.login.oidc", { label: oidc.label })}
            </button>
          </Form>
        </>
      ) : null}
      <p className="text-sm">
        {t("family.login.staff")} <Link to="/login">{t("family.login.staffLink")}</Link>
      </p>
    </div>
  );
}
