import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import {
  actions,
  children,
  consentServices,
  consents,
  guardians,
  handovers,
  logEvents,
  logInvitations,
  logParticipants,
  logs,
  meetings,
  memberships,
  reminders,
  services,
  users,
} from "../../db/schema";
import { isNull } from "drizzle-orm";
import { openLog } from "../../app/domain/access/open.server";
import { staffViewer } from "../../app/domain/access/viewer";
import { runTick } from "../../app/domain/jobs/tick.server";
import { upcomingMeetings } from "../../app/domain/meetings/meetings.server";
import { reminderKey } from "../../app/domain/reminders/rules.server";
import { seedDemo } from "../../db/seed/demo";
import { historyLogs } from "../../db/seed/demo/history";
import type { World } from "../../db/seed/demo/world";
import { hashPassword } from "../../app/domain/auth/password.server";
import { loadActor } from "../../app/domain/auth/guards.server";
import type { Actor } from "../../app/domain/auth/permissions";
import { consentState } from "../../app/domain/consent/consents.server";
import { isCovered } from "../../app/domain/access/consent-gate.server";
import { myLogInvitations } from "../../app/domain/logs/log-invitations.server";
import { listMyLogs } from "../../app/domain/logs/lists.server";
import { viewLog } from "../../app/domain/logs/log-page.server";
import { todayInOslo } from "../../app/lib/dates";
import { parseNationalId } from "../../app/lib/national-id";
import type { EventData } from "../../app/lib/timeline";
import { createId } from "../../app/lib/ids";
import { removeDatabaseFile, restoreDatabase, snapshotDatabase } from "../support/database-file";

/**
 * The demo seed (db/seed/demo/) on a fresh migrated database: enough
 * children and logs to show every level and state, with denormalised columns that agree
 * with the timeline, and need-to-know intact for every demo account. Consents, participants
 * and the handover agree with the consent gate (docs/decisions/007-consent-gate.md).
 */

type LogRow = typeof logs.$inferSelect;
type EventRow = typeof logEvents.$inferSelect;
type ActionRow = typeof actions.$inferSelect;
type ParticipantRow = typeof logParticipants.$inferSelect;

let allLogs: LogRow[];
let participantRows: ParticipantRow[];
let eventsByLog: Map<string, EventRow[]>;
let actionsByLog: Map<string, ActionRow[]>;
const actors: Record<string, Actor> = {};

async function actorByEmail(email: string): Promise<Actor> {
  const { db } = await database();
  const user = (await db.select().from(users).where(eq(users.email, email)).get())!;
  const actor = await loadActor(user.id);
  if (!actor) throw new Error(`no active demo user ${email}`);
  return actor;
}

// Seeding takes a while, so it runs once; every test then gets a fresh copy of the seeded
// file (tests/support/database-file.ts), so no test sees what another one wrote.
const seeded = resolve(process.cwd(), "tests/.tmp", `demo-${createId()}.db`);

beforeAll(async () => {
  const handle = await database();
  await seedDemo(handle, hashPassword);
  const { db } = handle;
  allLogs = await db.select().from(logs);
  eventsByLog = new Map(allLogs.map((l) => [l.id, []]));
  for (const e of await db.select().from(logEvents).orderBy(asc(logEvents.logId), asc(logEvents.seq))) eventsByLog.get(e.logId)!.push(e);
  actionsByLog = new Map(allLogs.map((l) => [l.id, []]));
  for (const a of await db.select().from(actions)) actionsByLog.get(a.logId)!.push(a);
  participantRows = await db.select().from(logParticipants);
  for (const [key, email] of Object.entries({
    teacher: "laerer@eksempel.no",
    secondTeacher: "laerer2@eksempel.no",
    kindergartenTeacher: "barnehagelaerer@eksempel.no",
    nurse: "helsesykepleier@eksempel.no",
    ppt: "ppt@eksempel.no",
    childWelfare: "barnevern@eksempel.no",
    principal: "rektor@eksempel.no",
    coordinator: "koordinator@eksempel.no",
    administrator: "admin@eksempel.no",
  })) {
    actors[key] = await actorByEmail(email);
  }
  await snapshotDatabase(seeded);
});

beforeEach(() => restoreDatabase(seeded));

afterAll(() => removeDatabaseFile(seeded));

