import { closeReasons, type CloseReason, type InvitationStatus, type HandoverStatus, type ServiceKind } from "../../lib/enums";
import { addDays, daysBetween } from "../../lib/dates";

/**
 * The coordinator's statistics (issue 12 point 1) computed from plain facts about the logs
 * that may be counted: relay logs only (never a level-0 private concern), each reduced to
 * the dates its level and state changed. Pure, so the rules are unit-tested without a
 * database and the loader in statistics.server.ts only gathers the facts. Nothing here
 * carries a name, a birth date or a log id past this module: every output is a count or a
 * list of day counts, and the caller suppresses small numbers before anyone sees them.
 */

/** A change in a log's level or state, on the day it happened (occurred_on), in timeline order. */
export type LevelFact =
  | { type: "became_log"; on: string; level: number }
  | { type: "level_change"; on: string; from: number; to: number }
  | { type: "closed"; on: string; reason: CloseReason }
  | { type: "reopened"; on: string };

export interface LogFacts {
  serviceKind: ServiceKind;
  /** The day the concern was first noted (the concern entry), or the log was created. */
  concernOn: string;
  /** The first action's day, if any action has been made. */
  firstActionOn: string | null;
  facts: LevelFact[];
  /** Today's state, for the "now" shares. */
  open: boolean;
  level: number;
  nextEvaluationOn: string | null;
  lastChildVoiceOn: string | null;
  hasKeepConsent: boolean;
}

export interface InvitationFact {
  serviceKind: ServiceKind;
  createdOn: string;
  respondBy: string;
  status: InvitationStatus;
  answeredOn: string | null;
}

export interface HandoverFact {
  serviceKind: ServiceKind;
  proposedOn: string;
  status: HandoverStatus;
}

export interface StatisticsFilter {
  /** A calendar year: the period every "in the period" figure counts in. */
  year: number;
  /** The holder's service kind, or every kind. */
  serviceKind: ServiceKind | null;
}

export const levelsCounted = [0, 1, 2, 3] as const;
/** Every move between two different levels, in a fixed order ("0→1", "0→2", … "3→2"). */
export const pathways = levelsCounted.flatMap((from) =>
  levelsCounted.filter((to) => to !== from).map((to) => `${from}-${to}` as const),
);
export type Pathway = (typeof pathways)[number];

/** How invitations sent in the period were answered. */
export const invitationOutcomes = ["in_time", "late", "unanswered", "waiting", "cancelled"] as const;
export type InvitationOutcome = (typeof invitationOutcomes)[number];

export const handoverOutcomes = ["accepted", "declined", "proposed", "cancelled"] as const satisfies readonly HandoverStatus[];

export const nowMeasures = ["overdueEvaluation", "voiceInInterval", "completeConsent"] as const;
export type NowMeasure = (typeof nowMeasures)[number];

