import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "../../lib/conform-zod";
import { Form } from "@remix-run/react";
import { useT } from "../../i18n/use-t";
import { AnswerSchema } from "../../lib/collaboration-schemas";
import { ErrorSummary } from "../ui/ErrorSummary";
import { RadioField, TextAreaField } from "../ui/Field";

/** Accept or decline (with a reason): an invitation or a proposed handover. */
export function AnswerForm({ id, lastResult }: { id: string; lastResult: SubmissionResult<string[]> | null | undefined }) {
  const { t } = useT();
  const [form, fields] = useForm({
    id,
    lastResult,
    constraint: getZodConstraint(AnswerSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AnswerSchema }),
  });
  const labels = { answer: t("collab.invitation.answer"), reason: t("collab.invitation.reason") };
  return (
    <>
      <ErrorSummary form={form} fields={fields} labels={labels} />
      <Form method="post" {...getFormProps(form)} className="card stack">
        <RadioField
          field={fields.answer}
          legend={labels.answer}
          options={[
            { value: "accept", label: t("collab.invitation.accept") },
            { value: "decline", label: t("collab.invitation.decline") },
          ]}
        />
        <TextAreaField field={fields.reason} label={labels.reason} hint={t("collab.invitation.reasonHint")} rows={3} />
        <button type="submit" className="btn-primary self-start">
          {t("collab.invitation.submit")}
        </button>
      </Form>
    </>
  );
}
