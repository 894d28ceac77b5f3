import { randomInt } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { signInCodes, users } from "../../../db/schema";
import type { Locale } from "../../lib/enums";
import { createId } from "../../lib/ids";
import { createSession, serializeCookie } from "../auth/session.server";
import {
  checkAndCountIn,
  recordFailureIn,
  retryAfterSecondsIn,
  type ThrottleKey,
  type ThrottlePolicy,
} from "../auth/throttle.server";
import { bytesEqual, sha256Bytes, sha256Hex } from "../auth/tokens.server";
import { AppError, fieldError } from "../errors.server";
import { sendMail } from "../mail/mailer.server";
import { signInCodeMessage } from "../mail/messages.server";

/**
 * Family sign-in by a one-time code sent to the e-mail address the holder registered
 * (issue 5 item 2): 6 digits, valid 10 minutes, 5 attempts, and a limited number of codes
 * per address. The answer to "send me a code" is the same whether or not the address
 * belongs to anyone, so the form cannot be used to find out who has a log.
 */
export const CODE_DIGITS = 6;
export const CODE_VALID_MINUTES = 10;
export const CODE_MAX_ATTEMPTS = 5;

/** Codes sent: three free, then a growing wait, at most eight an hour per e-mail address. */
const sendPolicy: ThrottlePolicy = {
  freeFailures: 3,
  lockAfterFailures: 8,
  lockMs: 60 * 60_000,
  maxDelayMs: 5 * 60_000,
  windowMs: 60 * 60_000,
};
/** Per client address, wider: a family shares one connection, a school one more. */
const sendAddressPolicy: ThrottlePolicy = {
  freeFailures: 20,
  lockAfterFailures: 60,
  lockMs: 60 * 60_000,
  maxDelayMs: 60_000,
  windowMs: 60 * 60_000,
};
/** Wrong codes per client address, across challenges. */
const verifyAddressPolicy: ThrottlePolicy = {
  freeFailures: 10,
  lockAfterFailures: 30,
  lockMs: 15 * 60_000,
  maxDelayMs: 30_000,
  windowMs: 15 * 60_000,
};

function sendKeys(email: string, clientAddress: string): ThrottleKey[] {
  return [
    { key: `code-send:${sha256Hex(email)}`, policy: sendPolicy },
    { key: `code-send-address:${sha256Hex(clientAddress)}`, policy: sendAddressPolicy },
  ];
}

function verifyKeys(clientAddress: string): ThrottleKey[] {
  return [{ key: `code-verify-address:${sha256Hex(clientAddress)}`, policy: verifyAddressPolicy }];
}

function codeHash(challengeId: string, code: string) {
  return sha256Bytes(`${challengeId}:${code}`);
}

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

/**
 * Send a code to a family account's address. Returns the challenge id the browser keeps
 * (in a short-lived cookie) to answer with the code. An unknown address gets an id too,
 * which no code will ever match.
 */
export async function requestSignInCode(input: { email: string; clientAddress: string; locale: Locale }) {
  const email = normaliseEmail(input.email);
  const keys = sendKeys(email, input.clientAddress);
  const { db, transaction } = await database();
  // Every code sent counts towards the limit, whether or not the address is known; the
  // check and the count are one transaction, so parallel requests cannot overrun it.
  const wait = await transaction((tx) => checkAndCountIn(tx, keys));
  if (wait > 0) throw new AppError(429, "too_many_codes", { field: "email", retryAfterSeconds: wait });

  const challengeId = createId();
  const user = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.kind, "family"), eq(users.email, email), eq(users.active, true)))
    .get();
  if (!user) return { challengeId };

  const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, "0");
  const now = Date.now();
  await transaction(async (tx) => {
    // One live code per person: asking again replaces the earlier one.
    await tx
      .update(signInCodes)
      .set({ usedAt: new Date(now) })
      .where(and(eq(signInCodes.userId, user.id), isNull(signInCodes.usedAt)));
    await tx.insert(signInCodes).values({
      id: challengeId,
      userId: user.id,
      codeHash: Buffer.from(codeHash(challengeId, code)).toString("hex"),
      createdAt: new Date(now),
      expiresAt: new Date(now + CODE_VALID_MINUTES * 60_000),
    });
  });
  try {
    await sendMail({ to: email, ...signInCodeMessage(input.locale, { code, minutes: CODE_VALID_MINUTES }) });
  } catch {
    throw new AppError(503, "mail_failed", { field: "email" });
  }
  return { challengeId };
}

/**
 * Check a code. Right: the code is used up and a family session starts. Wrong: one attempt
 * fewer; after five the code is spent. Expired or used: a new code must be asked for.
 */
export async function verifySignInCode(input: { challengeId: string; code: string; clientAddress: string }) {
  const keys = verifyKeys(input.clientAddress);
  const { transaction } = await database();
  const now = new Date();
  // The address throttle, the code check and the count of a wrong code are one
  // transaction, so parallel guesses cannot overrun either limit.
  const outcome = await transaction(async (tx) => {
    const wait = await retryAfterSecondsIn(tx, keys, now.getTime());
    if (wait > 0) return { wait };
    const row = /^[a-z2-7]{26}$/.test(input.challengeId)
      ? await tx.select().from(signInCodes).where(eq(signInCodes.id, input.challengeId)).get()
      : undefined;
    if (!row) {
      await recordFailureIn(tx, keys, now.getTime());
      return { error: "code_wrong" as const };
    }
    if (row.usedAt || row.expiresAt <= now) return { error: "code_expired" as const };
    if (row.attempts >= CODE_MAX_ATTEMPTS) {
      await recordFailureIn(tx, keys, now.getTime());
      return { error: "code_too_many_attempts" as const };
    }
    const stored = Uint8Array.from(Buffer.from(row.codeHash, "hex"));
    if (!bytesEqual(stored, codeHash(row.id, input.code.trim()))) {
      const attempts = row.attempts + 1;
      await tx.update(signInCodes).set({ attempts }).where(eq(signInCodes.id, row.id));
      await recordFailureIn(tx, keys, now.getTime());
      return { error: attempts >= CODE_MAX_ATTEMPTS ? ("code_too_many_attempts" as const) : ("code_wrong" as const) };
    }
    await tx.update(signInCodes).set({ usedAt: now }).where(eq(signInCodes.id, row.id));
    const user = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, row.userId), eq(users.kind, "family"), eq(users.active, true)))
      .get();
    return user ? { userId: user.id } : { error: "code_expired" as const };
  });
  if ("wait" in outcome) throw new AppError(429, "too_many_attempts", { field: "code", retryAfterSeconds: outcome.wait });
  if (!("userId" in outcome) || !outcome.userId) throw fieldError("code", outcome.error ?? "code_wrong");
  return createSession(outcome.userId, "family");
}

/** The browser keeps the challenge id (not the code) for the ten minutes the code lives. */
export const CODE_COOKIE = "stafettlogg_code";

export function codeChallengeCookie(challengeId: string, requestUrl: string) {
  return serializeCookie(CODE_COOKIE, challengeId, requestUrl, CODE_VALID_MINUTES * 60).replace("Path=/;", "Path=/family;");
}

export function clearCodeChallengeCookie(requestUrl: string) {
  return serializeCookie(CODE_COOKIE, "", requestUrl, 0).replace("Path=/;", "Path=/family;");
}
