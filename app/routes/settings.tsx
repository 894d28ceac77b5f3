import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { RadioField } from "../components/ui/Field";
import { Notice } from "../components/ui/Notice";
import { requireActor } from "../domain/auth/guards.server";
import { myPreferences, savePreferences } from "../domain/reminders/preferences.server";
import { pageTitle } from "../i18n/meta";
import { mailChoices, mailKinds } from "../lib/enums";
import { MailPreferencesSchema } from "../lib/reminder-schemas";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "settings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return { preferences: await myPreferences(actor) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const submission = parseWithZod(await request.formData(), { schema: MailPreferencesSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await savePreferences(actor, submission.value);
  return redirect("/settings?notice=saved#notice");
}

/** Each person's own settings: which mail they get, at once, in a daily digest, or not at all. */
export default function Settings() {
  const { preferences } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "mail-preferences",
    lastResult,
    defaultValue: preferences,
    constraint: getZodConstraint(MailPreferencesSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MailPreferencesSchema }),
  });
  const labels = Object.fromEntries(mailKinds.map((kind) => [kind, t(`settings.kinds.${kind}`)]));
  const options = mailChoices.map((choice) => ({ value: choice, label: t(`settings.choices.${choice}`) }));
  return (
    <div className="stack max-w-2xl">
      <h1>{t("settings.title")}</h1>
      {params.get("notice") === "saved" ? (
        <div id="notice">
          <Notice>{t("settings.saved")}</Notice>
        </div>
      ) : null}
      <h2>{t("settings.mailTitle")}</h2>
      <p>{t("settings.mailIntro")}</p>
      <ErrorSummary form={form} fields={fields} labels={labels} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        {mailKinds.map((kind) => (
          <RadioField key={kind} field={fields[kind]} legend={labels[kind]!} options={options} />
        ))}
        <div>
          <button type="submit" className="btn-primary">
            {t("settings.save")}
          </button>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
