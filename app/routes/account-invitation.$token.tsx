import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { TextField } from "../components/ui/Field";
import { sessionCookie } from "../domain/auth/session.server";
import { isAppError } from "../domain/errors.server";
import { acceptAccountInvitation, describeAccountInvitation } from "../domain/people/account-invitations.server";
import { formatDateTime } from "../i18n/format";
import { getLocale } from "../i18n/locale.server";
import { pageTitle } from "../i18n/meta";
import { withFormErrors } from "../route-helpers/http.server";
import { SetPasswordSchema } from "../lib/schemas";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, args.data?.valid ? "invitation.title" : "invitation.invalidTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const invitation = await describeAccountInvitation(params.token ?? "");
    return {
      valid: true as const,
      name: invitation.name,
      email: invitation.email,
      expires: formatDateTime(invitation.expiresAt, getLocale(request)),
    };
  } catch (error) {
    // A used, expired or unknown link answers 404 with a page that says what to do.
    if (isAppError(error) && error.status === 404) return data({ valid: false as const }, { status: 404 });
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: SetPasswordSchema });
  const hideFields = ["password", "confirm"];
  if (submission.status !== "success") return data(submission.reply({ hideFields }), { status: 400 });
  return withFormErrors(
    submission,
    async () => {
      const { token } = await acceptAccountInvitation(params.token ?? "", submission.value.password);
      return redirect("/", { headers: { "Set-Cookie": sessionCookie(token, request.url) } });
    },
    { hideFields },
  );
}

export default function Invitation() {
  const loaderData = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "set-password",
    lastResult,
    constraint: getZodConstraint(SetPasswordSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetPasswordSchema }),
  });
  if (!loaderData.valid) {
    return (
      <div className="mx-auto max-w-md stack">
        <h1>{t("invitation.invalidTitle")}</h1>
        <p>{t("invitation.invalidBody")}</p>
        <p>
          <Link to="/login">{t("invitation.toLogin")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md stack">
      <h1>{t("invitation.title")}</h1>
      <p>{t("invitation.intro", { name: loaderData.name, email: loaderData.email })}</p>
      <p className="hint">{t("invitation.expires", { date: loaderData.expires })}</p>
      <ErrorSummary
        form={form}
        fields={{ password: fields.password, confirm: fields.confirm }}
        labels={{ password: t("invitation.password"), confirm: t("invitation.confirm") }}
      />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <input type="email" name="username" value={loaderData.email} autoComplete="username" readOnly hidden />
        <TextField
          field={fields.password}
          label={t("invitation.password")}
          hint={t("invitation.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <TextField field={fields.confirm} label={t("invitation.confirm")} type="password" autoComplete="new-password" />
        <button type="submit" className="btn-primary w-full">
          {t("invitation.submit")}
        </button>
      </Form>
    </div>
  );
}
