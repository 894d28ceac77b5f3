import { eq } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { sessions, users } from "../../../db/schema";
import { settings } from "../../config.server";
import type { UserKind } from "../../lib/enums";
import { bytesEqual, randomToken, sha256Bytes } from "./tokens.server";

/**
 * Sessions after the design in Lucia's guide (docs/decisions/002-sessions.md):
 * the cookie holds `<id>.<secret>`, the table holds the id and SHA-256(secret), and the
 * secret is compared in constant time. Expiry slides with use (idle timeout) but never
 * past the absolute timeout. Rows are revocable: deleting one ends the session.
 */
export const SESSION_COOKIE = "stafettlogg_session";

/** Only touch the row when at least this much of the idle window has been used. */
const TOUCH_AFTER_MS = 60_000;

/**
 * Family members sign in from their own phones, often shared or left unlocked: their
 * sessions end after a shorter idle time (FAMILY_SESSION_IDLE_MINUTES, never longer than
 * the staff setting).
 */
function idleMs(kind: UserKind) {
  const { SESSION_IDLE_MINUTES: staff, FAMILY_SESSION_IDLE_MINUTES: family } = settings();
  return (kind === "family" ? Math.min(family, staff) : staff) * 60_000;
}
function absoluteMs() {
  return settings().SESSION_ABSOLUTE_HOURS * 3_600_000;
}

export interface SessionRecord {
  id: string;
  userId: string;
  kind: UserKind;
  createdAt: Date;
  expiresAt: Date;
}

export async function createSession(
  userId: string,
  kind: UserKind = "staff",
): Promise<{ token: string; session: SessionRecord }> {
  const { transaction } = await database();
  const id = randomToken();
  const secret = randomToken();
  const now = Date.now();
  const session: SessionRecord = {
    id,
    userId,
    kind,
    createdAt: new Date(now),
    expiresAt: new Date(Math.min(now + idleMs(kind), now + absoluteMs())),
  };
  await transaction((tx) =>
    tx.insert(sessions).values({
      id,
      userId,
      createdAt: session.createdAt,
      expiresAt: session.expiresAt,
      secretHash: Buffer.from(sha256Bytes(secret)),
    }),
  );
  return { token: `${id}.${secret}`, session };
}

/**
 * The session and its (active) user for a cookie token, or null. Expired sessions and
 * sessions of deactivated users are deleted on sight.
 */
export async function validateSessionToken(token: string) {
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 100) return null;
  const [id, secret] = parts as [string, string];
  const { db, transaction } = await database();
  const row = await db
    .select({ session: sessions, userActive: users.active, kind: users.kind })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;
  if (!bytesEqual(sha256Bytes(secret), new Uint8Array(row.session.secretHash))) return null;

  const now = Date.now();
  const absoluteDeadline = row.session.createdAt.getTime() + absoluteMs();
  if (!row.userActive || now >= row.session.expiresAt.getTime() || now >= absoluteDeadline) {
    await invalidateSession(id);
    return null;
  }
  const session: SessionRecord = {
    id,
    userId: row.session.userId,
    kind: row.kind,
    createdAt: row.session.createdAt,
    expiresAt: row.session.expiresAt,
  };
  const renewed = Math.min(now + idleMs(row.kind), absoluteDeadline);
  if (renewed - session.expiresAt.getTime() >= TOUCH_AFTER_MS) {
    session.expiresAt = new Date(renewed);
    await transaction((tx) =>
      tx.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, id)),
    );
  }
  return session;
}

export async function invalidateSession(sessionId: string) {
  const { transaction } = await database();
  await transaction((tx) => tx.delete(sessions).where(eq(sessions.id, sessionId)));
}

export function sessionIdOf(token: string): string | undefined {
  return token.split(".")[0];
}

/** Set-Cookie value. Secure everywhere except plain-HTTP localhost development. */
export function sessionCookie(token: string, requestUrl: string): string {
  return serializeCookie(SESSION_COOKIE, token, requestUrl);
}

export function clearSessionCookie(requestUrl: string): string {
  return serializeCookie(SESSION_COOKIE, "", requestUrl, 0);
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("Cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eqAt = part.indexOf("=");
    if (eqAt < 0) continue;
    if (part.slice(0, eqAt).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eqAt + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export function isLocalhost(requestUrl: string): boolean {
  const host = new URL(requestUrl).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host.endsWith(".localhost");
}

export function serializeCookie(name: string, value: string, requestUrl: string, maxAgeSeconds?: number) {
  const attributes = [`${name}=${encodeURIComponent(value)}`, "Path=/", "HttpOnly", "SameSite=Lax"];
  if (maxAgeSeconds !== undefined) attributes.push(`Max-Age=${maxAgeSeconds}`);
  if (!isLocalhost(requestUrl)) attributes.push("Secure");
  return attributes.join("; ");
}

