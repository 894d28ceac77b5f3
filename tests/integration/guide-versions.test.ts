import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { database } from "../../db/client.server";
import { guideAudit, guideVersions, logs } from "../../db/schema";
import * as guideIndex from "../../app/routes/veileder._index";
import * as guideVersion from "../../app/routes/veileder.$versionId._index";
import * as guidePreview from "../../app/routes/veileder.$versionId.preview";
import { viewLog } from "../../app/domain/logs/log-page.server";
import { guideInEffect } from "../../app/domain/guide.server";
import { addDays, todayInOslo } from "../../app/lib/dates";
import { sessionFor } from "../support/factories";
import { makeConcern, makeRelayLog, makeSchoolCast } from "../support/log-factories";
import { callAction, callLoader } from "../support/requests";

/**
 * The local action guide as versioned configuration (issue 12 point 5, decision 027),
 * through the coordinator's real loaders and actions on a fresh database per test: a draft
 * is edited, refused bad input changes nothing, the preview shows the draft, publishing
 * makes it immutable, and a log keeps the version in effect when it was created.
 */
let cast: Awaited<ReturnType<typeof makeSchoolCast>>;

const TODAY = "2026-09-01";
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at(TODAY));
  cast = await makeSchoolCast();
});

afterEach(() => {
  vi.useRealTimers();
});

type VersionForm = Awaited<ReturnType<typeof guideVersion.loader>>;
type Reply = { error?: Record<string, string[]>; status?: string; refused?: string };

async function cookieOf(userId: string) {
  return (await sessionFor(userId)).cookie;
}

async function newDraft(cookie: string) {
  const o = await callAction(guideIndex.action, "/veileder", { cookie });
  expect(o.status).toBe(302);
  return o.location!.split("/").at(-1)!;
}

async function formOf(cookie: string, versionId: string) {
  const o = await callLoader<VersionForm>(guideVersion.loader, `/veileder/${versionId}`, { cookie, params: { versionId } });
  expect(o.status).toBe(200);
  return o.data;
}

function post(cookie: string, versionId: string, form: Record<string, string>) {
  return callAction<Reply>(guideVersion.action, `/veileder/${versionId}`, { cookie, params: { versionId }, form });
}

const asForm = (values: Record<string, string | number>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));

async function auditRows() {
  const { db } = await database();
  return db.select().from(guideAudit).orderBy(asc(guideAudit.at));
}

async function logRow(logId: string) {
  const { db } = await database();
  return (await db.select().from(logs).where(eq(logs.id, logId)).get())!;
}

