import * as z from "zod/mini";
import { mailChoices, mailKinds } from "./enums";
import { formSchema, id40, pageNumber } from "./validation";

/** The inbox's buttons: mark one reminder done, or dismiss it. */
export const SettleReminderSchema = formSchema(
  z.object({
    reminderId: id40({ error: "validation.required" }),
    intent: z.enum(["done", "dismiss"], { error: "validation.invalidChoice" }),
  }),
);

/** The inbox's page number; anything odd is the first page. */
export const InboxPageSchema = formSchema(z.object({ page: pageNumber() }));

/** The settings page: one choice per kind of mail. */
export const MailPreferencesSchema = formSchema(
  z.object(
    Object.fromEntries(mailKinds.map((kind) => [kind, z.enum(mailChoices, { error: "validation.invalidChoice" })])) as Record<
      (typeof mailKinds)[number],
      z.ZodMiniEnum<{ [K in (typeof mailChoices)[number]]: K }>
    >,
  ),
);
