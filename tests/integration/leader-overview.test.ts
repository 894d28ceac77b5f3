import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { accessLog, actions, consents, logInvitations } from "../../db/schema";
import * as leder from "../../app/routes/leder";
import * as home from "../../app/routes/_index";
import type { Actor } from "../../app/domain/auth/permissions";
import { addAction, refreshNextEvaluation } from "../../app/domain/logs/actions.server";
import { answerHandover, proposeHandover } from "../../app/domain/logs/handovers.server";
import { closeLog, shareWithLeader } from "../../app/domain/logs/lifecycle.server";
import { inviteToLog } from "../../app/domain/logs/log-invitations.server";
import { setUserActive } from "../../app/domain/people/users.server";
import { makeUser, sessionFor } from "../support/factories";
import { actorOf, daysAgo, giveConsent, inDays, makeConcern, makeRelayLog, makeSchoolCast } from "../support/log-factories";
import { callLoader } from "../support/requests";

/**
 * The service leader's overview (/leder, issue 11 point 7) through its real loader on a fresh
 * database per test: a school with a teacher holding logs, a colleague, the principal (leader
 * of the school), another school with its own principal and log, and a health service with a
 * nurse and her leader.
 */
type Overview = Awaited<ReturnType<typeof leder.loader>>;
let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
let teacher: Actor;

beforeEach(async () => {
  cast = await makeSchoolCast();
  teacher = cast.actors.teacher;
});

async function overviewOf(userId: string, query = "") {
  const { cookie } = await sessionFor(userId);
  return callLoader<Overview>(leder.loader, `/leder${query}`, { cookie });
}

async function okOverview(userId: string, query = "") {
  const o = await overviewOf(userId, query);
  expect(o.status).toBe(200);
  return o.data;
}

const childNames = (data: Overview) => data.logs.rows.map((r) => r.childName);

/** Time passing, as the domain would not allow writing it: an evaluation date in the past. */
async function backdateEvaluation(logId: string, actionId: string, evaluateOn: string) {
  const { transaction } = await database();
  await transaction(async (tx) => {
    await tx.update(actions).set({ evaluateOn }).where(eq(actions.id, actionId));
    await refreshNextEvaluation(tx, logId);
  });
}

async function backdateRespondBy(invitationId: string, respondBy: string) {
  const { transaction } = await database();
  await transaction((tx) => tx.update(logInvitations).set({ respondBy }).where(eq(logInvitations.id, invitationId)));
}

async function searchRows(userId: string) {
  const { db } = await database();
  return db.select().from(accessLog).where(and(eq(accessLog.userId, userId), eq(accessLog.kind, "search")));
}

async function accessRows(userId: string) {
  const { db } = await database();
  return db.select().from(accessLog).where(eq(accessLog.userId, userId));
}

describe("who sees the leader's overview", () => {
  it("a person who leads no service gets 404, like an unknown page", async () => {
    for (const id of [cast.ids.teacher, cast.ids.nurse, cast.ids.coordinator, cast.ids.administrator]) {
      expect((await overviewOf(id)).status).toBe(404);
    }
  });

  it("without a session it sends to sign-in", async () => {
    const o = await callLoader(leder.loader, "/leder");
    expect(o.status).toBe(302);
    expect(o.location).toMatch(/^\/login/);
  });

  it("the home page's leader section and the header link to it for leaders only", async () => {
    const { cookie } = await sessionFor(cast.ids.principal);
    const data = (await callLoader<Awaited<ReturnType<typeof home.loader>>>(home.loader, "/", { cookie })).data;
    expect(data.led).toHaveLength(1);
    const root = await import("../../app/root");
    const rootOf = async (id: string) =>
      (await callLoader<Awaited<ReturnType<typeof root.loader>>>(root.loader, "/", { cookie: (await sessionFor(id)).cookie })).data;
    expect((await rootOf(cast.ids.principal)).user!.isLeader).toBe(true);
    expect((await rootOf(cast.ids.teacher)).user!.isLeader).toBe(false);
  });
});