describe("the demo seed", () => {
  it("has at least twelve children, logs at every level, in both states and both kinds, and every close reason", async () => {
    const { db } = await database();
    const childRows = await db.select().from(children);
    expect(childRows.length).toBeGreaterThanOrEqual(12);
    expect(new Set(allLogs.map((l) => l.level))).toEqual(new Set([0, 1, 2, 3]));
    expect(new Set(allLogs.map((l) => l.state))).toEqual(new Set(["open", "closed"]));
    expect(new Set(allLogs.map((l) => l.kind))).toEqual(new Set(["concern", "relay"]));
    for (const level of [1, 2, 3]) {
      expect(allLogs.some((l) => l.kind === "relay" && l.state === "open" && l.level === level), `open relay log at ${level}`).toBe(true);
    }
    const closeReasons = new Set(allLogs.map((l) => l.closeReason));
    for (const reason of ["no_further_concern", "resolved", "individual_plan", "child_welfare", "moved_away"]) {
      expect(closeReasons, reason).toContain(reason);
    }
    const today = todayInOslo();
    const openConcerns = allLogs.filter((l) => l.kind === "concern" && l.state === "open");
    expect(openConcerns.some((l) => l.sharedWithLeader)).toBe(true);
    expect(openConcerns.some((l) => l.decisionDueOn! <= today)).toBe(true);
  });

  it("holds the logs with the teacher, the kindergarten teacher and the nurse, roughly 5/4/3", async () => {
    const { db } = await database();
    const membershipRows = await db.select().from(memberships);
    const holderServicesOf = (userId: string) => membershipRows.filter((m) => m.userId === userId).map((m) => m.serviceId);
    const count = (actor: Actor) => allLogs.filter((l) => l.holderId === actor.id).length;
    expect(count(actors.teacher!)).toBe(5);
    expect(count(actors.kindergartenTeacher!)).toBe(4);
    expect(count(actors.nurse!)).toBe(3);
    // Every holder, the demo accounts and the history's generated staff, belongs to the log's service.
    for (const log of allLogs) expect(holderServicesOf(log.holderId), log.id).toContain(log.holderServiceId);
  });

  it("writes realistic timelines: 5–30 events per log, seq 1…n, dates and timestamps in the past and in order", async () => {
    const { db } = await database();
    const handoverRows = await db.select().from(handovers);
    const invitationRows = await db.select().from(logInvitations);
    const today = todayInOslo();
    const now = Date.now();
    for (const log of allLogs) {
      const events = eventsByLog.get(log.id)!;
      expect(events.length, log.id).toBeGreaterThanOrEqual(5);
      expect(events.length, log.id).toBeLessThanOrEqual(30);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events[0]!.type).toBe("concern");
      expect(events[0]!.authorId).toBe(log.createdBy);
      // Written by the holder, by someone who took part, or by the holders before a handover.
      const authors = new Set([
        log.holderId,
        log.createdBy,
        ...participantRows.filter((p) => p.logId === log.id).map((p) => p.userId),
        ...handoverRows.filter((h) => h.logId === log.id).flatMap((h) => [h.fromUserId, h.toUserId]),
        // or by an invitee answering (a declined invitation in the history, db/seed/demo/history.ts).
        ...invitationRows.filter((i) => i.logId === log.id).map((i) => i.inviteeId),
      ]);
      for (const [i, e] of events.entries()) {
        expect(e.occurredOn < today).toBe(true);
        expect(e.recordedAt.getTime()).toBeLessThan(now);
        expect(authors.has(e.authorId), `${log.id} #${e.seq} ${e.type}`).toBe(true);
        if (i > 0) {
          expect(e.occurredOn >= events[i - 1]!.occurredOn).toBe(true);
          expect(e.recordedAt.getTime()).toBeGreaterThan(events[i - 1]!.recordedAt.getTime());
        }
      }
      expect(log.createdAt.getTime()).toBe(events[0]!.recordedAt.getTime());
      expect(log.updatedAt.getTime()).toBe(events.at(-1)!.recordedAt.getTime());
    }
  });

  it("keeps every denormalised column in step with the events and actions", () => {
    for (const log of allLogs) {
      const events = eventsByLog.get(log.id)!;
      const logActions = actionsByLog.get(log.id)!;
      const of = <T extends keyof EventData>(type: T) =>
        events.filter((e) => e.type === type) as (EventRow & { data: EventData[T] })[];

      // kind and level
      const became = of("became_log");
      expect(log.kind).toBe(became.length > 0 ? "relay" : "concern");
      let level = 0;
      for (const e of events) {
        if (e.type === "became_log") level = (e.data as EventData["became_log"]).level;
        if (e.type === "level_change") {
          const change = e.data as EventData["level_change"];
          expect(change.from).toBe(level);
          level = change.to;
        }
      }
      expect(log.level, log.id).toBe(level);

      // state and close fields
      const closed = of("closed");
      expect(closed.length).toBeLessThanOrEqual(1);
      if (closed.length === 1) {
        expect(events.at(-1)!.type).toBe("closed");
        expect(log.state).toBe("closed");
        expect(log.closeReason).toBe(closed[0]!.data.reason);
        expect(log.closedAt?.getTime()).toBe(closed[0]!.recordedAt.getTime());
        expect(closed[0]!.data.summary.length).toBeGreaterThan(20);
        if (log.kind === "relay") expect(closed[0]!.data.guardiansToldOn).toBeTruthy();
        expect(log.closeReason === "no_further_concern").toBe(log.kind === "concern");
      } else {
        expect(log.state).toBe("open");
        expect(log.closeReason).toBeNull();
        expect(log.closedAt).toBeNull();
      }

      // next evaluation: min evaluate_on of active actions, while open
      const active = logActions.filter((a) => a.active).map((a) => a.evaluateOn).sort();
      expect(log.nextEvaluationOn, log.id).toBe(log.state === "open" ? (active[0] ?? null) : null);
      if (log.state === "closed") expect(active).toEqual([]);

      // each action's row agrees with its own history
      for (const a of logActions) {
        const created = of("action").find((e) => e.data.actionId === a.id)!;
        expect(created.data).toMatchObject({ description: a.description, goal: a.goal, responsible: a.responsible, startOn: a.startOn });
        const evaluations = of("evaluation").filter((e) => e.data.actionId === a.id);
        const ended = evaluations.some((e) => e.data.decision === "end");
        expect(a.active).toBe(!ended);
        expect(a.endedAt === null).toBe(!ended);
        const lastNext = evaluations.filter((e) => e.data.nextEvaluateOn).at(-1)?.data.nextEvaluateOn;
        if (a.active) expect(a.evaluateOn).toBe(lastNext ?? created.data.evaluateOn);
      }
      // an evaluation that changes level is followed by the level change
      for (const e of of("evaluation").filter((x) => x.data.decision === "change_level")) {
        const next = events[e.seq]!; // seq is 1-based: events[seq] is the next one
        expect(next.type).toBe("level_change");
        expect((next.data as EventData["level_change"]).to).toBe(e.data.newLevel);
      }

      // last child's voice
      const voices = of("child_voice").map((e) => e.occurredOn).sort();
      expect(log.lastChildVoiceOn, log.id).toBe(voices.at(-1) ?? null);

      // level-0 decision date only on open concerns; shared only on concerns
      expect(log.decisionDueOn !== null).toBe(log.kind === "concern" && log.state === "open");
      if (log.kind === "relay") expect(log.sharedWithLeader).toBe(false);
      expect(log.sharedWithLeader).toBe(of("shared_with_leader").length > 0);
    }
  });

  it("includes guardians (one child with only one of two holding parental responsibility), voices with methods, a meeting and a correction", async () => {
    const { db } = await database();
    const guardianRows = await db.select().from(guardians);
    const byChild = new Map<string, typeof guardianRows>();
    for (const g of guardianRows) byChild.set(g.childId, [...(byChild.get(g.childId) ?? []), g]);
    expect(
      [...byChild.values()].some((gs) => gs.length === 2 && gs.filter((g) => g.parentalResponsibility).length === 1),
    ).toBe(true);
    for (const log of allLogs.filter((l) => l.kind === "relay")) {
      const gs = byChild.get(log.childId) ?? [];
      expect(gs.length).toBeGreaterThan(0);
      for (const g of gs) expect(g.toldOn).toBeTruthy();
    }
    const all = [...eventsByLog.values()].flat();
    const types = new Set(all.map((e) => e.type));
    for (const t of ["observation", "note", "meeting", "guardian_added", "became_log", "action", "evaluation", "child_voice", "guardian_voice", "level_change", "closed", "shared_with_leader", "correction"]) {
      expect(types, t).toContain(t);
    }
    const decisions = new Set(all.filter((e) => e.type === "evaluation").map((e) => (e.data as EventData["evaluation"]).decision));
    for (const d of ["continue", "adjust", "end", "change_level"]) expect(decisions, d).toContain(d);
    const downs = all.filter((e) => e.type === "level_change" && (e.data as EventData["level_change"]).to < (e.data as EventData["level_change"]).from);
    expect(downs.length).toBeGreaterThan(0);
    const corrections = all.filter((e) => e.type === "correction");
    expect(corrections).toHaveLength(1);
    const target = all.find((e) => e.id === corrections[0]!.correctsEventId)!;
    expect(target).toMatchObject({ type: "note", logId: corrections[0]!.logId, authorId: corrections[0]!.authorId });
    expect(target.seq).toBeLessThan(corrections[0]!.seq);

    const children_ = await db.select().from(children);
    const withIds = children_.filter((c) => c.nationalId !== null);
    expect(withIds).toHaveLength(2);
    for (const c of withIds) expect(parseNationalId(c.nationalId!)).toMatchObject({ birthDate: c.birthDate, synthetic: true });
  });

  it("opens every log for its holder, with the timeline", async () => {
    const holders = [actors.teacher!, actors.kindergartenTeacher!, actors.nurse!];
    // The twelve demo children's logs are held by the three demo holders; the history's by generated staff.
    const demoLogs = allLogs.filter((l) => holders.some((h) => h.id === l.holderId));
    expect(demoLogs).toHaveLength(12);
    for (const log of allLogs) {
      const holder = holders.find((a) => a.id === log.holderId) ?? (await loadActor(log.holderId))!;
      const page = await viewLog(holder, log.id, { locale: "nb" });
      expect(page.role).toBe("holder");
      expect(page.log).toMatchObject({ id: log.id, level: log.level, state: log.state, kind: log.kind });
      // corrections hang on the entry they correct and are not listed on their own
      const listed = eventsByLog.get(log.id)!.filter((e) => e.type !== "correction").length;
      expect(page.events.length).toBe(Math.min(listed, 25));
    }
  });

  it("shows the teacher an overdue evaluation and a missing child's voice on the home page", async () => {
    const { logs: mine, total } = await listMyLogs(actors.teacher!, { page: 1 });
    // Her five logs, and Sara's, which she handed over to the nurse and still takes part in.
    expect(total).toBe(6);
    expect(mine.filter((l) => l.relation === "holder")).toHaveLength(5);
    expect(mine.filter((l) => l.relation === "participant").map((l) => l.childName)).toEqual(["Sara Nguyen"]);
    expect(mine.some((l) => l.flags.overdueEvaluation)).toBe(true);
    expect(mine.some((l) => l.flags.missingChildVoice)).toBe(true);
    expect(mine.some((l) => l.flags.decisionSoon)).toBe(true);
    const kindergarten = await listMyLogs(actors.kindergartenTeacher!, { page: 1 });
    expect(kindergarten.logs.some((l) => l.flags.decisionOverdue)).toBe(true);
  });

  it("lets the principal see the school's relay logs and the concern shared with them, not an unshared concern", async () => {
    const school = actors.teacher!.memberships[0]!.serviceId;
    const { logs: seen } = await listMyLogs(actors.principal!, { page: 1 });
    const seenIds = new Set(seen.map((l) => l.id));
    const schoolLogs = allLogs.filter((l) => l.holderServiceId === school);
    const relay = schoolLogs.filter((l) => l.kind === "relay");
    const unshared = schoolLogs.filter((l) => l.kind === "concern" && !l.sharedWithLeader);
    expect(relay.length).toBeGreaterThanOrEqual(3);
    expect(unshared.length).toBeGreaterThan(0);
    for (const l of relay) expect(seenIds.has(l.id)).toBe(true);
    for (const l of unshared) expect(seenIds.has(l.id)).toBe(false);
    expect(seen.every((l) => l.relation === "leader")).toBe(true);
    expect(new Set(seen.map((l) => l.serviceName))).toEqual(new Set(["Solbakken skole"]));
  });

  it("shows the coordinator and the administrator no log at all", async () => {
    for (const actor of [actors.coordinator!, actors.administrator!]) {
      const list = await listMyLogs(actor, { page: 1 });
      expect(list.total).toBe(0);
      expect(list.logs).toEqual([]);
    }
  });

  it("does not let the kindergarten teacher open a teacher's log", async () => {
    const teachersLog = allLogs.find((l) => l.holderId === actors.teacher!.id && l.kind === "relay")!;
    await expect(viewLog(actors.kindergartenTeacher!, teachersLog.id, { locale: "nb" })).rejects.toMatchObject({ status: 404 });
  });
});

