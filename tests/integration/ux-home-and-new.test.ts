import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { database } from "../../db/client.server";
import { accessLog, children, logs } from "../../db/schema";
import { withdrawConsent } from "../../app/domain/consent/consents.server";
import { inviteToLog, myLogInvitations } from "../../app/domain/logs/log-invitations.server";
import * as home from "../../app/routes/_index";
import * as newConcern from "../../app/routes/logs.new";
import { sessionFor } from "../support/factories";
import { giveConsent, makeConcern, makeRelayLog, makeSchoolCast, today } from "../support/log-factories";
import { callAction, callLoader } from "../support/requests";
import { syntheticNationalId } from "../../app/lib/national-id";
import { addDays } from "../../app/lib/dates";

let cast: Awaited<ReturnType<typeof makeSchoolCast>>;
const cookies: Record<string, string> = {};

beforeEach(async () => {
  cast = await makeSchoolCast();
  for (const [role, id] of Object.entries(cast.ids)) cookies[role] = (await sessionFor(id)).cookie;
});

const teacher = () => cast.actors.teacher;
const nurse = () => cast.actors.nurse;

describe("an invitation on the invitee's home page says who, from where, to which log, by when", () => {
  it("names the inviter's service and the invitee's own, the child by first name and initials, and the date", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id, "Maja Invitert Hansen");
    const share = await giveConsent(teacher(), logId, "share", [cast.health.id]);
    const { invitationId } = await inviteToLog(teacher(), logId, { inviteeId: nurse().id, serviceId: cast.health.id, message: "Vil du være med?", respondBy: addDays(today(), 60) });
    type Home = { waiting: { invitations: Record<string, unknown>[] } };
    const o = await callLoader<Home>(home.loader, "/", { cookie: cookies.nurse });
    const line = o.data.waiting.invitations.find((i) => i.id === invitationId)!;
    expect(line).toMatchObject({
      invitedBy: teacher().name,
      invitedByService: teacher().memberships[0]!.serviceName,
      serviceName: nurse().memberships[0]!.serviceName,
      respondBy: addDays(today(), 60),
      overdue: false,
      log: { child: "Maja I. H.", level: 1 },
    });
    // The home page never carries the full name; the invitation itself does, for the invitee.
    expect(JSON.stringify(o.data)).not.toContain("Maja Invitert Hansen");

    // Once no consent covers the invitee's service, the line names no child any more.
    await withdrawConsent(teacher(), logId, share.consentId, { reason: "Foreldrene trakk samtykket." });
    const after = (await myLogInvitations(nurse())).find((i) => i.id === invitationId)!;
    expect(after.log).toBeNull();
    expect(after.serviceName).toBe(nurse().memberships[0]!.serviceName);
    expect(JSON.stringify(after)).not.toContain("Maja");
  });
});

describe("registering a child who already has a log the person may read", () => {
  const form = (childName: string, extra: Record<string, string> = {}) => ({
    serviceId: cast.school.id,
    childName,
    birthDate: "2016-03-14",
    noticedOn: today(),
    what: "Virker lei seg i friminuttene.",
    ...extra,
  });
  type Reply = { existing?: { id: string; childName: string; state: string; level: number }[]; initialValue?: Record<string, unknown> };

  async function counts() {
    const { db } = await database();
    return { logs: (await db.select().from(logs)).length, children: (await db.select().from(children)).length };
  }

  it("points the holder to the log, keeps what was typed, writes nothing, and lets them go on after seeing it", async () => {
    const { logId } = await makeConcern(teacher(), cast.school.id, "Oskar Dobbel Berg");
    const before = await counts();
    // Spacing and case as people type them.
    const o = await callAction<Reply>(newConcern.action, "/logs/new", { cookie: cookies.teacher, form: form("  oskar  dobbel BERG ") });
    expect(o.status).toBe(409);
    expect(o.data.existing!.map((l) => l.id)).toEqual([logId]);
    expect(o.data.existing![0]).toMatchObject({ childName: "Oskar Dobbel Berg", state: "open", level: 0 });
    expect(o.data.initialValue).toMatchObject({ what: "Virker lei seg i friminuttene." });
    expect(await counts()).toEqual(before);
    // The hit is a search hit in the access log (DESIGN.md rule 9).
    const { db } = await database();
    const hits = await db.select().from(accessLog).where(and(eq(accessLog.logId, logId), eq(accessLog.userId, teacher().id), eq(accessLog.kind, "search")));
    expect(hits).toHaveLength(1);

    const anyway = await callAction(newConcern.action, "/logs/new", { cookie: cookies.teacher, form: form("Oskar Dobbel Berg", { confirmNew: "on" }) });
    expect(anyway.status).toBe(302);
    expect(anyway.location).not.toContain(logId);
    expect((await counts()).logs).toBe(before.logs + 1);
  });

  it("finds the same child by national id too", async () => {
    const { logId } = await makeConcern(teacher(), cast.school.id, "Fnr Barnet");
    const { db } = await database();
    const log = (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
    const nationalId = syntheticNationalId("2016-03-14");
    await db.update(children).set({ nationalId }).where(eq(children.id, log.childId));
    const o = await callAction<Reply>(newConcern.action, "/logs/new", { cookie: cookies.teacher, form: form("Annet Navn", { nationalId }) });
    expect(o.status).toBe(409);
    expect(o.data.existing!.map((l) => l.id)).toEqual([logId]);
  });

  it("never reveals a log the person cannot read: a colleague, and the leader before the concern is shared", async () => {
    const { logId } = await makeConcern(teacher(), cast.school.id, "Skjult Samesen");
    for (const who of ["colleague", "principal"]) {
      const before = await counts();
      const o = await callAction<Reply>(newConcern.action, "/logs/new", { cookie: cookies[who], form: form("Skjult Samesen") });
      expect(o.status, who).toBe(302);
      expect(JSON.stringify(o.data ?? "")).not.toContain(logId);
      expect((await counts()).logs, who).toBe(before.logs + 1);
    }
    const { db } = await database();
    expect(await db.select().from(accessLog).where(and(eq(accessLog.logId, logId), eq(accessLog.kind, "search")))).toEqual([]);
  });

  it("points the leader to a relay log held in their service, which they may read", async () => {
    const { logId } = await makeRelayLog(teacher(), cast.school.id, "Leder Ser Meg");
    const o = await callAction<Reply>(newConcern.action, "/logs/new", { cookie: cookies.principal, form: form("Leder Ser Meg") });
    expect(o.status).toBe(409);
    expect(o.data.existing!.map((l) => l.id)).toEqual([logId]);
    // The other school's principal is not pointed to it.
    const other = await callAction<Reply>(newConcern.action, "/logs/new", { cookie: cookies.otherPrincipal, form: { ...form("Leder Ser Meg"), serviceId: cast.otherSchool.id } });
    expect(other.status).toBe(302);
  });
});
