import { getFormProps, type FormMetadata } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "../../i18n/use-t";
import { ErrorSummary } from "../ui/ErrorSummary";

/** A log form: error summary, the fields, save and cancel. Works without JavaScript. */
export function FormShell<Schema extends Record<string, unknown>>({
  form,
  fields,
  labels,
  logId,
  submitLabel,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  fields: Record<string, { id: string; errors?: string[] }>;
  labels: Record<string, string>;
  logId: string;
  submitLabel?: string;
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <>
      <ErrorSummary form={form} fields={fields} labels={labels} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        {children}
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="btn-primary">
            {submitLabel ?? t("logs.forms.save")}
          </button>
          <Link to={`/logs/${logId}`}>{t("logs.forms.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
