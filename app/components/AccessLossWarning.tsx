import type { FieldMetadata } from "@conform-to/react";
import { useT } from "../i18n/use-t";
import { CheckboxField } from "./ui/Field";

/** One person who would lose read access, as the domain's preview names them. */
export interface LostReader {
  userId: string;
  name: string;
  serviceName: string;
}

/**
 * Before a change that cuts someone's access (a narrowed consent, a withdrawal): who will
 * lose it, and the checkbox that says the person saving has read it (DESIGN.md rule 11).
 * The list comes from the domain's preview of the very change; the domain refuses the
 * change unless `confirmLoss` is checked. Nothing is shown when nobody loses access.
 */
export function AccessLossWarning({
  losses,
  confirmField,
}: {
  losses: readonly LostReader[];
  confirmField: FieldMetadata<string | boolean | undefined, Record<string, unknown>, string[]>;
}) {
  const { t } = useT();
  if (losses.length === 0) return null;
  return (
    <section aria-labelledby="access-loss-title" className="notice notice-info stack" id="access-loss">
      <h2 id="access-loss-title" className="text-lg">
        {t("collab.accessLoss.title")}
      </h2>
      <p>{t("collab.accessLoss.intro")}</p>
      <ul className="list-disc pl-6" id="access-loss-people">
        {losses.map((l) => (
          <li key={l.userId}>{t("collab.accessLoss.person", { name: l.name, service: l.serviceName })}</li>
        ))}
      </ul>
      <CheckboxField field={confirmField} label={t("collab.accessLoss.confirm")} hint={t("collab.accessLoss.confirmHint")} />
    </section>
  );
}
