import * as z from "zod/mini";
import { closeReasons, evaluationDecisions, guardianRelations, voiceMethods } from "./enums";
import {
  birthDate,
  checkbox,
  email,
  entryText,
  formSchema,
  id40,
  idList,
  isoDate,
  mediumText,
  nationalId,
  optionalIsoDate,
  optionalMediumText,
  optionalPlannedDate,
  optionalText,
  pageNumber,
  personName,
  plannedDate,
  searchText,
  shortText,
} from "./validation";
import { responsibleChoice, responsibleOf, responsibleOther } from "./responsible";

/**
 * Form schemas for relay logs, shared by server and browser, each built by formSchema
 * (invisible characters removed first). Messages are translation keys.
 */
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "validation.invalidChoice" });
const level = z.pipe(
  z.string({ error: "validation.invalidChoice" }).check(z.regex(/^[0-3]$/, { error: "validation.invalidChoice" })),
  z.transform(Number),
);

export const ConcernSchema = formSchema(z.object({
  serviceId: id40({ error: "validation.invalidChoice" }),
  childName: personName,
  birthDate,
  nationalId,
  attendsServiceId: z.optional(id40()),
  noticedOn: isoDate,
  what: entryText,
  context: z._default(optionalText(2000), ""),
  /** Sent by "register a new concern anyway" after being shown a log about the same child. */
  confirmNew: checkbox,
}));

/**
 * "Not shown to the guardians" and why, on every form that writes an entry (DESIGN.md
 * rule 4, §3). The reason is required when the box is ticked.
 */
const restriction = { restricted: checkbox, restrictedReason: optionalMediumText };

const given = (value: unknown) => typeof value === "string" && value.trim() !== "";
const fieldsOf = (payload: { value: unknown }) => (payload.value ?? {}) as Record<string, unknown>;

/** Conditional rules are checked together with the other fields, so every error shows at once. */
function requireReason<S extends z.ZodMiniType<{ restricted: boolean; restrictedReason?: string }>>(schema: S): S {
  return schema.check(z.refine((value: z.output<S>) => !value.restricted || given(value.restrictedReason), {
    path: ["restrictedReason"],
    message: "validation.required",
    when: (payload) => fieldsOf(payload).restricted === true,
  }));
}

/** What the domain takes: the reason when the box is ticked (blank is refused there too), else nothing. */
export const restrictedReasonOf = (value: { restricted?: boolean; restrictedReason?: string }) =>
  value.restricted ? (value.restrictedReason ?? "") : undefined;

/**
 * "Someone else" as the responsible needs the name or role written beside it (checked with
 * the other fields, so every error shows at once).
 */
function requireOther<S extends z.ZodMiniType<Record<string, unknown>>>(schema: S, choice: string, other: string): S {
  return schema.check(z.refine((value: z.output<S>) => value[choice] !== "other" || given(value[other]), {
    path: [other],
    message: "validation.required",
    when: (payload) => fieldsOf(payload)[choice] === "other",
  }));
}

const longOptional = optionalText(10000);

/** The four fields of the one action a meeting may decide: all or none. */
export const meetingActionFields = ["actionDescription", "actionGoal", "actionResponsible", "actionEvaluateOn"] as const;

const MeetingSchema = z.object({
  type: z.literal("meeting"),
  occurredOn: isoDate,
  title: shortText,
  /** Present. */
  attendees: mediumText,
  /** Invited but absent. */
  absent: optionalMediumText,
  agenda: longOptional,
  /** The minutes. */
  notes: entryText,
  decisions: longOptional,
  actionDescription: z.optional(mediumText),
  actionGoal: z.optional(mediumText),
  actionResponsible: z.optional(responsibleChoice),
  actionResponsibleOther: responsibleOther,
  actionEvaluateOn: optionalPlannedDate,
  /** The planned meeting these minutes are of, when written from it. */
  plannedMeetingId: z.optional(id40()),
  ...restriction,
});

let entry = requireReason(
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("observation"), occurredOn: isoDate, text: entryText, ...restriction }),
    z.object({ type: z.literal("note"), occurredOn: isoDate, text: entryText, ...restriction }),
    MeetingSchema,
  ]),
);
for (const name of meetingActionFields) {
  entry = entry.check(
    z.refine((value) => value.type !== "meeting" || !meetingActionFields.some((f) => given(value[f])) || given(value[name]), {
      path: [name],
      message: "validation.required",
      when: (payload: { value: unknown }) => fieldsOf(payload).type === "meeting",
    }),
  );
}
entry = entry.check(
  z.refine((value) => value.type !== "meeting" || value.actionResponsible !== "other" || given(value.actionResponsibleOther), {
    path: ["actionResponsibleOther"],
    message: "validation.required",
    when: (payload: { value: unknown }) => fieldsOf(payload).type === "meeting" && fieldsOf(payload).actionResponsible === "other",
  }),
);
/** Observation, note, or a meeting with at most one new action (evaluated after the meeting). */
export const EntrySchema = formSchema(entry.check(z.refine(
  (value) => value.type !== "meeting" || !value.actionEvaluateOn || value.actionEvaluateOn > value.occurredOn,
  {
    path: ["actionEvaluateOn"],
    message: "errors.evaluation_before_start",
    when: (payload: { value: unknown }) => {
      const v = fieldsOf(payload);
      return v.type === "meeting" && given(v.actionEvaluateOn) && given(v.occurredOn);
    },
  },
)));

/** The action a meeting decided, for the domain (the schema has made sure all four are there). */
export function meetingActionOf(value: z.output<typeof MeetingSchema>) {
  return value.actionDescription && value.actionGoal && value.actionResponsible && value.actionEvaluateOn
    ? {
        description: value.actionDescription,
        goal: value.actionGoal,
        responsible: responsibleOf(value.actionResponsible, value.actionResponsibleOther),
        evaluateOn: value.actionEvaluateOn,
      }
    : undefined;
}

