import { z } from "zod";
import { closeReasons, evaluationDecisions, guardianRelations, voiceMethods } from "./enums";
import {
  checkbox,
  email,
  entryText,
  isoDate,
  mediumText,
  nationalId,
  optionalIsoDate,
  optionalMediumText,
  personName,
  shortText,
} from "./validation";

/** Form schemas for relay logs, shared by server and browser. Messages are translation keys. */
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "validation.invalidChoice" });
const level = z
  .string({ error: "validation.invalidChoice" })
  .regex(/^[0-3]$/, { error: "validation.invalidChoice" })
  .transform(Number);

export const ConcernSchema = z.object({
  serviceId: z.string({ error: "validation.invalidChoice" }).max(40),
  childName: personName,
  birthDate: isoDate,
  nationalId,
  attendsServiceId: z.string().max(40).optional(),
  noticedOn: isoDate,
  what: entryText,
  context: z.string().trim().max(2000, { error: "validation.tooLong_2000" }).optional().default(""),
});

export const EntrySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("observation"), occurredOn: isoDate, text: entryText }),
  z.object({ type: z.literal("note"), occurredOn: isoDate, text: entryText }),
  z.object({
    type: z.literal("meeting"),
    occurredOn: isoDate,
    title: shortText,
    attendees: mediumText,
    notes: entryText,
  }),
]);

export const VoiceSchema = z.object({
  who: choice(["child", "guardian"] as const),
  heardOn: isoDate,
  method: choice(voiceMethods),
  text: entryText,
  guardianName: shortText.optional(),
});

export const GuardianSchema = z.object({
  name: personName,
  relation: choice(guardianRelations),
  parentalResponsibility: checkbox,
  email: email.optional(),
  phone: z.string().trim().max(30, { error: "validation.tooLong_200" }).optional(),
  toldOn: optionalIsoDate,
});

export const ActionSchema = z.object({
  description: mediumText,
  goal: mediumText,
  responsible: shortText,
  startOn: isoDate,
  evaluateOn: isoDate,
});

export const EvaluationSchema = z.object({
  evaluatedOn: isoDate,
  whatHappened: entryText,
  whatWorked: entryText,
  childExperience: entryText,
  decision: choice(evaluationDecisions),
  adjustment: optionalMediumText,
  nextEvaluateOn: optionalIsoDate,
  newLevel: level.optional(),
  justification: optionalMediumText,
});

export const LevelSchema = z.object({
  to: level,
  justification: mediumText,
  /** Level 3: the responsibility group, and the individual plan's coordinator if a plan is made. */
  responsibilityGroup: optionalMediumText,
  individualPlan: checkbox,
  planCoordinator: z.string().trim().max(200, { error: "validation.tooLong_200" }).optional(),
});

export const CloseSchema = z.object({
  reason: choice(closeReasons),
  summary: entryText,
  guardiansToldOn: optionalIsoDate,
});

export const ReopenSchema = z.object({ reason: mediumText });

export const BecomeLogSchema = z.object({
  level: z
    .string({ error: "validation.invalidChoice" })
    .regex(/^[12]$/, { error: "validation.invalidChoice" })
    .transform(Number),
  guardiansToldOn: isoDate,
});

export const CorrectionSchema = z.object({ text: entryText, reason: mediumText });

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const HomeFilterSchema = z.object({
  level: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(3).optional()).catch(undefined),
  state: z.preprocess(blankToUndefined, z.enum(["open", "closed"]).optional()).catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
