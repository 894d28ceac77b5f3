import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../lib/conform-zod";
import { Form } from "@remix-run/react";
import { useT } from "../i18n/use-t";
import { ServiceSchema } from "../lib/schemas";
import { ErrorSummary } from "./ui/ErrorSummary";
import { SelectField, TextField } from "./ui/Field";

/** Create or edit a service: name and kind. */
export function ServiceForm({
  lastResult,
  kinds,
  defaultValue,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | null | undefined;
  kinds: { code: string; name: string }[];
  defaultValue?: { name: string; kind: string };
  submitLabel: string;
}) {
  const { t } = useT();
  const [form, fields] = useForm({
    id: "service",
    lastResult,
    defaultValue,
    constraint: getZodConstraint(ServiceSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ServiceSchema }),
  });
  return (
    <>
      <ErrorSummary
        form={form}
        fields={{ name: fields.name, kind: fields.kind }}
        labels={{ name: t("admin.services.name"), kind: t("admin.services.kind") }}
      />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <input type="hidden" name="intent" value="save" />
        <TextField field={fields.name} label={t("admin.services.name")} autoComplete="off" />
        <SelectField
          field={fields.kind}
          label={t("admin.services.kind")}
          placeholder={t("admin.services.chooseKind")}
          options={kinds.map((k) => ({ value: k.code, label: k.name }))}
        />
        <button type="submit" className="btn-primary">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
