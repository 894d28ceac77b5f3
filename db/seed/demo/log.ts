import { addDays, osloInstant } from "../../../app/lib/dates";
import type {
  BtiLevel,
  CloseReason,
  ConsentDecision,
  ConsentForm,
  ConsentScope,
  EventType,
  GuardianRelation,
  LogKind,
  LogState,
  VoiceMethod,
} from "../../../app/lib/enums";
import { createId } from "../../../app/lib/ids";
import { syntheticNationalId } from "../../../app/lib/national-id";
import type { EventData } from "../../../app/lib/timeline";
import type { ActionRow, ConsentRow, EventRow, GuardianRow, HandoverRow, InvitationRow, ParticipantRow, World } from "./world";
import { EVALUATION_NOTICE_DAYS } from "../../../app/domain/reminders/rules.server";

/**
 * The builder of one demo log. Every date is counted back from the seed day, so the demo
 * looks lived-in whenever it is started. The rows are written directly (the domain
 * functions stamp "now" and refuse past dates), so `DemoLog` keeps the denormalised columns
 * — level, state, close fields, next_evaluation_on, last_child_voice_on, decision_due_on —
 * in step with the events, the way the writes in app/domain/logs/ do.
 */

/** Noon in Oslo of a day, as epoch ms: osloInstant is slow (Intl), and the demo asks for the same days many times. */
const noonCache = new Map<string, number>();
function osloNoon(day: string): number {
  let ms = noonCache.get(day);
  if (ms === undefined) noonCache.set(day, (ms = osloInstant(day, "12:00").getTime()));
  return ms;
}

/** A person acting for a service on a log. */
interface Person {
  userId: string;
  serviceId: string;
}

function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

interface ChildSpec {
  name: string;
  /** Age on the seed day: years, plus days. */
  age: [years: number, days: number];
  syntheticNationalId?: boolean;
  /** Service keys the child attends. */
  attends: string[];
}

interface GuardianSpec {
  name: string;
  relation: GuardianRelation;
  parentalResponsibility: boolean;
  /** Told about the concern on the day they were added (otherwise when the log begins). */
  told: boolean;
  email?: string;
  /** The language the guardian understands best, and whether an interpreter is needed. */
  language?: string;
  interpreterNeeded?: boolean;
}

interface ActionSpec {
  description: string;
  goal: string;
  /** A person on the log (by e-mail), the guardians or the child, or someone else as text. */
  responsible: { person: string } | { family: "guardians" | "child" } | { other: string };
  /** Days before the seed day; negative is in the future. */
  evaluate: number;
}

type EvaluationSpec = {
  whatHappened: string;
  whatWorked: string;
  childExperience: string;
} & (
  | { decision: "continue"; next: number }
  | { decision: "adjust"; adjustment: string; next: number }
  | { decision: "end" }
  | { decision: "change_level"; newLevel: BtiLevel; justification: string; next: number }
);

interface ConsentSpec {
  scope: ConsentScope;
  /** Given unless said otherwise. */
  decision?: ConsentDecision;
  form: ConsentForm;
  /** Required for an oral consent: a note of the conversation. */
  note?: string;
  purpose: string;
  /** Names of the guardians (with parental responsibility) who gave or refused it. */
  givenBy: string[];
  /** Service keys covered. "keep" always covers the holder's own service. */
  services?: string[];
  /** Months until it expires; the action guide's default (12) unless said otherwise. */
  validMonths?: number;
}

interface DemoConsent {
  row: ConsentRow;
  guardianIds: string[];
  serviceIds: string[];
  withdrawnOn: string | null;
}

/** Written only by the relay holder; a participant's entries are the others. */
const holderOnly: ReadonlySet<EventType> = new Set<EventType>([
  "concern",
  "shared_with_leader",
  "became_log",
  "guardian_added",
  "guardians_told",
  "level_change",
  "closed",
  "reopened",
  "consent_recorded",
  "consent_withdrawn",
  "invited",
  "handover_proposed",
]);

