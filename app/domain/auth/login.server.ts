import { and, eq } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { users } from "../../../db/schema";
import { AppError } from "../errors.server";
import { verifyPassword } from "./password.server";
import { createSession } from "./session.server";
import { clearFailures, refundAttempt, reserveAttempt, throttleKeys } from "./throttle.server";

/**
 * Check an e-mail and password and open a session. Unknown e-mail, wrong password, an
 * account without a password yet and a deactivated account all fail alike
 * ("invalid_credentials"), at the same cost. Throttled attempts fail with
 * "too_many_attempts" before the password is looked at. Each attempt is counted as a
 * failure before its password is checked (in the transaction that checks the throttle), so
 * parallel attempts cannot slip past the limit; a success gives its count back.
 */
export async function signIn(input: { email: string; password: string; clientAddress: string }) {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.clientAddress);
  const reservation = await reserveAttempt(keys);

  const { db } = await database();
  const user = await db.select().from(users).where(and(eq(users.kind, "staff"), eq(users.email, email))).get();
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok || !user.active) {
    throw new AppError(400, "invalid_credentials");
  }
  await clearFailures(keys[0]!);
  await refundAttempt(reservation, keys.slice(1));
  return createSession(user.id);
}
