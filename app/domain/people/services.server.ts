import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { memberships, serviceKinds, services, users } from "../../../db/schema";
import { createId } from "../../lib/ids";
import type { Locale, ServiceKind } from "../../lib/enums";
import { requireCapability } from "../auth/guards.server";
import type { Actor } from "../auth/permissions";
import { fieldError, notFound } from "../errors.server";
import { localized } from "../../lib/locales";

export interface ServiceInput {
  name: string;
  kind: ServiceKind;
}

/** The service kinds with names in the reader's language, in catalogue order. */
export async function listServiceKinds(locale: Locale) {
  const { db } = await database();
  const rows = await db.select().from(serviceKinds).orderBy(asc(serviceKinds.sortOrder));
  return rows.map((k) => ({ code: k.code, name: localized(k, "name", locale) }));
}

/** The service catalogue: every service with its kind and number of current members. */
export async function listServices(actor: Actor, locale: Locale) {
  requireCapability(actor, "services.view");
  const { db } = await database();
  // Correlated count: one index lookup per service (memberships_service_idx).
  const members = sql<number>`(
    select count(*) from ${memberships}
    inner join ${users} on ${users.id} = ${memberships.userId}
    where ${memberships.serviceId} = ${services.id}
      and ${memberships.endedAt} is null and ${users.active} = 1
  )`;
  const rows = await db
    .select({
      id: services.id,
      name: services.name,
      kind: services.kind,
      kindNb: serviceKinds.nameNb,
      kindEn: serviceKinds.nameEn,
      active: services.active,
      members,
    })
    .from(services)
    .innerJoin(serviceKinds, eq(serviceKinds.code, services.kind))
    .orderBy(sql`${services.active} desc`, asc(serviceKinds.sortOrder), asc(services.name));
  return rows.map(({ kindNb, kindEn, ...row }) => ({ ...row, kindName: localized({ kindNb, kindEn }, "kind", locale) }));
}

export async function getService(actor: Actor, serviceId: string) {
  requireCapability(actor, "services.manage");
  const { db } = await database();
  const service = await db.select().from(services).where(eq(services.id, serviceId)).get();
  if (!service) throw notFound();
  const members = await db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      role: memberships.role,
      title: memberships.title,
      active: users.active,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.serviceId, serviceId), isNull(memberships.endedAt)))
    .orderBy(asc(users.name));
  return { service, members };
}

async function assertNameFree(name: string, exceptId?: string) {
  const { db } = await database();
  const clash = await db
    .select({ id: services.id })
    .from(services)
    .where(
      and(sql`lower(${services.name}) = lower(${name})`, exceptId ? ne(services.id, exceptId) : undefined),
    )
    .get();
  if (clash) throw fieldError("name", "service_name_taken");
}

export async function createService(actor: Actor, input: ServiceInput) {
  requireCapability(actor, "services.manage");
  await assertNameFree(input.name);
  const { transaction } = await database();
  const id = createId();
  await transaction((tx) =>
    tx.insert(services).values({ id, name: input.name, kind: input.kind, createdAt: new Date() }),
  );
  return { id };
}

export async function updateService(actor: Actor, serviceId: string, input: ServiceInput) {
  requireCapability(actor, "services.manage");
  await assertNameFree(input.name, serviceId);
  const { transaction } = await database();
  const changed = await transaction((tx) =>
    tx
      .update(services)
      .set({ name: input.name, kind: input.kind })
      .where(eq(services.id, serviceId))
      .returning({ id: services.id }),
  );
  if (changed.length === 0) throw notFound();
}

/**
 * Deactivate or reactivate a service. Deactivation keeps the service, its memberships and
 * its history; its members simply no longer act for it.
 */
export async function setServiceActive(actor: Actor, serviceId: string, active: boolean) {
  requireCapability(actor, "services.manage");
  const { transaction } = await database();
  const changed = await transaction((tx) =>
    tx
      .update(services)
      .set({ active, deactivatedAt: active ? null : new Date() })
      .where(eq(services.id, serviceId))
      .returning({ id: services.id }),
  );
  if (changed.length === 0) throw notFound();
}

/** For a service leader: the people currently working in one of the services they lead. */
export async function listServiceMembers(actor: Actor, serviceId: string) {
  const leads = actor.memberships.some((m) => m.serviceId === serviceId && m.role === "leader");
  if (!leads) throw notFound();
  const { db } = await database();
  return db
    .select({ userId: users.id, name: users.name, role: memberships.role, title: memberships.title })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.serviceId, serviceId), isNull(memberships.endedAt), eq(users.active, true)))
    .orderBy(asc(users.name));
}