/**
 * Writes one child's log the way the domain would have over the months: `seq` grows by
 * one per event, `occurred_on` never goes back, `recorded_at` is the afternoon of that
 * day. Offsets are whole days before the seed day ("ago"); every event lies in the past.
 * Entries are the holder's unless written through `by` (a participant); consents,
 * invitations and handovers are checked against the consent gate on the day they happen,
 * the way app/domain/logs/log-invitations.server.ts and handovers.server.ts check them.
 */
export class DemoLog {
  readonly logId = createId();
  readonly childId = createId();
  /** Who wrote down the concern (created the log). */
  private readonly creator: Person;
  /** The relay holder now; moves with an accepted handover. */
  private holder: Person;
  /** While set, the author of the events appended (a participant, or an invitee answering). */
  private writer: Person | null = null;
  private seq = 0;
  private lastOn: string | null = null;
  private lastAt: Date | null = null;
  private createdAt: Date | null = null;
  private kind: LogKind = "concern";
  private level: BtiLevel = 0;
  private state: LogState = "open";
  private sharedWithLeader = false;
  private closeReason: CloseReason | null = null;
  private closedAt: Date | null = null;
  private lastChildVoiceOn: string | null = null;
  private readonly guardianRows: GuardianRow[] = [];
  private readonly actionRows = new Map<string, ActionRow>();
  private readonly eventRows: EventRow[] = [];
  /** The day the concern became a relay log (its keep consent is recorded that day). */
  private becameOn: string | null = null;
  private readonly consentList: DemoConsent[] = [];
  private readonly invitationRows = new Map<string, InvitationRow>();
  private readonly participantRows: ParticipantRow[] = [];
  private readonly handoverRows = new Map<string, HandoverRow>();

  constructor(
    private readonly world: World,
    holderEmail: string,
    serviceKey: string,
    private readonly child: ChildSpec,
  ) {
    this.creator = this.holder = this.person(holderEmail, serviceKey);
  }

  private person(email: string, serviceKey: string): Person {
    const userId = this.world.ctx.userIds.get(email);
    const serviceId = this.world.ctx.serviceIds.get(serviceKey);
    if (!userId || !serviceId) throw new Error(`demo logs: unknown person ${email} or service ${serviceKey}`);
    return { userId, serviceId };
  }

  private nameOf(person: Person) {
    return { name: this.world.userNames.get(person.userId)!, service: this.world.serviceNames.get(person.serviceId)! };
  }

  private day(ago: number) {
    return addDays(this.world.today, -ago);
  }

  /** Append as someone other than the holder (a participant, or an invitee answering). */
  private as<T>(person: Person, write: () => T): T {
    const before = this.writer;
    this.writer = person;
    try {
      return write();
    } finally {
      this.writer = before;
    }
  }

  /** Entries written by a current participant: `noah.by(PPT, (l) => l.note(…))`. */
  by<T>(email: string, write: (log: this) => T): T {
    const userId = this.world.ctx.userIds.get(email);
    const row = this.participantRows.find((p) => p.userId === userId && !p.endedAt);
    if (!row) throw new Error(`demo logs: ${email} is not a participant`);
    return this.as({ userId: row.userId, serviceId: row.serviceId }, () => write(this));
  }

  private append<T extends EventType>(type: T, ago: number, data: EventData[T], correctsEventId: string | null = null) {
    const on = this.day(ago);
    if (on >= this.world.today) throw new Error(`demo logs: ${type} must lie in the past`);
    if (this.lastOn && on < this.lastOn) throw new Error(`demo logs: ${type} on ${on} goes back in time`);
    if (this.state === "closed") throw new Error("demo logs: the log is closed");
    if (this.seq === 0 && type !== "concern") throw new Error("demo logs: a log begins with its concern");
    const author = this.writer ?? this.holder;
    if (author.userId !== this.holder.userId && holderOnly.has(type)) throw new Error(`demo logs: only the holder writes ${type}`);
    this.seq += 1;
    // The afternoon of that day, a minute apart per entry: in the past, in seq order.
    const at = new Date(Date.parse(`${on}T14:00:00Z`) + this.seq * 60_000);
    const id = createId();
    this.eventRows.push({
      id,
      logId: this.logId,
      seq: this.seq,
      type,
      authorId: author.userId,
      authorServiceId: author.serviceId,
      occurredOn: on,
      recordedAt: at,
      correctsEventId,
      data,
    });
    this.lastOn = on;
    this.lastAt = at;
    this.createdAt ??= at;
    return { id, on, at };
  }

