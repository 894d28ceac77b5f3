import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "../../../db/client.server";
import { logParticipants, logs } from "../../../db/schema";
import { createId } from "../../lib/ids";
import { noticeToFamily } from "../family/notices.server";

/**
 * The only way a log's relay holder changes (DESIGN.md rule 1), with the participant
 * bookkeeping once: the new holder holds (and is no longer a participant); the former
 * holder either stays on as a participant in their service — who can then read only while
 * the gate lets them — or leaves (a deactivated holder replaced by the leader's
 * appointment). Used by an accepted handover, its preview, the leader's appointment, and
 * the relay's return to an earlier holder when a withdrawal uncovers the holder's service.
 * The caller checks who may and writes the timeline event that says why.
 */
export async function transferRelay(
  tx: Transaction,
  log: { id: string; holderId: string; holderServiceId: string },
  to: { userId: string; serviceId: string },
  options: { formerHolder: "participant" | "leaves"; now?: Date },
) {
  const now = options.now ?? new Date();
  await tx.update(logs).set({ holderId: to.userId, holderServiceId: to.serviceId }).where(eq(logs.id, log.id));
  // The family is told there is a new holder, in the same transaction (rolled back with a trial).
  await noticeToFamily(tx, log.id, "holder", `${to.userId}:${now.getTime()}`);
  await tx
    .update(logParticipants)
    .set({ endedAt: now })
    .where(and(eq(logParticipants.logId, log.id), eq(logParticipants.userId, to.userId), isNull(logParticipants.endedAt)));
  if (options.formerHolder === "participant") {
    await tx.insert(logParticipants).values({
      id: createId(),
      logId: log.id,
      userId: log.holderId,
      serviceId: log.holderServiceId,
      joinedAt: now,
    });
  }
}
