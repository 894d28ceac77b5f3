import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { translateError } from "./messages";

type Meta = FieldMetadata<string | boolean | undefined, Record<string, unknown>, string[]>;

export function FieldErrors({ field }: { field: Meta }) {
  const { t } = useTranslation();
  if (!field.errors?.length) return null;
  return (
    <div id={field.errorId} className="field-error">
      {field.errors.map((message) => (
        <p key={message}>{translateError(t, message)}</p>
      ))}
    </div>
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
}: {
  field: Meta;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password" | "search";
  autoComplete?: string;
  autoFocus?: boolean;
}) {
  const props = getInputProps(field, { type, ariaDescribedBy: undefined });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={`${field.id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors field={field} />
      <input
        {...props}
        key={props.key}
        aria-describedby={describedBy(field, hint)}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        className="input"
      />
    </div>
  );
}

export function SelectField({
  field,
  label,
  hint,
  options,
  placeholder,
}: {
  field: Meta;
  label: string;
  hint?: string;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const props = getSelectProps(field, { ariaDescribedBy: undefined });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p id={`${field.id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors field={field} />
      <select {...props} key={props.key} aria-describedby={describedBy(field, hint)} className="input">
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
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
        {hint ? (
          <p id={`${field.id}-hint`} className="hint">
            {hint}
          </p>
        ) : null}
        <FieldErrors field={field} />
      </div>
    </div>
  );
}