  concern(ago: number, what: string, context: string) {
    return this.append("concern", ago, { what, context }).id;
  }

  observation(ago: number, text: string) {
    return this.append("observation", ago, { text }).id;
  }

  note(ago: number, text: string) {
    return this.append("note", ago, { text }).id;
  }

  meeting(ago: number, title: string, attendees: string, notes: string) {
    return this.append("meeting", ago, { title, attendees, notes }).id;
  }

  shareWithLeader(ago: number) {
    if (this.kind !== "concern") throw new Error("demo logs: only a concern is shared with the leader");
    this.sharedWithLeader = true;
    this.append("shared_with_leader", ago, {});
  }

  guardian(ago: number, g: GuardianSpec) {
    const toldOn = g.told ? this.day(ago) : null;
    const { at } = this.append("guardian_added", ago, {
      name: g.name,
      relation: g.relation,
      parentalResponsibility: g.parentalResponsibility,
      toldOn,
    });
    this.guardianRows.push({
      id: createId(),
      childId: this.childId,
      name: g.name,
      relation: g.relation,
      parentalResponsibility: g.parentalResponsibility,
      email: g.email ?? null,
      phone: null,
      toldOn,
      language: g.language ?? null,
      interpreterNeeded: g.interpreterNeeded ?? false,
      createdAt: at,
    });
  }

  /**
   * A meeting planned `ago` days back for `inDays` days ahead (Oslo wall-clock time), as
   * planMeeting writes it: the row, the invitees (the planner among them) and the event.
   * No mail: the demo's invitations are not sent.
   */
  planMeeting(
    ago: number,
    spec: { inDays: number; time: string; durationMinutes: number; place: string; agenda: string; staff: string[]; guardians: string[] },
  ) {
    const meetingId = createId();
    const startsAt = osloInstant(addDays(this.world.today, spec.inDays), spec.time);
    const invitees: { kind: "staff" | "guardian"; userId: string | null; guardianId: string | null; name: string }[] = [];
    const planner = this.writer ?? this.holder;
    const staffIds = spec.staff.map((email) => this.world.ctx.userIds.get(email));
    for (const userId of new Set([planner.userId, ...staffIds])) {
      const onLog = userId === this.holder.userId || this.participantRows.some((p) => p.userId === userId && !p.endedAt);
      if (!userId || !onLog) throw new Error("demo logs: an invitee is not on the log");
      invitees.push({ kind: "staff", userId, guardianId: null, name: this.world.userNames.get(userId)! });
    }
    for (const name of spec.guardians) {
      const row = this.guardianRows.find((g) => g.name === name);
      if (!row) throw new Error(`demo logs: no guardian ${name}`);
      invitees.push({ kind: "guardian", userId: null, guardianId: row.id!, name });
    }
    const { at } = this.append("meeting_planned", ago, {
      meetingId,
      startsAt: startsAt.toISOString(),
      durationMinutes: spec.durationMinutes,
      place: spec.place,
      agenda: spec.agenda,
      invitees: invitees.map((i) => ({ kind: i.kind, name: i.name })),
    });
    this.world.rows.meetings.push({
      id: meetingId,
      logId: this.logId,
      plannedBy: planner.userId,
      startsAt,
      durationMinutes: spec.durationMinutes,
      place: spec.place,
      videoUrl: null,
      agenda: spec.agenda,
      status: "planned",
      sequence: 0,
      minutesEventId: null,
      createdAt: at,
      updatedAt: at,
    });
    for (const i of invitees) {
      this.world.rows.meetingInvitees.push({ id: createId(), meetingId, kind: i.kind, userId: i.userId, guardianId: i.guardianId });
    }
  }