export const VoiceSchema = formSchema(
  requireReason(
    z.object({
      who: choice(["child", "guardian"] as const),
      heardOn: isoDate,
      method: choice(voiceMethods),
      text: entryText,
      guardianName: z.optional(shortText),
      ...restriction,
    }),
  ),
);

/**
 * A report of concern to child welfare; the form ticks "not shown to the guardians" by
 * default. What it was about is `about`, not `summary`: a field's id `<form>-summary` would
 * clash with the error summary's heading id.
 */
export const WelfareReportSchema = formSchema(
  requireReason(z.object({ sentOn: isoDate, sentBy: shortText, about: entryText, ...restriction })),
);

/** Hide an earlier entry from the guardians. */
export const RestrictSchema = formSchema(z.object({ reason: mediumText }));

export const GuardianSchema = formSchema(z.object({
  name: personName,
  relation: choice(guardianRelations),
  parentalResponsibility: checkbox,
  email: z.optional(email),
  phone: optionalText(30, "validation.tooLong_200"),
  toldOn: optionalIsoDate,
  language: optionalText(100, "validation.tooLong_200"),
  interpreterNeeded: checkbox,
}));

/** A guardian's contact details and language (name, relation and responsibility stay as registered). */
export const GuardianDetailsSchema = formSchema(z.object({
  email: z.optional(email),
  phone: optionalText(30, "validation.tooLong_200"),
  language: optionalText(100, "validation.tooLong_200"),
  interpreterNeeded: checkbox,
}));

export const ActionSchema = formSchema(
  requireOther(
    z.object({
      description: mediumText,
      goal: mediumText,
      responsible: responsibleChoice,
      responsibleOther,
      startOn: isoDate,
      evaluateOn: plannedDate,
    }),
    "responsible",
    "responsibleOther",
  ),
);

/** The action as the domain takes it: who is responsible as a person, the family or a text. */
export const actionOf = (value: z.output<typeof ActionSchema>) => ({
  description: value.description,
  goal: value.goal,
  responsible: responsibleOf(value.responsible, value.responsibleOther),
  startOn: value.startOn,
  evaluateOn: value.evaluateOn,
});

export const EvaluationSchema = formSchema(z.object({
  evaluatedOn: isoDate,
  whatHappened: entryText,
  whatWorked: entryText,
  childExperience: entryText,
  decision: choice(evaluationDecisions),
  adjustment: optionalMediumText,
  nextEvaluateOn: optionalPlannedDate,
  newLevel: z.optional(level),
  justification: optionalMediumText,
}));

export const LevelSchema = formSchema(z.object({
  to: level,
  justification: mediumText,
  /** Level 3: the responsibility group, and the individual plan's coordinator if a plan is made. */
  responsibilityGroup: optionalMediumText,
  individualPlan: checkbox,
  planCoordinator: optionalText(200),
}));

export const CloseSchema = formSchema(z.object({
  reason: choice(closeReasons),
  summary: entryText,
  guardiansToldOn: optionalIsoDate,
}));

export const ReopenSchema = formSchema(z.object({ reason: mediumText }));


/**
 * Level 0 → relay log, with the consent to keep the log: recorded now (who gave it, how,
 * when) or deferred with a reason. The conditional fields are checked together with the
 * others (`when`), so one submit shows every missing answer.
 */
const always = { when: () => true };
const recording = (v: { keep?: unknown }) => v.keep === "record";
export const BecomeLogSchema = formSchema(
  z
  .object({
    level: z.pipe(
      z.string({ error: "validation.invalidChoice" }).check(z.regex(/^[12]$/, { error: "validation.invalidChoice" })),
      z.transform(Number),
    ),
    guardiansToldOn: isoDate,
    keep: choice(["record", "defer"] as const),
    guardianIds: idList,
    youngPerson: checkbox,
    consentForm: z.optional(choice(["written", "oral"] as const)),
    note: optionalMediumText,
    purpose: optionalMediumText,
    givenOn: optionalIsoDate,
    deferReason: optionalMediumText,
  })
  .check(
    z.refine((v) => !recording(v) || v.youngPerson === true || (Array.isArray(v.guardianIds) && v.guardianIds.length > 0), {
      ...always,
      path: ["guardianIds"],
      error: "errors.consent_party_required",
    }),
    z.refine((v) => !recording(v) || !!v.consentForm, { ...always, path: ["consentForm"], error: "validation.invalidChoice" }),
    z.refine((v) => !recording(v) || v.consentForm !== "oral" || !!v.note, {
      ...always,
      path: ["note"],
      error: "errors.oral_consent_needs_note",
    }),
    z.refine((v) => !recording(v) || !!v.purpose, { ...always, path: ["purpose"], error: "validation.required" }),
    z.refine((v) => !recording(v) || !!v.givenOn, { ...always, path: ["givenOn"], error: "validation.required" }),
    z.refine((v) => v.keep !== "defer" || !!v.deferReason, { ...always, path: ["deferReason"], error: "validation.required" }),
  ),
);

export const CorrectionSchema = formSchema(z.object({ text: entryText, reason: mediumText }));

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
/** classic zod's `z.preprocess(blankToUndefined, schema).catch(undefined)` */
const blankOrCaught = <T extends z.ZodMiniType>(schema: T) =>
  z.catch(z.pipe(z.transform(blankToUndefined), schema), undefined as z.output<T>);

export const HomeFilterSchema = formSchema(z.object({
  level: blankOrCaught(z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(3)))),
  state: blankOrCaught(z.optional(z.enum(["open", "closed"]))),
  q: searchText(),
  page: pageNumber(),
}));
