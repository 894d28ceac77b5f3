import { useEffect, useRef, useState } from "react";
import { useT } from "../../i18n/use-t";
import { translateError } from "./messages";

/**
 * The error summary at the top of a form (GOV.UK / Designsystemet pattern): every error
 * as a link to its field, plus errors that belong to the whole form. It appears after a
 * submit attempt (conform's status "error"), not while a field is checked on blur, and
 * takes focus then, so a screen reader hears what went wrong. Appearing on blur would move
 * focus away from the field being left and shift the form under the pointer.
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
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const formErrors = form.errors ?? [];
  // conform's `fields` is a proxy with no own keys, so the labels name the fields too.
  const names = [...new Set([...Object.keys(labels), ...Object.keys(fields)])];
  const fieldErrors = names.flatMap((name) => {
    const field = fields[name];
    return (field?.errors ?? []).map((message) => ({ name, id: field!.id, message }));
  });
  const count = formErrors.length + fieldErrors.length;
  const submitted = form.status === "error";
  // Once shown after a submit, it stays (and shrinks) while the errors are fixed.
  const [shown, setShown] = useState(submitted);
  useEffect(() => {
    if (!submitted) return;
    setShown(true);
    if (count > 0) ref.current?.focus();
  }, [submitted, count]);
  if (count === 0 || !(shown || submitted)) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${form.id}-error-summary`} className="error-summary">
      <h2 id={`${form.id}-error-summary`}>{t("forms.errorSummary")}</h2>
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
