/**
 * Who may do what, as data, in one place (DESIGN.md §3). Pure: the server checks with
 * `requireCapability` (guards.server.ts); the UI uses `can` only to hide controls.
 * No role has a blanket bypass: reading logs is never a capability here, it is decided
 * per log by need to know.
 */
export const roles = ["employee", "leader", "coordinator", "administrator"] as const;
export type Role = (typeof roles)[number];

export const capabilities = {
  /** Create, edit and deactivate users; manage memberships. */
  "users.manage": ["administrator"],
  /** Create, edit and deactivate services (the service catalogue). */
  "services.manage": ["administrator", "coordinator"],
  /** See the service catalogue. */
  "services.view": ["administrator", "coordinator", "leader", "employee"],
  /** See who works in one's own service. */
  "service.members.view": ["leader"],
  /** Municipality-wide statistics without identities. */
  "statistics.view": ["coordinator"],
  /** Edit the action guide's texts and defaults. */
  "guide.edit": ["coordinator"],
  /** Start and hold logs (arrives with the relay-log issue). */
  "logs.start": ["employee", "leader"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof capabilities;

export interface ActorMembership {
  id: string;
  serviceId: string;
  serviceName: string;
  serviceKind: string;
  role: "employee" | "leader";
}

/** The signed-in person as the domain sees them. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  isAdministrator: boolean;
  isCoordinator: boolean;
  memberships: ActorMembership[];
}

export function rolesOf(actor: Pick<Actor, "isAdministrator" | "isCoordinator" | "memberships">): Role[] {
  const result: Role[] = [];
  if (actor.memberships.length > 0) result.push("employee");
  if (actor.memberships.some((m) => m.role === "leader")) result.push("leader");
  if (actor.isCoordinator) result.push("coordinator");
  if (actor.isAdministrator) result.push("administrator");
  return result;
}

export function can(actor: Pick<Actor, "isAdministrator" | "isCoordinator" | "memberships">, capability: Capability) {
  const allowed: readonly Role[] = capabilities[capability];
  return rolesOf(actor).some((role) => allowed.includes(role));
}
