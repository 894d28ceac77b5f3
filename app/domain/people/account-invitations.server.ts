import { and, eq, isNull } from "drizzle-orm";
import { database, type Transaction } from "../../../db/client.server";
import { invitations, sessions, users } from "../../../db/schema";
import { createId } from "../../lib/ids";
import { hashPassword } from "../auth/password.server";
import { createSession } from "../auth/session.server";
import { randomToken, sha256Hex } from "../auth/tokens.server";
import { AppError, fieldError } from "../errors.server";

/**
 * Account invitations (the `invitations` table; not an invitation to take part in a log,
 * logs/log-invitations.server.ts): single-use links that let a new (or locked-out) staff
 * member set a password. Only the SHA-256 of the token is stored; the link is shown once
 * to the administrator who passes it on (until e-mail arrives). A new link revokes the
 * user's earlier unused ones.
 */
export const ACCOUNT_INVITATION_TTL_MS = 72 * 3_600_000;

export async function issueAccountInvitationIn(tx: Transaction, userId: string, createdBy: string | null) {
  const now = new Date();
  await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
  const token = randomToken();
  await tx.insert(invitations).values({
    id: createId(),
    tokenHash: sha256Hex(token),
    userId,
    createdBy,
    createdAt: now,
    expiresAt: new Date(now.getTime() + ACCOUNT_INVITATION_TTL_MS),
  });
  return { token, expiresAt: new Date(now.getTime() + ACCOUNT_INVITATION_TTL_MS) };
}

export function accountInvitationPath(token: string) {
  return `/account-invitation/${token}`;
}

/** A usable account invitation, or 404 (unknown, used, revoked, expired and inactive look alike). */
async function findUsableAccountInvitation(token: string) {
  if (!/^[a-z2-7]{32}$/.test(token)) throw new AppError(404, "invitation_invalid");
  const { db } = await database();
  const row = await db
    .select({ invitation: invitations, user: users })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .where(eq(invitations.tokenHash, sha256Hex(token)))
    .get();
  if (
    !row ||
    row.invitation.usedAt ||
    row.invitation.revokedAt ||
    row.invitation.expiresAt.getTime() <= Date.now() ||
    !row.user.active
  ) {
    throw new AppError(404, "invitation_invalid");
  }
  return row;
}

/** What the set-password page shows: whose account this link is for. */
export async function describeAccountInvitation(token: string) {
  const { user, invitation } = await findUsableAccountInvitation(token);
  return { name: user.name, email: user.email, expiresAt: invitation.expiresAt };
}

/** Set the password, spend the link, and sign the person in. */
export async function acceptAccountInvitation(token: string, password: string) {
  const { user, invitation } = await findUsableAccountInvitation(token);
  if (password.trim().toLowerCase() === user.email) throw fieldError("password", "password_is_email");
  const passwordHash = await hashPassword(password);
  const { transaction } = await database();
  await transaction(async (tx) => {
    // Spend the link first, guarded on "still unused": a second, racing use changes nothing.
    const spent = await tx
      .update(invitations)
      .set({ usedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (spent.length === 0) throw new AppError(404, "invitation_invalid");
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    // A new password ends every earlier session of the account.
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
  });
  return createSession(user.id);
}
