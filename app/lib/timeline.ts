import type {
  BtiLevel,
  CloseReason,
  ConsentChange,
  ConsentDecision,
  ConsentForm,
  ConsentScope,
  EvaluationDecision,
  EventType,
  FamilyRole,
  GuardianRelation,
  MeetingInviteeKind,
  UserKind,
  ResponsibleKind,
  VoiceMethod,
} from "./enums";

export interface PlannedMeetingData {
  meetingId: string;
  /** The instant (ISO 8601, UTC); shown in Europe/Oslo. */
  startsAt: string;
  durationMinutes: number;
  place?: string;
  videoUrl?: string;
  agenda: string;
  invitees: { kind: MeetingInviteeKind; name: string }[];
}

/** The fields each kind of timeline event carries (stored as JSON in log_events.data). */
export interface EventData {
  concern: { what: string; context: string };
  observation: { text: string };
  note: { text: string };
  meeting: {
    title: string;
    /** Who was present (participants, guardians, the child), one per line or comma-separated. */
    attendees: string;
    /** The minutes. */
    notes: string;
    /** Invited but absent. Older meetings have none of the fields below. */
    absent?: string;
    agenda?: string;
    decisions?: string;
    /** The action the meeting decided, created with it. */
    action?: { actionId: string; description: string };
    /** The planned meeting these are the minutes of (issue 11 point 6). */
    plannedMeetingId?: string;
  };
  shared_with_leader: Record<string, never>;
  /** A meeting planned ahead (issue 11 point 6): when, where, what, and who was invited. */
  meeting_planned: PlannedMeetingData;
  /** A planned meeting changed; `sequence` is its calendar entry's SEQUENCE now. */
  meeting_changed: PlannedMeetingData & { sequence: number };
  meeting_cancelled: { meetingId: string; startsAt: string; reason: string };
  /**
   * The holder ticked (done) or unticked a step of the checklist of the log's guide version
   * (decision 027). Procedural: never shown to the family. `text` is not stored; the timeline
   * fills it from the version, in the reader's language.
   */
  checklist_step: { versionId: string; stepId: string; level: BtiLevel; done: boolean; text?: string };
  /**
   * `keepConsent`: whether the consent to keep the log was recorded in the same step (a
   * consent_recorded event follows) or deferred, with why. Absent on older events.
   */
  became_log: { level: BtiLevel; guardiansToldOn: string; keepConsent?: { deferred: false } | { deferred: true; reason: string } };
  guardian_added: { name: string; relation: GuardianRelation; parentalResponsibility: boolean; toldOn: string | null };
  /** A guardian's contact details or language changed: the new values of what changed. */
  guardian_changed: {
    name: string;
    email?: string | null;
    phone?: string | null;
    language?: string | null;
    interpreterNeeded?: boolean;
  };
  guardians_told: { names: string[]; toldOn: string };
  /**
   * `responsible` is the name or text as written (empty for the guardians or the child);
   * `responsibleKind` and `responsibleUserId` are absent on actions made before issue 11.
   */
  action: {
    actionId: string;
    description: string;
    goal: string;
    responsible: string;
    responsibleKind?: ResponsibleKind;
    responsibleUserId?: string | null;
    startOn: string;
    evaluateOn: string;
  };
  evaluation: {
    actionId: string;
    actionDescription: string;
    whatHappened: string;
    whatWorked: string;
    childExperience: string;
    decision: EvaluationDecision;
    adjustment?: string;
    nextEvaluateOn?: string;
    newLevel?: BtiLevel;
  };
  level_change: {
    from: number;
    to: number;
    justification: string;
    /** Level 3: the responsibility group (ansvarsgruppe), and the individual plan if one is made. */
    responsibilityGroup?: string;
    individualPlan?: boolean;
    planCoordinator?: string;
  };
  child_voice: { text: string; method: VoiceMethod };
  guardian_voice: { text: string; method: VoiceMethod; who: string };
  closed: { reason: CloseReason; summary: string; guardiansToldOn: string | null };
  reopened: { reason: string };
  correction: { text: string; reason: string };
  consent_recorded: {
    consentId: string;
    scope: ConsentScope;
    decision: ConsentDecision;
    form: ConsentForm;
    purpose: string;
    services: string[];
    givenBy: string[];
    youngPerson: boolean;
    givenOn: string;
    expiresOn: string;
    replaces: string | null;
    /** Limited to these categories of information; absent = not limited. */
    categories?: string[];
    /**
     * What this did to the consent it replaces; absent on events recorded before issue 9
     * (then shown as "changed" when `replaces` is set, so a narrowing never reads as giving).
     */
    change?: ConsentChange;
    /** Services a widening added and a narrowing took away (names). */
    added?: string[];
    removed?: string[];
  };
  consent_withdrawn: {
    consentId: string;
    scope: ConsentScope;
    /** The services withdrawn (all the consent covered, for a whole withdrawal). */
    services: string[];
    reason: string;
    /**
     * A withdrawal for some services only: the services the party's consents still cover
     * (shown as "still covers"), and every consent it ended or narrowed. Absent on whole
     * withdrawals and on events recorded before issue 9.
     */
    remaining?: string[];
    consentIds?: string[];
  };
  invited: { invitationId: string; invitee: string; service: string; message: string; respondBy: string };
  invitation_answered: { invitationId: string; invitee: string; service: string; accepted: boolean; reason: string | null };
  participant_left: { participant: string; service: string; removed: boolean; reason: string | null };
  handover_proposed: { handoverId: string; to: string; toService: string; message: string };
  handover_answered: { handoverId: string; to: string; toService: string; accepted: boolean; reason: string | null };
  relay_returned: { from: string; to: string; toService: string };
  /** A report of concern sent to child welfare (bekymringsmelding). */
  welfare_report: { sentOn: string; sentBy: string; summary: string };
  /** A later decision not to show an earlier entry to the guardians (about_event_id). */
  restriction: { reason: string };
  /** The holder gave (or took away) a guardian's or the young person's own access. */
  family_access: { name: string; role: FamilyRole; granted: boolean };
}