describe("the demo's consents, participants and handover", () => {
  async function childNamed(name: string) {
    const { db } = await database();
    const child = (await db.select().from(children).where(eq(children.name, name)).get())!;
    return allLogs.find((l) => l.childId === child.id)!;
  }

  it("gives every relay log a complete consent to keep it, from around the day it became one, for 12 months", async () => {
    const relay = allLogs.filter((l) => l.kind === "relay");
    expect(relay.length).toBeGreaterThanOrEqual(8);
    for (const log of relay) {
      const state = await consentState((await database()).db, log);
      const keep = state.filter((c) => c.scope === "keep" && c.decision === "given");
      expect(keep.length, log.id).toBe(1);
      const became = eventsByLog.get(log.id)!.find((e) => e.type === "became_log")!;
      const days = Math.abs(Date.parse(keep[0]!.givenOn) - Date.parse(became.occurredOn)) / 86_400_000;
      expect(days, log.id).toBeLessThanOrEqual(3);
      const [y, m, d] = keep[0]!.givenOn.split("-").map(Number) as [number, number, number];
      expect(keep[0]!.expiresOn).toBe(new Date(Date.UTC(y, m - 1 + 12, d)).toISOString().slice(0, 10));
      expect(keep[0]!.complete, log.id).toBe(true);
      if (log.state === "open") expect(keep[0]!.counts, `open relay log ${log.id}: a counting keep consent`).toBe(true);
    }
  });

  it("flags no demo log for a missing keep consent: each become step recorded it, on the log page and on every holder's home page", async () => {
    const { db } = await database();
    const flagged: string[] = [];
    for (const log of allLogs) {
      const holder = (await loadActor(log.holderId))!;
      const child = (await db.select().from(children).where(eq(children.id, log.childId)).get())!;
      if ((await viewLog(holder, log.id, { locale: "nb" })).flags.missingKeepConsent) flagged.push(child.name);
      if (log.kind !== "relay") continue;
      const became = eventsByLog.get(log.id)!.find((e) => e.type === "became_log")!;
      expect((became.data as EventData["became_log"]).keepConsent, child.name).toEqual({ deferred: false });
    }
    for (const who of ["teacher", "kindergartenTeacher", "nurse"]) {
      const { logs: mine } = await listMyLogs(actors[who]!, { page: 1 });
      for (const l of mine) if (l.flags.missingKeepConsent) flagged.push(`${who}: ${l.id}`);
    }
    expect(flagged).toEqual([]);
  });

  it("records each consent, withdrawal, invitation and answer on the timeline", async () => {
    const { db } = await database();
    const all = [...eventsByLog.values()].flat();
    const dataOf = <T extends keyof EventData>(type: T) => all.filter((e) => e.type === type).map((e) => e.data as EventData[T]);
    const consentRows = await db.select().from(consents);
    expect(dataOf("consent_recorded").map((d) => d.consentId).sort()).toEqual(consentRows.map((c) => c.id).sort());
    expect(dataOf("consent_withdrawn").map((d) => d.consentId).sort()).toEqual(
      consentRows.filter((c) => c.status === "withdrawn").map((c) => c.id).sort(),
    );
    for (const c of consentRows) {
      const e = all.find((x) => x.type === "consent_recorded" && (x.data as EventData["consent_recorded"]).consentId === c.id)!;
      expect(e.authorId).toBe(c.recordedBy);
      expect(e.recordedAt.getTime()).toBe(c.recordedAt.getTime());
      if (c.form === "oral") expect(c.note).toBeTruthy();
    }
    const invitations = await db.select().from(logInvitations);
    expect(dataOf("invited").map((d) => d.invitationId).sort()).toEqual(invitations.map((i) => i.id).sort());
    const answered = invitations.filter((i) => i.status !== "pending");
    expect(dataOf("invitation_answered").map((d) => d.invitationId).sort()).toEqual(answered.map((i) => i.id).sort());
    for (const i of answered.filter((x) => x.status === "accepted")) {
      const answer = all.find((x) => x.type === "invitation_answered" && (x.data as EventData["invitation_answered"]).invitationId === i.id)!;
      expect(answer).toMatchObject({ authorId: i.inviteeId, authorServiceId: i.serviceId });
      expect(participantRows.some((p) => p.logId === i.logId && p.userId === i.inviteeId && p.serviceId === i.serviceId)).toBe(true);
    }
  });

  it("lets every participant in through the gate, except the one whose consent was withdrawn", async () => {
    const { db } = await database();
    const current = participantRows.filter((p) => p.endedAt === null);
    expect(current.length).toBeGreaterThanOrEqual(5);
    const lostAccess: ParticipantRow[] = [];
    for (const p of current) {
      const log = allLogs.find((l) => l.id === p.logId)!;
      const passes = p.serviceId === log.holderServiceId || (await isCovered(db, log.id, p.serviceId));
      const actor = (await loadActor(p.userId))!;
      if (passes) {
        const page = await viewLog(actor, log.id, { locale: "nb" });
        expect(page.role).toBe("participant");
        expect(page.participants.find((x) => x.userId === p.userId)?.hasAccess).toBe(true);
      } else {
        await expect(viewLog(actor, log.id, { locale: "nb" })).rejects.toMatchObject({ status: 404 });
        lostAccess.push(p);
      }
    }
    // The deliberate case: the school nurse on Ella's log, after the parents withdrew the consent.
    expect(lostAccess).toHaveLength(1);
    const [lost] = lostAccess as [ParticipantRow];
    const ella = await childNamed("Ella Myrvold");
    expect(lost).toMatchObject({ logId: ella.id, userId: actors.nurse!.id });
    const ellaConsents = await db
      .select({ status: consents.status, serviceId: consentServices.serviceId })
      .from(consents)
      .innerJoin(consentServices, eq(consentServices.consentId, consents.id))
      .where(eq(consents.logId, ella.id));
    expect(ellaConsents.some((c) => c.status === "withdrawn" && c.serviceId === lost.serviceId)).toBe(true);
    // What she wrote stays on the timeline, and the holder still sees her listed, without access.
    expect(eventsByLog.get(ella.id)!.some((e) => e.authorId === actors.nurse!.id && e.type === "evaluation")).toBe(true);
    const holderView = await viewLog(actors.teacher!, ella.id, { locale: "nb" });
    expect(holderView.participants.find((x) => x.userId === actors.nurse!.id)?.hasAccess).toBe(false);
    expect((await listMyLogs(actors.nurse!, { page: 1 })).logs.some((l) => l.id === ella.id)).toBe(false);
  });

  it("has a participant from another service, through the gate, on every open log at level 2 or 3", async () => {
    const { db } = await database();
    for (const log of allLogs.filter((l) => l.state === "open" && l.level >= 2)) {
      let ok = false;
      for (const p of participantRows.filter((x) => x.logId === log.id && x.endedAt === null)) {
        if (p.serviceId !== log.holderServiceId && (await isCovered(db, log.id, p.serviceId))) ok = true;
      }
      expect(ok, log.id).toBe(true);
    }
  });

  it("shows the handover: Sara's log was started by the teacher, is held by the nurse, and the teacher takes part", async () => {
    const { db } = await database();
    const sara = await childNamed("Sara Nguyen");
    expect(sara).toMatchObject({ holderId: actors.nurse!.id, createdBy: actors.teacher!.id, state: "open" });
    expect(sara.holderServiceId).toBe(actors.nurse!.memberships[0]!.serviceId);
    const [handover, ...more] = await db.select().from(handovers).where(eq(handovers.logId, sara.id));
    expect(more).toEqual([]);
    expect(handover).toMatchObject({
      fromUserId: actors.teacher!.id,
      fromServiceId: actors.teacher!.memberships[0]!.serviceId,
      toUserId: actors.nurse!.id,
      status: "accepted",
    });
    const events = eventsByLog.get(sara.id)!;
    const proposed = events.find((e) => e.type === "handover_proposed")!;
    const answered = events.find((e) => e.type === "handover_answered")!;
    expect(proposed).toMatchObject({ authorId: actors.teacher!.id });
    expect(answered).toMatchObject({ authorId: actors.nurse!.id });
    expect(answered.data).toMatchObject({ handoverId: handover!.id, accepted: true });
    expect(answered.seq).toBeGreaterThan(proposed.seq);
    const current = participantRows.filter((p) => p.logId === sara.id && p.endedAt === null);
    expect(current.map((p) => p.userId)).toEqual([actors.teacher!.id]);
    // The teacher reads it as a participant; the nurse holds it.
    expect((await viewLog(actors.teacher!, sara.id, { locale: "nb" })).role).toBe("participant");
    expect((await viewLog(actors.nurse!, sara.id, { locale: "nb" })).role).toBe("holder");
  });

  it("shows Noah (and Aksel) on the PPT adviser's home page, as a participant", async () => {
    const { logs: seen } = await listMyLogs(actors.ppt!, { page: 1 });
    const names = seen.map((l) => l.childName);
    expect(names).toContain("Noah Hagen Eriksen");
    expect(names).toContain("Aksel Rønning");
    expect(seen.every((l) => l.relation === "participant")).toBe(true);
  });

  it("shows child welfare no log at all", async () => {
    const list = await listMyLogs(actors.childWelfare!, { page: 1 });
    expect(list.total).toBe(0);
    expect(participantRows.some((p) => p.userId === actors.childWelfare!.id)).toBe(false);
    const { db } = await database();
    expect(await db.select().from(logInvitations).where(eq(logInvitations.inviteeId, actors.childWelfare!.id))).toEqual([]);
  });

  it("leaves the second teacher an invitation past its date on one of the teacher's logs, and no access yet", async () => {
    const invitations = await myLogInvitations(actors.secondTeacher!);
    expect(invitations).toHaveLength(1);
    const [invitation] = invitations as [(typeof invitations)[number]];
    expect(invitation.overdue).toBe(true);
    expect(invitation.serviceName).toBe("Solbakken skole");
    const log = allLogs.find((l) => l.id === invitation.logId)!;
    expect(log.holderId).toBe(actors.teacher!.id);
    expect((await listMyLogs(actors.secondTeacher!, { page: 1 })).total).toBe(0);
    await expect(viewLog(actors.secondTeacher!, log.id, { locale: "nb" })).rejects.toMatchObject({ status: 404 });
  });

  it("includes a partial, a refused, an expired and a withdrawn consent", async () => {
    const { db } = await database();
    const states = [];
    for (const log of allLogs.filter((l) => l.kind === "relay")) states.push(...(await consentState(db, log)));
    const partial = states.filter((c) => c.decision === "given" && !c.complete);
    expect(partial.length).toBeGreaterThanOrEqual(1);
    expect(partial[0]).toMatchObject({ guardiansGiven: 1, guardiansRequired: 2, counts: false });
    expect(states.some((c) => c.decision === "refused" && c.complete)).toBe(true);
    expect(states.some((c) => c.decision === "given" && c.complete && c.expired && !c.counts)).toBe(true);
    const withdrawn = await db.select().from(consents).where(eq(consents.status, "withdrawn"));
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]!.endedAt).not.toBeNull();
  });
});

