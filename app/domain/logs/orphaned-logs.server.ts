import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { database } from "../../../db/client.server";
import { children, logs, memberships, users } from "../../../db/schema";
import { todayInOslo } from "../../lib/dates";
import type { Actor } from "../auth/permissions";
import { gateContext } from "../access/consent-gate.server";
import { ledServiceIds, readableLogs } from "../access/open.server";
import { transferRelay } from "../access/relay.server";
import { staffViewer } from "../access/viewer";
import { AppError, fieldError, notFound } from "../errors.server";
import { appendEvent } from "./events.server";
import { personIn } from "./participants.server";

/**
 * Orphaned logs (DESIGN.md rule 1): open logs whose holder's account has been deactivated,
 * shown to the leader of the holder's service, who appoints a new holder in that service.
 */

/** Open logs whose holder has been deactivated, in the services the person leads. */
export async function orphanedLogs(actor: Actor) {
  const led = ledServiceIds(actor);
  if (led.length === 0) return [];
  const { db } = await database();
  const gate = await gateContext(db);
  return db
    .select({ id: logs.id, childName: children.name, level: logs.level, formerHolder: users.name, serviceId: logs.holderServiceId })
    .from(logs)
    .innerJoin(users, eq(users.id, logs.holderId))
    .innerJoin(children, eq(children.id, logs.childId))
    .where(
      and(
        // Logs the leader may read (a private level-0 note only once it was discussed with them).
        readableLogs(staffViewer(actor), gate),
        inArray(logs.holderServiceId, led),
        eq(logs.state, "open"),
        eq(users.active, false),
      ),
    )
    .orderBy(asc(children.name));
}

/** For the appointment form: the orphaned log and who in its service can take it. */
export async function orphanForAppointment(actor: Actor, logId: string) {
  const orphan = (await orphanedLogs(actor)).find((l) => l.id === logId);
  if (!orphan) throw notFound();
  const { db } = await database();
  const candidates = await db
    .select({ userId: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.serviceId, orphan.serviceId), isNull(memberships.endedAt), eq(users.active, true)))
    .orderBy(asc(users.name));
  return { orphan, candidates };
}

/** The leader appoints a new holder, in the same service, for an orphaned log. */
export async function appointHolder(actor: Actor, logId: string, input: { userId: string }) {
  const { transaction } = await database();
  await transaction(async (tx) => {
    const log = await tx.select().from(logs).where(eq(logs.id, logId)).get();
    const leads = log && actor.memberships.some((m) => m.role === "leader" && m.serviceId === log.holderServiceId);
    if (!log || !leads) throw notFound();
    const holder = await tx.select({ active: users.active, name: users.name }).from(users).where(eq(users.id, log.holderId)).get();
    if (holder?.active || log.state !== "open") throw new AppError(409, "not_orphaned");
    const person = await personIn(tx, input.userId, log.holderServiceId);
    if (!person) throw fieldError("userId", "invitee_unknown");
    // The deactivated holder does not stay on as a participant.
    await transferRelay(tx, log, { userId: input.userId, serviceId: log.holderServiceId }, { formerHolder: "leaves" });
    await appendEvent(tx, { log, serviceId: log.holderServiceId }, actor, "relay_returned", todayInOslo(), {
      from: holder?.name ?? "",
      to: person.name,
      toService: person.serviceName,
    });
  });
}