  /** The holder gives a guardian their own family account (created by the demo seed). */
  familyAccess(ago: number, guardianName: string, accountEmail: string) {
    const row = this.guardianRows.find((g) => g.name === guardianName);
    const userId = this.world.ctx.userIds.get(accountEmail);
    if (!row || !userId || !row.parentalResponsibility) throw new Error(`demo logs: cannot give ${guardianName} access`);
    row.userId = userId;
    row.email = accountEmail;
    this.append("family_access", ago, { name: guardianName, role: "guardian", granted: true });
  }

  becameLog(ago: number, level: 1 | 2) {
    if (this.kind !== "concern") throw new Error("demo logs: already a relay log");
    if (this.guardianRows.length === 0) throw new Error("demo logs: a relay log needs a guardian");
    const guardiansToldOn = this.day(ago);
    for (const g of this.guardianRows) g.toldOn ??= guardiansToldOn;
    this.kind = "relay";
    this.level = level;
    this.sharedWithLeader = false;
    // The become step records the consent to keep the log (the story's keep consent, given
    // the same day — checked when the log is written out) or defers it with a reason.
    this.becameOn = guardiansToldOn;
    this.append("became_log", ago, { level, guardiansToldOn, keepConsent: { deferred: false } });
  }

  /** A tiltak starting the day it is written. Returns its key for evaluations. */
  action(ago: number, key: string, spec: ActionSpec) {
    if (this.kind !== "relay") throw new Error("demo logs: a concern has no actions");
    if (this.actionRows.has(key)) throw new Error(`demo logs: action ${key} twice`);
    const startOn = this.day(ago);
    const evaluateOn = this.day(spec.evaluate);
    if (evaluateOn <= startOn) throw new Error("demo logs: evaluation before start");
    const actionId = createId();
    const responsible = this.responsibleOf(spec.responsible);
    const { at } = this.append("action", ago, {
      actionId,
      description: spec.description,
      goal: spec.goal,
      ...responsible,
      startOn,
      evaluateOn,
    });
    this.actionRows.set(key, {
      id: actionId,
      logId: this.logId,
      description: spec.description,
      goal: spec.goal,
      ...responsible,
      startOn,
      evaluateOn,
      active: true,
      createdAt: at,
      endedAt: null,
    });
  }

  /** As the domain stores it (insertAction): a person must be the holder or a participant now. */
  private responsibleOf(spec: ActionSpec["responsible"]) {
    if ("other" in spec) return { responsible: spec.other, responsibleKind: "other" as const, responsibleUserId: null };
    if ("family" in spec) return { responsible: "", responsibleKind: spec.family, responsibleUserId: null };
    const userId = this.world.ctx.userIds.get(spec.person);
    const onLog = userId === this.holder.userId || this.participantRows.some((p) => p.userId === userId && !p.endedAt);
    if (!userId || !onLog) throw new Error(`demo logs: ${spec.person} is not on the log`);
    return { responsible: this.world.userNames.get(userId)!, responsibleKind: "person" as const, responsibleUserId: userId };
  }

  evaluate(ago: number, key: string, e: EvaluationSpec) {
    const action = this.actionRows.get(key);
    if (!action || !action.active) throw new Error(`demo logs: no active action ${key}`);
    const next = "next" in e ? this.day(e.next) : undefined;
    if (next !== undefined && next <= this.day(ago)) throw new Error("demo logs: next evaluation must follow the evaluation");
    if (e.decision === "change_level" && e.newLevel === this.level) throw new Error("demo logs: level unchanged");
    this.answeredReminders(action, this.day(ago));
    const { at } = this.append("evaluation", ago, {
      actionId: action.id,
      actionDescription: action.description,
      whatHappened: e.whatHappened,
      whatWorked: e.whatWorked,
      childExperience: e.childExperience,
      decision: e.decision,
      adjustment: e.decision === "adjust" ? e.adjustment : undefined,
      nextEvaluateOn: next,
      newLevel: e.decision === "change_level" ? e.newLevel : undefined,
    });
    if (e.decision === "end") {
      action.active = false;
      action.endedAt = at;
    } else {
      action.evaluateOn = next!;
    }
    if (e.decision === "change_level") this.changeLevel(ago, e.newLevel, e.justification);
  }

