import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ErrorSummary } from "../components/ui/ErrorSummary";
import { TextAreaField } from "../components/ui/Field";
import { addFamilyEntry } from "../domain/family/pages.server";
import { pageTitle } from "../i18n/meta";
import { backToFamilyLog, familyFormAction, loadFamilyForm } from "../route-helpers/family-route.server";
import { FamilyEntrySchema } from "../lib/family-schemas";
import { ErrorPage } from "../components/ErrorPage";

/** A note, or their own view (?kind=view) — the guardians' or the young person's; title and heading follow it. */
const titleKey = (params: URLSearchParams, role: string | undefined) =>
  params.get("kind") !== "view"
    ? "family.entry.noteTitle"
    : role === "young_person"
      ? "family.entry.viewTitleYoung"
      : "family.entry.viewTitleGuardian";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, titleKey(new URLSearchParams(args.location.search), args.data?.log.role));

export const loader = (args: LoaderFunctionArgs) => loadFamilyForm(args, "write");

export const action = (args: ActionFunctionArgs) =>
  familyFormAction(args, FamilyEntrySchema, async (member, logId, value) => {
    await addFamilyEntry(member, logId, value);
    return backToFamilyLog(logId, "saved");
  });

/** A note, or their own view (?kind=view): the guardians' voice, or the young person's own. */
export default function FamilyEntry() {
  const { log } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useT();
  const kind = params.get("kind") === "view" ? "view" : "note";
  const title = t(titleKey(params, log.role));
  const [form, fields] = useForm({
    id: `family-entry-${kind}`,
    lastResult,
    defaultValue: { kind },
    constraint: getZodConstraint(FamilyEntrySchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FamilyEntrySchema }),
  });
  return (
    <div className="stack max-w-2xl">
      <p className="text-sm">{t("family.log.title", { child: log.childName })}</p>
      <h1>{title}</h1>
      <p>{t("family.entry.intro")}</p>
      <ErrorSummary form={form} fields={{ text: fields.text }} labels={{ text: t("family.entry.text") }} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <input type="hidden" name="kind" value={kind} />
        <TextAreaField field={fields.text} label={t("family.entry.text")} rows={8} />
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn-primary">
            {t("family.entry.submit")}
          </button>
          <Link to={`/family/logs/${log.id}`}>{t("family.entry.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = ErrorPage;
