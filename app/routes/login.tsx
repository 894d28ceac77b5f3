import { getFormProps, useForm } from "@conform-to/react";
import type { input, output } from "zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { TextField } from "../components/ui/Field";
import { Notice } from "../components/ui/Notice";
import { getActor } from "../domain/auth/guards.server";
import { signIn } from "../domain/auth/login.server";
import { sessionCookie } from "../domain/auth/session.server";
import { pageTitle } from "../i18n/meta";
import { withFormErrors } from "../route-helpers/http.server";
import { LoginSchema, parseWithZod } from "../lib/schemas.server";
import { safeRedirect } from "../lib/redirect";

export const meta: MetaFunction = (args) => pageTitle(args, "login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (await getActor(request)) throw redirect(safeRedirect(url.searchParams.get("redirectTo")));
  return { redirectTo: url.searchParams.get("redirectTo") ?? "", signedOut: url.searchParams.has("signedOut") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: LoginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  return withFormErrors(
    submission,
    async () => {
      const { token } = await signIn({ email, password, clientAddress: context.clientAddress });
      return redirect(redirectTo, { headers: { "Set-Cookie": sessionCookie(token, request.url) } });
    },
    { hideFields: ["password"] },
  );
}

export default function Login() {
  const { redirectTo, signedOut } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm<input<typeof LoginSchema>, output<typeof LoginSchema>>({
    id: "login",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-md stack">
      <h1>{t("login.title")}</h1>
      {signedOut ? <Notice tone="info">{t("login.signedOut")}</Notice> : null}
      <p>{t("login.intro")}</p>
      <ErrorSummary
        form={form}
        fields={{ email: fields.email, password: fields.password }}
        labels={{ email: t("login.email"), password: t("login.password") }}
      />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField field={fields.email} label={t("login.email")} type="email" autoComplete="username" />
        <TextField field={fields.password} label={t("login.password")} type="password" autoComplete="current-password" />
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      <p className="text-sm">{t("login.forgot")}</p>
      <p className="text-sm">
        {t("login.family")} <Link to="/family/login">{t("login.familyLink")}</Link>
      </p>
    </div>
  );
}
