import { eq, inArray } from "drizzle-orm";
import { database, type Transaction } from "../../../db/client.server";
import { loginThrottle } from "../../../db/schema";
import { AppError } from "../errors.server";
import { sha256Hex } from "./tokens.server";

/**
 * Sign-in throttling, per account (the e-mail typed, whether or not it exists) and per
 * client address. A few failures are free; after that each further attempt must wait an
 * exponentially growing delay, and past a limit the key is refused for a while. Nothing
 * sleeps on the server: an attempt made too early is refused with "try again in N s".
 */
export interface ThrottlePolicy {
  freeFailures: number;
  lockAfterFailures: number;
  lockMs: number;
  maxDelayMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

export const accountPolicy: ThrottlePolicy = {
  freeFailures: 3,
  lockAfterFailures: 10,
  lockMs: 15 * 60_000,
  maxDelayMs: 60_000,
  windowMs: 15 * 60_000,
};

/** Offices share an address behind NAT, so the address limits are wider. */
export const addressPolicy: ThrottlePolicy = {
  freeFailures: 10,
  lockAfterFailures: 50,
  lockMs: 15 * 60_000,
  maxDelayMs: 30_000,
  windowMs: 15 * 60_000,
};

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

export function throttleKeys(email: string, clientAddress: string): ThrottleKey[] {
  return [
    { key: `account:${sha256Hex(email.trim().toLowerCase())}`, policy: accountPolicy },
    { key: `address:${sha256Hex(clientAddress)}`, policy: addressPolicy },
  ];
}

type Row = typeof loginThrottle.$inferSelect;

/** Earliest time (ms) the next attempt is allowed for one key's row. */
export function nextAllowedAt(row: Row, policy: ThrottlePolicy, now: number): number {
  if (now - row.lastFailureAt.getTime() > policy.windowMs && !(row.lockedUntil && row.lockedUntil.getTime() > now)) {
    return 0;
  }
  if (row.lockedUntil && row.lockedUntil.getTime() > now) return row.lockedUntil.getTime();
  const excess = row.failures - policy.freeFailures;
  if (excess < 0) return 0;
  const delay = Math.min(1000 * 2 ** excess, policy.maxDelayMs);
  return row.lastFailureAt.getTime() + delay;
}

async function rowsFor(q: Transaction, keys: ThrottleKey[]): Promise<Row[]> {
  return q
    .select()
    .from(loginThrottle)
    .where(
      inArray(
        loginThrottle.key,
        keys.map((k) => k.key),
      ),
    );
}

function waitSeconds(rows: Row[], keys: ThrottleKey[], now: number): number {
  let latest = 0;
  for (const row of rows) {
    const policy = keys.find((k) => k.key === row.key)!.policy;
    latest = Math.max(latest, nextAllowedAt(row, policy, now));
  }
  return latest > now ? Math.ceil((latest - now) / 1000) : 0;
}

/**
 * Check the keys and count the attempt in the same write transaction. Write transactions
 * take turns (docs/decisions/004), so however many attempts arrive at once, no more are
 * let through than the policy allows: each one that passes has already been counted when
 * the next one is checked (docs/decisions/016). Returns 0 when the attempt was counted,
 * otherwise the seconds to wait (and nothing was counted).
 */
export async function checkAndCountIn(tx: Transaction, keys: ThrottleKey[], now = Date.now()): Promise<number> {
  const wait = await retryAfterSecondsIn(tx, keys, now);
  if (wait > 0) return wait;
  await recordFailureIn(tx, keys, now);
  return 0;
}

/**
 * Seconds until an attempt is allowed for all keys (0 = allowed now). Only inside a write
 * transaction that also counts the attempt: a check outside it lets parallel attempts
 * through together.
 */
export async function retryAfterSecondsIn(tx: Transaction, keys: ThrottleKey[], now = Date.now()): Promise<number> {
  return waitSeconds(await rowsFor(tx, keys), keys, now);
}

/** A counted attempt that may still turn out to be a success (see refundAttempt). */
export interface Reservation {
  keys: ThrottleKey[];
  now: number;
  before: Map<string, Row>;
}

/**
 * Reserve a slot for an attempt whose check is slow (a password hash): counted as a failure
 * at once, in one transaction with the throttle check, and given back by refundAttempt if
 * it succeeds. Throws 429 "too_many_attempts" when no slot is free.
 */
export async function reserveAttempt(keys: ThrottleKey[], now = Date.now()): Promise<Reservation> {
  const { transaction } = await database();
  return transaction(async (tx) => {
    const rows = await rowsFor(tx, keys);
    const wait = waitSeconds(rows, keys, now);
    if (wait > 0) throw new AppError(429, "too_many_attempts", { retryAfterSeconds: wait });
    for (const { key, policy } of keys) await recordOne(tx, key, policy, now);
    return { keys, now, before: new Map(rows.map((r) => [r.key, r])) };
  });
}

/**
 * Take back a reserved attempt that succeeded, for the given keys: one failure fewer, the
 * lock it caused lifted, and the time of the last failure as it was when nobody has failed
 * since.
 */
export async function refundAttempt(reservation: Reservation, keys: ThrottleKey[]) {
  const { transaction } = await database();
  await transaction(async (tx) => {
    for (const { key, policy } of keys) {
      const row = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
      if (!row) continue;
      const failures = row.failures - 1;
      if (failures <= 0) {
        await tx.delete(loginThrottle).where(eq(loginThrottle.key, key));
        continue;
      }
      const before = reservation.before.get(key);
      const untouched = row.lastFailureAt.getTime() === reservation.now && before;
      await tx
        .update(loginThrottle)
        .set({
          failures,
          lastFailureAt: untouched ? before.lastFailureAt : row.lastFailureAt,
          firstFailureAt: untouched ? before.firstFailureAt : row.firstFailureAt,
          lockedUntil: failures < policy.lockAfterFailures ? null : row.lockedUntil,
        })
        .where(eq(loginThrottle.key, key));
    }
  });
}

export async function recordFailureIn(tx: Transaction, keys: ThrottleKey[], now = Date.now()) {
  for (const { key, policy } of keys) await recordOne(tx, key, policy, now);
}

async function recordOne(tx: Transaction, key: string, policy: ThrottlePolicy, now: number) {
  const row = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  const stale = !row || now - row.lastFailureAt.getTime() > policy.windowMs;
  const failures = stale ? 1 : row.failures + 1;
  const lockedUntil =
    failures >= policy.lockAfterFailures ? new Date(now + policy.lockMs) : stale ? null : row.lockedUntil;
  const values = {
    failures,
    firstFailureAt: stale ? new Date(now) : row.firstFailureAt,
    lastFailureAt: new Date(now),
    lockedUntil,
  };
  if (row) await tx.update(loginThrottle).set(values).where(eq(loginThrottle.key, key));
  else await tx.insert(loginThrottle).values({ key, ...values });
}

/** A successful sign-in clears the account's counter (not the address's). */
export async function clearFailures(key: ThrottleKey) {
  const { transaction } = await database();
  await transaction((tx) => tx.delete(loginThrottle).where(eq(loginThrottle.key, key.key)));
}
