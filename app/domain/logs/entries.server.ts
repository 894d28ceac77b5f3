import { and, eq } from "drizzle-orm";
import { logEvents, logs } from "../../../db/schema";
import type { VoiceMethod } from "../../lib/enums";
import type { ResponsibleInput } from "../../lib/responsible";
import { todayInOslo } from "../../lib/dates";
import { createId } from "../../lib/ids";
import { correctableTypes } from "../../lib/timeline";
import type { Actor } from "../auth/permissions";
import { AppError, fieldError, notFound } from "../errors.server";
import { recordMinutes } from "../meetings/meetings.server";
import { checkActionDates, insertAction } from "./actions.server";
import { appendEvent, assertNotBeforeBirth, assertNotFuture, restrictionOf, withAccess, type Restrictable } from "./events.server";

/**
 * The entries anyone on the log may write (holder and participants): observations, notes
 * and meetings, the child's and the guardians' own voices (DESIGN.md rule 7), and the
 * correction of an entry by its author (rule 5: a new event, the old one stays).
 */

/** An action decided in a meeting: it starts on the meeting's date. */
export interface MeetingActionInput {
  description: string;
  goal: string;
  responsible: ResponsibleInput;
  evaluateOn: string;
}

export type EntryInput = (
  | { type: "observation" | "note"; occurredOn: string; text: string }
  | {
      type: "meeting";
      occurredOn: string;
      title: string;
      /** Present. */
      attendees: string;
      /** Minutes. */
      notes: string;
      /** Invited but absent. */
      absent?: string;
      agenda?: string;
      decisions?: string;
      /** At most one new action, created in the same transaction as the meeting. */
      action?: MeetingActionInput;
      /** The planned meeting these are the minutes of: it is then held, and its minutes are these. */
      plannedMeetingId?: string;
    }
) &
  Restrictable;

/** An observation, a note or a meeting (with, optionally, the one action it decided). Returns the event id. */
export async function addEntry(actor: Actor, logId: string, input: EntryInput) {
  assertNotFuture("occurredOn", input.occurredOn);
  const restriction = restrictionOf(input);
  if (input.type === "meeting" && input.action) {
    checkActionDates({ startOn: input.occurredOn, evaluateOn: input.action.evaluateOn }, "actionEvaluateOn");
  }
  return withAccess(actor, logId, "write", async (tx, access) => {
    await assertNotBeforeBirth(tx, access, "occurredOn", input.occurredOn);
    if (input.type !== "meeting") {
      return appendEvent(tx, access, actor, input.type, input.occurredOn, { text: input.text }, null, restriction);
    }
    const action = input.action ? { ...input.action, startOn: input.occurredOn } : undefined;
    const actionId = action ? createId() : undefined;
    const eventId = await appendEvent(
      tx,
      access,
      actor,
      "meeting",
      input.occurredOn,
      {
        title: input.title,
        attendees: input.attendees,
        notes: input.notes,
        absent: input.absent || undefined,
        agenda: input.agenda || undefined,
        decisions: input.decisions || undefined,
        action: action ? { actionId: actionId!, description: action.description } : undefined,
        plannedMeetingId: input.plannedMeetingId,
      },
      null,
      restriction,
    );
    if (input.plannedMeetingId) await recordMinutes(tx, access, input.plannedMeetingId, eventId);
    // Same rules as addAction; a refusal here rolls the meeting back too. The action's
    // event is hidden from the guardians when the meeting is.
    if (action) await insertAction(tx, access, actor, action, { actionId, event: restriction, responsibleField: "actionResponsible" });
    return eventId;
  });
}

export interface VoiceInput {
  who: "child" | "guardian";
  heardOn: string;
  method: VoiceMethod;
  text: string;
  /** For a guardian's voice: who spoke. */
  guardianName?: string;
  /** Not shown to the guardians, with why (see `Restrictable`). */
  restrictedReason?: string | null;
}

/** The child's or the guardians' own view, with how and when it was heard (rule 7). */
export async function addVoice(actor: Actor, logId: string, input: VoiceInput) {
  assertNotFuture("heardOn", input.heardOn);
  if (input.who === "guardian" && !input.guardianName) throw fieldError("guardianName", "required");
  const restriction = restrictionOf(input);
  return withAccess(actor, logId, "write", async (tx, access) => {
    await assertNotBeforeBirth(tx, access, "heardOn", input.heardOn);
    if (input.who === "child") {
      const last = access.log.lastChildVoiceOn;
      if (!last || input.heardOn > last) {
        await tx.update(logs).set({ lastChildVoiceOn: input.heardOn }).where(eq(logs.id, logId));
      }
      return appendEvent(
        tx,
        access,
        actor,
        "child_voice",
        input.heardOn,
        { text: input.text, method: input.method },
        null,
        restriction,
      );
    }
    return appendEvent(
      tx,
      access,
      actor,
      "guardian_voice",
      input.heardOn,
      { text: input.text, method: input.method, who: input.guardianName! },
      null,
      restriction,
    );
  });
}

/**
 * Correct an entry: a new event pointing at the old one. The old one stays, shown struck
 * through. Only its author corrects it, while the log is open.
 */
export async function correctEvent(actor: Actor, logId: string, eventId: string, input: { text: string; reason: string }) {
  await withAccess(actor, logId, "write", async (tx, access) => {
    const target = await tx
      .select()
      .from(logEvents)
      .where(and(eq(logEvents.id, eventId), eq(logEvents.logId, logId)))
      .get();
    if (!target || !correctableTypes.has(target.type)) throw notFound();
    if (target.authorId !== actor.id) throw new AppError(403, "forbidden");
    await appendEvent(tx, access, actor, "correction", todayInOslo(), input, eventId);
  });
}