describe("the coordinator versions the local guide", () => {
  it("drafts, refuses bad input, previews, publishes; logs keep the version they were created under", async () => {
    const cookie = await cookieOf(cast.ids.coordinator);
    const draftId = await newDraft(cookie);
    const draft = await formOf(cookie, draftId);
    expect(draft.version).toMatchObject({ number: 2, state: "draft" });
    expect(draft.values.level0DecisionDays).toBe(14);
    expect(draft.values.name_1_nb).toBe("Tiltak i egen tjeneste");
    expect(String(draft.values.steps_1_nb).split("\n")).toContain("Informer foresatte");

    const tomorrow = addDays(TODAY, 1);
    const edited = {
      ...asForm(draft.values),
      intent: "save",
      effectiveOn: tomorrow,
      level0DecisionDays: "21",
      name_1_nb: "Tiltak i egen barnehage eller skole",
    };
    const saved = await post(cookie, draftId, edited);
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/veileder/${draftId}?notice=saved`);

    // Bad input: field errors next to each field, what was typed kept, nothing written.
    const bad = await post(cookie, draftId, { ...edited, effectiveOn: TODAY, consentAge: "17", name_2_nb: "", level0DecisionDays: "30" });
    expect(bad.status).toBe(400);
    expect(bad.data.error).toMatchObject({
      effectiveOn: ["guide.errors.effectiveFromTomorrow"],
      consentAge: ["validation.invalidChoice"],
      name_2_nb: ["validation.required"],
    });
    const after = await formOf(cookie, draftId);
    expect(after.values).toMatchObject({ level0DecisionDays: 21, effectiveOn: tomorrow, consentAge: 16, name_2_nb: "Samarbeid med andre tjenester" });

    // The preview shows the draft as a holder sees it, and its differences from version 1.
    const preview = await callLoader<Awaited<ReturnType<typeof guidePreview.loader>>>(
      guidePreview.loader,
      `/veileder/${draftId}/preview`,
      { cookie, params: { versionId: draftId } },
    );
    expect(preview.status).toBe(200);
    expect(preview.data.version.level0DecisionDays).toBe(21);
    expect(preview.data.levels[1]!.name).toBe("Tiltak i egen barnehage eller skole");
    expect(preview.data.levels[1]!.steps.map((s) => s.text)).toContain("Informer foresatte");
    expect(preview.data.against.number).toBe(1);
    expect(preview.data.changes).toEqual(
      expect.arrayContaining([
        { field: "level0DecisionDays", from: 14, to: 21 },
        { field: "name_1_nb", from: "Tiltak i egen tjeneste", to: "Tiltak i egen barnehage eller skole" },
      ]),
    );

    const published = await post(cookie, draftId, { intent: "publish" });
    expect(published.status).toBe(302);

    // With the clock still at today, version 1 is in effect: a new concern gets its deadline.
    const teacher = cast.actors.teacher;
    const { logId: oldLog } = await makeRelayLog(teacher, cast.school.id, "Ola Før");
    const { logId: oldConcern } = await makeConcern(teacher, cast.school.id, "Kari Før");
    expect((await logRow(oldConcern)).decisionDueOn).toBe(addDays(TODAY, 14));
    const v1 = await guideInEffect((await database()).db, TODAY);
    expect((await logRow(oldLog)).guideVersionId).toBe(v1.id);

    // After the effective date: the old log keeps version 1's texts, a new one gets version 2.
    vi.setSystemTime(at(addDays(TODAY, 2)));
    const { logId: newLog } = await makeRelayLog(teacher, cast.school.id, "Per Etter");
    const { logId: newConcern } = await makeConcern(teacher, cast.school.id, "Siri Etter");
    expect((await logRow(newConcern)).decisionDueOn).toBe(addDays(TODAY, 2 + 21));
    expect((await logRow(newLog)).guideVersionId).toBe(draftId);
    const oldPage = await viewLog(teacher, oldLog, { locale: "nb" });
    expect(oldPage.guide).toMatchObject({ number: 1, effectiveOn: "1970-01-01" });
    expect(oldPage.log.levelName).toBe("Tiltak i egen tjeneste");
    const newPage = await viewLog(teacher, newLog, { locale: "nb" });
    expect(newPage.guide).toMatchObject({ number: 2, effectiveOn: tomorrow });
    expect(newPage.log.levelName).toBe("Tiltak i egen barnehage eller skole");

    // Every step was audited: who, and field-level from/to; nothing about children.
    const trail = await auditRows();
    expect(trail.map((a) => a.action)).toEqual(["draft_created", "changed", "published"]);
    expect(trail.every((a) => a.actorId === cast.ids.coordinator && a.versionNumber === 2)).toBe(true);
    expect(trail[1]!.changes).toEqual(
      expect.arrayContaining([
        { field: "level0DecisionDays", from: 14, to: 21 },
        { field: "name_1_nb", from: "Tiltak i egen tjeneste", to: "Tiltak i egen barnehage eller skole" },
      ]),
    );
    // The refused submission wrote nothing: exactly one "changed" row.
    expect(JSON.stringify(trail)).not.toMatch(/Ola|Kari|Per|Siri/);

    // The overview lists both versions and the trail.
    const overview = await callLoader<Awaited<ReturnType<typeof guideIndex.loader>>>(guideIndex.loader, "/veileder", {
      cookie: await cookieOf(cast.ids.coordinator),
    });
    expect(overview.data.versions.map((v) => [v.number, v.state])).toEqual([
      [2, "published"],
      [1, "published"],
    ]);
    expect(overview.data.inEffectId).toBe(draftId);
    expect(overview.data.audit).toHaveLength(3);
  });

  it("a published version cannot be changed or deleted", async () => {
    const cookie = await cookieOf(cast.ids.coordinator);
    const draftId = await newDraft(cookie);
    const form = await formOf(cookie, draftId);
    expect((await post(cookie, draftId, { intent: "publish" })).status).toBe(302);
    const change = await post(cookie, draftId, { ...asForm(form.values), intent: "save", level0DecisionDays: "30" });
    expect(change.status).toBe(409);
    expect((await post(cookie, draftId, { intent: "delete" })).status).toBe(409);
    const { db } = await database();
    const row = (await db.select().from(guideVersions).where(eq(guideVersions.id, draftId)).get())!;
    expect(row).toMatchObject({ state: "published", level0DecisionDays: 14 });
    expect((await auditRows()).map((a) => a.action)).toEqual(["draft_created", "published"]);
  });

  it("a draft can be deleted, and the deletion is audited", async () => {
    const cookie = await cookieOf(cast.ids.coordinator);
    const draftId = await newDraft(cookie);
    const o = await post(cookie, draftId, { intent: "delete" });
    expect(o.status).toBe(302);
    const { db } = await database();
    expect(await db.select().from(guideVersions).where(eq(guideVersions.id, draftId)).get()).toBeUndefined();
    expect((await auditRows()).map((a) => a.action)).toEqual(["draft_created", "draft_deleted"]);
  });

  it("only the coordinator may see or change the guide", async () => {
    const coordinator = await cookieOf(cast.ids.coordinator);
    const draftId = await newDraft(coordinator);
    for (const id of [cast.ids.teacher, cast.ids.principal, cast.ids.administrator]) {
      const cookie = await cookieOf(id);
      expect((await callLoader(guideIndex.loader, "/veileder", { cookie })).status).toBe(403);
      expect((await callAction(guideIndex.action, "/veileder", { cookie })).status).toBe(403);
      expect((await callLoader(guideVersion.loader, `/veileder/${draftId}`, { cookie, params: { versionId: draftId } })).status).toBe(403);
      expect((await post(cookie, draftId, { intent: "publish" })).status).toBe(403);
      expect((await post(cookie, draftId, { intent: "delete" })).status).toBe(403);
    }
    const { db } = await database();
    expect((await db.select().from(guideVersions).where(eq(guideVersions.id, draftId)).get())!.state).toBe("draft");
    expect(todayInOslo()).toBe(TODAY);
  });
});
