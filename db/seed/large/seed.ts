import { existsSync, writeFileSync } from "node:fs";
import { createClient, type Transaction } from "@libsql/client";
import { migrateDatabase, openDatabase, toLibsqlUrl } from "../../client.server";
import { todayInOslo } from "../../../app/lib/dates";
import type { BtiLevel, CloseReason, EventType, GuardianRelation, ResponsibleKind, ServiceKind, VoiceMethod } from "../../../app/lib/enums";
import { syntheticNationalId } from "../../../app/lib/national-id";
import type { EventData } from "../../../app/lib/timeline";
import { IdSource, OrderedIdSource, Rng, WeightedPicker } from "./random";
import { TableSink, type Executor } from "./sink";
import * as words from "./words";

/** The password of the benchmark accounts (this dataset only). */
export const BENCH_PASSWORD = "Stafett-large-2026";
export const BENCH_EMAILS = {
  teacher: "bench-teacher@large.invalid",
  leader: "bench-leader@large.invalid",
  coordinator: "bench-coordinator@large.invalid",
  admin: "bench-admin@large.invalid",
  guardian: "bench-guardian@large.invalid",
} as const;
export const DEFAULT_SEED = 20261303;

/** Oslo scale (scale 1). */
const OSLO = { services: 800, staff: 8000, children: 25000, logs: 30000, events: 1_500_000, access: 5_000_000 };

export interface LargeSeedOptions {
  db: string;
  scale?: number;
  seed?: number;
  /** Overrides of the scaled sizes. */
  logs?: number;
  events?: number;
  access?: number;
  /** The seed day (YYYY-MM-DD, Oslo); dates count back from it. Default: today. */
  today?: string;
  force?: boolean;
  /** Progress lines; default console.log. */
  log?: (line: string) => void;
  /** Computes the benchmark accounts' password hash (the app's hashPassword). */
  hashPassword: (password: string) => Promise<string>;
}