  /**
   * The evaluation reminders the scheduler made before this evaluation, as the tick would
   * have: "due in 7 days" (and "overdue" when evaluated late) to the holder and to the
   * responsible person on the log, read the next day, withdrawn when the evaluation was
   * written. So the demo shows reminders that were answered, besides the open ones the
   * scheduler makes on start.
   */
  private answeredReminders(action: { id: string; evaluateOn: string; startOn: string; responsibleUserId?: string | null }, evaluatedOn: string) {
    const noon = (day: string) => new Date(osloNoon(day));
    const soonOn = addDays(action.evaluateOn, -EVALUATION_NOTICE_DAYS);
    const stages: { rule: "evaluation_soon" | "evaluation_overdue"; on: string }[] = [];
    if (soonOn < evaluatedOn) stages.push({ rule: "evaluation_soon", on: soonOn > action.startOn ? soonOn : action.startOn });
    if (addDays(action.evaluateOn, 1) < evaluatedOn) stages.push({ rule: "evaluation_overdue", on: addDays(action.evaluateOn, 1) });
    const onLog = (id: string | null | undefined): id is string => !!id && (id === this.holder.userId || this.participantRows.some((p) => p.userId === id && !p.endedAt));
    const recipients = [...new Set([this.holder.userId, ...(onLog(action.responsibleUserId) ? [action.responsibleUserId] : [])])];
    for (const stage of stages) {
      for (const recipientId of recipients) {
        this.world.rows.reminders.push({
          id: createId(),
          key: `${stage.rule}:${action.id}:${action.evaluateOn}:${recipientId}`,
          rule: stage.rule,
          recipientId,
          logId: this.logId,
          subjectId: action.id,
          state: action.evaluateOn,
          dueOn: action.evaluateOn,
          createdAt: noon(stage.on),
          readAt: noon(addDays(stage.on, 1) < evaluatedOn ? addDays(stage.on, 1) : evaluatedOn),
          withdrawnAt: noon(evaluatedOn),
        });
      }
    }
  }

  changeLevel(ago: number, to: BtiLevel, justification: string) {
    if (this.kind !== "relay") throw new Error("demo logs: not a relay log");
    if (to === this.level) throw new Error("demo logs: level unchanged");
    const from = this.level;
    this.level = to;
    this.append("level_change", ago, { from, to, justification });
  }

  childVoice(ago: number, method: VoiceMethod, text: string) {
    const { on } = this.append("child_voice", ago, { text, method });
    if (!this.lastChildVoiceOn || on > this.lastChildVoiceOn) this.lastChildVoiceOn = on;
  }

  guardianVoice(ago: number, method: VoiceMethod, who: string, text: string) {
    this.append("guardian_voice", ago, { text, method, who });
  }

  correct(ago: number, eventId: string, text: string, reason: string) {
    if (!this.eventRows.some((e) => e.id === eventId)) throw new Error("demo logs: correction of another log's event");
    this.append("correction", ago, { text, reason }, eventId);
  }

  // -------------------------------------------------------------------------------------
  // Consent and collaboration (app/domain/consent; app/domain/logs: log-invitations, handovers)
  // -------------------------------------------------------------------------------------

  /** Whether a complete, given, unexpired consent not yet withdrawn covers the service on a day. */
  private covers(serviceId: string, on: string) {
    const responsible = this.guardianRows.filter((g) => g.parentalResponsibility).map((g) => g.id!);
    return this.consentList.some(
      (c) =>
        c.row.decision === "given" &&
        c.row.givenOn <= on &&
        c.row.expiresOn >= on &&
        (c.withdrawnOn === null || c.withdrawnOn > on) &&
        c.serviceIds.includes(serviceId) &&
        responsible.length > 0 &&
        responsible.every((id) => c.guardianIds.includes(id)),
    );
  }

