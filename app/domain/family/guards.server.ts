import { redirect } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { users } from "../../../db/schema";
import { readCookie, SESSION_COOKIE, validateSessionToken } from "../auth/session.server";
import type { FamilyMember } from "../access/viewer";

export interface SignedInFamilyMember extends FamilyMember {
  sessionId: string;
}

/** The signed-in family member (guardian or young person), or null — staff are not family here. */
export async function getFamilyMember(request: Request): Promise<SignedInFamilyMember | null> {
  const token = readCookie(request, SESSION_COOKIE);
  if (!token) return null;
  const session = await validateSessionToken(token);
  if (!session || session.kind !== "family") return null;
  const { db } = await database();
  const user = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, session.userId), eq(users.kind, "family"), eq(users.active, true)))
    .get();
  return user ? { ...user, sessionId: session.id } : null;
}

/** The signed-in family member; otherwise a redirect to the family sign-in page. */
export async function requireFamilyMember(request: Request): Promise<SignedInFamilyMember> {
  const member = await getFamilyMember(request);
  if (member) return member;
  throw redirect("/family/login");
}