export type TimelineEvent = {
  [T in EventType]: {
    id: string;
    seq: number;
    type: T;
    data: EventData[T];
    occurredOn: string;
    recordedAt: string;
    authorName: string;
    authorServiceName: string | null;
    /** A family member (guardian or young person) wrote it, in their own pages. */
    authorKind: UserKind;
    correctsEventId: string | null;
    /** Set when a later event corrects this one. */
    correctedBy: { id: string; text: string; reason: string } | null;
    /** Not shown to the guardians, with the reason; null when they may read it. */
    restrictedReason: string | null;
    /** The acting person wrote it and the log is open: they may correct it. */
    canCorrect: boolean;
    /**
     * Still shown to the guardians, and the acting person may hide it from them (the holder,
     * or the entry's author, while the log is open).
     */
    canRestrict: boolean;
  };
}[EventType];

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * What the family's pages get of an event: no sequence number (gaps would tell that
 * something is hidden from them), no restriction fields, no staff controls.
 */
export type GuardianTimelineEvent = DistributiveOmit<
  TimelineEvent,
  "seq" | "restrictedReason" | "canCorrect" | "canRestrict" | "correctsEventId" | "correctedBy"
> & { correctedBy: { text: string; reason: string } | null };

/** Entries a person wrote and may therefore correct (by a new event). */
export const correctableTypes: ReadonlySet<EventType> = new Set<EventType>([
  "concern",
  "observation",
  "note",
  "meeting",
  "child_voice",
  "guardian_voice",
  "evaluation",
  "action",
  "level_change",
  "closed",
  "reopened",
]);

/** Entries that can later be hidden from the guardians (by a `restriction` event). */
export const restrictableTypes: ReadonlySet<EventType> = new Set<EventType>([...correctableTypes, "welfare_report"]);

/** The main text of a correctable entry, shown beside the correction form. */
export function mainText(event: { type: EventType; data: unknown }): string {
  const d = event.data as Record<string, unknown>;
  for (const key of ["text", "what", "notes", "whatHappened", "description", "justification", "summary", "reason"]) {
    if (typeof d[key] === "string") return d[key] as string;
  }
  return "";
}
