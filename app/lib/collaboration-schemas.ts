import * as z from "zod/mini";
import { consentDecisions, consentForms, consentScopes } from "./enums";
import { checkbox, formSchema, id40, idList, isoDate, mediumText, optionalIsoDate, optionalMediumText, optionalPlannedDate } from "./validation";

/**
 * Forms for consents, invitations, participants and handover, each built by formSchema
 * (invisible characters removed first). Messages are translation keys.
 */
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "validation.invalidChoice" });
const ids = idList;

export const ConsentSchema = formSchema(z.object({
  scope: choice(consentScopes),
  decision: choice(consentDecisions),
  form: choice(consentForms),
  note: optionalMediumText,
  purpose: mediumText,
  guardianIds: ids,
  youngPerson: checkbox,
  serviceIds: ids,
  givenOn: isoDate,
  expiresOn: optionalIsoDate,
  replacesId: z.optional(id40()),
  /** Optional limit to categories of information, comma separated (e.g. "helse, skolefaglig"). */
  categories: z.pipe(
    z.optional(z.string().check(z.trim(), z.maxLength(500, { error: "validation.tooLong_200" }))),
    z.transform((v: string | undefined) => (v ? v.split(",").map((c) => c.trim()).filter(Boolean) : [])),
  ),
  attachment: z.optional(z.instanceof(File)),
  /** The holder has read who will lose access (required when a narrowing cuts someone's). */
  confirmLoss: checkbox,
}));

/** Withdraw a consent; with `serviceId`, only for that service (every consent of the same party that covers it). */
/** `confirmLoss`: the holder has read who will lose access (required when someone will). */
export const WithdrawSchema = formSchema(
  z.object({ reason: mediumText, serviceId: z.optional(id40()), confirmLoss: checkbox }),
);

/** A person in a service, as one choice: "<userId>:<serviceId>". */
const personInService = z.pipe(
  z.string({ error: "validation.invalidChoice" }).check(z.regex(/^[a-z2-7]{26}:[a-z2-7]{26}$/, { error: "validation.invalidChoice" })),
  z.transform((v: string) => {
    const [userId, serviceId] = v.split(":") as [string, string];
    return { userId, serviceId };
  }),
);

export const InviteSchema = formSchema(z.object({ person: personInService, message: mediumText, respondBy: optionalPlannedDate }));

export const AnswerSchema = formSchema(
  z
    .object({ answer: choice(["accept", "decline"] as const), reason: optionalMediumText })
    .check(z.refine((v) => v.answer === "accept" || !!v.reason, { path: ["reason"], error: "validation.required" })),
);

/** `confirmLoss`: the holder has read who will lose access (required when someone will). */
export const HandoverSchema = formSchema(z.object({ person: personInService, message: mediumText, confirmLoss: checkbox }));

export const RemoveSchema = formSchema(z.object({ reason: mediumText }));

export const AppointSchema = formSchema(z.object({ userId: id40({ error: "validation.invalidChoice" }) }));