  /** The holder's own service needs no consent beyond keeping the log; any other must be covered. */
  private assertCovered(serviceId: string, ago: number) {
    if (serviceId === this.holder.serviceId) return;
    if (!this.covers(serviceId, this.day(ago))) throw new Error(`demo logs: no consent covers ${this.world.serviceNames.get(serviceId)}`);
  }

  /** A consent (or a refusal) recorded by the holder. Returns its id. */
  consent(ago: number, spec: ConsentSpec) {
    if (this.kind !== "relay") throw new Error("demo logs: consents belong to relay logs");
    if (spec.form === "oral" && !spec.note) throw new Error("demo logs: an oral consent needs a note");
    if (spec.givenBy.length === 0) throw new Error("demo logs: a consent needs who gave it");
    const guardianIds = spec.givenBy.map((name) => {
      const g = this.guardianRows.find((r) => r.name === name);
      if (!g?.parentalResponsibility) throw new Error(`demo logs: ${name} is not a guardian with parental responsibility`);
      return g.id!;
    });
    const serviceIds = new Set(
      (spec.services ?? []).map((key) => {
        const id = this.world.ctx.serviceIds.get(key);
        if (!id) throw new Error(`demo logs: unknown service ${key}`);
        return id;
      }),
    );
    if (spec.scope === "keep") serviceIds.add(this.holder.serviceId);
    if (serviceIds.size === 0) throw new Error("demo logs: a consent covers some service");
    const givenOn = this.day(ago);
    const expiresOn = addMonths(givenOn, spec.validMonths ?? this.world.consentValidityMonths);
    const decision = spec.decision ?? "given";
    const consentId = createId();
    const { at } = this.append("consent_recorded", ago, {
      consentId,
      scope: spec.scope,
      decision,
      form: spec.form,
      purpose: spec.purpose,
      services: [...serviceIds].map((id) => this.world.serviceNames.get(id)!).sort(),
      givenBy: [...spec.givenBy],
      youngPerson: false,
      givenOn,
      expiresOn,
      replaces: null,
    });
    this.consentList.push({
      row: {
        id: consentId,
        logId: this.logId,
        scope: spec.scope,
        decision,
        form: spec.form,
        note: spec.note ?? null,
        purpose: spec.purpose,
        categories: null,
        youngPerson: false,
        givenOn,
        expiresOn,
        recordedBy: this.holder.userId,
        recordedAt: at,
        status: "active",
        endedAt: null,
        supersedesId: null,
      },
      guardianIds,
      serviceIds: [...serviceIds],
      withdrawnOn: null,
    });
    return consentId;
  }

  /**
   * A sharing consent withdrawn, with effect at once: participants it covered lose access
   * (their rows and entries stay). Withdrawing the consent to keep the log would close it,
   * which no demo log shows.
   */
  withdraw(ago: number, consentId: string, reason: string) {
    const consent = this.consentList.find((c) => c.row.id === consentId);
    if (!consent || consent.row.status !== "active") throw new Error("demo logs: no active consent to withdraw");
    if (consent.row.scope !== "share") throw new Error("demo logs: only a sharing consent is withdrawn in the demo");
    const { on, at } = this.append("consent_withdrawn", ago, {
      consentId,
      scope: consent.row.scope,
      services: consent.serviceIds.map((id) => this.world.serviceNames.get(id)!).sort(),
      reason,
    });
    consent.row.status = "withdrawn";
    consent.row.endedAt = at;
    consent.withdrawnOn = on;
    // The relay would return to an earlier holder (consents.server.ts); no demo log shows that.
    if (!this.covers(this.holder.serviceId, on)) throw new Error("demo logs: the withdrawal uncovers the holder's service");
  }

