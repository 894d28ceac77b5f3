import { addDays, daysBetween } from "./dates";

/**
 * What needs attention on a log (DESIGN.md rules 6 and 7, issue 3 item 11). Pure, so the
 * home list and the log page flag the same way.
 */
export interface FlagInput {
  kind: "concern" | "relay";
  state: "open" | "closed";
  level: number;
  nextEvaluationOn: string | null;
  lastChildVoiceOn: string | null;
  decisionDueOn: string | null;
  /**
   * Whether a complete, unexpired, active consent to keep the log exists (hasKeepConsent /
   * keepConsentSql in access/consent-gate.server.ts). Left out where it is not known.
   */
  hasKeepConsent?: boolean;
}

export interface Flags {
  overdueEvaluation: boolean;
  /** Level 1 or higher: the child's voice has never been heard, or not within the interval. */
  missingChildVoice: boolean;
  /**
   * A detail of missingChildVoice, not a flag of its own: it has never been heard at all
   * (said "not heard yet" rather than "not heard recently"). See flagDetails.
   */
  childVoiceNeverHeard: boolean;
  /** Level 0: the decision date has passed (or is today). */
  decisionOverdue: boolean;
  /** Level 0: the decision is due within three days. */
  decisionSoon: boolean;
  /** An open relay log without a valid consent to keep it (DESIGN.md §1, rule 3). */
  missingKeepConsent: boolean;
}

export function flagsFor(log: FlagInput, today: string, evaluationIntervalDays: number): Flags {
  const open = log.state === "open";
  const relay = log.kind === "relay";
  const concern = log.kind === "concern";
  const voiceCutoff = addDays(today, -evaluationIntervalDays);
  return {
    overdueEvaluation: open && relay && log.nextEvaluationOn !== null && log.nextEvaluationOn < today,
    missingChildVoice:
      open && relay && log.level >= 1 && (log.lastChildVoiceOn === null || log.lastChildVoiceOn < voiceCutoff),
    childVoiceNeverHeard: open && relay && log.level >= 1 && log.lastChildVoiceOn === null,
    decisionOverdue: open && concern && log.decisionDueOn !== null && log.decisionDueOn <= today,
    decisionSoon:
      open &&
      concern &&
      log.decisionDueOn !== null &&
      log.decisionDueOn > today &&
      daysBetween(today, log.decisionDueOn) <= 3,
    missingKeepConsent: open && relay && log.hasKeepConsent === false,
  };
}

/** Keys of Flags that refine another flag's wording and are not shown on their own. */
const flagDetails: readonly string[] = ["childVoiceNeverHeard"];

/** One flag as a page shows it: its key and the text key under `logs.flags`. */
export interface ActiveFlag {
  key: keyof Flags;
  message: string;
}

/**
 * The flags that are raised, in a fixed order, each with the key of its text. Generic, so
 * a flag added to Flags shows up on the log page and the home list with the text
 * `logs.flags.<key>` and no other change.
 */
export function activeFlags(flags: Flags): ActiveFlag[] {
  return (Object.keys(flags) as (keyof Flags)[])
    .filter((key) => flags[key] && !flagDetails.includes(key))
    .map((key) => ({
      key,
      message: key === "missingChildVoice" && flags.childVoiceNeverHeard ? "childVoiceNotYetHeard" : key,
    }));
}

export function flagCount(flags: Flags): number {
  return activeFlags(flags).length;
}
