import type { TFunction } from "i18next";
import type { ResponsibleKind } from "./enums";

// Without zod: components import this in the browser (docs/decisions/031).

/**
 * The text to show for an action's responsible: the person's name or the free text as
 * written, or the translated words for the guardians or the child.
 */
export function responsibleLabel(
  t: TFunction,
  action: { responsibleKind?: ResponsibleKind; responsible: string },
): string {
  if (action.responsibleKind === "guardians") return t("logs.responsible.guardians");
  if (action.responsibleKind === "child") return t("logs.responsible.child");
  return action.responsible;
}
