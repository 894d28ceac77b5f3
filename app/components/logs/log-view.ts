import type { CloseReason, GuardianRelation, LogKind, LogState, ResponsibleKind } from "../../lib/enums";

/**
 * What the sections of the log page and of its print are given: plain shapes that the
 * loaders' data (viewLog, printLog) fits, so a section depends on no more than it shows.
 */
export interface LogView {
  id: string;
  kind: LogKind;
  state: LogState;
  level: number;
  levelName: string;
  sharedWithLeader: boolean;
  decisionDueOn: string | null;
  nextEvaluationOn: string | null;
  closeReason: CloseReason | null;
  closedAt: string | null;
}

export interface ChildView {
  name: string;
  birthDate: string;
  /** Masked on the page, whole in the print. */
  nationalId: string | null;
  attends: string[];
  hasFamilyAccess: boolean;
}

export interface HolderView {
  name: string;
  serviceName: string;
}

export interface GuardianView {
  id: string;
  name: string;
  relation: GuardianRelation;
  parentalResponsibility: boolean;
  email: string | null;
  phone: string | null;
  toldOn: string | null;
  hasFamilyAccess: boolean;
  language: string | null;
  interpreterNeeded: boolean;
}

export interface ActionView {
  id: string;
  description: string;
  goal: string;
  responsible: string;
  responsibleKind: ResponsibleKind;
  startOn: string;
  evaluateOn: string;
  active: boolean;
  overdue: boolean;
}

export interface ParticipantView {
  userId: string;
  name: string;
  serviceName: string;
  /** Whether the consent still lets them in. */
  hasAccess: boolean;
}

export interface PendingInvitationView {
  id: string;
  invitee: string;
  serviceName: string;
  respondBy: string;
  overdue: boolean;
}

export interface PendingHandoverView {
  to: string;
  toServiceName: string;
}

/** What the reader may do on the log; the controls follow it (the domain checks again). */
export interface LogPermissions {
  write: boolean;
  hold: boolean;
  reopen: boolean;
  seeReaders: boolean;
  collaborate: boolean;
  leave: boolean;
}
