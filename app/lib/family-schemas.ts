import * as z from "zod/mini";
import { email, entryText, formSchema, mediumText, nationalId, optionalMediumText } from "./validation";

/**
 * Forms on the family's pages, and the holder's "give the family access", each built by
 * formSchema (invisible characters removed first). Messages are translation keys.
 */
const id = z
  .string({ error: "validation.invalidChoice" })
  .check(z.trim(), z.minLength(1, { error: "validation.invalidChoice" }), z.maxLength(40));
const textOrBlank = z.pipe(optionalMediumText, z.transform((v: string | undefined) => v ?? ""));

export const FamilyEmailSchema = formSchema(z.object({ email }));

export const FamilyCodeSchema = formSchema(z.object({
  code: z.pipe(
    z.pipe(
      z.pipe(z.string({ error: "validation.required" }), z.transform((v: string) => v.replace(/\s/g, ""))),
      // One message at a time: "required" for nothing, else "six digits".
      z.string().check(z.minLength(1, { error: "validation.required" })),
    ),
    z.string().check(z.regex(/^\d{6}$/, { error: "validation.code" })),
  ),
}));

export const FamilyEntrySchema = formSchema(z.object({
  kind: z.enum(["note", "view"], { error: "validation.invalidChoice" }),
  text: entryText,
}));

export const FamilyCloseSchema = formSchema(z.object({ message: textOrBlank }));

/** The consent page has three small forms, told apart by `intent`. */
export const FamilyConsentSchema = formSchema(z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("give"), serviceId: id, purpose: mediumText }),
  z.object({ intent: z.literal("renew"), consentId: id }),
  z.object({
    intent: z.literal("withdraw"),
    consentId: id,
    serviceId: id,
    reason: textOrBlank,
  }),
]));

export const FamilyAccessSchema = formSchema(z.object({
  who: id,
  email,
  nationalId,
}));