describe("the demo's reminders and planned meeting", () => {
  beforeEach(async () => {
    for (const [key, email] of Object.entries({ teacher: "laerer@eksempel.no", nurse: "helsesykepleier@eksempel.no" })) {
      actors[key] = await actorByEmail(email);
    }
  });

  it("has answered evaluation reminders (withdrawn when the evaluation was written), keyed as the tick keys them", async () => {
    const { db } = await database();
    const seeded = await db.select().from(reminders);
    expect(seeded.length).toBeGreaterThanOrEqual(5);
    for (const r of seeded) {
      expect(r.withdrawnAt, r.key).not.toBeNull();
      expect(r.key).toBe(reminderKey(r));
      expect(r.createdAt.getTime()).toBeLessThan(r.withdrawnAt!.getTime());
    }
    // The first tick adds the open ones the state calls for (the overdue evaluation among them) and repeats none.
    await runTick(new Date());
    const open = await db.select().from(reminders).where(isNull(reminders.withdrawnAt));
    expect(open.some((r) => r.rule === "evaluation_overdue" && r.recipientId === actors.teacher!.id)).toBe(true);
    expect(open.some((r) => r.rule === "evaluation_soon")).toBe(true);
    expect(new Set((await db.select().from(reminders)).map((r) => r.key)).size).toBe((await db.select().from(reminders)).length);
  });

  it("has one meeting planned next week on Sara's log, with both parents invited and the father needing an interpreter", async () => {
    const { db } = await database();
    const planned = await db.select().from(meetings);
    expect(planned).toHaveLength(1);
    const log = allLogs.find((l) => l.id === planned[0]!.logId)!;
    expect(log.holderId).toBe(actors.nurse!.id);
    const page = await upcomingMeetings(await openLog(staffViewer(actors.nurse!), log.id, "view"));
    expect(page).toHaveLength(1);
    expect(page[0]!.invitees.map((i) => i.name)).toEqual(expect.arrayContaining(["Siri Haugvik", "Ingrid Solvik", "Linh Nguyen", "Duc Nguyen"]));
    expect(page[0]!.interpreterFor).toEqual([{ name: "Duc Nguyen", language: "vietnamesisk" }]);
    expect(page[0]!.mayChange).toBe(true);
  });
});