export interface LargeSeedResult {
  db: string;
  seed: number;
  today: string;
  accounts: { email: string; role: string; password: string | null; note: string }[];
  /** A log of the bench teacher with 300+ events. */
  bigLogId: string;
  /** The bench guardian's child's log. */
  guardianLogId: string;
  counts: Record<string, number>;
  seconds: number;
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoCache = new Map<number, string>();
function iso(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) isoCache.set(day, (s = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return s;
}
function addMonthsDay(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  return Math.round(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()) / DAY_MS);
}

/** Start-of-log weights by month (Jan … Dec): autumn and late winter busiest, July quiet. */
const MONTH_WEIGHTS = [0.9, 1.2, 1.2, 0.9, 0.9, 0.7, 0.2, 0.6, 1.4, 1.5, 1.4, 0.9];

interface Service {
  id: string;
  name: string;
  kind: ServiceKind;
  leaders: string[];
  employees: string[];
  /** Employee picker weighted by how many logs each tends to hold. */
  holderPicker?: WeightedPicker<string>;
}

interface Staff {
  id: string;
  name: string;
  serviceId: string;
}

const KINDS: readonly (readonly [ServiceKind, number, number, number])[] = [
  // kind, services at Oslo scale, minimum, staff per service (median)
  ["kindergarten", 440, 3, 8],
  ["school", 150, 3, 25],
  ["after_school", 120, 1, 5],
  ["health_clinic", 30, 1, 15],
  ["ppt", 15, 1, 15],
  ["child_welfare", 15, 1, 20],
  ["bup", 6, 1, 15],
  ["gp", 10, 1, 4],
  ["nav", 5, 1, 6],
  ["family_centre", 5, 1, 6],
  ["mental_health", 3, 1, 8],
  ["coordinating_unit", 1, 1, 4],
];

const PARTNER_KINDS: readonly (readonly [ServiceKind, number])[] = [
  ["ppt", 30],
  ["health_clinic", 25],
  ["bup", 12],
  ["child_welfare", 10],
  ["family_centre", 10],
  ["gp", 6],
  ["mental_health", 4],
  ["nav", 3],
];

const RELAY_CLOSE: readonly (readonly [CloseReason, number])[] = [
  ["resolved", 55],
  ["moved_away", 12],
  ["child_welfare", 9],
  ["other", 8],
  ["guardians_request", 5],
  ["consent_withdrawn", 3],
];

export async function seedLarge(options: LargeSeedOptions): Promise<LargeSeedResult> {
  const started = performance.now();
  const say = options.log ?? ((line: string) => console.log(line));
  const scale = options.scale ?? 1;
  const seed = options.seed ?? DEFAULT_SEED;
  const today = options.today ?? todayInOslo();
  const todayDay = dayOf(today);
  const target = {
    services: Math.max(16, Math.round(OSLO.services * scale)),
    staff: Math.max(60, Math.round(OSLO.staff * scale)),
    children: Math.max(20, Math.round(OSLO.children * scale)),
    logs: options.logs ?? Math.max(24, Math.round(OSLO.logs * scale)),
    events: 0,
    access: 0,
  };
  target.events = options.events ?? Math.round((OSLO.events / OSLO.logs) * target.logs);
  target.access = options.access ?? Math.round((OSLO.access / OSLO.logs) * target.logs);
  if (existsSync(options.db)) {
    if (!options.force) throw new Error(`${options.db} exists; pass --force to replace it`);
  }
  const { rmSync } = await import("node:fs");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(options.db + suffix, { force: true });

  const rng = new Rng(seed);
  const ids = new IdSource(seed ^ 0x5eed1d5);
  const passwordHash = await options.hashPassword(BENCH_PASSWORD);

  // The app's own migrations, through the app's own connection (closed again).
  const app = await openDatabase(options.db);
  await migrateDatabase(app);
  app.close();
  // One connection for the load, so its pragmas hold for the transactions on it.
  const client = createClient({ url: toLibsqlUrl(options.db), concurrency: 1 });
  await client.execute("PRAGMA journal_mode = OFF");
  await client.execute("PRAGMA foreign_keys = ON");
  const exec: { current: Executor | null } = { current: null };
  let tx: Transaction | null = null;
  const begin = async () => {
    tx = await client.transaction("write");
    exec.current = tx;
  };
  const commit = async () => {
    await tx!.commit();
    tx = null;
    exec.current = null;
  };
  const guide = (
    await client.execute(
      "SELECT id, level0_decision_days, evaluation_interval_days, consent_validity_months, invitation_response_days FROM guide_versions WHERE state = 'published' ORDER BY number DESC LIMIT 1",
    )
  ).rows[0]!;
  const guideId = String(guide.id);
  const decisionDays = Number(guide.level0_decision_days);
  const intervalDays = Number(guide.evaluation_interval_days);
  const validityMonths = Number(guide.consent_validity_months);
  const responseDays = Number(guide.invitation_response_days);
  const steps = (await client.execute("SELECT id, level FROM guide_steps WHERE version_id = ? ORDER BY level, position", [guideId])).rows.map(
    (r) => ({ id: String(r.id), level: Number(r.level) as BtiLevel }),
  );
  const synchronous = Number((await client.execute("PRAGMA synchronous")).rows[0]![0]);

  // Bulk-load settings for this connection only; the app's are restored at the end.
  await client.execute("PRAGMA journal_mode = OFF");
  await client.execute("PRAGMA synchronous = OFF");
  await client.execute("PRAGMA cache_size = -2000000");
  await client.execute("PRAGMA temp_store = MEMORY");
  await client.execute("PRAGMA foreign_keys = ON");

  const sinks = {
    services: new TableSink(exec, "services", ["id", "name", "kind", "active", "created_at"]),
    users: new TableSink(exec, "users", ["id", "kind", "name", "email", "password_hash", "is_administrator", "is_coordinator", "created_at"]),
    memberships: new TableSink(exec, "memberships", ["id", "user_id", "service_id", "role", "title", "started_at"]),
    children: new TableSink(exec, "children", ["id", "name", "birth_date", "national_id", "user_id", "created_by", "created_at"]),
    child_services: new TableSink(exec, "child_services", ["child_id", "service_id"]),
    guardians: new TableSink(exec, "guardians", [
      "id", "child_id", "name", "relation", "parental_responsibility", "email", "phone", "told_on", "language", "interpreter_needed", "user_id", "created_at",
    ]),
    logs: new TableSink(exec, "logs", [
      "id", "child_id", "kind", "state", "level", "holder_id", "holder_service_id", "shared_with_leader", "decision_due_on",
      "next_evaluation_on", "last_child_voice_on", "close_reason", "closed_at", "guide_version_id", "created_by", "created_at", "updated_at",
    ]),
    log_events: new TableSink(exec, "log_events", [
      "id", "log_id", "seq", "type", "author_id", "author_service_id", "occurred_on", "recorded_at", "corrects_event_id", "restricted_reason", "data",
    ]),
    actions: new TableSink(exec, "actions", [
      "id", "log_id", "description", "goal", "responsible", "responsible_kind", "responsible_user_id", "start_on", "evaluate_on", "active", "created_at", "ended_at",
    ]),
    consents: new TableSink(exec, "consents", [
      "id", "log_id", "scope", "decision", "form", "note", "purpose", "young_person", "given_on", "expires_on", "recorded_by", "recorded_at", "status", "ended_at", "supersedes_id",
    ]),
    consent_guardians: new TableSink(exec, "consent_guardians", ["consent_id", "guardian_id"]),
    consent_services: new TableSink(exec, "consent_services", ["consent_id", "service_id"]),
    log_invitations: new TableSink(exec, "log_invitations", [
      "id", "log_id", "invitee_id", "service_id", "message", "respond_by", "status", "reason", "invited_by", "created_at", "answered_at",
    ]),
    log_participants: new TableSink(exec, "log_participants", ["id", "log_id", "user_id", "service_id", "joined_at", "ended_at"]),
    handovers: new TableSink(exec, "handovers", [
      "id", "log_id", "from_user_id", "from_service_id", "to_user_id", "to_service_id", "message", "status", "reason", "proposed_at", "answered_at",
    ]),
    access_log: new TableSink(exec, "access_log", ["id", "log_id", "user_id", "service_id", "kind", "at"]),
  };
  type SinkName = keyof typeof sinks;
  const flushAll = async (all = false) => {
    for (const s of Object.values(sinks)) await s.flush(all);
  };
  let phaseStart = performance.now();
  const phase = (name: string, tables: SinkName[]) => {
    const secs = ((performance.now() - phaseStart) / 1000).toFixed(1);
    const detail = tables.map((t) => `${t} ${sinks[t].inserted.toLocaleString("en")} (${(sinks[t].ms / 1000).toFixed(1)} s)`).join(", ");
    say(`[seed:large] ${name}: ${secs} s — ${detail}`);
    phaseStart = performance.now();
  };

  // The big tables' secondary indexes are dropped for the load and built again afterwards
  // from their own definitions (sqlite_master), which sorts once instead of inserting at random.
  const rebuilt = (
    await client.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('log_events', 'access_log') AND sql IS NOT NULL")
  ).rows.map((r) => ({ name: String(r.name), sql: String(r.sql) }));
  for (const index of rebuilt) await client.execute(`DROP INDEX "${index.name}"`);

  await begin();

  // ---------- services and staff ----------
  const epochMs = (todayDay - 1500) * DAY_MS + 8 * 3600_000;
  const serviceNames = new Set<string>();
  const uniqueName = (name: string) => {
    let n = name;
    for (let i = 2; serviceNames.has(n.toLowerCase()); i++) n = `${name} ${i}`;
    serviceNames.add(n.toLowerCase());
    return n;
  };
  const place = () => `${rng.pick(words.placeStems)}${rng.pick(words.placeEnds)}`;
  const services: Service[] = [];
  const byKind = new Map<ServiceKind, Service[]>();
  const sizes: number[] = [];
  const scaleServices = target.services / OSLO.services;
  for (const [kind, n, min, staffMedian] of KINDS) {
    const count = Math.max(min, Math.round(n * scaleServices));
    const list: Service[] = [];
    for (let i = 0; i < count; i++) {
      const district = words.districts[i % words.districts.length]!;
      const name =
        kind === "kindergarten" ? `${place()} barnehage`
        : kind === "school" ? `${place()} skole`
        : kind === "after_school" ? `${place()} SFO`
        : kind === "health_clinic" ? `Helsestasjon ${district}`
        : kind === "ppt" ? `PPT ${district}`
        : kind === "child_welfare" ? `Barneverntjenesten ${district}`
        : kind === "bup" ? `BUP ${rng.pick(["Nord", "Sør", "Øst", "Vest", "Sentrum", "Aker"])}`
        : kind === "gp" ? `Legekontoret ${place()}`
        : kind === "nav" ? `NAV ${district}`
        : kind === "family_centre" ? `Familiens hus ${district}`
        : kind === "mental_health" ? `Psykisk helse barn og unge ${district}`
        : "Koordinerende enhet";
      const service: Service = { id: ids.next(), name: uniqueName(name), kind, leaders: [], employees: [] };
      list.push(service);
      services.push(service);
      // The first school is the big one the bench leader leads (~2 000 logs at Oslo scale).
      sizes.push(kind === "school" && i === 0 ? staffMedian * 3.2 : rng.logNormal(staffMedian, 0.4));
    }
    byKind.set(kind, list);
  }
  const bigSchool = byKind.get("school")![0]!;
  for (const s of services) sinks.services.push(s.id, s.name, s.kind, 1, epochMs);

  const sizeFactor = target.staff / sizes.reduce((a, b) => a + b, 0);
  const staff: Staff[] = [];
  const staffById = new Map<string, Staff>();
  const userNames = new Map<string, string>();
  const usedEmails = new Set<string>();
  const addUser = (name: string, email: string, opts: { hash?: string | null; admin?: boolean; coordinator?: boolean; kind?: "staff" | "family" } = {}) => {
    const id = ids.next();
    sinks.users.push(id, opts.kind ?? "staff", name, email, opts.hash ?? null, opts.admin ? 1 : 0, opts.coordinator ? 1 : 0, epochMs);
    userNames.set(id, name);
    return id;
  };
  const personName = () => `${rng.pick(words.firstNames)} ${rng.pick(words.surnames)}`;
  const staffEmail = (name: string) => {
    const base = name.toLowerCase().normalize("NFKD").replace(/[^a-z ]/g, "").trim().replace(/ +/g, ".");
    let email = `${base}@large.invalid`;
    for (let i = 2; usedEmails.has(email); i++) email = `${base}.${i}@large.invalid`;
    usedEmails.add(email);
    return email;
  };
  const member = (userId: string, service: Service, role: "employee" | "leader", title: string | null) => {
    sinks.memberships.push(ids.next(), userId, service.id, role, title, epochMs);
    if (role === "leader") service.leaders.push(userId);
    else service.employees.push(userId);
    const s: Staff = { id: userId, name: userNames.get(userId)!, serviceId: service.id };
    staff.push(s);
    staffById.set(userId, s);
  };
  const bench = {
    teacher: addUser("Bente Benk", BENCH_EMAILS.teacher, { hash: passwordHash }),
    leader: addUser("Leif Benk", BENCH_EMAILS.leader, { hash: passwordHash }),
    coordinator: addUser("Kari Koordinator", BENCH_EMAILS.coordinator, { hash: passwordHash, coordinator: true }),
    admin: addUser("Arne Admin", BENCH_EMAILS.admin, { hash: passwordHash, admin: true }),
  };
  for (const email of Object.values(BENCH_EMAILS)) usedEmails.add(email);
  member(bench.leader, bigSchool, "leader", "Rektor");
  member(bench.teacher, bigSchool, "employee", "Kontaktlærer");
  const holderWeights = new Map<string, number>();
  services.forEach((service, i) => {
    const size = Math.max(2, Math.round(sizes[i]! * sizeFactor)) - (service === bigSchool ? 2 : 0);
    const leaders = size > 30 ? 2 : 1;
    for (let k = 0; k < size; k++) {
      const name = personName();
      const id = addUser(name, staffEmail(name));
      member(id, service, k < leaders - (service === bigSchool ? 1 : 0) ? "leader" : "employee", null);
      holderWeights.set(id, rng.logNormal(1, 0.8));
    }
  });
  for (const s of services) {
    const pool = s.employees.filter((id) => id !== bench.teacher);
    if (pool.length === 0) pool.push(...s.leaders);
    s.holderPicker = new WeightedPicker(pool, pool.map((id) => holderWeights.get(id) ?? 1));
  }
  const serviceById = new Map(services.map((s) => [s.id, s]));
  // Holders: about half in schools, a third in kindergartens, the rest at the health clinics.
  const groupPicker = (kind: ServiceKind) => {
    const list = byKind.get(kind)!;
    return new WeightedPicker(list, list.map((s) => s.employees.length + 1));
  };
  const holderGroups = [
    [groupPicker("school"), 50],
    [groupPicker("kindergarten"), 33],
    [groupPicker("health_clinic"), 17],
  ] as const;
  await flushAll(true);
  phase("services and staff", ["services", "users", "memberships"]);

  // ---------- logs ----------
  const bigShare = 2000 / 30000;
  const benchTeacherLogs = Math.max(3, Math.min(40, Math.round(40 * (target.logs / OSLO.logs) * 10)));
  // Only a closed first log can have a second; about 55 % are closed long enough.
  const secondLogChance = Math.max(0, Math.min(0.9, (target.logs / target.children - 1) / 0.55));
  // The cap at 280 takes about 7 % off the log-normal mean; 1.07 gives it back.
  const eventScale = (1.07 * target.events) / target.logs / (25 * Math.exp(1.15 ** 2 / 2) * (0.85 + 0.15 * 0.2));
  let familyCounter = 0;
  let eventCount = 0;
  let bigLogId = "";
  let guardianLogId = "";
  // What the access log needs of each log.
  const accessInfo: { id: string; weight: number; from: number; to: number; readers: [string, string][]; leader: string | null; holder: [string, string] }[] = [];

  const month = (day: number) => new Date(day * DAY_MS).getUTCMonth();
  const seasonalStart = (maxAgo: number, minAgo: number) => {
    for (;;) {
      const day = todayDay - rng.int(minAgo, maxAgo);
      if (rng.next() * 1.5 < MONTH_WEIGHTS[month(day)]!) return day;
    }
  };

  interface Plan {
    forced?: "big" | "guardian";
    service: Service;
    holder: string;
    childId: string;
    childName: string;
    surname: string;
    start: number;
    /** A second log about the same child: its child row and guardians exist already. */
    guardians?: GuardianRow[];
  }

  type GuardianRow = { id: string; name: string; relation: GuardianRelation; pr: boolean; toldOn: string | null; userId: string | null; email: string | null; language: string | null; interpreter: boolean; at: number };
  const writeLog = (plan: Plan): { closedOn: number | null; guardians: GuardianRow[] } => {
    const logId = ids.next();
    const { service } = plan;
    let holder: Staff = staffById.get(plan.holder)!;
    const creator = holder;
    const isConcern = !plan.forced && rng.chance(0.15);
    const start = plan.start;
    let duration = isConcern ? Math.round(Math.min(120, Math.max(3, rng.logNormal(20, 0.6)))) : Math.round(Math.min(1100, Math.max(30, rng.logNormal(220, 0.7))));
    if (plan.forced) duration = 10_000;
    const closed = start + duration < todayDay - 1;
    const end = closed ? start + duration : todayDay - 1;
    // Events: long-tailed (log-normal), concerns short.
    let n = Math.round(rng.logNormal(25, 1.15) * eventScale * (isConcern ? 0.2 : 1));
    // A long tail, but only a handful beyond 300 (about one log in 2 500).
    n = Math.max(isConcern ? 1 : 8, Math.min(280, n));
    if (!isConcern && rng.chance(0.0004)) n = rng.int(300, 700);
    if (plan.forced === "big") n = 320;
    if (plan.forced === "guardian") n = 40;

    // Level path.
    const finalLevel: BtiLevel = isConcern ? 0 : plan.forced === "big" ? 2 : rng.weighted<BtiLevel>([[1, 55], [2, 33], [3, 12]]);
    const startLevel: 1 | 2 = finalLevel >= 2 && rng.chance(0.1) ? 2 : 1;
    const path: BtiLevel[] = [];
    for (let l = startLevel + 1; l <= finalLevel; l++) path.push(l as BtiLevel);
    if (!isConcern && finalLevel < 3 && rng.chance(0.1)) path.push((finalLevel + 1) as BtiLevel, finalLevel);

    type Token = { day: number; prio: number; kind: string; arg?: number };
    const tokens: Token[] = [];
    const span = Math.max(1, end - start);
    const becameDay = isConcern ? end : Math.min(end, start + Math.max(1, Math.round(span * (0.03 + rng.next() * 0.12))));
    tokens.push({ day: start, prio: 0, kind: "concern" });
    if (!isConcern) tokens.push({ day: becameDay, prio: 2, kind: "became" });
    const levelDays: number[] = [];
    path.forEach((_, i) => {
      const lo = becameDay + Math.round(((end - becameDay) * (i + 0.3)) / (path.length + 1));
      levelDays.push(Math.min(end, lo + rng.int(0, Math.max(0, Math.round((end - becameDay) / (path.length + 2))))));
    });
    levelDays.sort((a, b) => a - b);
    levelDays.forEach((day, i) => tokens.push({ day, prio: 3, kind: "level", arg: i }));
    // Sharing: when the log first reaches level 2.
    const firstTwo = startLevel === 2 ? 0 : path.indexOf(2);
    const shareDay = startLevel === 2 ? Math.min(end, becameDay + rng.int(0, 10)) : firstTwo >= 0 ? levelDays[firstTwo]! : null;
    const partnerServices: Service[] = [];
    const invitations: { service: Service; invitee: string; day: number; answerDay: number | null; accepted: boolean }[] = [];
    if (shareDay !== null) {
      const want = rng.weighted([[1, 40], [2, 40], [3, 20]]);
      for (let k = 0; k < want * 3 && partnerServices.length < want; k++) {
        const kind = rng.weighted(PARTNER_KINDS);
        const s = rng.pick(byKind.get(kind)!);
        if (s !== service && !partnerServices.includes(s) && s.employees.length > 0) partnerServices.push(s);
      }
      tokens.push({ day: shareDay, prio: 4, kind: "share" });
      for (const s of partnerServices) {
        const answerDay = shareDay + rng.int(1, responseDays + 5);
        const answered = answerDay <= end && (closed || answerDay < todayDay - 1 || rng.chance(0.5));
        const accepted = rng.chance(0.88);
        const inv = { service: s, invitee: rng.pick(s.employees), day: shareDay, answerDay: answered ? Math.min(answerDay, end) : null, accepted };
        invitations.push(inv);
        if (inv.answerDay !== null) tokens.push({ day: inv.answerDay, prio: 5, kind: "answer", arg: invitations.length - 1 });
      }
    }
    // Handover to an accepted participant (about one relay log in twenty).
    const handoverTo = invitations.findIndex((i) => i.accepted && i.answerDay !== null);
    let handoverDay: number | null = null;
    if (handoverTo >= 0 && rng.chance(plan.forced ? 0 : 0.12)) {
      const day = invitations[handoverTo]!.answerDay! + rng.int(7, 60);
      if (day < end) {
        handoverDay = day;
        tokens.push({ day, prio: 6, kind: "handover" });
      }
    }
    // Renewals of the consents, two weeks before they expire, while the log is open.
    if (!isConcern) {
      for (let k = 1; ; k++) {
        const day = addMonthsDay(becameDay, validityMonths * k) - 14;
        if (day >= end || day <= becameDay) break;
        tokens.push({ day, prio: 7, kind: "renew" });
      }
    }
    // Family access for some open relay logs.
    const familyDay = !isConcern && !closed && !plan.guardians && (plan.forced === "guardian" || (!plan.forced && rng.chance(0.05))) ? Math.min(end, becameDay + rng.int(1, 20)) : null;
    if (familyDay !== null) tokens.push({ day: familyDay, prio: 8, kind: "family" });
    if (closed) tokens.push({ day: end, prio: 99, kind: "close" });
    const structural = tokens.length + invitations.length + (isConcern ? 0 : 4);
    for (let k = 0; k < n - structural; k++) {
      const before = !isConcern && rng.chance(0.08);
      const day = before ? start + Math.floor(rng.next() * (becameDay - start + 1)) : (isConcern ? start : becameDay) + Math.floor(rng.next() * ((isConcern ? end - start : end - becameDay) + 1));
      tokens.push({ day, prio: day < becameDay || isConcern ? 1 : 10, kind: "fill" });
    }
    tokens.sort((a, b) => a.day - b.day || a.prio - b.prio);

    // ---------- walk the timeline ----------
    let seq = 0;
    let lastAt = 0;
    let createdAt = 0;
    let kind: "concern" | "relay" = "concern";
    let level: BtiLevel = 0;
    let sharedWithLeader = false;
    let lastChildVoice: string | null = null;
    let closeReason: CloseReason | null = null;
    let closedAt: number | null = null;
    let levelIndex = 0;
    const guardianRows: GuardianRow[] = [];
    const reuse = (plan.guardians?.length ?? 0) > 0;
    const activeActions: { id: string; description: string; evaluateOn: number }[] = [];
    const participants: { id: string; userId: string; serviceId: string; joinedAt: number; endedAt: number | null }[] = [];
    const consents: { id: string; scope: "keep" | "share"; services: Service[]; givenOn: number; expiresOn: number; row: unknown[] }[] = [];
    const invitationRows = new Map<number, { id: string; row: (string | number | null)[] }>();
    const writable: { id: string; author: string }[] = [];
    const author = (mayBeParticipant: boolean): Staff => {
      if (mayBeParticipant && rng.chance(0.25)) {
        const current = participants.filter((p) => p.endedAt === null);
        if (current.length > 0) return staffById.get(rng.pick(current).userId)!;
      }
      return holder;
    };
    const event = <T extends EventType>(type: T, day: number, data: EventData[T], by: Staff = holder, extra: { corrects?: string; restricted?: string } = {}) => {
      seq += 1;
      const at = day * DAY_MS + 14 * 3600_000 + seq * 60_000;
      const id = ids.next();
      sinks.log_events.push(id, logId, seq, type, by.id, by.serviceId, iso(day), at, extra.corrects ?? null, extra.restricted ?? null, JSON.stringify(data));
      lastAt = at;
      if (createdAt === 0) createdAt = at;
      eventCount += 1;
      return { id, at };
    };
    const recordConsent = (scope: "keep" | "share", day: number, covered: Service[], replaces: (typeof consents)[number] | null) => {
      const consentId = ids.next();
      const pr = guardianRows.filter((g) => g.pr);
      const givenOn = day;
      const expiresOn = addMonthsDay(day, validityMonths);
      const form = rng.weighted([["written", 60], ["digital", 30], ["oral", 10]] as const);
      const purpose = scope === "keep" ? "Å føre stafettlogg om barnet" : "Samarbeid om tiltak rundt barnet";
      const { at } = event("consent_recorded", day, {
        consentId,
        scope,
        decision: "given",
        form,
        purpose,
        services: covered.map((s) => s.name).sort(),
        givenBy: pr.map((g) => g.name),
        youngPerson: false,
        givenOn: iso(givenOn),
        expiresOn: iso(expiresOn),
        replaces: replaces?.id ?? null,
        change: replaces ? "renewed" : "given",
      });
      if (replaces) {
        replaces.row[12] = "superseded";
        replaces.row[13] = at;
      }
      const row = [
        consentId, logId, scope, "given", form, form === "oral" ? "Samtale med foresatte" : null, purpose, 0, iso(givenOn), iso(expiresOn), holder.id, at, "active", null, replaces?.id ?? null,
      ];
      consents.push({ id: consentId, scope, services: covered, givenOn, expiresOn, row });
      for (const g of pr) sinks.consent_guardians.push(consentId, g.id);
      for (const s of covered) sinks.consent_services.push(consentId, s.id);
    };
    const newAction = (day: number) => {
      const [description, goal] = rng.pick(words.actionTexts);
      const actionId = ids.next();
      const evaluateOn = day + Math.max(7, Math.round(intervalDays * (0.5 + rng.next() * 0.7)));
      const rk: ResponsibleKind = rng.weighted([["person", 70], ["guardians", 12], ["child", 5], ["other", 13]] as const);
      const current = participants.filter((p) => p.endedAt === null);
      const personId = rk === "person" ? (current.length > 0 && rng.chance(0.3) ? rng.pick(current).userId : holder.id) : null;
      const responsible = rk === "person" ? userNames.get(personId!)! : rk === "other" ? "Miljøterapeut" : "";
      const { at } = event("action", day, { actionId, description, goal, responsible, responsibleKind: rk, responsibleUserId: personId, startOn: iso(day), evaluateOn: iso(evaluateOn) });
      const a = { id: actionId, description, evaluateOn, row: [actionId, logId, description, goal, responsible, rk, personId, iso(day), iso(evaluateOn), 1, at, null] as (string | number | null)[] };
      activeActions.push(a);
      actionRows.push(a.row);
    };
    const actionRows: (string | number | null)[][] = [];
    const evaluate = (day: number, index: number, end: boolean) => {
      const a = activeActions[index]!;
      const [whatHappened, whatWorked, childExperience] = rng.pick(words.evaluationTexts);
      const decision = end ? "end" : rng.weighted([["continue", 55], ["adjust", 30], ["end", 15]] as const);
      const next = decision === "end" ? undefined : day + Math.max(7, Math.round(intervalDays * (0.6 + rng.next() * 0.6)));
      const { at } = event("evaluation", day, {
        actionId: a.id,
        actionDescription: a.description,
        whatHappened,
        whatWorked,
        childExperience,
        decision,
        ...(decision === "adjust" ? { adjustment: "Kortere økter, oftere." } : {}),
        ...(next !== undefined ? { nextEvaluateOn: iso(next) } : {}),
      });
      const row = actionRows.find((r) => r[0] === a.id)!;
      if (next === undefined) {
        row[9] = 0;
        row[11] = at;
        activeActions.splice(index, 1);
      } else {
        a.evaluateOn = next;
        row[8] = iso(next);
      }
    };

    for (const t of tokens) {
      const day = t.day;
      switch (t.kind) {
        case "concern":
          event("concern", day, { what: rng.pick(words.concernWhats), context: rng.pick(words.contexts) });
          break;
        case "became": {
          if (reuse) {
            guardianRows.push(...plan.guardians!);
            event("guardians_told", day, { names: plan.guardians!.map((g) => g.name), toldOn: iso(day) });
          }
          const two = rng.chance(0.75);
          const relations: GuardianRelation[] = two ? ["mother", "father"] : [rng.weighted([["mother", 60], ["father", 25], ["foster_parent", 10], ["other", 5]] as const)];
          for (const [i, relation] of (guardianRows.length > 0 ? [] : relations).entries()) {
            const name = `${rng.pick(words.firstNames)} ${i === 0 || rng.chance(0.6) ? plan.surname : rng.pick(words.surnames)}`;
            const pr = i === 0 || rng.chance(0.9);
            const language = rng.chance(0.12) ? rng.pick(["arabisk", "somali", "polsk", "urdu", "tigrinja", "vietnamesisk"]) : null;
            const { at } = event("guardian_added", day, { name, relation, parentalResponsibility: pr, toldOn: iso(day) });
            guardianRows.push({ id: ids.next(), name, relation, pr, toldOn: iso(day), userId: null, email: null, language, interpreter: language !== null && rng.chance(0.5), at });
          }
          kind = "relay";
          level = startLevel;
          sharedWithLeader = false;
          event("became_log", day, { level: startLevel, guardiansToldOn: iso(day), keepConsent: { deferred: false } });
          recordConsent("keep", day, [service], null);
          break;
        }
        case "level": {
          const to = path[levelIndex++]!;
          const from = level;
          level = to;
          event("level_change", day, {
            from,
            to,
            justification: to > from ? "Behovet er større enn tiltakene på dette nivået dekker." : "Tiltakene virker; tilbake til færre tjenester.",
            ...(to === 3 ? { responsibilityGroup: "Foresatte, kontaktlærer, PPT og helsesykepleier", individualPlan: rng.chance(0.4) } : {}),
          });
          break;
        }
        case "share": {
          recordConsent("share", day, partnerServices, null);
          invitations.forEach((inv, i) => {
            const invitationId = ids.next();
            const invitee = staffById.get(inv.invitee)!;
            const respondBy = iso(day + responseDays);
            const message = "Vi ønsker et samarbeid rundt barnet.";
            const { at } = event("invited", day, { invitationId, invitee: invitee.name, service: inv.service.name, message, respondBy });
            invitationRows.set(i, { id: invitationId, row: [invitationId, logId, invitee.id, inv.service.id, message, respondBy, "pending", null, holder.id, at, null] });
          });
          break;
        }
        case "answer": {
          const inv = invitations[t.arg!]!;
          const r = invitationRows.get(t.arg!)!;
          const invitee = staffById.get(inv.invitee)!;
          const reason = inv.accepted ? null : "Har ikke kapasitet nå; foreslår en kollega.";
          const { at } = event("invitation_answered", day, { invitationId: r.id, invitee: invitee.name, service: inv.service.name, accepted: inv.accepted, reason }, invitee);
          r.row[6] = inv.accepted ? "accepted" : "declined";
          r.row[7] = reason;
          r.row[10] = at;
          if (inv.accepted) participants.push({ id: ids.next(), userId: invitee.id, serviceId: inv.service.id, joinedAt: at, endedAt: null });
          break;
        }
        case "handover": {
          const inv = invitations[handoverTo]!;
          const to = staffById.get(inv.invitee)!;
          const participant = participants.find((p) => p.userId === to.id && p.endedAt === null);
          if (!participant) break;
          const handoverId = ids.next();
          const message = "Helsestasjonen følger opp videre.";
          const proposed = event("handover_proposed", day, { handoverId, to: to.name, toService: inv.service.name, message });
          const from = holder;
          holder = to;
          const answered = event("handover_answered", day, { handoverId, to: to.name, toService: inv.service.name, accepted: true, reason: null });
          sinks.handovers.push(handoverId, logId, from.id, from.serviceId, to.id, to.serviceId, message, "accepted", null, proposed.at, answered.at);
          participant.endedAt = answered.at;
          participants.push({ id: ids.next(), userId: from.id, serviceId: from.serviceId, joinedAt: answered.at, endedAt: null });
          break;
        }
        case "renew": {
          for (const c of consents.filter((c) => c.row[12] === "active")) recordConsent(c.scope, day, c.services, c);
          break;
        }
        case "family": {
          const g = guardianRows.find((g) => g.pr)!;
          const email = plan.forced === "guardian" ? BENCH_EMAILS.guardian : `familie-${++familyCounter}@large.invalid`;
          g.userId = addUser(g.name, email, { kind: "family" });
          g.email = email;
          event("family_access", day, { name: g.name, role: "guardian", granted: true });
          break;
        }
        case "close": {
          while (activeActions.length > 0) evaluate(day, 0, true);
          const reason: CloseReason = isConcern ? "no_further_concern" : level === 3 && rng.chance(0.5) ? "individual_plan" : rng.weighted(RELAY_CLOSE);
          if (reason === "child_welfare") {
            event("welfare_report", day, { sentOn: iso(day), sentBy: holder.name, summary: "Bekymringsmelding sendt etter drøfting." }, holder, rng.chance(0.5) ? { restricted: "Kan skade barnet om foresatte får vite nå" } : {});
          }
          const summary =
            reason === "moved_away" ? words.summaries[1] : reason === "child_welfare" ? words.summaries[2] : reason === "individual_plan" ? words.summaries[3] : reason === "no_further_concern" ? words.summaries[4] : reason === "guardians_request" ? words.summaries[5] : words.summaries[0];
          const { at } = event("closed", day, { reason, summary, guardiansToldOn: isConcern ? null : iso(day) });
          closeReason = reason;
          closedAt = at;
          break;
        }
        case "fill": {
          if (kind === "concern") {
            const r = rng.next();
            if (!sharedWithLeader && r < 0.08) {
              sharedWithLeader = true;
              event("shared_with_leader", day, {});
            } else if (r < 0.12 && steps.length > 0) {
              const step = rng.pick(steps.filter((s) => s.level === 0));
              event("checklist_step", day, { versionId: guideId, stepId: step.id, level: 0, done: true });
            } else {
              const e = event(r < 0.7 ? "observation" : "note", day, { text: rng.pick(r < 0.7 ? words.observations : words.notes) });
              writable.push({ id: e.id, author: holder.id });
            }
            break;
          }
          const due = activeActions.findIndex((a) => a.evaluateOn <= day);
          if (due >= 0 && rng.chance(0.7)) {
            evaluate(day, due, false);
            break;
          }
          if (activeActions.length === 0 || (activeActions.length < 3 && rng.chance(0.05))) {
            newAction(day);
            break;
          }
          const type = rng.weighted([["observation", 34], ["note", 20], ["child_voice", 12], ["guardian_voice", 8], ["meeting", level >= 2 ? 10 : 4], ["checklist", 4], ["correction", 2]] as const);
          if (type === "child_voice") {
            const method: VoiceMethod = rng.weighted([["conversation", 60], ["drawing", 15], ["meeting", 15], ["written", 5], ["other", 5]] as const);
            event("child_voice", day, { text: rng.pick(words.voiceTexts), method }, author(true));
            if (!lastChildVoice || iso(day) > lastChildVoice) lastChildVoice = iso(day);
          } else if (type === "guardian_voice") {
            const g = guardianRows.length > 0 ? rng.pick(guardianRows).name : "Foresatte";
            event("guardian_voice", day, { text: rng.pick(words.guardianVoiceTexts), method: rng.pick(["conversation", "meeting"] as const), who: g }, author(true));
          } else if (type === "meeting") {
            const by = author(true);
            const e = event("meeting", day, { title: rng.pick(words.meetingTitles), attendees: [holder.name, ...guardianRows.map((g) => g.name)].join(", "), notes: rng.pick(words.meetingNotes) }, by);
            writable.push({ id: e.id, author: by.id });
          } else if (type === "checklist") {
            const choices = steps.filter((s) => s.level === level);
            if (choices.length > 0) event("checklist_step", day, { versionId: guideId, stepId: rng.pick(choices).id, level, done: rng.chance(0.9) });
            else event("note", day, { text: rng.pick(words.notes) });
          } else if (type === "correction" && writable.length > 0) {
            const target = writable[writable.length - 1]!;
            const by = staffById.get(target.author)!;
            if (by.id === holder.id || participants.some((p) => p.userId === by.id && p.endedAt === null)) {
              event("correction", day, { text: "Rettet: gjaldt forrige uke.", reason: "Feil dato i opprinnelig notat" }, by, { corrects: target.id });
            } else event("note", day, { text: rng.pick(words.notes) });
          } else {
            const by = author(true);
            const e = event(type === "note" ? "note" : "observation", day, { text: rng.pick(type === "note" ? words.notes : words.observations) }, by);
            writable.push({ id: e.id, author: by.id });
          }
          break;
        }
      }
    }

    // ---------- the log's rows ----------
    const birthAge =
      service.kind === "kindergarten" ? rng.int(1, 5) : service.kind === "school" ? rng.int(6, 15) : rng.chance(0.7) ? rng.int(0, 1) : rng.int(6, 15);
    const birthDay = start - birthAge * 365 - rng.int(30, 330);
    const childBirth = iso(birthDay);
    if (!plan.guardians) {
      sinks.children.push(plan.childId, plan.childName, childBirth, rng.chance(0.03) ? syntheticNationalId(childBirth) : null, null, creator.id, createdAt);
      sinks.child_services.push(plan.childId, service.id);
      if (service.kind === "school" && birthAge <= 9 && rng.chance(0.4)) sinks.child_services.push(plan.childId, rng.pick(byKind.get("after_school")!).id);
    }
    for (const g of reuse ? [] : guardianRows) {
      sinks.guardians.push(g.id, plan.childId, g.name, g.relation, g.pr ? 1 : 0, g.email, null, g.toldOn, g.language, g.interpreter ? 1 : 0, g.userId, g.at);
    }
    const open = !closed;
    const nextEval = open && activeActions.length > 0 ? iso(Math.min(...activeActions.map((a) => a.evaluateOn))) : null;
    sinks.logs.push(
      logId, plan.childId, kind, closed ? "closed" : "open", level, holder.id, holder.serviceId, sharedWithLeader ? 1 : 0,
      open && kind === "concern" ? iso(start + decisionDays) : null, nextEval, lastChildVoice, closeReason, closedAt, guideId, creator.id, createdAt, lastAt,
    );
    for (const r of actionRows) sinks.actions.push(...r);
    for (const c of consents) sinks.consents.push(...(c.row as (string | number | null)[]));
    for (const r of invitationRows.values()) sinks.log_invitations.push(...r.row);
    for (const p of participants) sinks.log_participants.push(p.id, logId, p.userId, p.serviceId, p.joinedAt, p.endedAt);
    if (plan.forced === "big") bigLogId = logId;
    if (plan.forced === "guardian") guardianLogId = logId;
    const holderService = serviceById.get(holder.serviceId)!;
    accessInfo.push({
      id: logId,
      weight: seq,
      from: createdAt,
      to: closed ? Math.min(todayDay * DAY_MS, closedAt! + 60 * DAY_MS) : todayDay * DAY_MS,
      readers: participants.map((p) => [p.userId, p.serviceId]),
      leader: kind === "relay" || sharedWithLeader ? (holderService.leaders[0] ?? null) : null,
      holder: [holder.id, holder.serviceId],
    });
    void handoverDay;
    return { closedOn: closed ? end : null, guardians: guardianRows };
  };

  let logCount = 0;
  let childCount = 0;
  let nextReport = 5000;
  while (logCount < target.logs) {
    let service: Service;
    let holder: string;
    let forced: Plan["forced"];
    if (logCount < benchTeacherLogs) {
      service = bigSchool;
      holder = bench.teacher;
      forced = logCount === 0 ? "big" : logCount === 1 ? "guardian" : undefined;
    } else {
      service = rng.chance(bigShare) ? bigSchool : rng.weighted(holderGroups).pick(rng);
      holder = service.holderPicker!.pick(rng);
    }
    const surname = rng.pick(words.surnames);
    const plan: Plan = {
      forced,
      service,
      holder,
      childId: ids.next(),
      childName: `${rng.pick(words.firstNames)} ${surname}`,
      surname,
      start: forced === "big" ? todayDay - 400 : forced === "guardian" ? todayDay - 120 : seasonalStart(700, 2),
    };
    childCount += 1;
    const first = writeLog(plan);
    logCount += 1;
    // Some children get a second log in the same service after the first is closed.
    if (first.closedOn !== null && logCount < target.logs && rng.chance(secondLogChance) && first.closedOn + 40 < todayDay - 5) {
      const start = first.closedOn + rng.int(30, Math.max(30, Math.min(400, todayDay - 5 - first.closedOn)));
      if (start < todayDay - 2) {
        writeLog({ ...plan, forced: undefined, holder: rng.chance(0.6) ? holder : service.holderPicker!.pick(rng), start, guardians: first.guardians });
        logCount += 1;
      }
    }
    // Every table's rows so far, parents first, so each foreign key finds its row (checked
    // as the rows go in). Deferring the checks instead makes SQLite scan child tables.
    if (childCount % 200 === 0) await flushAll(true);
    if (logCount >= nextReport) {
      say(`[seed:large]   … ${logCount.toLocaleString("en")} logs, ${eventCount.toLocaleString("en")} events (${((performance.now() - phaseStart) / 1000).toFixed(1)} s)`);
      nextReport += 5000;
    }
  }
  await flushAll(true);
  phase("logs", ["children", "child_services", "guardians", "logs", "log_events", "actions", "consents", "consent_guardians", "consent_services", "log_invitations", "log_participants", "handovers", "users"]);
  await commit();

  // ---------- the access log ----------
  await begin();
  const totalWeight = accessInfo.reduce((sum, l) => sum + l.weight, 0);
  let accessLeft = target.access;
  let weightLeft = totalWeight;
  const accessRng = new Rng(seed ^ 0xacce55);
  let nextAccessReport = 1_000_000;
  const accessIds = new OrderedIdSource(seed ^ 0x1d5);
  for (const l of accessInfo) {
    const expected = (accessLeft * l.weight) / weightLeft;
    const rows = Math.min(accessLeft, Math.floor(expected) + (accessRng.next() < expected % 1 ? 1 : 0));
    weightLeft -= l.weight;
    accessLeft -= rows;
    const spanMs = Math.max(1, l.to - l.from);
    for (let k = 0; k < rows; k++) {
      const r = accessRng.next();
      const [userId, serviceId] = r < 0.2 && l.readers.length > 0 ? l.readers[Math.floor(accessRng.next() * l.readers.length)]! : r < 0.3 && l.leader ? [l.leader, l.holder[1]] : l.holder;
      const kindR = accessRng.next();
      sinks.access_log.push(accessIds.next(), l.id, userId, serviceId, kindR < 0.9 ? "view" : kindR < 0.97 ? "search" : "print", l.from + Math.floor(accessRng.next() * spanMs));
    }
    await sinks.access_log.flush();
    if (sinks.access_log.inserted >= nextAccessReport) {
      say(`[seed:large]   … ${sinks.access_log.inserted.toLocaleString("en")} access rows (${((performance.now() - phaseStart) / 1000).toFixed(1)} s)`);
      nextAccessReport += 1_000_000;
    }
  }
  await sinks.access_log.flush(true);
  await commit();
  phase("access log", ["access_log"]);
  await begin();
  for (const index of rebuilt) await tx!.execute(index.sql);
  await commit();
  phase(`indexes (${rebuilt.map((i) => i.name).join(", ")})`, []);

  // ---------- the app's settings back, statistics ----------
  await client.execute("PRAGMA journal_mode = WAL");
  await client.execute(`PRAGMA synchronous = ${synchronous}`);
  await client.execute("ANALYZE");
  await client.execute("PRAGMA optimize");
  const fkProblems = (await client.execute("PRAGMA foreign_key_check")).rows.length;
  if (fkProblems > 0) throw new Error(`seed:large: ${fkProblems} foreign key problems`);
  phase("analyze", []);

  const counts: Record<string, number> = {};
  for (const table of [
    "services", "users", "memberships", "children", "child_services", "guardians", "logs", "log_events", "actions", "consents",
    "consent_guardians", "consent_services", "log_invitations", "log_participants", "handovers", "access_log",
  ]) {
    counts[table] = Number((await client.execute(`SELECT count(*) FROM "${table}"`)).rows[0]![0]);
  }
  client.close();
  void childCount;

  const result: LargeSeedResult = {
    db: options.db,
    seed,
    today,
    accounts: [
      { email: BENCH_EMAILS.teacher, role: "employee", password: BENCH_PASSWORD, note: `holds ${benchTeacherLogs} logs in ${bigSchool.name}` },
      { email: BENCH_EMAILS.leader, role: "leader", password: BENCH_PASSWORD, note: `leads ${bigSchool.name}` },
      { email: BENCH_EMAILS.coordinator, role: "coordinator", password: BENCH_PASSWORD, note: "BTI coordinator" },
      { email: BENCH_EMAILS.admin, role: "administrator", password: BENCH_PASSWORD, note: "administrator" },
      { email: BENCH_EMAILS.guardian, role: "family", password: null, note: "guardian family account (one-time code), one child" },
    ],
    bigLogId,
    guardianLogId,
    counts,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  writeFileSync(`${options.db}.json`, JSON.stringify(result, null, 2) + "\n");
  return result;
}

