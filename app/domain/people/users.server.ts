import { and, asc, count, desc, eq, isNull, like, or } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { invitations, memberships, services, sessions, users } from "../../../db/schema";
import type { MembershipRole } from "../../lib/enums";
import { createId } from "../../lib/ids";
import { requireCapability } from "../auth/guards.server";
import type { Actor } from "../auth/permissions";
import { AppError, fieldError, notFound } from "../errors.server";
import { issueAccountInvitationIn } from "./account-invitations.server";

export const USERS_PAGE_SIZE = 25;

export interface UserInput {
  name: string;
  email: string;
  isAdministrator: boolean;
  isCoordinator: boolean;
}

export interface MembershipInput {
  serviceId: string;
  role: MembershipRole;
  title?: string;
}

function escapeLike(value: string) {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Administrator's list of people: search by name or e-mail, paginated. */
export async function listUsers(actor: Actor, input: { query?: string; page: number }) {
  requireCapability(actor, "users.manage");
  const { db } = await database();
  const q = input.query?.trim();
  // Family accounts are managed through the logs, never by administrators.
  const where = and(
    eq(users.kind, "staff"),
    q ? or(like(users.name, `%${escapeLike(q)}%`), like(users.email, `%${escapeLike(q.toLowerCase())}%`)) : undefined,
  );
  const [{ total }] = (await db.select({ total: count() }).from(users).where(where)) as [{ total: number }];
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pages);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      active: users.active,
      isAdministrator: users.isAdministrator,
      isCoordinator: users.isCoordinator,
      hasPassword: users.passwordHash,
    })
    .from(users)
    .where(where)
    .orderBy(desc(users.active), asc(users.name))
    .limit(USERS_PAGE_SIZE)
    .offset((page - 1) * USERS_PAGE_SIZE);
  return {
    users: rows.map(({ hasPassword, ...u }) => ({ ...u, hasPassword: hasPassword !== null })),
    total,
    page,
    pages,
  };
}

/** One person with every membership they have had, current first. */
export async function getUser(actor: Actor, userId: string) {
  requireCapability(actor, "users.manage");
  const { db } = await database();
  const user = await db.select().from(users).where(and(eq(users.id, userId), eq(users.kind, "staff"))).get();
  if (!user) throw notFound();
  const history = await db
    .select({
      id: memberships.id,
      serviceId: services.id,
      serviceName: services.name,
      serviceActive: services.active,
      role: memberships.role,
      title: memberships.title,
      startedAt: memberships.startedAt,
      endedAt: memberships.endedAt,
    })
    .from(memberships)
    .innerJoin(services, eq(services.id, memberships.serviceId))
    .where(eq(memberships.userId, userId))
    .orderBy(desc(memberships.startedAt));
  const pending = await db
    .select({ expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt))
    .get();
  const { passwordHash, ...safe } = user;
  return {
    user: { ...safe, hasPassword: passwordHash !== null },
    memberships: history.filter((m) => m.endedAt === null),
    pastMemberships: history.filter((m) => m.endedAt !== null),
    pendingInvitation:
      pending && pending.expiresAt.getTime() > Date.now() ? { expiresAt: pending.expiresAt } : null,
  };
}

async function assertEmailFree(email: string, exceptId?: string) {
  const { db } = await database();
  const clash = await db.select({ id: users.id }).from(users).where(and(eq(users.kind, "staff"), eq(users.email, email))).get();
  if (clash && clash.id !== exceptId) throw fieldError("email", "email_taken");
}

async function assertActiveService(serviceId: string) {
  const { db } = await database();
  const service = await db
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.id, serviceId), eq(services.active, true)))
    .get();
  if (!service) throw fieldError("serviceId", "service_unknown");
}

/**
 * Create a person, optionally with a first membership, and an invitation link for them
 * to set their password. Returns the raw invitation token: shown once, never stored.
 */
export async function createUser(actor: Actor, input: UserInput & { membership?: MembershipInput }) {
  requireCapability(actor, "users.manage");
  const email = input.email.trim().toLowerCase();
  await assertEmailFree(email);
  if (input.membership) await assertActiveService(input.membership.serviceId);
  const { transaction } = await database();
  const id = createId();
  const now = new Date();
  const invitation = await transaction(async (tx) => {
    await tx.insert(users).values({
      id,
      name: input.name,
      email,
      isAdministrator: input.isAdministrator,
      isCoordinator: input.isCoordinator,
      createdAt: now,
    });
    if (input.membership) {
      await tx.insert(memberships).values({
        id: createId(),
        userId: id,
        serviceId: input.membership.serviceId,
        role: input.membership.role,
        title: input.membership.title || null,
        startedAt: now,
      });
    }
    return issueAccountInvitationIn(tx, id, actor.id);
  });
  return { id, invitation };
}

