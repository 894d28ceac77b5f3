import { useT } from "../../i18n/use-t";
import { CheckboxField, TextAreaField } from "../ui/Field";

type FieldMeta = Parameters<typeof CheckboxField>[0]["field"];

/**
 * "Not shown to the guardians" and the reason, on every form that writes an entry. Both
 * are always shown (it works without JavaScript); the reason is required when ticked.
 */
export function RestrictionFields({ restricted, restrictedReason }: { restricted: FieldMeta; restrictedReason: FieldMeta }) {
  const { t } = useT();
  return (
    <fieldset className="stack">
      <legend className="font-semibold">{t("logs.forms.restriction.legend")}</legend>
      <CheckboxField field={restricted} label={t("logs.forms.restriction.restricted")} hint={t("logs.forms.restriction.restrictedHint")} />
      <TextAreaField
        field={restrictedReason}
        label={t("logs.forms.restriction.reason")}
        hint={t("logs.forms.restriction.reasonHint")}
        rows={2}
      />
    </fieldset>
  );
}
