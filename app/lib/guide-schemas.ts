import * as z from "zod/mini";
import { addDays, todayInOslo } from "./dates";
import { btiLevels, locales, type BtiLevel, type Locale } from "./enums";
import { formSchema, isoDate, shortText } from "./validation";
import { guideTextField } from "./guide-fields";

export { guideSettingFields, guideTextField, type GuideSettingField } from "./guide-fields";

/**
 * The local guide editor's form (docs/decisions/027): every setting, and per level and
 * language a name, a description and the checklist as one step per line. Field names are
 * flat (`name_1_nb`, `steps_2_en`) so the form works as a plain POST without JavaScript.
 */
const days = (max: number) =>
  z
    .number({ error: "guide.errors.wholeNumber" })
    .check(
      z.int({ error: "guide.errors.wholeNumber" }),
      z.gte(1, { error: `guide.errors.range_${max}` }),
      z.lte(max, { error: `guide.errors.range_${max}` }),
    );

const levelName = shortText;
const levelDescription = z._default(z.string().check(z.trim(), z.maxLength(2000, { error: "validation.tooLong_2000" })), "");
const stepLines = z._default(z.string().check(z.maxLength(5000, { error: "validation.tooLong_5000" })), "");

const texts: Record<string, z.ZodMiniType> = {};
for (const level of btiLevels) {
  for (const locale of locales) {
    texts[guideTextField("name", level, locale)] = levelName;
    texts[guideTextField("description", level, locale)] = levelDescription;
    texts[guideTextField("steps", level, locale)] = stepLines;
  }
}

/** A draft's effective date: from tomorrow (Oslo day) on — a change never rewrites today or the past. */
export const effectiveOn = isoDate.check(
  z.refine((v) => v >= addDays(todayInOslo(), 1), { error: "guide.errors.effectiveFromTomorrow" }),
);

export const GuideDraftSchema = formSchema(
  z.object({
    effectiveOn,
    municipalityName: shortText,
    level0DecisionDays: days(365),
    evaluationIntervalDays: days(365),
    consentAge: z.pipe(z.enum(["15", "16"], { error: "validation.invalidChoice" }), z.transform(Number)),
    logRequiredFromLevel: z.pipe(z.enum(["1", "2"], { error: "validation.invalidChoice" }), z.transform(Number)),
    consentValidityMonths: days(60),
    invitationResponseDays: days(60),
    note: levelDescription,
    ...(texts as Record<`${"name" | "description" | "steps"}_${BtiLevel}_${Locale}`, z.ZodMiniType<string>>),
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

