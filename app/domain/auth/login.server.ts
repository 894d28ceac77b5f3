import { and, eq } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { users } from "../../../db/schema";
import { AppError } from "../errors.server";
import { verifyPassword } from "./password.server";
import { createSession } from "./session.server";
import { clearFailures, recordFailure, retryAfterSeconds, throttleKeys } from "./throttle.server";

/**
 * Check an e-mail and password and open a session. Unknown e-mail, wrong password, an
 * account without a password yet and a deactivated account all fail alike
 * ("invalid_credentials"), at the same cost. Throttled attempts fail with
 * "too_many_attempts" before the password is looked at.
 */
export async function signIn(input: { email: string; password: string; clientAddress: string }) {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, input.clientAddress);
  const wait = await retryAfterSeconds(keys);
  if (wait > 0) throw new AppError(429, "too_many_attempts", { retryAfterSeconds: wait });

  const { db } = await database();
  const user = await db.select().from(users).where(and(eq(users.kind, "staff"), eq(users.email, email))).get();
  const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !ok || !user.active) {
    await recordFailure(keys);
    throw new AppError(400, "invalid_credentials");
  }
  await clearFailures(keys[0]!);
  return createSession(user.id);
}