export async function updateUser(actor: Actor, userId: string, input: UserInput) {
  requireCapability(actor, "users.manage");
  const email = input.email.trim().toLowerCase();
  if (userId === actor.id && !input.isAdministrator) {
    // Keeps the installation from losing its last way in by accident.
    throw fieldError("isAdministrator", "cannot_remove_own_admin");
  }
  await assertEmailFree(email, userId);
  const { transaction } = await database();
  const changed = await transaction((tx) =>
    tx
      .update(users)
      .set({ name: input.name, email, isAdministrator: input.isAdministrator, isCoordinator: input.isCoordinator })
      .where(and(eq(users.id, userId), eq(users.kind, "staff")))
      .returning({ id: users.id }),
  );
  if (changed.length === 0) throw notFound();
}

/**
 * Deactivate (or reactivate) a person. Deactivation keeps the person and their history,
 * ends every session at once and revokes unused invitation links.
 */
export async function setUserActive(actor: Actor, userId: string, active: boolean) {
  requireCapability(actor, "users.manage");
  if (userId === actor.id) throw new AppError(400, "cannot_deactivate_self");
  const { transaction } = await database();
  const now = new Date();
  await transaction(async (tx) => {
    const changed = await tx
      .update(users)
      .set({ active, deactivatedAt: active ? null : now })
      .where(and(eq(users.id, userId), eq(users.kind, "staff")))
      .returning({ id: users.id });
    if (changed.length === 0) throw notFound();
    if (!active) {
      await tx.delete(sessions).where(eq(sessions.userId, userId));
      await tx
        .update(invitations)
        .set({ revokedAt: now })
        .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
    }
  });
}

/** A fresh single-use link (revoking older ones), e.g. when the first one expired. */
export async function reissueAccountInvitation(actor: Actor, userId: string) {
  requireCapability(actor, "users.manage");
  const { db, transaction } = await database();
  const user = await db.select({ active: users.active }).from(users).where(and(eq(users.id, userId), eq(users.kind, "staff"))).get();
  if (!user) throw notFound();
  if (!user.active) throw new AppError(400, "user_inactive");
  return transaction((tx) => issueAccountInvitationIn(tx, userId, actor.id));
}

export async function addMembership(actor: Actor, userId: string, input: MembershipInput) {
  requireCapability(actor, "users.manage");
  const { db, transaction } = await database();
  const user = await db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.kind, "staff"))).get();
  if (!user) throw notFound();
  await assertActiveService(input.serviceId);
  const current = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(eq(memberships.userId, userId), eq(memberships.serviceId, input.serviceId), isNull(memberships.endedAt)),
    )
    .get();
  if (current) throw fieldError("serviceId", "membership_exists");
  await transaction((tx) =>
    tx.insert(memberships).values({
      id: createId(),
      userId,
      serviceId: input.serviceId,
      role: input.role,
      title: input.title || null,
      startedAt: new Date(),
    }),
  );
}

/** End a membership: the row stays with its end date, as history. */
export async function endMembership(actor: Actor, userId: string, membershipId: string) {
  requireCapability(actor, "users.manage");
  const { transaction } = await database();
  const changed = await transaction((tx) =>
    tx
      .update(memberships)
      .set({ endedAt: new Date() })
      .where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId), isNull(memberships.endedAt)))
      .returning({ id: memberships.id }),
  );
  if (changed.length === 0) throw notFound();
}

/** Change a role by ending the membership and starting a new one, so history shows both. */
export async function changeMembershipRole(actor: Actor, userId: string, membershipId: string, role: MembershipRole) {
  requireCapability(actor, "users.manage");
  const { transaction } = await database();
  await transaction(async (tx) => {
    const now = new Date();
    const [old] = await tx
      .update(memberships)
      .set({ endedAt: now })
      .where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId), isNull(memberships.endedAt)))
      .returning();
    if (!old) throw notFound();
    if (old.role === role) throw new AppError(400, "role_unchanged");
    await tx.insert(memberships).values({
      id: createId(),
      userId,
      serviceId: old.serviceId,
      role,
      title: old.title,
      startedAt: now,
    });
  });
}

/** Counts for the administrator's overview. */
export async function peopleCounts(actor: Actor) {
  requireCapability(actor, "users.manage");
  const { db } = await database();
  const [u] = await db.select({ n: count() }).from(users).where(and(eq(users.kind, "staff"), eq(users.active, true)));
  const [s] = await db.select({ n: count() }).from(services).where(eq(services.active, true));
  const [p] = await db.select({ n: count() }).from(users).where(and(eq(users.kind, "staff"), eq(users.active, true), isNull(users.passwordHash)));
  return { activeUsers: u?.n ?? 0, activeServices: s?.n ?? 0, awaitingPassword: p?.n ?? 0 };
}
