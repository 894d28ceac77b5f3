import { useT } from "../../i18n/use-t";
import { btiLevels, locales } from "../../lib/enums";
import { guideSettingFields, guideTextField } from "../../lib/guide-schemas";


/**
 * The words for a guide field ("level0DecisionDays", "name_1_nb" …) in the reader's language:
 * the draft form's labels, and the names the preview's differences and the audit trail use.
 * A field it does not know is shown as it is.
 */
export function useGuideFieldLabels() {
  const { t } = useT();
  const labels: Record<string, string> = {};
  for (const k of guideSettingFields) labels[k] = t(`guide.form.${k}`);
  for (const level of btiLevels) {
    for (const locale of locales) {
      for (const part of ["name", "description", "steps"] as const) {
        labels[guideTextField(part, level, locale)] = t("guide.fieldLabel.text", {
          level,
          part: t(`guide.fieldLabel.parts.${part}`),
          language: t(`locales.${locale}`),
        });
      }
    }
  }
  return { labels, label: (field: string) => labels[field] ?? field };
}
