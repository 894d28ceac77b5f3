import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { TextAreaField } from "../components/ui/Field";
import { settings } from "../config.server";
import { closeAtFamilyRequest } from "../domain/family/pages.server";
import { publicBaseUrl } from "../domain/mail/mailer.server";
import { pageTitle } from "../i18n/meta";
import { backToFamilyLog, familyFormAction, loadFamilyForm } from "../route-helpers/family-route.server";
import { FamilyCloseSchema } from "../lib/family-schemas";
import { defaultLocale } from "../lib/enums";
import { ErrorPage } from "../components/ErrorPage";

export const meta: MetaFunction = (args) => pageTitle(args, "family.close.title");

export const loader = (args: LoaderFunctionArgs) => loadFamilyForm(args, "write");

export const action = (args: ActionFunctionArgs) =>
  familyFormAction(args, FamilyCloseSchema, async (member, logId, value) => {
    // The holder's mail is in the municipality's working language.
    const logUrl = `${publicBaseUrl(settings())}/logs/${logId}`;
    await closeAtFamilyRequest(member, logId, value, { logUrl, locale: defaultLocale });
    return backToFamilyLog(logId, "closed");
  });

/** A guardian asks for the log to be closed; it closes at once and the holder is told. */
export default function FamilyClose() {
  const { log } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useT();
  const [form, fields] = useForm({
    id: "family-close",
    lastResult,
    constraint: getZodConstraint(FamilyCloseSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FamilyCloseSchema }),
  });
  return (
    <div className="stack max-w-2xl">
      <p className="text-sm">{t("family.log.title", { child: log.childName })}</p>
      <h1>{t("family.close.title")}</h1>
      <p>{t("family.close.intro")}</p>
      {log.role !== "guardian" ? (
        <p>{t("family.close.onlyGuardians")}</p>
      ) : (
        <>
          <ErrorSummary form={form} fields={{ message: fields.message }} labels={{ message: t("family.close.message") }} />
          <Form method="post" {...getFormProps(form)} className="card stack">
            <TextAreaField field={fields.message} label={t("family.close.message")} rows={4} />
            <div className="flex flex-wrap items-center gap-4">
              <button type="submit" className="btn-primary">
                {t("family.close.submit")}
              </button>
              <Link to={`/family/logs/${log.id}`}>{t("family.entry.cancel")}</Link>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