describe("the demo's year of history (db/seed/demo/history.ts)", () => {
  const demoEmails = [
    "laerer@eksempel.no",
    "laerer2@eksempel.no",
    "barnehagelaerer@eksempel.no",
    "helsesykepleier@eksempel.no",
    "ppt@eksempel.no",
    "barnevern@eksempel.no",
    "rektor@eksempel.no",
    "koordinator@eksempel.no",
    "admin@eksempel.no",
    "forelder@eksempel.no",
  ];
  const demoChildren = [
    "Emil Bråten", "Sofie Lund Nilsen", "Noah Hagen Eriksen", "Ella Myrvold", "Oskar Lie", "Liva Torvik",
    "Aksel Rønning", "Mathias Strøm", "Ida Berg", "Sara Nguyen", "Sander Kvam", "Vilja Moen",
  ];

  async function historyLogRows() {
    const { db } = await database();
    const childRows = await db.select().from(children);
    const demoChildIds = new Set(childRows.filter((c) => demoChildren.includes(c.name)).map((c) => c.id));
    return { db, childRows, history: allLogs.filter((l) => !demoChildIds.has(l.childId)), demoChildIds };
  }

  /** Draw the history into an in-memory world on a given seed day, and digest its rows (ids replaced by their order). */
  function digestOn(today: string) {
    class Named extends Map<string, string> {
      override get(key: string) {
        return super.get(key) ?? `n:${key}`;
      }
    }
    const ctx = { now: new Date(`${today}T10:00:00Z`), userIds: new Named(), serviceIds: new Named() };
    const world: World = {
      today,
      decisionDays: 14,
      evaluationIntervalDays: 42,
      consentValidityMonths: 12,
      invitationResponseDays: 7,
      guideVersionId: "v1",
      userNames: new Named(),
      serviceNames: new Named(),
      ctx,
      rows: {
        children: [], childServices: [], guardians: [], logs: [], events: [], actions: [], consents: [], consentGuardians: [],
        consentServices: [], invitations: [], participants: [], handovers: [], meetings: [], meetingInvitees: [], reminders: [],
      },
    };
    for (const log of historyLogs(world)) log.finish();
    const ids = new Map<string, number>();
    const json = JSON.stringify(world.rows, (_key, value: unknown) => {
      // Random ids, also inside keys such as a reminder's, become their order of appearance.
      if (typeof value !== "string") return value;
      return value.replace(/(?<![a-z2-7])[a-z2-7]{26}(?![a-z2-7])/g, (id) => {
        if (!ids.has(id)) ids.set(id, ids.size);
        return `#${ids.get(id)}`;
      });
    });
    return { digest: createHash("sha256").update(json).digest("hex"), rows: world.rows };
  }

  it("is deterministic: the same seed day gives the same rows, by content", () => {
    const a = digestOn("2026-12-03");
    const b = digestOn("2026-12-03");
    expect(a.rows.logs.length).toBeGreaterThanOrEqual(150);
    expect(a.digest).toBe(b.digest);
    expect(digestOn("2027-03-15").digest).not.toBe(a.digest);
  });

  it("has the volume and spread the coordinator's figures need", async () => {
    const { db, history } = await historyLogRows();
    const today = todayInOslo();
    const relay = history.filter((l) => l.kind === "relay");
    expect(relay.length).toBeGreaterThanOrEqual(150);
    expect(relay.length).toBeLessThanOrEqual(250);
    expect(history.filter((l) => l.kind === "concern").length).toBeGreaterThanOrEqual(10);
    // Starts spread over at least twelve months, in this year and the last.
    const months = new Set(relay.map((l) => eventsByLog.get(l.id)![0]!.occurredOn.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    expect(new Set([...months].map((m) => m.slice(0, 4))).size).toBeGreaterThanOrEqual(2);
    // Held in several kinds of service, none of them Solbakken skole/SFO.
    const serviceRows = await db.select().from(services);
    const kindOf = new Map(serviceRows.map((s) => [s.id, s.kind]));
    expect(new Set(relay.map((l) => kindOf.get(l.holderServiceId))).size).toBeGreaterThanOrEqual(3);
    const solbakken = serviceRows.filter((s) => s.name.startsWith("Solbakken")).map((s) => s.id);
    expect(history.filter((l) => solbakken.includes(l.holderServiceId))).toEqual([]);
    // Levels 1, 2 and 3 each reached, moves both ways.
    const reached = new Set<number>();
    const moves = new Set<string>();
    for (const l of relay) {
      for (const e of eventsByLog.get(l.id)!) {
        if (e.type === "became_log") reached.add((e.data as EventData["became_log"]).level);
        if (e.type === "level_change") {
          const { from, to } = e.data as EventData["level_change"];
          reached.add(to);
          moves.add(`${from}→${to}`);
        }
      }
    }
    for (const level of [1, 2, 3]) expect(reached, `level ${level}`).toContain(level);
    for (const move of ["1→2", "2→3", "2→1"]) expect(moves, move).toContain(move);
    // Closed with at least four reasons; roughly 40–60 % closed.
    const closed = relay.filter((l) => l.state === "closed");
    expect(new Set(closed.map((l) => l.closeReason)).size).toBeGreaterThanOrEqual(4);
    expect(closed.length / relay.length).toBeGreaterThan(0.35);
    expect(closed.length / relay.length).toBeLessThan(0.65);
    // Some open logs with an overdue evaluation, but fewer than a quarter.
    const open = relay.filter((l) => l.state === "open");
    const overdue = open.filter((l) => l.nextEvaluationOn !== null && l.nextEvaluationOn < today);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length / open.length).toBeLessThan(0.25);
    // Some invitations answered late or declined, and a few handovers.
    const invitations = (await db.select().from(logInvitations)).filter((i) => history.some((l) => l.id === i.logId));
    expect(invitations.some((i) => i.status === "declined")).toBe(true);
    expect(invitations.some((i) => i.answeredAt && i.answeredAt.toISOString().slice(0, 10) > i.respondBy)).toBe(true);
    const handoverRows = (await db.select().from(handovers)).filter((h) => history.some((l) => l.id === h.logId));
    expect(handoverRows.length).toBeGreaterThanOrEqual(3);
  });

  it("uses invented people only: no national ids, ages that fit the service, e-mail under eksempel.no", async () => {
    const { db, childRows, demoChildIds, history } = await historyLogRows();
    const serviceRows = await db.select().from(services);
    const kindOf = new Map(serviceRows.map((s) => [s.id, s.kind]));
    const today = todayInOslo();
    for (const log of history) {
      const child = childRows.find((c) => c.id === log.childId)!;
      expect(child.nationalId).toBeNull();
      const years = (Date.parse(today) - Date.parse(child.birthDate)) / (365.25 * 86_400_000);
      const kind = kindOf.get(eventsByLog.get(log.id)![0]!.authorServiceId ?? "");
      if (kind === "kindergarten") expect(years, child.name).toBeGreaterThanOrEqual(1), expect(years).toBeLessThan(6);
      if (kind === "school") expect(years, child.name).toBeGreaterThanOrEqual(6), expect(years).toBeLessThan(16);
    }
    expect(childRows.filter((c) => !demoChildIds.has(c.id) && c.nationalId !== null)).toEqual([]);
    const people = new Set(history.flatMap((l) => eventsByLog.get(l.id)!.map((e) => e.authorId)));
    for (const u of (await db.select().from(users)).filter((x) => people.has(x.id))) expect(u.email).toMatch(/@eksempel\.no$/);
    for (const g of await db.select().from(guardians)) if (g.email && !demoChildIds.has(g.childId)) expect(g.email).toMatch(/@eksempel\.no$/);
  });

  it("leaves the demo accounts holding and taking part in exactly what they did before", async () => {
    const { db, demoChildIds } = await historyLogRows();
    const userRows = await db.select().from(users);
    const demoIds = new Set(userRows.filter((u) => demoEmails.includes(u.email!)).map((u) => u.id));
    const demoLogIds = new Set(allLogs.filter((l) => demoChildIds.has(l.childId)).map((l) => l.id));
    expect(demoLogIds.size).toBe(12);
    const held = new Map<string, number>();
    for (const l of allLogs) {
      const email = userRows.find((u) => u.id === l.holderId)!.email!;
      if (demoIds.has(l.holderId)) held.set(email, (held.get(email) ?? 0) + 1);
      if (demoIds.has(l.holderId) || demoIds.has(l.createdBy)) expect(demoLogIds.has(l.id), email).toBe(true);
    }
    expect(Object.fromEntries(held)).toEqual({ "laerer@eksempel.no": 5, "barnehagelaerer@eksempel.no": 4, "helsesykepleier@eksempel.no": 3 });
    for (const p of participantRows) if (demoIds.has(p.userId)) expect(demoLogIds.has(p.logId)).toBe(true);
    for (const i of await db.select().from(logInvitations)) if (demoIds.has(i.inviteeId)) expect(demoLogIds.has(i.logId)).toBe(true);
    for (const e of [...eventsByLog.values()].flat()) if (demoIds.has(e.authorId)) expect(demoLogIds.has(e.logId)).toBe(true);
  });
});
