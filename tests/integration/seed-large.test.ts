import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../app/domain/auth/password.server";
import { loadActor } from "../../app/domain/auth/guards.server";
import { openLog } from "../../app/domain/access/open.server";
import { staffViewer } from "../../app/domain/access/viewer";
import { eventTypes } from "../../app/lib/enums";
import { createId, idPattern } from "../../app/lib/ids";
import * as familyLog from "../../app/routes/family.logs.$logId._index";
import * as logPage from "../../app/routes/logs.$logId._index";
import { BENCH_EMAILS, seedLarge, type LargeSeedResult } from "../../db/seed/large/seed";
import { removeDatabaseFile, restoreDatabase } from "../support/database-file";
import { sessionFor } from "../support/factories";
import { callLoader } from "../support/requests";

/**
 * The large seed (db/seed/large/) at a tiny scale: deterministic, foreign keys intact,
 * the logs' denormalised columns agree with their timelines, every event's data has the
 * fields app/lib/timeline.ts EventData asks for, and the app opens its logs.
 */

const SCALE = 0.002;
const TODAY = "2026-11-20";
const dir = resolve(process.cwd(), "tests/.tmp");
const pathA = resolve(dir, `seed-large-a-${createId()}.db`);
const pathB = resolve(dir, `seed-large-b-${createId()}.db`);
const quiet = () => undefined;

let result: LargeSeedResult;
let client: Client;

async function rows<T = Record<string, unknown>>(sql: string, args: (string | number)[] = []): Promise<T[]> {
  return (await client.execute({ sql, args })).rows as unknown as T[];
}

async function digest(path: string) {
  const c = createClient({ url: `file:${path}` });
  const hash = createHash("sha256");
  for (const table of ["logs", "log_events", "consents", "access_log", "guardians", "children"]) {
    const { rows } = await c.execute(`SELECT * FROM "${table}" ORDER BY id`);
    for (const r of rows) hash.update(JSON.stringify(Object.values(r)));
  }
  c.close();
  return hash.digest("hex");
}

beforeAll(async () => {
  result = await seedLarge({ db: pathA, scale: SCALE, today: TODAY, force: true, hashPassword, log: quiet });
  client = createClient({ url: `file:${pathA}` });
});

afterAll(() => {
  client?.close();
  for (const p of [pathA, pathB]) {
    removeDatabaseFile(p);
    removeDatabaseFile(`${p}.json`);
  }
});

