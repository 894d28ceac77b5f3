import type { FieldMetadata } from "@conform-to/react";
import { useT } from "../../i18n/use-t";
import { SelectField, TextField } from "../ui/Field";

type Meta = FieldMetadata<string | boolean | undefined, Record<string, unknown>, string[]>;

export interface ResponsiblePerson {
  userId: string;
  name: string;
  isHolder: boolean;
}

/**
 * Who is responsible for an action (issue 11 point 1): a person on the log, so reminders
 * reach them, the guardians, the child — or someone else, written in the text field that
 * follows. Both are always there, so the form works without JavaScript.
 */
export function ResponsibleField({
  choice,
  other,
  label,
  people,
}: {
  choice: Meta;
  other: Meta;
  label: string;
  people: ResponsiblePerson[];
}) {
  const { t } = useT();
  return (
    <>
      <SelectField
        field={choice}
        label={label}
        placeholder={t("logs.responsible.choose")}
        options={[]}
        groups={[
          {
            label: t("logs.responsible.peopleOnLog"),
            options: people.map((p) => ({
              value: `person:${p.userId}`,
              label: p.isHolder ? t("logs.responsible.holder", { name: p.name }) : p.name,
            })),
          },
          {
            label: t("logs.responsible.family"),
            options: [
              { value: "guardians", label: t("logs.responsible.guardians") },
              { value: "child", label: t("logs.responsible.child") },
            ],
          },
          { label: t("logs.responsible.otherGroup"), options: [{ value: "other", label: t("logs.responsible.other") }] },
        ]}
      />
      <TextField field={other} label={t("logs.responsible.otherText")} hint={t("logs.responsible.otherHint")} />
    </>
  );
}
