import { getFormProps, useForm } from "@conform-to/react";
import type { input, output } from "zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { TextField } from "../components/ui/Field";
import { readCookie, sessionCookie } from "../domain/auth/session.server";
import { getFamilyMember } from "../domain/family/guards.server";
import { clearCodeChallengeCookie, CODE_COOKIE, verifySignInCode } from "../domain/family/signin.server";
import { pageTitle } from "../i18n/meta";
import { FamilyCodeSchema, parseWithZod } from "../lib/family-schemas.server";
import { withFormErrors } from "../route-helpers/http.server";

export const meta: MetaFunction = (args) => pageTitle(args, "family.code.title");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getFamilyMember(request)) throw redirect("/family");
  // Without a pending code there is nothing to type in here.
  if (!readCookie(request, CODE_COOKIE)) throw redirect("/family/login");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: FamilyCodeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const challengeId = readCookie(request, CODE_COOKIE) ?? "";
  return withFormErrors(submission, async () => {
    const { token } = await verifySignInCode({ challengeId, code: submission.value.code, clientAddress: context.clientAddress });
    const headers = new Headers();
    headers.append("Set-Cookie", sessionCookie(token, request.url));
    headers.append("Set-Cookie", clearCodeChallengeCookie(request.url));
    return redirect("/family", { headers });
  });
}

/** The second step of the family's sign-in: the 6-digit code from the e-mail. */
export default function FamilyCode() {
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const navigation = useNavigation();
  const [form, fields] = useForm<input<typeof FamilyCodeSchema>, output<typeof FamilyCodeSchema>>({
    id: "family-code",
    lastResult,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-md stack">
      <h1>{t("family.code.title")}</h1>
      <p>{t("family.code.intro")}</p>
      <ErrorSummary form={form} fields={{ code: fields.code }} labels={{ code: t("family.code.label") }} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <TextField
          field={fields.code}
          label={t("family.code.label")}
          hint={t("family.code.hint")}
          inputMode="numeric"
          autoComplete="one-time-code"
        />
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {t("family.code.submit")}
        </button>
      </Form>
      <p>
        <Link to="/family/login">{t("family.code.again")}</Link>
      </p>
    </div>
  );
}
