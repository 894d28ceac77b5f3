import { z } from "zod";
import { mailChoices, mailKinds } from "./enums";
import { formSchema } from "./validation";

/** The inbox's buttons: mark one reminder done, or dismiss it. */
export const SettleReminderSchema = formSchema(
  z.object({
    reminderId: z.string({ error: "validation.required" }).max(40),
    intent: z.enum(["done", "dismiss"], { error: "validation.invalidChoice" }),
  }),
);

/** The inbox's page number; anything odd is the first page. */
export const InboxPageSchema = formSchema(z.object({ page: z.coerce.number().int().min(1).max(100000).catch(1) }));

/** The settings page: one choice per kind of mail. */
export const MailPreferencesSchema = formSchema(
  z.object(
    Object.fromEntries(mailKinds.map((kind) => [kind, z.enum(mailChoices, { error: "validation.invalidChoice" })])) as Record<
      (typeof mailKinds)[number],
      z.ZodEnum<{ [K in (typeof mailChoices)[number]]: K }>
    >,
  ),
);
