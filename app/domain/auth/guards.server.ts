import { redirect } from "@remix-run/node";
import { and, eq, isNull } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { memoized } from "../../../db/request-memo.server";
import { memberships, services, users } from "../../../db/schema";
import { AppError } from "../errors.server";
import { can, type Actor, type Capability } from "./permissions";
import { readCookie, SESSION_COOKIE, validateSessionToken } from "./session.server";

export interface AuthenticatedActor extends Actor {
  sessionId: string;
}

/** Load a person with their current memberships in active services. */
export async function loadActor(userId: string): Promise<Actor | null> {
  const { db } = await database();
  const user = await db.select().from(users).where(eq(users.id, userId)).get();
  if (!user || !user.active || user.kind !== "staff") return null;
  const rows = await db
    .select({
      id: memberships.id,
      serviceId: services.id,
      serviceName: services.name,
      serviceKind: services.kind,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(services, eq(services.id, memberships.serviceId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.endedAt), eq(services.active, true)))
    .orderBy(services.name);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isAdministrator: user.isAdministrator,
    isCoordinator: user.isCoordinator,
    memberships: rows,
  };
}

/** The signed-in person, or null. */
export async function getActor(request: Request): Promise<AuthenticatedActor | null> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return null;
  // The root's loader and the page's both ask: once per request (db/request-memo.server.ts).
  return memoized(`actor:${token}`, async () => {
    const session = await validateSessionToken(token);
    if (!session) return null;
    const actor = await loadActor(session.userId);
    return actor ? { ...actor, sessionId: session.id } : null;
  });
}

/** The signed-in staff member; otherwise a redirect to /login that returns here afterwards. */
export async function requireActor(request: Request): Promise<AuthenticatedActor> {
  const actor = await getActor(request);
  if (actor) return actor;
  // A family member who wanders onto a staff page goes to their own pages instead.
  const token = readCookie(request, SESSION_COOKIE);
  const session = token ? await validateSessionToken(token) : null;
  if (session?.kind === "family") throw redirect("/family");
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
}

export function requireCapability(actor: Actor, capability: Capability): void {
  if (!can(actor, capability)) throw new AppError(403, "forbidden");
}
