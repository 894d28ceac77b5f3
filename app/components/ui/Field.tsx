import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useT } from "../../i18n/use-t";
import { translateError } from "./messages";

type Meta = FieldMetadata<string | boolean | undefined, Record<string, unknown>, string[]>;

export function FieldErrors({ field }: { field: { errorId: string; errors?: string[] } }) {
  const { t } = useT();
  if (!field.errors?.length) return null;
  return (
    <div id={field.errorId} className="field-error">
      {field.errors.map((message) => (
        <p key={message}>{translateError(t, message)}</p>
      ))}
    </div>
  );
}

/** The hint under a label; its id is what describedBy points at. */
function Hint({ field, hint }: { field: { id: string }; hint?: string }) {
  if (!hint) return null;
  return (
    <p id={`${field.id}-hint`} className="hint">
      {hint}
    </p>
  );
}

function describedBy(field: Meta, hint?: string) {
  return [hint ? `${field.id}-hint` : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") ||
    undefined;
}

export function TextField({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
  autoFocus,
  inputMode,
}: {
  field: Meta;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password" | "search" | "date" | "tel";
  autoComplete?: string;
  autoFocus?: boolean;
  inputMode?: "numeric" | "email" | "text";
}) {
  const props = getInputProps(field, { type, ariaDescribedBy: undefined });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint field={field} hint={hint} />
      <FieldErrors field={field} />
      <input
        {...props}
        key={props.key}
        aria-describedby={describedBy(field, hint)}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        inputMode={inputMode}
        className="input"
      />
    </div>
  );
}

type Option = { value: string; label: string };

/** A select: a flat list of options, or options in labelled groups (`groups`, shown after `options`). */
export function SelectField({
  field,
  label,
  hint,
  options,
  groups = [],
  placeholder,
}: {
  field: Meta;
  label: string;
  hint?: string;
  options: Option[];
  groups?: { label: string; options: Option[] }[];
  placeholder?: string;
}) {
  const props = getSelectProps(field, { ariaDescribedBy: undefined });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint field={field} hint={hint} />
      <FieldErrors field={field} />
      <select {...props} key={props.key} aria-describedby={describedBy(field, hint)} className="input">
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups
          .filter((g) => g.options.length > 0)
          .map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
    </div>
  );
}

export function CheckboxField({ field, label, hint }: { field: Meta; label: string; hint?: string }) {
  const props = getInputProps(field, { type: "checkbox", ariaDescribedBy: undefined });
  return (
    <div className="field field-checkbox">
      <input {...props} key={props.key} aria-describedby={describedBy(field, hint)} className="checkbox" />
      <div>
        <label htmlFor={field.id}>{label}</label>
        <Hint field={field} hint={hint} />
        <FieldErrors field={field} />
      </div>
    </div>
  );
}

export function TextAreaField({
  field,
  label,
  hint,
  rows = 5,
}: {
  field: Meta;
  label: string;
  hint?: string;
  rows?: number;
}) {
  const props = getTextareaProps(field, { ariaDescribedBy: undefined });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint field={field} hint={hint} />
      <FieldErrors field={field} />
      <textarea {...props} key={props.key} rows={rows} aria-describedby={describedBy(field, hint)} className="input" />
    </div>
  );
}

/** A group of radio buttons in a fieldset with a legend. */
export function RadioField({
  field,
  legend,
  hint,
  options,
}: {
  field: Meta;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
}) {
  const initial = typeof field.initialValue === "string" ? field.initialValue : undefined;
  return (
    <fieldset className="field" aria-describedby={describedBy(field, hint)}>
      <legend className="font-semibold">{legend}</legend>
      <Hint field={field} hint={hint} />
      <FieldErrors field={field} />
      <div className="mt-1 flex flex-col gap-2">
        {options.map((o, i) => (
          <label key={o.value} className="flex items-center gap-3 font-normal">
            <input
              type="radio"
              name={field.name}
              value={o.value}
              id={i === 0 ? field.id : undefined}
              defaultChecked={initial === o.value}
              aria-invalid={field.errors?.length ? true : undefined}
              className="checkbox"
              key={`${field.key}-${o.value}`}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