  /** The holder invites a person in a covered service (or in the holder's own). Returns its id. */
  invite(ago: number, email: string, serviceKey: string, message: string, respondByAgo?: number) {
    if (this.kind !== "relay" || this.state !== "open") throw new Error("demo logs: invitations need an open relay log");
    const invitee = this.person(email, serviceKey);
    if (invitee.userId === this.holder.userId) throw new Error("demo logs: the holder invites someone else");
    this.assertCovered(invitee.serviceId, ago);
    const already =
      this.participantRows.some((p) => p.userId === invitee.userId && !p.endedAt) ||
      [...this.invitationRows.values()].some((i) => i.inviteeId === invitee.userId && i.status === "pending");
    if (already) throw new Error(`demo logs: ${email} already invited`);
    const on = this.day(ago);
    const respondBy = respondByAgo === undefined ? addDays(on, this.world.invitationResponseDays) : this.day(respondByAgo);
    if (respondBy < on) throw new Error("demo logs: respond-by before the invitation");
    const invitationId = createId();
    const named = this.nameOf(invitee);
    const { at } = this.append("invited", ago, {
      invitationId,
      invitee: named.name,
      service: named.service,
      message,
      respondBy,
    });
    this.invitationRows.set(invitationId, {
      id: invitationId,
      logId: this.logId,
      inviteeId: invitee.userId,
      serviceId: invitee.serviceId,
      message,
      respondBy,
      status: "pending",
      reason: null,
      invitedBy: this.holder.userId,
      createdAt: at,
      answeredAt: null,
    });
    return invitationId;
  }

  /** The invitee accepts (and becomes a participant) or declines with a reason. */
  answerInvitation(ago: number, invitationId: string, answer: { accept: true } | { accept: false; reason: string }) {
    const invitation = this.invitationRows.get(invitationId);
    if (!invitation || invitation.status !== "pending") throw new Error("demo logs: no pending invitation");
    const invitee = { userId: invitation.inviteeId, serviceId: invitation.serviceId };
    if (answer.accept) this.assertCovered(invitee.serviceId, ago);
    const named = this.nameOf(invitee);
    const reason = answer.accept ? null : answer.reason;
    const { at } = this.as(invitee, () =>
      this.append("invitation_answered", ago, {
        invitationId,
        invitee: named.name,
        service: named.service,
        accepted: answer.accept,
        reason,
      }),
    );
    invitation.status = answer.accept ? "accepted" : "declined";
    invitation.reason = reason;
    invitation.answeredAt = at;
    if (answer.accept) {
      this.participantRows.push({ id: createId(), logId: this.logId, ...invitee, joinedAt: at, endedAt: null });
    }
  }

  /** The holder proposes a new holder; the old one holds until the new one accepts. Returns its id. */
  proposeHandover(ago: number, email: string, serviceKey: string, message: string) {
    if (this.kind !== "relay" || this.state !== "open") throw new Error("demo logs: handovers need an open relay log");
    const to = this.person(email, serviceKey);
    if (to.userId === this.holder.userId) throw new Error("demo logs: a handover goes to someone else");
    this.assertCovered(to.serviceId, ago);
    if ([...this.handoverRows.values()].some((h) => h.status === "proposed")) throw new Error("demo logs: a handover is pending");
    const handoverId = createId();
    const named = this.nameOf(to);
    const { at } = this.append("handover_proposed", ago, { handoverId, to: named.name, toService: named.service, message });
    this.handoverRows.set(handoverId, {
      id: handoverId,
      logId: this.logId,
      fromUserId: this.holder.userId,
      fromServiceId: this.holder.serviceId,
      toUserId: to.userId,
      toServiceId: to.serviceId,
      message,
      status: "proposed",
      reason: null,
      proposedAt: at,
      answeredAt: null,
    });
    return handoverId;
  }

  /** Accepted: the new person holds from now on, and the old holder stays on as a participant. */
  acceptHandover(ago: number, handoverId: string) {
    const handover = this.handoverRows.get(handoverId);
    if (!handover || handover.status !== "proposed" || handover.fromUserId !== this.holder.userId) {
      throw new Error("demo logs: no handover to accept");
    }
    const to = { userId: handover.toUserId, serviceId: handover.toServiceId };
    this.assertCovered(to.serviceId, ago);
    const from = this.holder;
    const named = this.nameOf(to);
    this.holder = to;
    const { at } = this.append("handover_answered", ago, {
      handoverId,
      to: named.name,
      toService: named.service,
      accepted: true,
      reason: null,
    });
    handover.status = "accepted";
    handover.answeredAt = at;
    // The new holder is no longer a participant; the old holder becomes one.
    for (const p of this.participantRows) if (p.userId === to.userId && !p.endedAt) p.endedAt = at;
    this.participantRows.push({ id: createId(), logId: this.logId, ...from, joinedAt: at, endedAt: null });
  }