describe("the large seed", () => {
  it("makes sizes in proportion to the scale", () => {
    const c = result.counts;
    expect(c.logs).toBe(60);
    expect(c.access_log).toBe(10_000);
    expect(c.log_events).toBeGreaterThan(3000 * 0.7);
    expect(c.log_events).toBeLessThan(3000 * 1.6);
    expect(c.services).toBeGreaterThanOrEqual(16);
    expect(c.children).toBeGreaterThan(30);
    expect(c.children).toBeLessThanOrEqual(60);
    expect(c.consents).toBeGreaterThan(20);
    expect(c.log_participants).toBeGreaterThan(0);
    expect(c.log_invitations).toBeGreaterThan(0);
  });

  it("is deterministic: the same seed and day give the same rows", async () => {
    await seedLarge({ db: pathB, scale: SCALE, today: TODAY, force: true, hashPassword, log: quiet });
    expect(await digest(pathB)).toBe(await digest(pathA));
  });

  it("refuses to overwrite a file without force", async () => {
    await expect(seedLarge({ db: pathA, scale: SCALE, today: TODAY, hashPassword, log: quiet })).rejects.toThrow(/exists/);
  });

  it("keeps every foreign key and the app's id shape", async () => {
    expect(await rows("PRAGMA foreign_key_check")).toEqual([]);
    for (const table of ["users", "services", "logs", "log_events", "access_log", "consents", "guardians"]) {
      const bad = await rows<{ id: string }>(`SELECT id FROM "${table}"`);
      expect(bad.filter((r) => !idPattern.test(r.id))).toEqual([]);
    }
    expect(String((await rows<{ journal_mode: string }>("PRAGMA journal_mode"))[0]!.journal_mode)).toBe("wal");
    // The same schema as the app's migrated template, indexes dropped for the load included.
    const template = createClient({ url: `file:${resolve(dir, "template.db")}` });
    const schemaOf = async (c: Client) =>
      (await c.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name")).rows.map((r) => `${r.type} ${r.name} ${r.sql}`);
    expect(await schemaOf(client)).toEqual(await schemaOf(template));
    template.close();
  });

  it("keeps every log's denormalised columns in step with its timeline", async () => {
    const logs = await rows<Record<string, string | number | null>>("SELECT * FROM logs");
    const events = await rows<{ log_id: string; seq: number; type: string; occurred_on: string; recorded_at: number; data: string }>(
      "SELECT log_id, seq, type, occurred_on, recorded_at, data FROM log_events ORDER BY log_id, seq",
    );
    const actions = await rows<{ log_id: string; evaluate_on: string; active: number }>("SELECT log_id, evaluate_on, active FROM actions");
    const byLog = new Map<string, typeof events>();
    for (const e of events) byLog.set(e.log_id, [...(byLog.get(e.log_id) ?? []), e]);
    let states = new Set<string>();
    for (const log of logs) {
      const list = byLog.get(log.id as string)!;
      expect(list.map((e) => e.seq)).toEqual(list.map((_, i) => i + 1));
      expect(list[0]!.type).toBe("concern");
      for (let i = 1; i < list.length; i++) expect(list[i]!.occurred_on >= list[i - 1]!.occurred_on).toBe(true);
      const data = (e: (typeof list)[number]) => JSON.parse(e.data) as Record<string, unknown>;
      const became = list.find((e) => e.type === "became_log");
      const changes = list.filter((e) => e.type === "level_change");
      const level = changes.length > 0 ? data(changes.at(-1)!).to : became ? data(became).level : 0;
      expect(log.level).toBe(level);
      expect(log.kind).toBe(became ? "relay" : "concern");
      const lastOpenClose = list.filter((e) => e.type === "closed" || e.type === "reopened").at(-1);
      const closed = lastOpenClose?.type === "closed";
      expect(log.state).toBe(closed ? "closed" : "open");
      if (closed) expect(log.close_reason).toBe(data(lastOpenClose!).reason);
      expect(log.created_at).toBe(list[0]!.recorded_at);
      expect(log.updated_at).toBe(list.at(-1)!.recorded_at);
      const voices = list.filter((e) => e.type === "child_voice").map((e) => e.occurred_on).sort();
      expect(log.last_child_voice_on).toBe(voices.at(-1) ?? null);
      const active = actions.filter((a) => a.log_id === log.id && a.active === 1).map((a) => a.evaluate_on).sort();
      expect(log.next_evaluation_on).toBe(closed ? null : (active[0] ?? null));
      if (closed) expect(active).toEqual([]);
      expect(log.decision_due_on !== null).toBe(!closed && !became);
      expect(log.guide_version_id).toBe("guide-v1");
      states.add(`${log.kind}/${log.state}`);
    }
    // Every kind of log is there: open and closed concerns would need more logs; relay logs both.
    expect(states.has("relay/open") && states.has("relay/closed")).toBe(true);
    states = new Set();
  });

  it("writes the fields EventData asks for, for every event", async () => {
    const required: Partial<Record<(typeof eventTypes)[number], string[]>> = {
      concern: ["what", "context"],
      observation: ["text"],
      note: ["text"],
      meeting: ["title", "attendees", "notes"],
      became_log: ["level", "guardiansToldOn"],
      guardian_added: ["name", "relation", "parentalResponsibility", "toldOn"],
      guardians_told: ["names", "toldOn"],
      action: ["actionId", "description", "goal", "responsible", "startOn", "evaluateOn"],
      evaluation: ["actionId", "actionDescription", "whatHappened", "whatWorked", "childExperience", "decision"],
      level_change: ["from", "to", "justification"],
      child_voice: ["text", "method"],
      guardian_voice: ["text", "method", "who"],
      closed: ["reason", "summary", "guardiansToldOn"],
      correction: ["text", "reason"],
      consent_recorded: ["consentId", "scope", "decision", "form", "purpose", "services", "givenBy", "youngPerson", "givenOn", "expiresOn", "replaces"],
      invited: ["invitationId", "invitee", "service", "message", "respondBy"],
      invitation_answered: ["invitationId", "invitee", "service", "accepted", "reason"],
      handover_proposed: ["handoverId", "to", "toService", "message"],
      handover_answered: ["handoverId", "to", "toService", "accepted", "reason"],
      welfare_report: ["sentOn", "sentBy", "summary"],
      family_access: ["name", "role", "granted"],
      checklist_step: ["versionId", "stepId", "level", "done"],
    };
    const events = await rows<{ type: string; data: string; corrects_event_id: string | null }>("SELECT type, data, corrects_event_id FROM log_events");
    const seen = new Set<string>();
    for (const e of events) {
      expect(eventTypes).toContain(e.type);
      const data = JSON.parse(e.data) as Record<string, unknown>;
      for (const key of required[e.type as keyof typeof required] ?? []) expect(data, `${e.type}.${key}`).toHaveProperty(key);
      if (e.type === "correction") expect(e.corrects_event_id).not.toBeNull();
      seen.add(e.type);
    }
    for (const type of ["concern", "observation", "became_log", "consent_recorded", "action", "evaluation", "level_change", "invited", "closed"]) {
      expect(seen).toContain(type);
    }
    const steps = new Set((await rows<{ id: string }>("SELECT id FROM guide_steps")).map((s) => s.id));
    for (const e of events.filter((e) => e.type === "checklist_step")) expect(steps.has(JSON.parse(e.data).stepId)).toBe(true);
  });

  it("makes the benchmark accounts, a 300-event log and the details file", async () => {
    const users = await rows<{ id: string; email: string; kind: string; password_hash: string | null }>("SELECT id, email, kind, password_hash FROM users WHERE email LIKE 'bench-%'");
    expect(users.map((u) => u.email).sort()).toEqual(Object.values(BENCH_EMAILS).sort());
    const [big] = await rows<{ n: number; holder: string }>(
      "SELECT count(*) AS n, (SELECT email FROM users WHERE id = logs.holder_id) AS holder FROM log_events JOIN logs ON logs.id = log_events.log_id WHERE log_id = ?",
      [result.bigLogId],
    );
    expect(big!.n).toBeGreaterThanOrEqual(300);
    expect(big!.holder).toBe(BENCH_EMAILS.teacher);
    const [guardian] = await rows<{ n: number }>(
      "SELECT count(*) AS n FROM guardians JOIN users ON users.id = guardians.user_id JOIN logs ON logs.child_id = guardians.child_id WHERE users.email = ? AND logs.id = ?",
      [BENCH_EMAILS.guardian, result.guardianLogId],
    );
    expect(guardian!.n).toBe(1);
    const { readFileSync } = await import("node:fs");
    expect(JSON.parse(readFileSync(`${pathA}.json`, "utf8")).bigLogId).toBe(result.bigLogId);
  });

  it("is opened by the app: the log page for the bench teacher, participants and the family", async () => {
    client.close();
    await restoreDatabase(pathA);
    client = createClient({ url: `file:${pathA}` });
    const [teacher] = await rows<{ id: string }>("SELECT id FROM users WHERE email = ?", [BENCH_EMAILS.teacher]);
    const { cookie } = await sessionFor(teacher!.id);
    for (const logId of [result.bigLogId, result.guardianLogId]) {
      const page = await callLoader<{ log: { id: string }; events: unknown[] }>(logPage.loader, `/logs/${logId}`, { cookie, params: { logId } });
      expect(page.status).toBe(200);
      expect(page.data.log.id).toBe(logId);
      expect(page.data.events.length).toBeGreaterThan(0);
    }
    // Every current participant of an open log passes the consent gate.
    const participants = await rows<{ log_id: string; user_id: string }>(
      "SELECT p.log_id, p.user_id FROM log_participants p JOIN logs l ON l.id = p.log_id WHERE p.ended_at IS NULL AND l.state = 'open'",
    );
    expect(participants.length).toBeGreaterThan(0);
    for (const p of participants) {
      const actor = (await loadActor(p.user_id))!;
      await expect(openLog(staffViewer(actor), p.log_id, "view")).resolves.toBeTruthy();
    }
    const [guardian] = await rows<{ id: string }>("SELECT id FROM users WHERE email = ?", [BENCH_EMAILS.guardian]);
    const family = await sessionFor(guardian!.id);
    const logId = result.guardianLogId;
    expect((await callLoader(familyLog.loader, `/family/logs/${logId}`, { cookie: family.cookie, params: { logId } })).status).toBe(200);
  });
});
