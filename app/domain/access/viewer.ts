import type { Actor } from "../auth/permissions";

/**
 * Every kind of person who may look at logs, as the access layer sees them (DESIGN.md §3):
 * a staff member (employee or leader, acting with their memberships), a family member
 * (a guardian with parental responsibility, or the young person from the consent age),
 * and the BTI coordinator, who only ever gets aggregates — never one child's log.
 * Administrators are staff with no need to know: they reach no log through this layer.
 */
export interface FamilyMember {
  id: string;
  name: string;
  email: string;
}

export type StaffViewer = { readonly kind: "staff"; readonly actor: Actor };
export type FamilyViewer = { readonly kind: "family"; readonly member: FamilyMember };
export type CoordinatorViewer = { readonly kind: "coordinator"; readonly actor: Actor };
export type Viewer = StaffViewer | FamilyViewer | CoordinatorViewer;

export const staffViewer = (actor: Actor): StaffViewer => ({ kind: "staff", actor });
export const familyViewer = (member: FamilyMember): FamilyViewer => ({ kind: "family", member });
/** The coordinator's viewer for statistics: it opens no log and lists none. */
export const coordinatorViewer = (actor: Actor): CoordinatorViewer => ({ kind: "coordinator", actor });

/** The person's user id, whoever they are (for the access log). */
export const viewerId = (viewer: Viewer) => (viewer.kind === "family" ? viewer.member.id : viewer.actor.id);