  /** Close. Every action must have been ended first, so nothing is left to evaluate. */
  close(ago: number, reason: CloseReason, summary: string, guardiansToldAgo: number | null) {
    if ((this.kind === "concern") !== (reason === "no_further_concern")) throw new Error("demo logs: reason does not fit");
    if (this.kind === "relay" && guardiansToldAgo === null) throw new Error("demo logs: guardians must be told");
    if ([...this.actionRows.values()].some((a) => a.active)) throw new Error("demo logs: end the actions before closing");
    const { at } = this.append("closed", ago, {
      reason,
      summary,
      guardiansToldOn: guardiansToldAgo === null ? null : this.day(guardiansToldAgo),
    });
    this.state = "closed";
    this.closeReason = reason;
    this.closedAt = at;
  }

  /** Add this log's rows, with the denormalised columns derived from what was written. */
  finish() {
    const { rows, today, decisionDays } = this.world;
    if (!this.createdAt || !this.lastAt) throw new Error("demo logs: empty log");
    const [years, days] = this.child.age;
    const birthDate = addDays(today, -(Math.round(years * 365.25) + days));
    rows.children.push({
      id: this.childId,
      name: this.child.name,
      birthDate,
      nationalId: this.child.syntheticNationalId ? syntheticNationalId(birthDate) : null,
      createdBy: this.creator.userId,
      createdAt: this.createdAt,
    });
    for (const key of this.child.attends) {
      const serviceId = this.world.ctx.serviceIds.get(key);
      if (!serviceId) throw new Error(`demo logs: unknown service ${key}`);
      rows.childServices.push({ childId: this.childId, serviceId });
    }
    rows.guardians.push(...this.guardianRows);
    const open = this.state === "open";
    const active = [...this.actionRows.values()].filter((a) => a.active).map((a) => a.evaluateOn);
    const createdOn = this.eventRows[0]!.occurredOn;
    rows.logs.push({
      id: this.logId,
      childId: this.childId,
      kind: this.kind,
      state: this.state,
      level: this.level,
      holderId: this.holder.userId,
      holderServiceId: this.holder.serviceId,
      sharedWithLeader: this.sharedWithLeader,
      decisionDueOn: open && this.kind === "concern" ? addDays(createdOn, decisionDays) : null,
      nextEvaluationOn: open && active.length > 0 ? active.reduce((a, b) => (a < b ? a : b)) : null,
      lastChildVoiceOn: this.lastChildVoiceOn,
      closeReason: this.closeReason,
      closedAt: this.closedAt,
      guideVersionId: this.world.guideVersionId,
      createdBy: this.creator.userId,
      createdAt: this.createdAt,
      updatedAt: this.lastAt,
    });
    rows.events.push(...this.eventRows);
    rows.actions.push(...this.actionRows.values());
    if (this.kind === "relay" && !this.consentList.some((c) => c.row.scope === "keep" && c.row.decision === "given")) {
      throw new Error(`demo logs: ${this.child.name}'s relay log has no consent to keep it`);
    }
    if (
      this.becameOn &&
      !this.consentList.some((c) => c.row.scope === "keep" && c.row.decision === "given" && c.row.givenOn === this.becameOn)
    ) {
      throw new Error(`demo logs: ${this.child.name}'s become step says the keep consent was recorded, but none was given that day`);
    }
    for (const c of this.consentList) {
      rows.consents.push(c.row);
      rows.consentGuardians.push(...c.guardianIds.map((guardianId) => ({ consentId: c.row.id!, guardianId })));
      rows.consentServices.push(...c.serviceIds.map((serviceId) => ({ consentId: c.row.id!, serviceId })));
    }
    rows.invitations.push(...this.invitationRows.values());
    rows.participants.push(...this.participantRows);
    rows.handovers.push(...this.handoverRows.values());
  }
}
