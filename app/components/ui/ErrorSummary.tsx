import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { translateError } from "./messages";

/**
 * The error summary at the top of a form (GOV.UK / Designsystemet pattern): every error
 * as a link to its field, plus errors that belong to the whole form. It takes focus when
 * it appears, so a screen reader hears what went wrong.
 */
export function ErrorSummary({
  form,
  fields,
  labels,
}: {
  form: { id: string; errors?: string[]; status?: "error" | "success" };
  fields: Record<string, { id: string; errors?: string[] }>;
  labels: Record<string, string>;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const formErrors = form.errors ?? [];
  // conform's `fields` is a proxy with no own keys, so the labels name the fields too.
  const names = [...new Set([...Object.keys(labels), ...Object.keys(fields)])];
  const fieldErrors = names.flatMap((name) => {
    const field = fields[name];
    return (field?.errors ?? []).map((message) => ({ name, id: field!.id, message }));
  });
  const count = formErrors.length + fieldErrors.length;
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, form.status]);
  if (count === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${form.id}-summary`} className="error-summary">
      <h2 id={`${form.id}-summary`}>{t("forms.errorSummary")}</h2>
      <ul>
        {formErrors.map((message) => (
          <li key={message}>{translateError(t, message)}</li>
        ))}
        {fieldErrors.map((e) => (
          <li key={`${e.name}-${e.message}`}>
            <a href={`#${e.id}`}>
              {labels[e.name] ? `${labels[e.name]}: ` : ""}
              {translateError(t, e.message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