export interface RawStatistics {
  /** The day "open" is counted on: today in the current year, else the period's last day. */
  asOf: string;
  /** Open logs on `asOf`: [service kind][level]. */
  openByKindAndLevel: Map<ServiceKind, number[]>;
  startedByMonth: number[];
  closedByMonth: number[];
  /** Days spent at each level, for every stay that ended in the period. */
  daysAtLevel: number[][];
  /** Days from the concern to the first action, for logs whose first action was in the period. */
  daysToFirstAction: number[];
  /** Open logs today (the state can only be known now) and how many meet each measure. */
  now: { open: number } & Record<NowMeasure, number>;
  invitations: Record<InvitationOutcome, number>;
  handovers: Record<(typeof handoverOutcomes)[number], number>;
  pathways: Record<Pathway, number>;
  closeReasons: Record<CloseReason, number>;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The period's first and last day. */
export function periodOf(year: number) {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

const inPeriod = (day: string, p: { from: string; to: string }) => day >= p.from && day <= p.to;
const monthOf = (day: string) => Number(day.slice(5, 7)) - 1;
/** Add one to a counter in a fixed-length array (the index is always in range here). */
const bump = (counts: number[], i: number) => {
  counts[i] = (counts[i] ?? 0) + 1;
};

interface Stay {
  level: number;
  from: string;
  /** Null while the stay goes on. */
  to: string | null;
}

/** A log's stays at each level, and whether it was open on a day, from its facts in order. */
function staysOf(facts: LevelFact[]): Stay[] {
  const stays: Stay[] = [];
  let current: Stay | null = null;
  let level: number | null = null;
  for (const fact of facts) {
    switch (fact.type) {
      case "became_log":
        level = fact.level;
        current = { level, from: fact.on, to: null };
        stays.push(current);
        break;
      case "level_change":
        if (current) current.to = fact.on;
        level = fact.to;
        current = { level, from: fact.on, to: null };
        stays.push(current);
        break;
      case "closed":
        if (current) current.to = fact.on;
        current = null;
        break;
      case "reopened":
        if (level !== null) {
          current = { level, from: fact.on, to: null };
          stays.push(current);
        }
        break;
    }
  }
  return stays;
}

/** The level a log was open at on `day` (after that day's changes), or null if it was not open. */
function openLevelOn(stays: Stay[], day: string): number | null {
  let found: number | null = null;
  for (const stay of stays) {
    if (stay.from <= day && (stay.to === null || stay.to > day)) found = stay.level;
  }
  return found;
}

function outcomeOf(inv: InvitationFact, today: string): InvitationOutcome {
  if (inv.status === "cancelled") return "cancelled";
  if (inv.status === "pending") return inv.respondBy < today ? "unanswered" : "waiting";
  return inv.answeredOn !== null && inv.answeredOn <= inv.respondBy ? "in_time" : "late";
}

export function computeStatistics(
  input: { logs: LogFacts[]; invitations: InvitationFact[]; handovers: HandoverFact[] },
  filter: StatisticsFilter,
  today: string,
  evaluationIntervalDays: number,
): RawStatistics {
  const period = periodOf(filter.year);
  const asOf = today < period.to ? today : period.to;
  const matches = (kind: ServiceKind) => filter.serviceKind === null || filter.serviceKind === kind;
  const voiceCutoff = addDays(today, -evaluationIntervalDays);

  const openByKindAndLevel = new Map<ServiceKind, number[]>();
  const startedByMonth = Array<number>(12).fill(0);
  const closedByMonth = Array<number>(12).fill(0);
  const daysAtLevel: number[][] = levelsCounted.map(() => []);
  const daysToFirstAction: number[] = [];
  const now = { open: 0, overdueEvaluation: 0, voiceInInterval: 0, completeConsent: 0 };
  const pathwayCounts = zeros(pathways);
  const reasons = zeros(closeReasons);

  for (const log of input.logs) {
    if (!matches(log.serviceKind)) continue;
    const stays = staysOf(log.facts);
    if (asOf >= period.from) {
      const level = openLevelOn(stays, asOf);
      if (level !== null) {
        const row = openByKindAndLevel.get(log.serviceKind) ?? [0, 0, 0, 0];
        bump(row, level);
        openByKindAndLevel.set(log.serviceKind, row);
      }
    }
    for (const stay of stays) {
      if (stay.to !== null && inPeriod(stay.to, period)) daysAtLevel[stay.level]?.push(daysBetween(stay.from, stay.to));
    }
    for (const fact of log.facts) {
      if (!inPeriod(fact.on, period)) continue;
      if (fact.type === "became_log") bump(startedByMonth, monthOf(fact.on));
      if (fact.type === "closed") {
        bump(closedByMonth, monthOf(fact.on));
        reasons[fact.reason] += 1;
      }
      if (fact.type === "level_change" && fact.from !== fact.to) pathwayCounts[`${fact.from}-${fact.to}` as Pathway] += 1;
    }
    if (log.firstActionOn !== null && inPeriod(log.firstActionOn, period)) {
      daysToFirstAction.push(Math.max(0, daysBetween(log.concernOn, log.firstActionOn)));
    }
    if (log.open) {
      now.open += 1;
      if (log.nextEvaluationOn !== null && log.nextEvaluationOn < today) now.overdueEvaluation += 1;
      if (log.lastChildVoiceOn !== null && log.lastChildVoiceOn >= voiceCutoff) now.voiceInInterval += 1;
      if (log.hasKeepConsent) now.completeConsent += 1;
    }
  }

  const invitations = zeros(invitationOutcomes);
  for (const inv of input.invitations) {
    if (matches(inv.serviceKind) && inPeriod(inv.createdOn, period)) invitations[outcomeOf(inv, today)] += 1;
  }
  const handovers = zeros(handoverOutcomes);
  for (const h of input.handovers) {
    if (matches(h.serviceKind) && inPeriod(h.proposedOn, period)) handovers[h.status] += 1;
  }

  return {
    asOf,
    openByKindAndLevel,
    startedByMonth,
    closedByMonth,
    daysAtLevel,
    daysToFirstAction,
    now,
    invitations,
    handovers,
    pathways: pathwayCounts,
    closeReasons: reasons,
  };
}

