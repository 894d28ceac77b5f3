/**
 * Closed value sets used by both database columns and zod schemas.
 * Pure data: safe to import from the client, the server and db/schema.
 */

/** Service kinds every install knows (names in nb/en live in the service_kinds table). */
export const serviceKindCodes = [
  "kindergarten",
  "school",
  "after_school",
  "health_clinic",
  "ppt",
  "child_welfare",
  "bup",
  "gp",
  "nav",
  "family_centre",
  "mental_health",
  "coordinating_unit",
  "other",
] as const;
export type ServiceKind = (typeof serviceKindCodes)[number];

/** Staff sign in with a password; family members (guardians, young people) with a code or ID-porten. */
export const userKinds = ["staff", "family"] as const;
export type UserKind = (typeof userKinds)[number];

/** How a family member is linked to a log's child. */
export const familyRoles = ["guardian", "young_person"] as const;
export type FamilyRole = (typeof familyRoles)[number];

/** A person's role inside one service. */
export const membershipRoles = ["employee", "leader"] as const;
export type MembershipRole = (typeof membershipRoles)[number];

/** The four BTI levels are fixed; their names and texts are configuration. */
export const btiLevels = [0, 1, 2, 3] as const;
export type BtiLevel = (typeof btiLevels)[number];

export const locales = ["nb", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "nb";

/** A level-0 private concern, or a relay log (level 0–3 once it exists). */
export const logKinds = ["concern", "relay"] as const;
export type LogKind = (typeof logKinds)[number];

export const logStates = ["open", "closed"] as const;
export type LogState = (typeof logStates)[number];

/** Why a log (or a level-0 concern) was closed. */
export const closeReasons = [
  "no_further_concern",
  "resolved",
  "individual_plan",
  "child_welfare",
  "moved_away",
  "other",
  "consent_withdrawn",
  "guardians_request",
] as const;
export type CloseReason = (typeof closeReasons)[number];

/** Every kind of entry on the append-only timeline. */
export const eventTypes = [
  "concern",
  "observation",
  "note",
  "shared_with_leader",
  "became_log",
  "guardian_added",
  "guardian_changed",
  "guardians_told",
  "action",
  "evaluation",
  "level_change",
  "child_voice",
  "guardian_voice",
  "meeting",
  "closed",
  "reopened",
  "correction",
  "consent_recorded",
  "consent_withdrawn",
  "invited",
  "invitation_answered",
  "participant_left",
  "handover_proposed",
  "handover_answered",
  "relay_returned",
  "welfare_report",
  "restriction",
  "family_access",
  "meeting_planned",
  "meeting_changed",
  "meeting_cancelled",
  "checklist_step",
] as const;
export type EventType = (typeof eventTypes)[number];

/** Timeline entries a person writes directly (the others come from other operations). */
export const entryTypes = ["observation", "note", "meeting"] as const;
export type EntryType = (typeof entryTypes)[number];

export const guardianRelations = ["mother", "father", "parent", "foster_parent", "other"] as const;
export type GuardianRelation = (typeof guardianRelations)[number];

/**
 * Who is responsible for an action (issue 11 point 1): a person on the log (the holder or a
 * participant, so reminders reach them), the guardians, the child, or someone outside the
 * log written as free text ("other"; every action made before this existed is "other").
 */
export const responsibleKinds = ["person", "guardians", "child", "other"] as const;
export type ResponsibleKind = (typeof responsibleKinds)[number];

export const evaluationDecisions = ["continue", "adjust", "end", "change_level", "close"] as const;
export type EvaluationDecision = (typeof evaluationDecisions)[number];

/** How a voice was heard. */
export const voiceMethods = ["conversation", "meeting", "drawing", "written", "other"] as const;
export type VoiceMethod = (typeof voiceMethods)[number];

export const accessKinds = ["view", "print", "search"] as const;
export type AccessKind = (typeof accessKinds)[number];

/** What a consent is for: keeping the relay log at all, or sharing it with services. */
export const consentScopes = ["keep", "share"] as const;
export type ConsentScope = (typeof consentScopes)[number];

export const consentForms = ["written", "oral", "digital"] as const;
export type ConsentForm = (typeof consentForms)[number];

export const consentDecisions = ["given", "refused"] as const;
export type ConsentDecision = (typeof consentDecisions)[number];

/**
 * What a recorded consent did to the one it replaced (docs/decisions/012-consent-history.md).
 * A withdrawal, whole or for some services, is its own event type (consent_withdrawn).
 */
export const consentChanges = ["given", "renewed", "widened", "narrowed", "changed"] as const;
export type ConsentChange = (typeof consentChanges)[number];

export const consentStatuses = ["active", "withdrawn", "superseded"] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

/** A planned meeting: planned (and perhaps changed), cancelled, or held (its minutes written). */
export const meetingStatuses = ["planned", "cancelled", "held"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const meetingInviteeKinds = ["staff", "guardian", "child"] as const;
export type MeetingInviteeKind = (typeof meetingInviteeKinds)[number];

export const invitationStatuses = ["pending", "accepted", "declined", "cancelled"] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

export const handoverStatuses = ["proposed", "accepted", "declined", "cancelled"] as const;
export type HandoverStatus = (typeof handoverStatuses)[number];

/**
 * The reminder rules (app/domain/reminders/rules.server.ts): each is computed from a log's
 * state with the action guide's settings. Texts under `reminders.rules.<rule>`.
 */
export const reminderRules = [
  "evaluation_soon",
  "evaluation_today",
  "evaluation_overdue",
  "invitation_received",
  "invitation_unanswered",
  "handover_received",
  "handover_unanswered",
  "consent_expiring",
  "consent_expired",
  "orphaned_log",
  "decision_soon",
  "decision_overdue",
  "child_voice_missing",
  "meeting_tomorrow",
  "meeting_interpreter",
] as const;
export type ReminderRule = (typeof reminderRules)[number];

/** An outbox row is pending until the mail has left; it is never deleted. */
export const outboxStatuses = ["pending", "sent"] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** What a person can be mailed about, each with its own choice (issue 11, point 5). */
export const mailKinds = ["evaluations", "invitations", "handovers", "consents", "orphaned", "decisions", "child_voice", "meetings"] as const;
export type MailKind = (typeof mailKinds)[number];

/** Per kind: a mail at once, one daily digest, or none (the inbox always has it). */
export const mailChoices = ["immediately", "daily", "off"] as const;
export type MailChoice = (typeof mailChoices)[number];

/** The kind each reminder rule is mailed as. */
export const mailKindOfRule: Record<ReminderRule, MailKind> = {
  evaluation_soon: "evaluations",
  evaluation_today: "evaluations",
  evaluation_overdue: "evaluations",
  invitation_received: "invitations",
  invitation_unanswered: "invitations",
  handover_received: "handovers",
  handover_unanswered: "handovers",
  consent_expiring: "consents",
  consent_expired: "consents",
  orphaned_log: "orphaned",
  decision_soon: "decisions",
  decision_overdue: "decisions",
  child_voice_missing: "child_voice",
  meeting_tomorrow: "meetings",
  meeting_interpreter: "meetings",
};

/** The local guide's versions (docs/decisions/027): a draft until published, then never changed. */
export const guideVersionStates = ["draft", "published"] as const;
export type GuideVersionState = (typeof guideVersionStates)[number];

export const guideAuditActions = ["draft_created", "changed", "published", "draft_deleted"] as const;
export type GuideAuditAction = (typeof guideAuditActions)[number];
