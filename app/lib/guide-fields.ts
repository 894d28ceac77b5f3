import type { BtiLevel, Locale } from "./enums";

/** Field names of the guide editor, without zod: components import them in the browser (docs/decisions/031). */
export const guideTextField = (kind: "name" | "description" | "steps", level: BtiLevel, locale: Locale) =>
  `${kind}_${level}_${locale}` as const;

/** A guide version's settings, in the editor's order (the draft form, the diff, the audit trail). */
export const guideSettingFields = [
  "effectiveOn",
  "municipalityName",
  "level0DecisionDays",
  "evaluationIntervalDays",
  "consentAge",
  "logRequiredFromLevel",
  "consentValidityMonths",
  "invitationResponseDays",
  "note",
] as const;
export type GuideSettingField = (typeof guideSettingFields)[number];