describe("the open logs held in the service", () => {
  it("lists the relay logs held in her service, not another service's, nor closed ones", async () => {
    await makeRelayLog(teacher, cast.school.id, "Ola Skolebarn");
    const otherTeacher = await actorOf(
      (await makeUser({ memberships: [{ serviceId: cast.otherSchool.id, role: "employee" }] })).id,
    );
    await makeRelayLog(otherTeacher, cast.otherSchool.id, "Kari Annenskole");
    const closed = await makeRelayLog(teacher, cast.school.id, "Lukket Lise");
    await closeLog(teacher, closed.logId, { reason: "resolved", summary: "Bekymringen er løst.", guardiansToldOn: daysAgo(0) });
    const data = await okOverview(cast.ids.principal);
    expect(childNames(data)).toEqual(["Ola Skolebarn"]);
    expect(data.logs.total).toBe(1);
    const row = data.logs.rows[0]!;
    expect(row.holderName).toBeTruthy();
    expect(row.level).toBe(1);
    // The keep consent is deferred in the factory: the same flag the home list shows.
    expect(row.flags.missingKeepConsent).toBe(true);
    expect(JSON.stringify(data)).not.toContain("Kari Annenskole");
    expect(childNames(await okOverview(cast.ids.otherPrincipal))).toEqual(["Kari Annenskole"]);
  });

  it("a private level-0 note is not there; once shared with the leader it is", async () => {
    const { logId } = await makeConcern(teacher, cast.school.id, "Privat Notatbarn");
    expect(childNames(await okOverview(cast.ids.principal))).toEqual([]);
    await shareWithLeader(teacher, logId);
    expect(childNames(await okOverview(cast.ids.principal))).toEqual(["Privat Notatbarn"]);
  });

  it("the leader's own private note is not in the overview (the leader branch only, not her holder branch)", async () => {
    await makeConcern(cast.actors.principal, cast.school.id, "Rektors Eget Notat");
    expect(childNames(await okOverview(cast.ids.principal))).toEqual([]);
  });

  it("listing records no read; a search by name records one search hit per log shown", async () => {
    await makeRelayLog(teacher, cast.school.id, "Søkbar Sol");
    await makeRelayLog(teacher, cast.school.id, "Annen Måne");
    await okOverview(cast.ids.principal);
    expect(await accessRows(cast.ids.principal)).toHaveLength(0);
    const found = await okOverview(cast.ids.principal, "?q=sol");
    expect(childNames(found)).toEqual(["Søkbar Sol"]);
    const hits = await searchRows(cast.ids.principal);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.logId).toBe(found.logs.rows[0]!.id);
    expect(hits[0]!.serviceId).toBe(cast.school.id);
  });

  it("filters by level, by holder and to only flagged logs", async () => {
    const colleague = cast.actors.colleague;
    await makeRelayLog(teacher, cast.school.id, "Anna Flagget");
    const calm = await makeRelayLog(colleague, cast.school.id, "Bjørn Rolig");
    await giveConsent(colleague, calm.logId, "keep");
    const shared = await makeConcern(teacher, cast.school.id, "Cecilie Nullnivå");
    await shareWithLeader(teacher, shared.logId);

    expect(childNames(await okOverview(cast.ids.principal, "?level=0"))).toEqual(["Cecilie Nullnivå"]);
    expect(childNames(await okOverview(cast.ids.principal, "?level=1")).sort()).toEqual(["Anna Flagget", "Bjørn Rolig"]);
    expect(childNames(await okOverview(cast.ids.principal, `?holder=${cast.ids.colleague}`))).toEqual(["Bjørn Rolig"]);
    const holders = (await okOverview(cast.ids.principal)).holders.map((h) => h.userId);
    expect(holders).toEqual(expect.arrayContaining([cast.ids.teacher, cast.ids.colleague, cast.ids.principal]));
    expect(holders).not.toContain(cast.ids.otherPrincipal);

    // "Only with flags" keeps exactly the logs whose flagsFor raises something (Anna's lacks
    // the keep consent; Bjørn's has it, but the child's voice is not heard yet).
    const all = await okOverview(cast.ids.principal);
    const withFlags = all.logs.rows.filter((r) => Object.entries(r.flags).some(([k, v]) => v && k !== "childVoiceNeverHeard"));
    const onlyFlagged = await okOverview(cast.ids.principal, "?flagged=on");
    expect(childNames(onlyFlagged).sort()).toEqual(withFlags.map((r) => r.childName).sort());
    expect(onlyFlagged.filter.flagged).toBe(true);
  });

  it("'only with flags' drops a log with no flag raised", async () => {
    // A level-0 note shared with the leader whose decision is far off raises nothing.
    const quiet = await makeConcern(teacher, cast.school.id, "Stille Stine");
    await shareWithLeader(teacher, quiet.logId);
    await makeRelayLog(teacher, cast.school.id, "Høylytt Henrik");
    const all = await okOverview(cast.ids.principal);
    const stine = all.logs.rows.find((r) => r.childName === "Stille Stine")!;
    expect(Object.entries(stine.flags).filter(([, v]) => v)).toEqual([]);
    expect(childNames(await okOverview(cast.ids.principal, "?flagged=on"))).toEqual(["Høylytt Henrik"]);
  });

  it("pages by 25 with the total: 26 logs make two pages", async () => {
    for (let i = 0; i < 26; i++) {
      const { logId } = await makeConcern(teacher, cast.school.id, `Barn ${String(i).padStart(2, "0")} Sidetest`);
      await shareWithLeader(teacher, logId);
    }
    const first = await okOverview(cast.ids.principal);
    expect(first.logs.total).toBe(26);
    expect(first.logs.pages).toBe(2);
    expect(first.logs.rows).toHaveLength(25);
    const second = await okOverview(cast.ids.principal, "?page=2");
    expect(second.logs.page).toBe(2);
    expect(second.logs.rows).toHaveLength(1);
    const seen = new Set([...childNames(first), ...childNames(second)]);
    expect(seen.size).toBe(26);
    // Past the last page: the last page.
    expect((await okOverview(cast.ids.principal, "?page=99")).logs.page).toBe(2);
  });

  it("a malformed query is ignored, never a 500", async () => {
    await makeRelayLog(teacher, cast.school.id, "Robust Rolf");
    for (const q of [
      "?level=7",
      "?level=abc",
      "?page=-3",
      "?page=1e99",
      "?holder=not-an-id",
      "?service=%00",
      "?flagged=yes",
      `?q=${"x".repeat(500)}`,
      "?q=%25%5F%5C",
      "?level=1&level=2",
      "?service=aaaaaaaaaaaaaaaaaaaaaaaaaa",
    ]) {
      const o = await overviewOf(cast.ids.principal, q);
      expect(o.status, q).toBeLessThan(500);
      expect(o.status, q).toBe(200);
    }
    expect(childNames(await okOverview(cast.ids.principal, "?level=7"))).toEqual(["Robust Rolf"]);
    expect(childNames(await okOverview(cast.ids.principal, "?service=aaaaaaaaaaaaaaaaaaaaaaaaaa"))).toEqual(["Robust Rolf"]);
  });

  it("a leader of two services chooses one with ?service=, or sees both", async () => {
    const both = await makeUser({
      memberships: [
        { serviceId: cast.school.id, role: "leader" },
        { serviceId: cast.otherSchool.id, role: "leader" },
      ],
    });
    await makeRelayLog(teacher, cast.school.id, "Første Skole");
    const otherTeacher = await actorOf(
      (await makeUser({ memberships: [{ serviceId: cast.otherSchool.id, role: "employee" }] })).id,
    );
    await makeRelayLog(otherTeacher, cast.otherSchool.id, "Andre Skole");
    const all = await okOverview(both.id);
    expect(all.services).toHaveLength(2);
    expect(childNames(all).sort()).toEqual(["Andre Skole", "Første Skole"]);
    expect(childNames(await okOverview(both.id, `?service=${cast.otherSchool.id}`))).toEqual(["Andre Skole"]);
    // A service she does not lead is ignored, not a way in.
    const health = await okOverview(both.id, `?service=${cast.health.id}`);
    expect(childNames(health).sort()).toEqual(["Andre Skole", "Første Skole"]);
  });
});

