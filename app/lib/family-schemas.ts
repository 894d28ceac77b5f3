import { z } from "zod";
import { email, entryText, formSchema, mediumText, nationalId, optionalMediumText } from "./validation";

/**
 * Forms on the family's pages, and the holder's "give the family access", each built by
 * formSchema (invisible characters removed first). Messages are translation keys.
 */
const id = z.string({ error: "validation.invalidChoice" }).trim().min(1, { error: "validation.invalidChoice" }).max(40);

export const FamilyEmailSchema = formSchema(z.object({ email }));

export const FamilyCodeSchema = formSchema(z.object({
  code: z
    .string({ error: "validation.required" })
    .transform((v) => v.replace(/\s/g, ""))
    // One message at a time: "required" for nothing, else "six digits".
    .pipe(z.string().min(1, { error: "validation.required" }))
    .pipe(z.string().regex(/^\d{6}$/, { error: "validation.code" })),
}));

export const FamilyEntrySchema = formSchema(z.object({
  kind: z.enum(["note", "view"], { error: "validation.invalidChoice" }),
  text: entryText,
}));

export const FamilyCloseSchema = formSchema(z.object({ message: optionalMediumText.transform((v) => v ?? "") }));

/** The consent page has three small forms, told apart by `intent`. */
export const FamilyConsentSchema = formSchema(z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("give"), serviceId: id, purpose: mediumText }),
  z.object({ intent: z.literal("renew"), consentId: id }),
  z.object({
    intent: z.literal("withdraw"),
    consentId: id,
    serviceId: id,
    reason: optionalMediumText.transform((v) => v ?? ""),
  }),
]));

export const FamilyAccessSchema = formSchema(z.object({
  who: id,
  email,
  nationalId,
}));
