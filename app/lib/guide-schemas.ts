import { z } from "zod";
import { addDays, todayInOslo } from "./dates";
import { btiLevels, locales, type BtiLevel, type Locale } from "./enums";
import { formSchema, isoDate } from "./validation";
import { guideSettingFields, guideTextField } from "./guide-fields";

export { guideSettingFields, guideTextField, type GuideSettingField } from "./guide-fields";

/**
 * The local guide editor's form (docs/decisions/027): every setting, and per level and
 * language a name, a description and the checklist as one step per line. Field names are
 * flat (`name_1_nb`, `steps_2_en`) so the form works as a plain POST without JavaScript.
 */
const days = (max: number) =>
  z
    .number({ error: "guide.errors.wholeNumber" })
    .int({ error: "guide.errors.wholeNumber" })
    .min(1, { error: `guide.errors.range_${max}` })
    .max(max, { error: `guide.errors.range_${max}` });

const levelName = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(200, { error: "validation.tooLong_200" });
const levelDescription = z.string().trim().max(2000, { error: "validation.tooLong_2000" }).default("");
const stepLines = z.string().max(5000, { error: "validation.tooLong_5000" }).default("");

const texts: Record<string, z.ZodType> = {};
for (const level of btiLevels) {
  for (const locale of locales) {
    texts[guideTextField("name", level, locale)] = levelName;
    texts[guideTextField("description", level, locale)] = levelDescription;
    texts[guideTextField("steps", level, locale)] = stepLines;
  }
}

/** A draft's effective date: from tomorrow (Oslo day) on — a change never rewrites today or the past. */
export const effectiveOn = isoDate.refine((v) => v >= addDays(todayInOslo(), 1), { error: "guide.errors.effectiveFromTomorrow" });

export const GuideDraftSchema = formSchema(
  z.object({
    effectiveOn,
    municipalityName: z
      .string({ error: "validation.required" })
      .trim()
      .min(1, { error: "validation.required" })
      .max(200, { error: "validation.tooLong_200" }),
    level0DecisionDays: days(365),
    evaluationIntervalDays: days(365),
    consentAge: z.enum(["15", "16"], { error: "validation.invalidChoice" }).transform(Number),
    logRequiredFromLevel: z.enum(["1", "2"], { error: "validation.invalidChoice" }).transform(Number),
    consentValidityMonths: days(60),
    invitationResponseDays: days(60),
    note: z.string().trim().max(2000, { error: "validation.tooLong_2000" }).default(""),
    ...(texts as Record<`${"name" | "description" | "steps"}_${BtiLevel}_${Locale}`, z.ZodType<string>>),
  }),
);
export type GuideDraftInput = z.infer<typeof GuideDraftSchema>;

/** The steps typed in a textarea: one per line, blank lines dropped. */
export function stepLinesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