describe("what waits in the service", () => {
  it("lists an overdue evaluation with the child, the action, the responsible and the date", async () => {
    const { logId } = await makeRelayLog(teacher, cast.school.id, "Eva Forsinket");
    const late = await addAction(teacher, logId, {
      description: "Lesetrening hver morgen",
      goal: "Leser en side høyt",
      responsible: { kind: "other", text: "Kontaktlærer" },
      startOn: daysAgo(30),
      evaluateOn: inDays(10),
    });
    await backdateEvaluation(logId, late, daysAgo(2));
    await addAction(teacher, logId, {
      description: "Fast voksen i friminuttene",
      goal: "Med i lek",
      responsible: { kind: "other", text: "Inspektør" },
      startOn: daysAgo(3),
      evaluateOn: inDays(20),
    });
    // Another school's overdue evaluation is not hers.
    const otherTeacher = await actorOf(
      (await makeUser({ memberships: [{ serviceId: cast.otherSchool.id, role: "employee" }] })).id,
    );
    const other = await makeRelayLog(otherTeacher, cast.otherSchool.id, "Fremmed Forsinket");
    const otherAction = await addAction(otherTeacher, other.logId, {
      description: "Annen skoles tiltak",
      goal: "Mål",
      responsible: { kind: "other", text: "Noen" },
      startOn: daysAgo(30),
      evaluateOn: inDays(10),
    });
    await backdateEvaluation(other.logId, otherAction, daysAgo(5));

    const data = await okOverview(cast.ids.principal);
    expect(data.overdue.total).toBe(1);
    expect(data.overdue.rows).toEqual([
      expect.objectContaining({
        id: late,
        logId,
        childName: "Eva Forsinket",
        description: "Lesetrening hver morgen",
        responsible: "Kontaktlærer",
        responsibleKind: "other",
        evaluateOn: daysAgo(2),
      }),
    ]);
    expect(data.logs.rows.find((r) => r.id === logId)!.flags.overdueEvaluation).toBe(true);
  });

  it("lists an orphaned log once its holder is deactivated", async () => {
    const { logId } = await makeRelayLog(teacher, cast.school.id, "Foreldreløs Frida");
    expect((await okOverview(cast.ids.principal)).orphaned).toEqual([]);
    await setUserActive(cast.actors.administrator, cast.ids.teacher, false);
    const data = await okOverview(cast.ids.principal);
    expect(data.orphaned).toEqual([expect.objectContaining({ id: logId, childName: "Foreldreløs Frida" })]);
    expect(data.logs.rows.find((r) => r.id === logId)!.orphaned).toBe(true);
    expect((await okOverview(cast.ids.otherPrincipal)).orphaned).toEqual([]);
  });

  it("an invitation to someone in her service past its date names the log and the inviter", async () => {
    const { logId } = await makeRelayLog(teacher, cast.school.id, "Ida Invitert Berg");
    const { invitationId } = await inviteToLog(teacher, logId, { inviteeId: cast.ids.colleague, serviceId: cast.school.id, message: "Bli med" });
    expect((await okOverview(cast.ids.principal)).invitations).toEqual([]);
    await backdateRespondBy(invitationId, daysAgo(1));
    const data = await okOverview(cast.ids.principal);
    const teacherName = data.holders.find((h) => h.userId === cast.ids.teacher)!.name;
    const colleagueName = data.holders.find((h) => h.userId === cast.ids.colleague)!.name;
    expect(data.invitations).toEqual([
      expect.objectContaining({
        id: invitationId,
        logId,
        invitee: colleagueName,
        invitedBy: teacherName,
        respondBy: daysAgo(1),
        log: { child: "Ida I. B.", level: 1 },
        readable: true,
      }),
    ]);
    // Not the other school's leader's business.
    expect((await okOverview(cast.ids.otherPrincipal)).invitations).toEqual([]);
  });

  it("an overdue invitation to the health service shows to its leader, naming the log only while consent covers it", async () => {
    const healthLeader = await makeUser({ memberships: [{ serviceId: cast.health.id, role: "leader" }] });
    const { logId } = await makeRelayLog(teacher, cast.school.id, "Helse Hanne Dal");
    await giveConsent(teacher, logId, "share", [cast.health.id]);
    const { invitationId } = await inviteToLog(teacher, logId, { inviteeId: cast.ids.nurse, serviceId: cast.health.id, message: "Bli med" });
    await backdateRespondBy(invitationId, daysAgo(3));
    const data = await okOverview(healthLeader.id);
    expect(data.invitations).toEqual([expect.objectContaining({ id: invitationId, log: { child: "Helse H. D.", level: 1 }, readable: false })]);
    // The health leader cannot read the log itself: it is not among her logs.
    expect(childNames(data)).toEqual([]);
    // The school's principal sees nothing: the invitee is not in her service.
    expect((await okOverview(cast.ids.principal)).invitations).toEqual([]);
    // Once no consent covers the health service (it expired), the log is no longer named.
    const { transaction } = await database();
    await transaction((tx) => tx.update(consents).set({ expiresOn: daysAgo(1) }).where(eq(consents.logId, logId)));
    const after = await okOverview(healthLeader.id);
    expect(after.invitations).toEqual([expect.objectContaining({ id: invitationId, log: null })]);
    expect(JSON.stringify(after)).not.toContain("Hanne");
  });

  it("lists a handover waiting for an answer, on a log held in the service and to a person in it", async () => {
    const { logId } = await makeRelayLog(teacher, cast.school.id, "Henrik Overført");
    const { handoverId } = await proposeHandover(teacher, logId, { toUserId: cast.ids.colleague, toServiceId: cast.school.id, message: "Vil du ta over?" });
    const data = await okOverview(cast.ids.principal);
    expect(data.handovers).toEqual([
      expect.objectContaining({ id: handoverId, logId, readable: true, log: { child: "Henrik Overført", level: 1 } }),
    ]);
    expect((await okOverview(cast.ids.otherPrincipal)).handovers).toEqual([]);

    // To the health service: its leader sees it, named as to the nurse (consent covers it).
    const healthLeader = await makeUser({ memberships: [{ serviceId: cast.health.id, role: "leader" }] });
    const second = await makeRelayLog(teacher, cast.school.id, "Sara Helse Lund");
    await giveConsent(teacher, second.logId, "share", [cast.health.id]);
    await giveConsent(teacher, second.logId, "keep");
    const toHealth = await proposeHandover(teacher, second.logId, {
      toUserId: cast.ids.nurse,
      toServiceId: cast.health.id,
      message: "Helse tar over",
      confirmLoss: true,
    });
    const health = await okOverview(healthLeader.id);
    expect(health.handovers).toEqual([
      expect.objectContaining({ id: toHealth.handoverId, readable: false, log: { child: "Sara H. L.", level: 1 } }),
    ]);
    expect((await okOverview(cast.ids.principal)).handovers.map((h) => h.id).sort()).toEqual([handoverId, toHealth.handoverId].sort());
  });

  it("an answered handover is gone", async () => {
    const { logId } = await makeRelayLog(teacher, cast.school.id, "Besvart Bente");
    const { handoverId } = await proposeHandover(teacher, logId, { toUserId: cast.ids.colleague, toServiceId: cast.school.id, message: "Ta over?" });
    await answerHandover(cast.actors.colleague, handoverId, { accept: false, reason: "Har ikke kapasitet" });
    expect((await okOverview(cast.ids.principal)).handovers).toEqual([]);
  });
});
