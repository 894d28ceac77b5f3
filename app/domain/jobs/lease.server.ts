import { eq } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { jobs } from "../../../db/schema";

/**
 * One process at a time per job (docs/decisions/019). Taking the lease is one write
 * transaction, and SQLite runs one writer at a time across processes, so of two processes
 * that ask at once exactly one gets it. A holder that dies keeps it only until it expires.
 */
export async function acquireLease(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
  const { transaction } = await database();
  return transaction(async (tx) => {
    const row = await tx.select().from(jobs).where(eq(jobs.name, name)).get();
    const free = !row || !row.leaseHolder || !row.leaseExpiresAt || row.leaseExpiresAt.getTime() <= now.getTime();
    if (!free && row?.leaseHolder !== holder) return false;
    const lease = { leaseHolder: holder, leaseExpiresAt: new Date(now.getTime() + ttlMs), lastStartedAt: now };
    if (row) await tx.update(jobs).set(lease).where(eq(jobs.name, name));
    else await tx.insert(jobs).values({ name, ...lease });
    return true;
  });
}

/** Give the lease back (only if still ours) and note how the run ended. */
export async function releaseLease(name: string, holder: string, now: Date, error?: unknown): Promise<void> {
  const { transaction } = await database();
  await transaction(async (tx) => {
    const row = await tx.select().from(jobs).where(eq(jobs.name, name)).get();
    if (!row || row.leaseHolder !== holder) return;
    await tx
      .update(jobs)
      .set({
        leaseHolder: null,
        leaseExpiresAt: null,
        lastFinishedAt: now,
        lastError: error === undefined ? null : error instanceof Error ? error.name : "unknown",
      })
      .where(eq(jobs.name, name));
  });
}
