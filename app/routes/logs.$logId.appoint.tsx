import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { SelectField } from "../components/ui/Field";
import { requireActor } from "../domain/auth/guards.server";
import { appointHolder, orphanForAppointment } from "../domain/logs/orphaned-logs.server";
import { pageTitle } from "../i18n/meta";
import { AppointSchema } from "../lib/collaboration-schemas";
import { guard, withFormErrors } from "../route-helpers/http.server";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "collab.appoint.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  return guard(() => orphanForAppointment(actor, params.logId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const submission = parseWithZod(await request.formData(), { schema: AppointSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  return withFormErrors(submission, async () => {
    await appointHolder(actor, params.logId ?? "", submission.value);
    return redirect(`/logs/${params.logId ?? ""}?notice=appointed`);
  });
}

/** The service leader appoints a new holder for a log whose holder was deactivated. */
export default function Appoint() {
  const { orphan, candidates } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "appoint",
    lastResult,
    constraint: getZodConstraint(AppointSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AppointSchema }),
  });
  return (
    <div className="stack max-w-2xl">
      <p>
        <Link to="/">← {t("logs.page.back")}</Link>
      </p>
      <h1>{t("collab.appoint.title")}</h1>
      <p>{t("collab.home.orphanedLine", { child: orphan.childName, name: orphan.formerHolder })}</p>
      <p>{t("collab.appoint.intro")}</p>
      <ErrorSummary form={form} fields={fields} labels={{ userId: t("collab.appoint.person") }} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <SelectField
          field={fields.userId}
          label={t("collab.appoint.person")}
          placeholder=""
          options={candidates.map((c) => ({ value: c.userId, label: c.name }))}
        />
        <button type="submit" className="btn-primary self-start">
          {t("collab.appoint.submit")}
        </button>
      </Form>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
