import { eq } from "drizzle-orm";
import type { Transaction } from "../client.server";
import {
  actions,
  childServices,
  children,
  consentGuardians,
  consentServices,
  consents,
  guardians,
  guideSettings,
  handovers,
  logEvents,
  logInvitations,
  logParticipants,
  logs,
  services,
  users,
} from "../schema";
import { addDays, todayInOslo } from "../../app/lib/dates";
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
} from "../../app/lib/enums";
import { createId } from "../../app/lib/ids";
import { syntheticNationalId } from "../../app/lib/national-id";
import type { EventData } from "../../app/lib/timeline";

/**
 * The demo municipality's relay logs: twelve invented children, with level-0 concerns
 * and relay logs at every level and in every state, held by the demo teacher, the
 * kindergarten teacher and the school nurse (issue 3 item 13).
 *
 * Every date is counted back from the seed day, so the demo looks lived-in whenever it is
 * started: evaluations fall due in the coming weeks, except one deliberately overdue, and
 * one log has gone too long without the child's voice. The rows are written directly
 * (the domain functions stamp "now" and refuse past dates), so `DemoLog` below keeps the
 * denormalised columns — level, state, close fields, next_evaluation_on,
 * last_child_voice_on, decision_due_on — in step with the events, the way
 * the domain's writes in app/domain/logs/ do.
 *
 * Every relay log has a complete consent to keep it, given by its guardians with parental
 * responsibility around the day it became a relay log. The logs at level 2 and 3 have the
 * sharing consents, invitations and participants their story needs, and each participant
 * passes the consent gate (app/domain/access/consent-gate.server.ts) — except one, on purpose:
 * on Ella's log the consent covering the school nurse was withdrawn, so she has lost access
 * while her row and what she wrote stay. Sara's log was started by the teacher and handed
 * over to the nurse. There is also a partial consent (one of two guardians), an expired
 * one, a refusal, and an invitation left unanswered past its date (issue 4).
 *
 * All names are made up. Two children have synthetic (Tenor-style) national ids.
 */
export interface DemoLogsContext {
  /** The seed time; dates are counted back from its day in Oslo. */
  now: Date;
  /** Demo user ids by e-mail (db/seed/demo.ts). */
  userIds: ReadonlyMap<string, string>;
  /** Demo service ids by key (db/seed/demo.ts). */
  serviceIds: ReadonlyMap<string, string>;
}

type ChildRow = typeof children.$inferInsert;
type ChildServiceRow = typeof childServices.$inferInsert;
type GuardianRow = typeof guardians.$inferInsert;
type LogRow = typeof logs.$inferInsert;
type EventRow = typeof logEvents.$inferInsert;
type ActionRow = typeof actions.$inferInsert;
type ConsentRow = typeof consents.$inferInsert;
type ConsentGuardianRow = typeof consentGuardians.$inferInsert;
type ConsentServiceRow = typeof consentServices.$inferInsert;
type InvitationRow = typeof logInvitations.$inferInsert;
type ParticipantRow = typeof logParticipants.$inferInsert;
type HandoverRow = typeof handovers.$inferInsert;

interface Rows {
  children: ChildRow[];
  childServices: ChildServiceRow[];
  guardians: GuardianRow[];
  logs: LogRow[];
  events: EventRow[];
  actions: ActionRow[];
  consents: ConsentRow[];
  consentGuardians: ConsentGuardianRow[];
  consentServices: ConsentServiceRow[];
  invitations: InvitationRow[];
  participants: ParticipantRow[];
  handovers: HandoverRow[];
}

interface World {
  today: string;
  decisionDays: number;
  evaluationIntervalDays: number;
  consentValidityMonths: number;
  invitationResponseDays: number;
  /** Names by id, for the events that name people and services. */
  userNames: ReadonlyMap<string, string>;
  serviceNames: ReadonlyMap<string, string>;
  ctx: DemoLogsContext;
  rows: Rows;
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


// ---------------------------------------------------------------------------------------
// One log, built event by event
// ---------------------------------------------------------------------------------------

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
}

interface ActionSpec {
  description: string;
  goal: string;
  responsible: string;
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
class DemoLog {
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
      createdAt: at,
    });
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
    const { at } = this.append("action", ago, {
      actionId,
      description: spec.description,
      goal: spec.goal,
      responsible: spec.responsible,
      startOn,
      evaluateOn,
    });
    this.actionRows.set(key, {
      id: actionId,
      logId: this.logId,
      description: spec.description,
      goal: spec.goal,
      responsible: spec.responsible,
      startOn,
      evaluateOn,
      active: true,
      createdAt: at,
      endedAt: null,
    });
  }

  evaluate(ago: number, key: string, e: EvaluationSpec) {
    const action = this.actionRows.get(key);
    if (!action || !action.active) throw new Error(`demo logs: no active action ${key}`);
    const next = "next" in e ? this.day(e.next) : undefined;
    if (next !== undefined && next <= this.day(ago)) throw new Error("demo logs: next evaluation must follow the evaluation");
    if (e.decision === "change_level" && e.newLevel === this.level) throw new Error("demo logs: level unchanged");
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

// ---------------------------------------------------------------------------------------
// The demo logs
// ---------------------------------------------------------------------------------------

const TEACHER = "laerer@eksempel.no";
const KINDERGARTEN_TEACHER = "barnehagelaerer@eksempel.no";
const NURSE = "helsesykepleier@eksempel.no";
const PPT_ADVISER = "ppt@eksempel.no";
/** The demo's family account: Noah's mother, who signs in with a code from the mail folder. */
export const DEMO_GUARDIAN = "forelder@eksempel.no";
const SECOND_TEACHER = "laerer2@eksempel.no";

/**
 * Solbakken skole, Ingrid Solvik (kontaktlærer 5B): five logs, and Sara's (nurseLogs), which
 * she started and handed over to the school nurse.
 */
function teacherLogs(w: World) {
  const D = w.decisionDays;

  // Level 0, open, discussed with the principal; the decision is due in two days.
  const emil = new DemoLog(w, TEACHER, "school", { name: "Emil Bråten", age: [10, 140], attends: ["school"] });
  const s1 = D - 2;
  emil.concern(
    s1,
    "Emil har sovnet på pulten to ganger denne uka, og han virker sliten og blek nesten hver morgen. Han har flere ganger sagt at han ikke har spist frokost.",
    "Observert i første time (norsk og matematikk) mandag og torsdag. Emil har tidligere vært en aktiv elev som gjerne rekker opp hånda.",
  );
  emil.observation(
    s1 - 2,
    "Emil gjespet gjennom hele matematikktimen og la hodet på armene i stillearbeidet. I friminuttet sto han for seg selv ved inngangen i stedet for å spille fotball, som han pleier.",
  );
  emil.observation(s1 - 4, "Kom ti minutter for sent i dag. Hadde med matpakke, men spiste bare halvparten. Virket i bedre form etter lunsj.");
  emil.childVoice(
    s1 - 5,
    "conversation",
    "Emil sier at han er trøtt fordi han sitter lenge oppe med nettbrettet etter at mamma har lagt seg. «Det er bare det at jeg ikke får sove», sa han. Han liker seg på skolen og vil gjerne spille fotball i friminuttene igjen.",
  );
  emil.note(
    s1 - 5,
    "Drøftet med sosiallærer hvordan jeg kan ta det opp med hjemmet uten at det oppleves anklagende. Plan: ringe mor og spørre åpent om søvn og morgenrutiner.",
  );
  emil.guardian(s1 - 6, { name: "Kari Bråten", relation: "mother", parentalResponsibility: true, told: true });
  emil.guardianVoice(
    s1 - 6,
    "conversation",
    "Kari Bråten (mor)",
    "Mor forteller at hun har begynt i ny jobb med turnus, og at det har vært vanskelig å holde faste legge- og morgenrutiner. Hun er glad for at skolen sa ifra, og vil ta inn nettbrettet om kvelden.",
  );
  emil.shareWithLeader(s1 - 7);
  emil.note(
    s1 - 7,
    "Drøftet saken med rektor. Vi følger Emil tett i to uker til og ser om de nye rutinene hjemme hjelper, før vi avgjør om det skal bli en stafettlogg.",
  );

  // Level 1, open: reading. One evaluation is overdue; an early note is corrected. The consent
  // to discuss Sofie with PPT has expired, and its renewal is signed by one of two guardians
  // only (partial: it opens nothing). A colleague's invitation is unanswered past its date.
  const sofie = new DemoLog(w, TEACHER, "school", { name: "Sofie Lund Nilsen", age: [10, 61], attends: ["school"] });
  sofie.concern(
    118,
    "Sofie unngår å lese høyt og blir urolig når det er lesetid. Hun leser merkbart saktere enn klassekameratene og gjetter ofte på ord ut fra første bokstav.",
    "Lesestund i norsktimene og stasjonsundervisning. Kartleggingsprøven i lesing fra 4. trinn lå under bekymringsgrensen.",
  );
  sofie.observation(
    112,
    "Under stasjonsundervisningen gikk Sofie på do to ganger akkurat da det var hennes tur til å lese. Hun sier selv at «bøker er kjedelige». I matematikk og kunst og håndverk er hun engasjert og hjelper gjerne andre.",
  );
  sofie.guardian(110, { name: "Camilla Nilsen", relation: "mother", parentalResponsibility: true, told: true });
  sofie.guardian(110, { name: "Martin Lund", relation: "father", parentalResponsibility: true, told: true });
  sofie.guardianVoice(
    110,
    "meeting",
    "Camilla Nilsen og Martin Lund",
    "Foreldrene kjenner seg igjen. Sofie vil ikke lese høyt hjemme heller, og leksene ender ofte i krangel. Far hadde selv lese- og skrivevansker som barn. De ønsker tiltak og vil gjerne bidra hjemme.",
  );
  sofie.becameLog(110, 1);
  sofie.consent(110, {
    scope: "keep",
    form: "written",
    purpose: "Stafettlogg for Sofie: tiltak i skolen for lesing, og samarbeid med foreldrene om lesing hjemme",
    givenBy: ["Camilla Nilsen", "Martin Lund"],
  });
  sofie.consent(108, {
    scope: "share",
    form: "written",
    purpose: "Drøfte Sofies lesing med PPT og få råd til skolens tiltak, i tre måneder mens lesegruppa prøves ut",
    givenBy: ["Camilla Nilsen", "Martin Lund"],
    services: ["ppt"],
    validMonths: 3,
  });
  sofie.action(108, "group", {
    description: "Leselyst-gruppe tre ganger i uka (20 minutter) med spesialpedagog, i gruppe med tre elever",
    goal: "Sofie skal oppleve mestring og lese høyt i liten gruppe uten å vegre seg",
    responsible: "Ingrid Solvik (kontaktlærer) og spesialpedagog",
    evaluate: 66,
  });
  sofie.action(108, "home", {
    description: "Lydbøker og selvvalgte tegneseriebøker hjemme, 15 minutter hver kveld",
    goal: "Mer lesing hjemme uten krangel; Sofie velger selv hva hun leser",
    responsible: "Foreldrene, med boklister fra skolebiblioteket",
    evaluate: 66,
  });
  const callNote = sofie.note(100, "Mor ringte og fortalte at Sofie gruer seg til å lese høyt på mandager.");
  sofie.correct(
    99,
    callNote,
    "Det var far, ikke mor, som ringte. Sofie gruer seg til å lese høyt i klassen på fredager (ukeoppsummeringen), ikke mandager.",
    "Feil forelder og feil ukedag i notatet.",
  );
  sofie.childVoice(
    75,
    "conversation",
    "Sofie sier at lesegruppa er «helt ok» fordi ingen ler når hun leser feil. Hun liker tegneseriene best. Hun vil ikke lese høyt for hele klassen ennå, men kan tenke seg å lese for én venninne.",
  );
  sofie.evaluate(66, "group", {
    whatHappened:
      "Sofie har vært med på 16 av 18 økter. Hun leser nå høyt i gruppa uten å protestere, og lesehastigheten har økt noe på de siste målingene.",
    whatWorked: "Liten gruppe, faste tider og tekster på riktig nivå. Å få velge tekst selv.",
    childExperience: "Sofie sier at det er fint å være i gruppa og at hun er «litt bedre til å lese nå».",
    decision: "continue",
    next: 4, // deliberately overdue: the special-needs teacher has been away (see note below)
  });
  sofie.evaluate(66, "home", {
    whatHappened: "Sofie har hørt lydbøker de fleste kvelder, men leser sjelden selv. Det er mindre krangel hjemme.",
    whatWorked: "Lydbøkene, og at foreldrene ikke presser.",
    childExperience: "Hun synes lydbøker er gøy, men å lese selv er fortsatt «slitsomt».",
    decision: "adjust",
    adjustment: "Bytter til «les og lytt»: Sofie følger med i boka mens hun hører lydboka, 10 minutter. Far leser annenhver side.",
    next: -10,
  });
  sofie.guardianVoice(
    60,
    "conversation",
    "Martin Lund (far)",
    "Far forteller at kveldslesingen har blitt en fin stund. Sofie har selv bedt om å få låne neste bok i serien.",
  );
  sofie.observation(
    30,
    "Sofie meldte seg frivillig til å lese replikken sin da klassen viste fram skuespillet. Hun leste litt stakkato, men fullførte og smilte etterpå.",
  );
  sofie.childVoice(
    20,
    "conversation",
    "I elevsamtalen sa Sofie at hun vil fortsette i lesegruppa «fordi det hjelper». Hun ønsker seg flere tegneseriebøker i klasserommet.",
  );
  sofie.consent(14, {
    scope: "share",
    form: "written",
    purpose: "Henvise Sofie til PPT for utredning av lese- og skrivevansker (fornyer samtykket som er utløpt)",
    givenBy: ["Camilla Nilsen"],
    services: ["ppt"],
  });
  sofie.note(
    12,
    "Spesialpedagogen har vært sykmeldt i to uker, så lesegruppa har hatt færre økter enn planlagt. Evalueringen av lesegruppa tas når hun er tilbake. Mor har skrevet under på det nye samtykket til PPT; far vil snakke med meg først, så henvisningen venter.",
  );
  sofie.invite(
    12,
    SECOND_TEACHER,
    "school",
    "Kan du ta lesegruppa til Sofie mandag og torsdag mens spesialpedagogen er sykmeldt? Du har et fritt kvarter i samme time. Svar gjerne innen fredag.",
    5, // deliberately overdue: no answer yet
  );

  // Level 2, open: conflicts. Two guardians, only the mother has parental responsibility, so
  // her consent alone is complete. PPT and the school nurse take part; the mother refused a
  // referral to BUP. The child's voice was last heard more than the evaluation interval ago
  // (flagged).
  const noah = new DemoLog(w, TEACHER, "school", { name: "Noah Hagen Eriksen", age: [11, 20], attends: ["school"] });
  noah.concern(
    140,
    "Noah havner ofte i konflikter i friminuttene. Denne uka har han tre ganger blitt så sint at han har kastet ting og løpt fra inspiserende voksen.",
    "Friminutt på ballbanen og i garderoben etter kroppsøving. Konfliktene starter ofte rundt regler i spill. Noah byttet skole for et halvt år siden.",
  );
  noah.observation(
    135,
    "Fulgte Noah i storefri. Han var med på fotball, men da laget hans lå under, anklaget han de andre for juks og sparket ballen over gjerdet. Han roet seg da en voksen gikk bort og snakket rolig med ham.",
  );
  noah.childVoice(
    133,
    "conversation",
    "Noah sier at de andre ikke vil ha ham med, og at de «alltid skylder på meg». Han savner vennene fra den gamle skolen. Han sier at han blir sint «i hele kroppen» og ikke klarer å stoppe.",
  );
  noah.guardian(130, { name: "Line Hagen", relation: "mother", parentalResponsibility: true, told: true });
  noah.guardian(130, { name: "Thomas Eriksen", relation: "father", parentalResponsibility: false, told: true });
  noah.guardianVoice(
    130,
    "meeting",
    "Line Hagen (mor)",
    "Mor forteller at Noah har hatt det tøft etter samlivsbruddet i fjor og flyttingen for et halvt år siden. Han er også mye sint hjemme. Hun ønsker hjelp og samtykker til at skolen tar kontakt med PPT.",
  );
  noah.becameLog(130, 1);
  noah.consent(130, {
    scope: "keep",
    form: "written",
    purpose: "Stafettlogg for Noah: tiltak i skolen mot konflikter i friminuttene",
    givenBy: ["Line Hagen"],
  });
  noah.action(128, "talk", {
    description: "Fast samtale med kontaktlærer hver fredag (15 minutter) om uka som har gått",
    goal: "Noah skal ha en trygg voksen å snakke med og lære å sette ord på sinne",
    responsible: "Ingrid Solvik, kontaktlærer",
    evaluate: 44,
  });
  noah.action(128, "recess", {
    description: "Organisert aktivitet med voksen til stede i storefri tre dager i uka",
    goal: "Færre konflikter i friminuttene; Noah skal være med i lek på lik linje med de andre",
    responsible: "Inspiserende lærere på 5. trinn",
    evaluate: 86,
  });
  noah.consent(88, {
    scope: "share",
    form: "written",
    purpose: "Samarbeid med PPT (observasjon og vurdering av sinne og samspill) og med helsesykepleier (samtaler med Noah)",
    givenBy: ["Line Hagen"],
    services: ["ppt", "health"],
  });
  const pptInvitation = noah.invite(
    88,
    PPT_ADVISER,
    "ppt",
    "Mor har samtykket til samarbeid med PPT. Kan du observere Noah i friminuttene og være med på samarbeidsmøtet?",
  );
  const nurseInvitation = noah.invite(
    88,
    NURSE,
    "health",
    "Mor ønsker at Noah får samtaler med helsesykepleier om søvn og sinne, og har samtykket. Kan du bli med i loggen?",
  );
  noah.answerInvitation(87, pptInvitation, { accept: true });
  noah.answerInvitation(87, nurseInvitation, { accept: true });
  noah.evaluate(86, "recess", {
    whatHappened:
      "Konfliktene i storefri er færre (fra tre–fire i uka til én–to), men det har vært to alvorlige episoder i garderoben der ingen voksen var til stede.",
    whatWorked: "Aktiviteter med faste regler og en voksen som dømmer.",
    childExperience: "Noah sier at friminuttene er bedre nå, men at garderoben er «dritt».",
    decision: "change_level",
    newLevel: 2,
    justification:
      "Tiltakene i egen tjeneste er ikke nok. Vi trenger PPTs vurdering av Noahs sinne og samspill med andre. Mor har samtykket til samarbeid med PPT og helsesykepleier, og begge er med i loggen.",
    next: 44,
  });
  noah.meeting(
    80,
    "Samarbeidsmøte med PPT",
    "Line Hagen (mor), Jonas Brekkestø (PPT), Siri Haugvik (helsesykepleier), Ingrid Solvik (kontaktlærer), Tor Aamodt (rektor)",
    "Gjennomgang av observasjonene så langt. PPT observerer Noah i to skoledager, også i friminuttene. Skolen setter inn voksen i garderoben etter kroppsøving. Mor får tilbud om foreldreveiledning ved familiesenteret. Nytt møte om seks uker.",
  );
  noah.action(80, "changing", {
    description: "Voksen til stede i garderoben før og etter kroppsøving",
    goal: "Ingen konflikter i garderoben",
    responsible: "Faglærer i kroppsøving",
    evaluate: 38,
  });
  noah.observation(
    70,
    "PPT observerte i dag. Noah var rolig i timene, men ble urolig i overgangen til friminutt. Han kom to ganger til meg for å fortelle om ting som hadde skjedd, i stedet for å gå i konflikt.",
  );
  noah.by(NURSE, (l) =>
    l.note(
      64,
      "Første samtale med Noah. Han legger seg sent fordi han spiller på telefonen, og sier selv at han blir sintest når han er trøtt. Vi har laget en avtale om leggetid som mor har fått. Samtaler annenhver uke fremover.",
    ),
  );
  noah.childVoice(
    w.evaluationIntervalDays + 16,
    "conversation",
    "Noah sier at fredagssamtalene er «greie» og at det er lettere å si ifra før han blir sint. Han ønsker å få sitte sammen med Elias.",
  );
  noah.evaluate(44, "talk", {
    whatHappened:
      "Fredagssamtalene er gjennomført nesten hver uke. Noah bruker «trafikklys»-kortet for å si fra når han kjenner at sinnet kommer.",
    whatWorked: "Fast tid, samme voksen og korte samtaler.",
    childExperience: "Noah har tidligere sagt at samtalene hjelper. Han ble ikke spurt på nytt denne gangen.",
    decision: "continue",
    next: -5,
  });
  noah.evaluate(44, "recess", {
    whatHappened: "Én konflikt i storefri siden forrige evaluering. Noah har fått en fast venn å være med.",
    whatWorked: "Voksenstyrte aktiviteter og faste lag.",
    childExperience: "Ikke spurt denne gangen.",
    decision: "continue",
    next: -9,
  });
  noah.evaluate(38, "changing", {
    whatHappened: "Ingen konflikter i garderoben siden tiltaket startet.",
    whatWorked: "At en voksen er til stede hele tiden.",
    childExperience: "Ikke spurt denne gangen.",
    decision: "continue",
    next: -12,
  });
  noah.guardianVoice(
    30,
    "conversation",
    "Thomas Eriksen (far)",
    "Far ringte skolen. Han har Noah annenhver helg og merker at han er roligere. Han ønsker referat fra møtene. Far er informert om at han ikke har foreldreansvar, men har rett til informasjon om Noahs skolegang.",
  );
  noah.by(PPT_ADVISER, (l) =>
    l.note(
      22,
      "PPT-rapporten er ferdig. Noah strever med å regulere sinne i overganger og i situasjoner uten faste rammer; vi ser ingen tegn til lærevansker. PPT anbefaler fortsatt voksenstøtte i overganger og trening på sosiale ferdigheter i liten gruppe. Om utbruddene ikke avtar i løpet av vinteren, bør en henvisning til BUP drøftes med mor.",
    ),
  );
  noah.note(
    20,
    "Gikk gjennom PPT-rapporten med mor på telefon. Nytt samarbeidsmøte avtales. Husk å snakke med Noah selv før møtet.",
  );
  noah.consent(20, {
    scope: "share",
    decision: "refused",
    form: "oral",
    note: "Telefonsamtale med mor om PPT-rapporten. Mor ønsker ikke at Noah henvises til BUP nå; hun vil først se om tiltakene fra PPT virker, og tar det opp igjen på neste samarbeidsmøte.",
    purpose: "Henvisning til BUP for vurdering av Noahs sinneutbrudd",
    givenBy: ["Line Hagen"],
    services: ["bup"],
  });
  // The mother follows the log herself: the demo's family account (forelder@eksempel.no).
  noah.familyAccess(18, "Line Hagen", DEMO_GUARDIAN);

  // Up to level 2 with the school health service, and back down to 1: absence. When the
  // collaboration ended, the parents withdrew the consent covering the nurse: her
  // participant row and her evaluation stay, but she no longer has access (on purpose).
  const ella = new DemoLog(w, TEACHER, "school", { name: "Ella Myrvold", age: [10, 203], attends: ["school"] });
  ella.concern(
    150,
    "Ella har hatt elleve dager fravær de siste to månedene, de fleste på mandager. Når hun er på skolen, klager hun ofte over vondt i magen og vil ringe hjem.",
    "Fraværet er registrert i skolens system, og foreldrene melder sykdom. Magevondtene kommer oftest før matematikk og før prøver.",
  );
  ella.observation(
    146,
    "Ella satt på benken utenfor klasserommet og gråt før matteprøven. Hun ble med inn etter at vi hadde snakket sammen, og fikk sitte nær døra.",
  );
  ella.guardian(143, { name: "Hanne Myrvold", relation: "mother", parentalResponsibility: true, told: true });
  ella.guardian(143, { name: "Kristian Myrvold", relation: "father", parentalResponsibility: true, told: true });
  ella.guardianVoice(
    143,
    "meeting",
    "Hanne og Kristian Myrvold",
    "Foreldrene forteller at Ella har vondt i magen nesten hver søndag kveld og gruer seg til skolen. Fastlegen har ikke funnet noe fysisk galt. De er lettet over at skolen tar det opp.",
  );
  ella.becameLog(143, 1);
  ella.consent(143, {
    scope: "keep",
    form: "written",
    purpose: "Stafettlogg for Ella: fravær og magesmerter før prøver, tiltak i skolen",
    givenBy: ["Hanne Myrvold", "Kristian Myrvold"],
  });
  ella.action(140, "morning", {
    description: "Myk start: Ella møter kontaktlærer ved inngangen kl. 08.20 og har en fast oppgave de første ti minuttene",
    goal: "Ella skal komme på skolen hver dag og oppleve en trygg start på dagen",
    responsible: "Ingrid Solvik, kontaktlærer",
    evaluate: 98,
  });
  ella.childVoice(
    138,
    "conversation",
    "Ella sier at det verste er prøver, og at hun er redd for å «svare feil foran alle». Hun liker å hjelpe til med å dele ut bøker om morgenen.",
  );
  const ellaNurseConsent = ella.consent(100, {
    scope: "share",
    form: "oral",
    note: "Telefonsamtale med mor og far hver for seg. Begge samtykker til at helsesykepleier har samtaler med Ella om uro og stress, og til at skolen og helsesykepleier samarbeider om tiltakene.",
    purpose: "Samtaler med helsesykepleier om uro og stress, og samarbeid mellom skolen og skolehelsetjenesten",
    givenBy: ["Hanne Myrvold", "Kristian Myrvold"],
    services: ["health"],
  });
  const ellaInvitation = ella.invite(
    100,
    NURSE,
    "health",
    "Foreldrene har samtykket til at du har samtaler med Ella om uro og stress før prøver. Kan du bli med i loggen og på samarbeidsmøtet?",
  );
  ella.answerInvitation(99, ellaInvitation, { accept: true });
  ella.evaluate(98, "morning", {
    whatHappened:
      "Fraværet har gått noe ned, men Ella har fortsatt vondt i magen før prøver og har vært borte fire dager den siste måneden.",
    whatWorked: "Den faste morgenoppgaven: Ella kommer lettere inn i klasserommet.",
    childExperience: "Ella sier at morgenene er bedre, men at hun fortsatt gruer seg til prøver.",
    decision: "change_level",
    newLevel: 2,
    justification:
      "Magesmertene og skolevegringen vedvarer. Med foreldrenes samtykke trekkes helsesykepleier inn for samtaler med Ella om uro og stress.",
    next: 55,
  });
  ella.meeting(
    95,
    "Samarbeidsmøte skole og skolehelsetjeneste",
    "Hanne Myrvold (mor), Siri Haugvik (helsesykepleier), Ingrid Solvik (kontaktlærer)",
    "Helsesykepleier tilbyr Ella samtaler annenhver uke om uro og stress. Skolen varsler prøver en uke i forveien og lar Ella ta prøver på grupperom ved behov. Evaluering om seks uker.",
  );
  ella.action(95, "nurse", {
    description: "Samtaler med helsesykepleier annenhver uke om uro og stress",
    goal: "Ella skal kjenne igjen uro i kroppen og ha noen konkrete måter å håndtere den på",
    responsible: "Siri Haugvik, helsesykepleier",
    evaluate: 53,
  });
  ella.action(95, "tests", {
    description: "Prøver varsles en uke i forveien, og Ella kan ta prøver på grupperom",
    goal: "Mindre prøveangst og ikke fravær på prøvedager",
    responsible: "Kontaktlærer og faglærere",
    evaluate: 53,
  });
  ella.childVoice(
    70,
    "drawing",
    "Ella tegnet «magen når jeg gruer meg» som en storm, og «magen nå» som en sol med noen skyer. Hun sier at pusteøvelsene fra helsesykepleier hjelper «litt mye».",
  );
  ella.evaluate(55, "morning", {
    whatHappened: "Ella har kommet på skolen hver dag de siste to ukene og går rett inn i klasserommet.",
    whatWorked: "Den faste morgenoppgaven.",
    childExperience: "Ella vil fortsatt dele ut bøkene om morgenen.",
    decision: "continue",
    next: -14,
  });
  ella.by(NURSE, (l) =>
    l.evaluate(53, "nurse", {
      whatHappened: "Ella har hatt fem samtaler. Hun bruker pusteøvelser og har selv fortalt foreldrene når hun gruer seg.",
      whatWorked: "Faste samtaler, og at Ella får sette ord på det hun kjenner.",
      childExperience: "Ella sier at hun ikke trenger å snakke med helsesykepleier så ofte lenger.",
      decision: "end",
    }),
  );
  ella.evaluate(53, "tests", {
    whatHappened: "Ella har tatt tre prøver, to av dem på grupperom. Hun har ikke hatt fravær på prøvedager.",
    whatWorked: "Varsel i god tid og muligheten for grupperom.",
    childExperience: "Ella sier at det hjelper å vite om prøvene lenge før.",
    decision: "change_level",
    newLevel: 1,
    justification:
      "Ella har ikke hatt fravær de siste seks ukene, og magesmertene er sjeldne. Samarbeidet med skolehelsetjenesten avsluttes etter avtale med Ella og foreldrene; skolen fortsetter tiltakene i egen tjeneste.",
    next: -20,
  });
  ella.withdraw(
    52,
    ellaNurseConsent,
    "Samarbeidet med skolehelsetjenesten er avsluttet. Foreldrene ønsker ikke lenger at opplysninger om Ella deles med helsesykepleier; Ella kan fortsatt bruke skolehelsetjenestens åpne dør.",
  );
  ella.guardianVoice(
    50,
    "conversation",
    "Hanne Myrvold (mor)",
    "Mor forteller at søndagskveldene er roligere. Ella har begynt på håndball igjen.",
  );
  ella.childVoice(25, "conversation", "Ella sier at skolen er «mye bedre nå». Hun vil fortsatt ha beskjed om prøver i god tid.");

  // Level 0, closed with "no further concern"; never discussed with the leader.
  const oskar = new DemoLog(w, TEACHER, "school", { name: "Oskar Lie", age: [10, 310], attends: ["school"] });
  oskar.concern(
    75,
    "Oskar har vært stille og trukket seg unna de siste to ukene. Han sitter alene i friminuttene og har sluttet å rekke opp hånda.",
    "Endringen kom brått for to uker siden. Han har tidligere vært en aktiv og sosial elev.",
  );
  oskar.observation(72, "Oskar satt alene på trappa i begge friminuttene i dag. Da jeg spurte om han ville være med på kanonball, ristet han på hodet.");
  oskar.childVoice(
    70,
    "conversation",
    "Oskar fortalte at hunden til familien døde for to uker siden, og at han er lei seg. Han vil ikke at de andre i klassen skal vite det.",
  );
  oskar.guardian(69, { name: "Elin Lie", relation: "mother", parentalResponsibility: true, told: true });
  oskar.guardianVoice(
    69,
    "conversation",
    "Elin Lie (mor)",
    "Mor bekrefter at Oskar har tatt det tungt at hunden døde, og at han har vært stille hjemme også. Hun synes det er fint at læreren følger med, og de snakker mye om det hjemme.",
  );
  oskar.observation(62, "Oskar var med på fotball i storefri og lo sammen med de andre. Han fortalte meg at familien skal få valp.");
  oskar.close(
    61,
    "no_further_concern",
    "Oskars tilbaketrekning hadde en naturlig forklaring (sorg over familiens hund), og han er tilbake i vanlig aktivitet. Mor er orientert. Ingen videre bekymring.",
    61,
  );

  return [emil, sofie, noah, ella, oskar];
}

/** Tyttebær barnehage, Marte Lyngstad (pedagogisk leder): four logs. */
function kindergartenLogs(w: World) {
  const D = w.decisionDays;

  // Level 0, open: language. The decision date has passed.
  const liva = new DemoLog(w, KINDERGARTEN_TEACHER, "kindergarten", { name: "Liva Torvik", age: [3, 95], attends: ["kindergarten"] });
  const s1 = D + 6;
  liva.concern(
    s1,
    "Liva bruker få ord og setter sjelden to ord sammen. Hun peker og drar voksne i hånda når hun vil noe, og blir lett frustrert når hun ikke blir forstått.",
    "Observert i samlingsstund, ved måltid og i frilek over flere uker. De fleste barna på avdelingen på samme alder snakker i korte setninger.",
  );
  liva.observation(
    s1 - 2,
    "I samlingsstunden kjente Liva igjen bilder av dyr og sa «katt», «ku» og «mø». Hun fulgte godt med og forstår enkle beskjeder som «hent skoene dine».",
  );
  liva.observation(
    s1 - 5,
    "Liva ble sint og dyttet en annen jente som tok dukken hun lekte med. Hun hadde ikke ord for å si ifra. Hun roet seg raskt på fanget til en voksen.",
  );
  liva.note(s1 - 6, "Drøftet med en kollega på avdelingen. Vi gjør en TRAS-observasjon (kartlegging av språk) før foreldresamtalen.");
  liva.guardian(s1 - 8, { name: "Maria Torvik", relation: "mother", parentalResponsibility: true, told: true });
  liva.guardian(s1 - 8, { name: "Anders Torvik", relation: "father", parentalResponsibility: true, told: true });
  liva.guardianVoice(
    s1 - 8,
    "meeting",
    "Maria og Anders Torvik",
    "Foreldrene har også lurt på språket. Liva har hatt mange ørebetennelser det siste året. De ønsker at helsestasjonen sjekker hørselen, og er positive til tiltak i barnehagen.",
  );
  liva.observation(
    s1 - 12,
    "TRAS-observasjonen er gjennomført. Liva forstår mer enn hun uttrykker: språkforståelsen er nær alderen, mens uttale og ordforråd ligger etter. Avgjørelse om stafettlogg gjenstår.",
  );

  // Level 1 → 2 → 3, open: broad, coordinated effort. The parents consented to PPT and the
  // health clinic; the PPT adviser takes part and writes the responsibility group's latest
  // minutes. Synthetic national id.
  const aksel = new DemoLog(w, KINDERGARTEN_TEACHER, "kindergarten", {
    name: "Aksel Rønning",
    age: [5, 40],
    syntheticNationalId: true,
    attends: ["kindergarten"],
  });
  aksel.concern(
    160,
    "Aksel har store vansker med å sitte i ro i samlingsstund og ved måltid, faller ofte og slår seg, og har få ord sammenlignet med jevnaldrende. Han blir lett overveldet i store grupper og gjemmer seg under bordet.",
    "Aksel begynte i Tyttebær barnehage for fem uker siden, etter at familien flyttet til kommunen. Observert over tre uker på avdeling Blåbær.",
  );
  aksel.guardian(150, { name: "Julie Rønning", relation: "mother", parentalResponsibility: true, told: true });
  aksel.guardian(150, { name: "Erik Rønning", relation: "father", parentalResponsibility: true, told: true });
  aksel.guardianVoice(
    150,
    "meeting",
    "Julie og Erik Rønning",
    "Foreldrene forteller at Aksel sto på venteliste for utredning i kommunen de flyttet fra. De er slitne og ønsker hjelp, og samtykker til at barnehagen samarbeider med PPT og helsestasjonen.",
  );
  aksel.becameLog(150, 1);
  aksel.consent(150, {
    scope: "keep",
    form: "written",
    purpose: "Stafettlogg for Aksel: tiltak i barnehagen og samarbeid med foreldrene",
    givenBy: ["Julie Rønning", "Erik Rønning"],
  });
  aksel.consent(150, {
    scope: "share",
    form: "written",
    purpose: "Utredning og samarbeid med PPT og helsestasjonen om Aksels språk, motorikk og oppmerksomhet",
    givenBy: ["Julie Rønning", "Erik Rønning"],
    services: ["ppt", "health"],
  });
  const akselInvitation = aksel.invite(
    149,
    PPT_ADVISER,
    "ppt",
    "Foreldrene har samtykket til samarbeid med PPT og helsestasjonen. Kan du bli med i loggen og på samarbeidsmøtet om to uker?",
  );
  aksel.answerInvitation(147, akselInvitation, { accept: true });
  aksel.changeLevel(
    146,
    2,
    "Aksels vansker er sammensatte og krever mer enn tiltak i barnehagen. PPT er med i samarbeidet, og helsestasjonen følger opp motorikk og hørsel.",
  );
  aksel.meeting(
    140,
    "Samarbeidsmøte",
    "Julie og Erik Rønning, Jonas Brekkestø (PPT), Siri Haugvik (helsestasjonen), Marte Lyngstad (pedagogisk leder)",
    "Aksel henvises til PPT for utredning. Helsestasjonen henviser til fysioterapeut for motorikk og til hørselstest. Barnehagen setter inn tiltak på egen avdeling. Nytt møte om seks uker.",
  );
  aksel.action(140, "adult", {
    description: "Egen voksen i samlingsstund og ved overganger, og liten gruppe (fire barn) i aktiviteter",
    goal: "Aksel skal delta i samlingsstund i minst ti minutter og oppleve færre overveldende situasjoner",
    responsible: "Marte Lyngstad, pedagogisk leder",
    evaluate: 98,
  });
  aksel.action(140, "pictures", {
    description: "Dagsplan med bilder og tegn til tale i hverdagen",
    goal: "Aksel skal forstå dagsrytmen og kunne uttrykke enkle behov",
    responsible: "Personalet på avdeling Blåbær",
    evaluate: 98,
  });
  aksel.childVoice(
    120,
    "drawing",
    "Da vi spurte hva han liker best i barnehagen, pekte Aksel på bildene av «ute» og «sandkasse». Han tegnet seg selv og en voksen på sklia.",
  );
  aksel.evaluate(98, "adult", {
    whatHappened:
      "Aksel deltar nå i samlingsstund i 10–15 minutter med egen voksen. Han har fortsatt mange utbrudd i garderoben og ved måltid.",
    whatWorked: "Liten gruppe og forutsigbare overganger.",
    childExperience: "Aksel søker de trygge voksne og smiler mer i liten gruppe.",
    decision: "change_level",
    newLevel: 3,
    justification:
      "PPTs utredning viser sammensatte vansker med språk, motorikk og oppmerksomhet. Aksel trenger langvarig og koordinert hjelp fra flere tjenester; det opprettes ansvarsgruppe, og foreldrene ønsker individuell plan.",
    next: 56,
  });
  aksel.evaluate(98, "pictures", {
    whatHappened: "Aksel bruker bildene til å vise hva som skal skje, og har lært fem tegn (spise, drikke, ute, hjelp, ferdig).",
    whatWorked: "Bildene i garderoben og ved matbordet.",
    childExperience: "Aksel henter selv bildet av «ute» når han vil ut.",
    decision: "continue",
    next: 56,
  });
  aksel.meeting(
    90,
    "Første møte i ansvarsgruppa",
    "Julie og Erik Rønning, Jonas Brekkestø (PPT), Siri Haugvik (helsestasjonen), fysioterapeut, styrer, Marte Lyngstad (pedagogisk leder)",
    "Ansvarsgruppa møtes hver sjette uke. PPT skriver sakkyndig vurdering innen fire uker, og barnehagen søker om spesialpedagogisk hjelp. Fysioterapeut kommer i barnehagen hver tirsdag. Foreldrene søker om individuell plan gjennom koordinerende enhet. Marte Lyngstad er stafettholder til koordinator er oppnevnt.",
  );
  aksel.action(90, "physio", {
    description: "Fysioterapeut i barnehagen hver tirsdag, med øvelser som følges opp i utetiden",
    goal: "Bedre balanse og grovmotorikk; færre fall",
    responsible: "Fysioterapeut i kommunen og personalet på avdelingen",
    evaluate: 48,
  });
  aksel.guardianVoice(
    70,
    "conversation",
    "Julie Rønning (mor)",
    "Mor sier at det er en lettelse å ha ett møtepunkt i ansvarsgruppa i stedet for mange ulike avtaler. Hjemme bruker de bildene fra dagsplanen.",
  );
  aksel.evaluate(56, "adult", {
    whatHappened: "Færre utbrudd ved overganger; Aksel deltar i hele samlingsstunden de fleste dager.",
    whatWorked: "Fast voksen og varsel før hver overgang.",
    childExperience: "Aksel går selv til plassen sin i samlingsstunden.",
    decision: "continue",
    next: -20,
  });
  aksel.evaluate(56, "pictures", {
    whatHappened: "Bildestøtten virker godt i barnehagen, men hjemme og i garderoben er det fortsatt vanskelig.",
    whatWorked: "Bilder og tegn sammen.",
    childExperience: "Aksel viser fram bildene sine til andre barn.",
    decision: "adjust",
    adjustment: "Bildestøtten utvides til garderoben og hjemmet, og hele personalet får kurs i tegn til tale.",
    next: -20,
  });
  aksel.evaluate(48, "physio", {
    whatHappened: "Aksel faller sjeldnere og klatrer selv opp i sklia.",
    whatWorked: "Øvelser som lek i utetiden.",
    childExperience: "Aksel ser fram til tirsdagene.",
    decision: "continue",
    next: -30,
  });
  aksel.childVoice(
    21,
    "conversation",
    "Aksel sa «Aksel flink klatre» og viste fram klatrestativet. Han vil ha «mer tirsdag» (dagen fysioterapeuten kommer).",
  );
  aksel.by(PPT_ADVISER, (l) =>
    l.meeting(
      14,
      "Ansvarsgruppemøte",
      "Julie og Erik Rønning, Jonas Brekkestø (PPT, referent), Siri Haugvik (helsestasjonen), fysioterapeut, Marte Lyngstad (pedagogisk leder)",
      "Sakkyndig vurdering fra PPT foreligger: Aksel får spesialpedagogisk hjelp fem timer i uka. Vedtak om individuell plan er ventet, og koordinerende enhet oppnevner koordinator. Tiltakene i barnehagen fortsetter. Neste møte om seks uker.",
    ),
  );

  // Level 1 → 2 → 3, closed: moved to an individual plan.
  const mathias = new DemoLog(w, KINDERGARTEN_TEACHER, "kindergarten", { name: "Mathias Strøm", age: [4, 122], attends: ["kindergarten"] });
  mathias.concern(
    170,
    "Mathias reagerer ofte ikke når vi roper på ham, og snakker utydelig. Han holder seg gjerne for seg selv i lek og ser mye på de andre før han gjør det samme.",
    "Observert ute og inne, særlig når det er mye lyd. Han reagerer bedre når vi står foran ham.",
  );
  mathias.observation(
    166,
    "I samlingsstunden svarte Mathias bare når han så på den som snakket. Han fikk ikke med seg beskjeden om å hente matpakken da vi sa den bak ham.",
  );
  mathias.guardian(162, { name: "Tone Strøm", relation: "mother", parentalResponsibility: true, told: true });
  mathias.guardianVoice(
    162,
    "conversation",
    "Tone Strøm (mor)",
    "Mor har lurt på om Mathias hører dårlig, men trodde det var «selektiv hørsel». Hun ønsker at hørselen sjekkes.",
  );
  mathias.becameLog(162, 1);
  mathias.consent(162, {
    scope: "keep",
    form: "written",
    purpose: "Stafettlogg for Mathias: tiltak i barnehagen mens hørselen undersøkes",
    givenBy: ["Tone Strøm"],
  });
  mathias.action(160, "face", {
    description: "Voksne henvender seg til Mathias ansikt til ansikt og sjekker at beskjeden er oppfattet",
    goal: "Mathias skal få med seg beskjeder og være med i fellesskapet",
    responsible: "Personalet på avdelingen",
    evaluate: 118,
  });
  mathias.note(150, "Mor forteller at helsestasjonen har testet hørselen og henvist Mathias til øre-nese-hals ved sykehuset.");
  mathias.note(130, "Mor forteller at sykehuset har funnet moderat hørselstap på begge ører. Mathias får høreapparater om tre uker.");
  mathias.consent(120, {
    scope: "share",
    form: "written",
    purpose: "Samarbeid med helsestasjonen og PPT om Mathias' hørsel og tilrettelegging i barnehagen",
    givenBy: ["Tone Strøm"],
    services: ["health", "ppt"],
  });
  const mathiasInvitation = mathias.invite(
    120,
    PPT_ADVISER,
    "ppt",
    "Mor har samtykket til samarbeid med PPT om Mathias' hørsel. Kan du bli med i loggen og på samarbeidsmøtet med audiopedagogen?",
  );
  mathias.answerInvitation(119, mathiasInvitation, { accept: true });
  mathias.evaluate(118, "face", {
    whatHappened: "Mathias får med seg flere beskjeder når vi står foran ham. I samlingsstund og ute faller han fortsatt utenfor.",
    whatWorked: "Ansikt-til-ansikt-beskjeder.",
    childExperience: "Mathias kommer oftere bort til de voksne for å vise ting.",
    decision: "change_level",
    newLevel: 2,
    justification:
      "Hørselstapet krever samarbeid med helsestasjonen, PPT og audiopedagog. Mor har samtykket til samarbeidet.",
    next: 70,
  });
  mathias.meeting(
    110,
    "Samarbeidsmøte om hørsel",
    "Tone Strøm (mor), audiopedagog, PP-rådgiver, helsesykepleier, Marte Lyngstad (pedagogisk leder)",
    "Audiopedagogen gir råd om lydmiljøet på avdelingen. Barnehagen søker om FM-anlegg. PPT vurderer behovet for spesialpedagogisk hjelp. Nytt møte om seks uker.",
  );
  mathias.action(110, "sound", {
    description: "Lydmiljøtiltak på avdelingen: lyddempende matter, mindre grupper og FM-anlegg i samlingsstund",
    goal: "Mathias skal høre og delta i samlingsstund og lek",
    responsible: "Styrer og pedagogisk leder, med råd fra audiopedagog",
    evaluate: 68,
  });
  mathias.childVoice(
    90,
    "conversation",
    "Mathias sier at høreapparatene «piper litt», men at han hører fuglene nå. Han liker best å sitte ved siden av en voksen i samlingsstunden.",
  );
  mathias.evaluate(70, "face", {
    whatHappened: "Ansikt-til-ansikt er nå fast rutine for hele personalet og er tatt inn i lydmiljøtiltakene.",
    whatWorked: "Rutinen er innarbeidet.",
    childExperience: "Mathias svarer når vi snakker til ham.",
    decision: "end",
  });
  mathias.evaluate(68, "sound", {
    whatHappened: "FM-anlegget er i bruk. Mathias deltar i samlingsstund og leker mer med de andre.",
    whatWorked: "FM-anlegg og mindre grupper.",
    childExperience: "Mathias sier at han liker samlingsstund nå.",
    decision: "change_level",
    newLevel: 3,
    justification:
      "Mathias trenger langvarig og koordinert oppfølging fra flere tjenester. Ansvarsgruppe opprettes, og mor har søkt om individuell plan.",
    next: 26,
  });
  mathias.meeting(
    55,
    "Ansvarsgruppemøte",
    "Tone Strøm (mor), audiopedagog, PP-rådgiver, helsesykepleier, koordinerende enhet, Marte Lyngstad (pedagogisk leder)",
    "Koordinerende enhet har fattet vedtak om individuell plan, og koordinator oppnevnes fra helsestasjonen. Når planen er på plass, avsluttes stafettloggen og arbeidet fortsetter i den individuelle planen.",
  );
  mathias.guardianVoice(
    40,
    "meeting",
    "Tone Strøm (mor)",
    "Mor er fornøyd med samarbeidet og ønsker at tiltakene i barnehagen videreføres i den individuelle planen.",
  );
  mathias.evaluate(26, "sound", {
    whatHappened: "Tiltakene fungerer og er skrevet inn i den individuelle planen.",
    whatWorked: "FM-anlegg, lyddemping og faste plasser.",
    childExperience: "Mathias deltar med glede i samlingsstunden.",
    decision: "end",
  });
  mathias.close(
    20,
    "individual_plan",
    "Mathias har fått påvist moderat hørselstap og bruker høreapparater. Lydmiljøtiltak og FM-anlegg er på plass i barnehagen. Individuell plan med koordinator er vedtatt, og samarbeidet fortsetter i planen og ansvarsgruppa. Mor er orientert om at loggen avsluttes.",
    22,
  );

  // Level 1, closed as resolved: settling in.
  const ida = new DemoLog(w, KINDERGARTEN_TEACHER, "kindergarten", { name: "Ida Berg", age: [2, 45], attends: ["kindergarten"] });
  ida.concern(
    130,
    "Ida har bitt andre barn fem ganger på to uker, oftest i garderoben og ved overganger. Hun gråter lenge etter at mor eller far har gått om morgenen.",
    "Ida begynte på småbarnsavdelingen for seks uker siden. Bitingen skjer når det er trangt og mange barn samtidig.",
  );
  ida.observation(
    127,
    "Ida bet en gutt i armen da han tok bilen hun lekte med i garderoben. Hun ble selv lei seg etterpå og søkte trøst.",
  );
  ida.guardian(125, { name: "Henrik Berg", relation: "father", parentalResponsibility: true, told: true, email: "henrik.berg@eksempel.invalid" });
  ida.guardian(125, { name: "Sunniva Berg", relation: "mother", parentalResponsibility: true, told: true });
  ida.guardianVoice(
    125,
    "meeting",
    "Henrik og Sunniva Berg",
    "Foreldrene er lei seg over bitingen. Ida sover dårlig om natta etter barnehagestart. Mor har vært syk med langvarig lungebetennelse de siste månedene, så far har stått for det meste av levering og henting.",
  );
  ida.becameLog(125, 1);
  ida.consent(125, {
    scope: "keep",
    form: "written",
    purpose: "Stafettlogg for Ida: en trygg start i barnehagen og tiltak mot biting",
    givenBy: ["Henrik Berg", "Sunniva Berg"],
  });
  ida.action(123, "contact", {
    description: "Fast primærkontakt for Ida og rolig levering med samme voksen hver morgen",
    goal: "En trygg start på dagen og kortere gråt ved levering",
    responsible: "Marte Lyngstad, pedagogisk leder",
    evaluate: 81,
  });
  ida.action(123, "wardrobe", {
    description: "Barnegruppa deles i to puljer i garderoben, med en voksen tett på Ida ved overganger",
    goal: "Ingen biting",
    responsible: "Personalet på småbarnsavdelingen",
    evaluate: 81,
  });
  ida.childVoice(
    100,
    "other",
    "Observert: Ida strekker armene mot primærkontakten når hun kommer om morgenen, og roer seg raskt. Hun smiler og viser fram «bilen min» i leken.",
  );
  ida.evaluate(81, "contact", {
    whatHappened: "Leveringen går rolig; Ida gråter kort og blir med primærkontakten inn.",
    whatWorked: "Samme voksen hver morgen og en fast vinke-rutine i vinduet.",
    childExperience: "Ida søker primærkontakten og virker trygg.",
    decision: "end",
  });
  ida.evaluate(81, "wardrobe", {
    whatHappened: "Én episode med biting siden tiltaket startet.",
    whatWorked: "Færre barn i garderoben samtidig.",
    childExperience: "Ida virker roligere i garderoben.",
    decision: "continue",
    next: 39,
  });
  ida.guardianVoice(
    70,
    "conversation",
    "Sunniva Berg (mor)",
    "Mor er frisk igjen og leverer selv noen dager. Ida sover bedre og snakker om barna i barnehagen hjemme.",
  );
  ida.observation(50, "Ingen biting de siste fem ukene. Ida leker godt ved siden av de andre barna.");
  ida.evaluate(39, "wardrobe", {
    whatHappened: "Ingen biting siden forrige evaluering. Garderobedelingen beholdes som fast rutine for hele avdelingen.",
    whatWorked: "To puljer i garderoben.",
    childExperience: "Ida trives og leker med de andre.",
    decision: "end",
  });
  ida.close(
    30,
    "resolved",
    "Ida har funnet seg godt til rette i barnehagen. Bitingen har opphørt, og leveringen går rolig. Tiltakene er blitt faste rutiner på avdelingen. Foreldrene er enige i at loggen avsluttes.",
    31,
  );

  return [liva, aksel, mathias, ida];
}

/** Helsestasjon og skolehelsetjeneste, Siri Haugvik (helsesykepleier): three logs, one handed over to her. */
function nurseLogs(w: World) {
  // Level 1 → 2, open: a parent's illness. The teacher started the log and, once the weekly
  // talks with the school nurse carried most of the work, handed the relay to the nurse; the
  // teacher stays on as a participant (the keep consent covers the school, a sharing consent
  // the health service).
  const sara = new DemoLog(w, TEACHER, "school", { name: "Sara Nguyen", age: [10, 77], attends: ["school"] });
  sara.concern(
    100,
    "Sara har vært borte seks dager den siste måneden. Når hun er på skolen, virker hun sliten og ukonsentrert, og hun ber ofte om å få gå til helsesykepleier fordi hun har vondt i hodet.",
    "Kontaktlærer i 5B. Fraværet er registrert i skolens system. Sara har tidligere vært en stabil elev som sjelden har vært borte.",
  );
  sara.childVoice(
    99,
    "conversation",
    "Sara forteller at far har fått en alvorlig kreftdiagnose og er under behandling. Hun er redd og synes det er vanskelig å konsentrere seg. Hun vil ikke at klassen skal vite det, men vil gjerne snakke mer med helsesykepleier.",
  );
  sara.guardian(96, { name: "Linh Nguyen", relation: "mother", parentalResponsibility: true, told: true });
  sara.guardian(96, { name: "Duc Nguyen", relation: "father", parentalResponsibility: true, told: true });
  sara.guardianVoice(
    96,
    "conversation",
    "Linh Nguyen (mor)",
    "Mor forteller at familien er i en krevende periode med fars behandling. Hun ønsker at Sara får noen å snakke med, og at skolen tar hensyn i behandlingsukene.",
  );
  sara.becameLog(96, 1);
  sara.consent(96, {
    scope: "keep",
    form: "oral",
    note: "Samtale med mor på skolen og med far på telefon samme dag. Begge samtykker til at skolen fører stafettlogg for Sara og tilrettelegger skoledagen.",
    purpose: "Stafettlogg for Sara: tilrettelagt skolehverdag mens far er under behandling",
    givenBy: ["Linh Nguyen", "Duc Nguyen"],
  });
  sara.action(94, "school", {
    description: "Tilrettelagt skolehverdag: mindre lekser i behandlingsuker og mulighet for pause ved behov",
    goal: "Sara skal kunne være på skolen og holde følge faglig",
    responsible: "Ingrid Solvik, kontaktlærer",
    evaluate: 35,
  });
  sara.note(82, "Sara har vært borte fire dager til. Hun sier at det er vanskelig å gå på skolen de dagene far har behandling, og at hun helst vil snakke med helsesykepleier.");
  sara.consent(80, {
    scope: "share",
    form: "written",
    purpose: "Faste samtaler med helsesykepleier, samarbeid mellom skolen og skolehelsetjenesten, og at helsesykepleier kan overta stafetten",
    givenBy: ["Linh Nguyen", "Duc Nguyen"],
    services: ["health"],
  });
  const saraInvitation = sara.invite(
    80,
    NURSE,
    "health",
    "Sara og foreldrene ønsker faste samtaler med deg, og foreldrene har samtykket. Kan du bli med i loggen og på et samarbeidsmøte?",
  );
  sara.answerInvitation(79, saraInvitation, { accept: true });
  sara.changeLevel(
    78,
    2,
    "Fraværet øker, og Sara trenger både tilrettelegging på skolen og faste samtaler med helsesykepleier. Med foreldrenes samtykke er helsesykepleier med i samarbeidet.",
  );
  sara.meeting(
    75,
    "Samarbeidsmøte skolen og skolehelsetjenesten",
    "Sara, Linh Nguyen (mor), Ingrid Solvik (kontaktlærer), Siri Haugvik (helsesykepleier)",
    "Sara får samtaler med helsesykepleier hver uke. Siden det meste av oppfølgingen nå skjer i skolehelsetjenesten, tar helsesykepleier over stafetten; kontaktlærer fortsetter i loggen med tilretteleggingen på skolen. Familien får tilbud om samtalegruppe for barn som pårørende ved sykehuset. Nytt møte om seks uker.",
  );
  const saraHandover = sara.proposeHandover(
    75,
    NURSE,
    "health",
    "Som avtalt i møtet i dag: du har de ukentlige samtalene med Sara og bør være stafettholder. Jeg fortsetter med tilretteleggingen på skolen.",
  );
  sara.acceptHandover(74, saraHandover);
  sara.action(74, "talks", {
    description: "Faste samtaler med helsesykepleier hver uke",
    goal: "Sara skal ha en trygg voksen å snakke med om det som skjer hjemme, og sove bedre",
    responsible: "Siri Haugvik, helsesykepleier",
    evaluate: 33,
  });
  sara.by(TEACHER, (l) =>
    l.evaluate(35, "school", {
      whatHappened: "Fraværet er halvert. Sara syns det er vanskelig å vite hvilke lekser som gjelder de ukene far har behandling.",
      whatWorked: "Pause ved behov og en fast kontaktperson.",
      childExperience: "Sara vil gjerne planlegge leksene selv.",
      decision: "adjust",
      adjustment: "Lekseplanen for hele uka legges ut i læringsplattformen på mandag, så Sara kan planlegge selv.",
      next: -9,
    }),
  );
  sara.childVoice(
    34,
    "conversation",
    "Sara sier at samtalene hjelper og at hun sover bedre. Hun synes det er fint at kontaktlæreren vet, men vil fortsatt ikke at klassen skal vite det.",
  );
  sara.evaluate(33, "talks", {
    whatHappened: "Sara har hatt sju samtaler. Hun sover bedre, og hodepinen er sjeldnere.",
    whatWorked: "Fast tid hver uke, og at Sara selv bestemmer hva hun vil snakke om.",
    childExperience: "Sara sier at samtalene er «et sted der jeg ikke trenger å være flink».",
    decision: "continue",
    next: -16,
  });
  sara.guardianVoice(
    20,
    "conversation",
    "Duc Nguyen (far)",
    "Far forteller at behandlingen går etter planen. Han er takknemlig for at Sara har noen å snakke med på skolen.",
  );
  sara.note(10, "Sara har vært på første samling i gruppa for barn som pårørende ved sykehuset.");

  // Level 1 → 2, closed: child welfare has taken over. Synthetic national id.
  const sander = new DemoLog(w, NURSE, "health", {
    name: "Sander Kvam",
    age: [15, 150],
    syntheticNationalId: true,
    attends: ["school"],
  });
  sander.concern(
    90,
    "Sander har oppsøkt helsesykepleier flere ganger med vondt i magen. Han virker nedstemt, har gått ned i vekt siden helsekontrollen i fjor og sier at det er «mye bråk hjemme».",
    "Samtaler i skolehelsetjenesten, 10. trinn. Kontaktlærer har meldt om mye fravær og at Sander ofte mangler matpakke.",
  );
  sander.childVoice(
    88,
    "conversation",
    "Sander forteller at de voksne hjemme krangler mye og høyt, og at han ofte er alene om kveldene uten middag. Han vil ikke «lage problemer», men sier at det er godt å snakke med noen.",
  );
  sander.observation(85, "Sander kom uten matpakke og spiste to brødskiver fra skolens frokosttilbud. Han virket sliten.");
  sander.guardian(83, { name: "Anita Kvam", relation: "mother", parentalResponsibility: true, told: true });
  sander.guardian(83, { name: "Rune Kvam", relation: "father", parentalResponsibility: true, told: true });
  sander.guardianVoice(
    83,
    "meeting",
    "Anita Kvam (mor)",
    "Mor mener at Sander overdriver, men sier at det har vært en vanskelig periode med dårlig økonomi og mye konflikt. Hun takker ja til at helsesykepleier følger opp Sander.",
  );
  sander.becameLog(83, 1);
  sander.consent(83, {
    scope: "keep",
    form: "written",
    purpose: "Stafettlogg for Sander: oppfølging i skolehelsetjenesten",
    givenBy: ["Anita Kvam", "Rune Kvam"],
  });
  sander.action(82, "follow", {
    description: "Samtaler med helsesykepleier hver uke, og frokost på skolen hver dag",
    goal: "Sander skal ha en trygg voksen å snakke med og spise frokost hver skoledag",
    responsible: "Siri Haugvik, helsesykepleier",
    evaluate: 40,
  });
  sander.note(70, "Sander har vært borte fire dager denne uka. Mor svarer ikke på telefon.");
  sander.childVoice(
    66,
    "conversation",
    "Sander forteller at det har vært en stor krangel hjemme, og at han har sovet hos en kamerat to netter. Han gruer seg til å dra hjem.",
  );
  sander.note(
    66,
    "Bekymringsmelding er sendt til barneverntjenesten i dag etter opplysningsplikten. Sander er informert om at meldingen er sendt og hvorfor.",
  );
  sander.changeLevel(
    60,
    2,
    "Barneverntjenesten har startet undersøkelse. Helsesykepleier og barneverntjenesten samarbeider om oppfølgingen av Sander.",
  );
  sander.meeting(
    55,
    "Samarbeidsmøte med barneverntjenesten",
    "Sander, Anita Kvam (mor), Amina Rasuli (barneverntjenesten), Siri Haugvik (helsesykepleier)",
    "Barneverntjenesten har avsluttet undersøkelsen og vedtatt hjelpetiltak i hjemmet (foreldreveiledning og en fast fritidsaktivitet for Sander). Barneverntjenesten har hovedansvaret videre. Helsesykepleier fortsetter samtaletilbudet ved behov.",
  );
  sander.evaluate(48, "follow", {
    whatHappened: "Sander har spist frokost på skolen nesten hver dag og har hatt seks samtaler.",
    whatWorked: "Frokosttilbudet og faste samtaler.",
    childExperience: "Sander sier at det har vært fint å ha noen å snakke med, og at det er roligere hjemme nå.",
    decision: "end",
  });
  sander.close(
    45,
    "child_welfare",
    "Barneverntjenesten har hovedansvaret for oppfølgingen av Sander gjennom hjelpetiltak i hjemmet. Helsesykepleier er fortsatt tilgjengelig for Sander i skolehelsetjenesten. Mor er orientert om at stafettloggen avsluttes.",
    45,
  );

  // Level 1, closed: the family moved away.
  const vilja = new DemoLog(w, NURSE, "health", { name: "Vilja Moen", age: [0, 360], attends: [] });
  vilja.concern(
    120,
    "Vilja (8 måneder) har gått lite opp i vekt siden forrige kontroll. Mor forteller at Vilja sover urolig og våkner mange ganger hver natt, og mor virker svært sliten.",
    "Åttemånederskontroll på helsestasjonen. Vektkurven har flatet ut de siste to månedene.",
  );
  vilja.observation(120, "Vilja er blid og har god kontakt, sitter selv og griper etter leker. Hun spiser lite fast føde og vil helst bare ha bryst.");
  vilja.guardian(120, { name: "Kristine Moen", relation: "mother", parentalResponsibility: true, told: true, email: "kristine.moen@eksempel.invalid" });
  vilja.guardian(120, { name: "Fredrik Moen", relation: "father", parentalResponsibility: true, told: true });
  vilja.guardianVoice(
    120,
    "conversation",
    "Kristine Moen (mor)",
    "Mor sier at hun nesten ikke har sovet sammenhengende på flere måneder. Far ukependler. Hun ønsker hjelp med søvn og mat og er glad for tettere oppfølging.",
  );
  vilja.becameLog(120, 1);
  vilja.consent(120, {
    scope: "keep",
    form: "oral",
    note: "Mor samtykket i samtalen på helsestasjonen. Far, som ukependler, samtykket på telefon samme ettermiddag.",
    purpose: "Stafettlogg for Vilja: veiledning om søvn og mat, og tett oppfølging av vekten",
    givenBy: ["Kristine Moen", "Fredrik Moen"],
  });
  vilja.action(118, "guidance", {
    description: "Veiledning til foreldre fra helsesykepleier: hjemmebesøk annenhver uke om søvnrutiner og overgang til fast føde",
    goal: "Bedre søvn for Vilja og mor, og stigende vektkurve",
    responsible: "Siri Haugvik, helsesykepleier",
    evaluate: 76,
  });
  vilja.action(118, "weight", {
    description: "Ekstra veiing på helsestasjonen hver tredje uke",
    goal: "Følge vektutviklingen tett",
    responsible: "Helsestasjonen",
    evaluate: 76,
  });
  vilja.childVoice(
    104,
    "other",
    "Observert på hjemmebesøk: Vilja var blid og nysgjerrig, krabbet rundt og lo da hun fikk smake banan. Hun søker mor for trøst og roer seg raskt.",
  );
  vilja.evaluate(76, "guidance", {
    whatHappened: "Vilja spiser mer fast føde og sover i lengre økter. Mor er fortsatt sliten, men har fått bedre rutiner.",
    whatWorked: "Hjemmebesøkene og en enkel, fast kveldsrutine.",
    childExperience: "Vilja virker fornøyd og trygg; hun smiler og er aktiv under besøkene.",
    decision: "continue",
    next: 40,
  });
  vilja.evaluate(76, "weight", {
    whatHappened: "Vekten følger kurven igjen. Vanlige kontroller holder.",
    whatWorked: "Mer fast føde.",
    childExperience: "Vilja spiser med god appetitt.",
    decision: "end",
  });
  vilja.guardianVoice(
    60,
    "conversation",
    "Fredrik Moen (far)",
    "Far har fått ny jobb på Vestlandet, og familien flytter om en måned. Foreldrene ønsker at oppfølgingen overføres til helsestasjonen i den nye kommunen.",
  );
  vilja.note(50, "Med foreldrenes samtykke er opplysninger sendt til helsestasjonen i den nye kommunen.");
  vilja.evaluate(40, "guidance", {
    whatHappened: "Vilja sover nå fire–fem timer sammenhengende, og mor er mindre sliten. Oppfølgingen overføres til helsestasjonen i ny kommune.",
    whatWorked: "Faste rutiner og veiledning hjemme.",
    childExperience: "Vilja er blid, trygg og nysgjerrig.",
    decision: "end",
  });
  vilja.close(
    35,
    "moved_away",
    "Familien har flyttet til en annen kommune. Vilja spiser og sover bedre, og vekten følger kurven. Oppfølgingen fortsetter på helsestasjonen i den nye kommunen; opplysninger er sendt med foreldrenes samtykke.",
    36,
  );

  return [sara, sander, vilja];
}

const CHUNK = 100;

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Seed the demo logs inside the demo's transaction, after its services and accounts. */
export async function seedDemoLogs(tx: Transaction, ctx: DemoLogsContext) {
  const guide = await tx.select().from(guideSettings).where(eq(guideSettings.id, 1)).get();
  if (!guide) throw new Error("guide settings missing: migrations not applied");
  const userNames = new Map((await tx.select({ id: users.id, name: users.name }).from(users)).map((u) => [u.id, u.name]));
  const serviceNames = new Map((await tx.select({ id: services.id, name: services.name }).from(services)).map((s) => [s.id, s.name]));
  const world: World = {
    today: todayInOslo(ctx.now),
    decisionDays: guide.level0DecisionDays,
    evaluationIntervalDays: guide.evaluationIntervalDays,
    consentValidityMonths: guide.consentValidityMonths,
    invitationResponseDays: guide.invitationResponseDays,
    userNames,
    serviceNames,
    ctx,
    rows: {
      children: [],
      childServices: [],
      guardians: [],
      logs: [],
      events: [],
      actions: [],
      consents: [],
      consentGuardians: [],
      consentServices: [],
      invitations: [],
      participants: [],
      handovers: [],
    },
  };
  for (const log of [...teacherLogs(world), ...kindergartenLogs(world), ...nurseLogs(world)]) log.finish();
  const { rows } = world;
  await insertAll(rows.children, (c) => tx.insert(children).values(c));
  await insertAll(rows.childServices, (c) => tx.insert(childServices).values(c));
  await insertAll(rows.guardians, (c) => tx.insert(guardians).values(c));
  await insertAll(rows.logs, (c) => tx.insert(logs).values(c));
  await insertAll(rows.events, (c) => tx.insert(logEvents).values(c));
  await insertAll(rows.actions, (c) => tx.insert(actions).values(c));
  await insertAll(rows.consents, (c) => tx.insert(consents).values(c));
  await insertAll(rows.consentGuardians, (c) => tx.insert(consentGuardians).values(c));
  await insertAll(rows.consentServices, (c) => tx.insert(consentServices).values(c));
  await insertAll(rows.invitations, (c) => tx.insert(logInvitations).values(c));
  await insertAll(rows.participants, (c) => tx.insert(logParticipants).values(c));
  await insertAll(rows.handovers, (c) => tx.insert(handovers).values(c));
  return { children: rows.children.length, logs: rows.logs.length, events: rows.events.length };
}
