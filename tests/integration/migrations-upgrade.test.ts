import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { settingsOrExit } from "../../app/config.server";
import { boot } from "../../app/domain/system/boot.server";
import { createId } from "../../app/lib/ids";
import { removeDatabaseFile } from "../support/database-file";

/**
 * Migrations as an upgrade (issue 13 point 8): a database that stopped at an older
 * migration and is full of data in the old shape, upgraded by the app's own boot step.
 * Nothing is lost, and each data step of the newer migrations did what its SQL says.
 *
 * The old database is made by drizzle's migrator itself, from a copy of drizzle/ whose
 * journal stops at OLD_COUNT: the same SQL files, so the same hashes and timestamps in
 * __drizzle_migrations as a real install of that version would have written.
 */
const OLD_COUNT = 8; // 0000..0007: before responsible people, planned meetings and the versioned guide
const tmpDir = resolve(process.cwd(), "tests/.tmp");
const made: string[] = [];

afterEach(() => {
  for (const path of made.splice(0)) {
    if (path.endsWith(".db")) removeDatabaseFile(path);
    else rmSync(path, { recursive: true, force: true });
  }
});

async function oldDatabase(): Promise<string> {
  const id = createId();
  const folder = resolve(tmpDir, `migrations-${id}`);
  made.push(folder);
  mkdirSync(resolve(folder, "meta"), { recursive: true });
  cpSync(resolve(process.cwd(), "drizzle"), folder, { recursive: true });
  const journal = JSON.parse(readFileSync(resolve(process.cwd(), "drizzle/meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  expect(journal.entries.length).toBeGreaterThan(OLD_COUNT);
  writeFileSync(resolve(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, OLD_COUNT) }));
  const path = resolve(tmpDir, `upgrade-${id}.db`);
  made.push(path);
  const client = createClient({ url: `file:${path}` });
  await client.execute("PRAGMA journal_mode = WAL");
  await migrate(drizzle(client), { migrationsFolder: folder });
  client.close();
  return path;
}

const N = { users: 12, children: 30, logsPerChild: 2, eventsPerLog: 6, actionsPerLog: 2 };

/** Data as the old schema has it: raw SQL in the old columns (no responsible_kind, no guide version). */
async function fillOld(client: Client) {
  const t = Date.UTC(2025, 0, 15);
  const batch: { sql: string; args: (string | number | null)[] }[] = [];
  const add = (sql: string, ...args: (string | number | null)[]) => batch.push({ sql, args });
  add("UPDATE guide_settings SET municipality_name = 'Gamle kommune', level0_decision_days = 10, evaluation_interval_days = 30, consent_age = 15, log_required_from_level = 2, consent_validity_months = 6, invitation_response_days = 5, updated_at = ? WHERE id = 1", t);
  add("UPDATE bti_levels SET name_nb = 'Nivå null (gammel)' WHERE level = 0");
  add("INSERT INTO services (id, name, kind, created_at) VALUES ('svc-school', 'Gamle skole', 'school', ?)", t);
  add("INSERT INTO services (id, name, kind, created_at) VALUES ('svc-health', 'Helsestasjonen', 'health_clinic', ?)", t);
  for (let u = 0; u < N.users; u++) {
    add("INSERT INTO users (id, name, email, password_hash, is_coordinator, created_at) VALUES (?, ?, ?, NULL, ?, ?)", `user-${u}`, `Ansatt ${u}`, `ansatt${u}@gamle.example`, u === 0 ? 1 : 0, t);
    add("INSERT INTO memberships (id, user_id, service_id, role, started_at) VALUES (?, ?, ?, ?, ?)", `m-${u}`, `user-${u}`, u % 2 ? "svc-health" : "svc-school", u < 2 ? "leader" : "employee", t);
  }
  for (let c = 0; c < N.children; c++) {
    add("INSERT INTO children (id, name, birth_date, created_by, created_at) VALUES (?, ?, '2015-03-01', 'user-2', ?)", `child-${c}`, `Barn ${c}`, t);
    add("INSERT INTO guardians (id, child_id, name, relation, parental_responsibility, email, created_at) VALUES (?, ?, ?, 'mother', 1, ?, ?)", `g-${c}`, `child-${c}`, `Forelder ${c}`, `forelder${c}@gamle.example`, t);
    for (let l = 0; l < N.logsPerChild; l++) {
      const log = `log-${c}-${l}`;
      const holder = `user-${2 + ((c + l) % (N.users - 2))}`;
      add(
        "INSERT INTO logs (id, child_id, kind, state, level, holder_id, holder_service_id, next_evaluation_on, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'svc-school', '2025-03-01', ?, ?, ?)",
        log, `child-${c}`, l === 0 ? "relay" : "concern", c % 5 === 0 ? "closed" : "open", (c + l) % 4, holder, holder, t, t,
      );
      add("INSERT INTO log_participants (id, log_id, user_id, service_id, joined_at) VALUES (?, ?, ?, 'svc-school', ?)", `p-${log}`, log, holder, t);
      for (let e = 0; e < N.eventsPerLog; e++) {
        add(
          "INSERT INTO log_events (id, log_id, seq, type, author_id, author_service_id, occurred_on, recorded_at, data) VALUES (?, ?, ?, 'note', ?, 'svc-school', '2025-01-20', ?, ?)",
          `e-${log}-${e}`, log, e + 1, holder, t + e, JSON.stringify({ text: `Notat ${e}` }),
        );
      }
      for (let a = 0; a < N.actionsPerLog; a++) {
        add(
          "INSERT INTO actions (id, log_id, description, goal, responsible, start_on, evaluate_on, created_at) VALUES (?, ?, ?, 'Mål', 'Kontaktlærer', '2025-01-20', '2025-03-01', ?)",
          `a-${log}-${a}`, log, `Tiltak ${a}`, t,
        );
      }
      add(
        "INSERT INTO consents (id, log_id, scope, decision, form, purpose, given_on, expires_on, recorded_by, recorded_at, status) VALUES (?, ?, 'collaboration', 'given', 'written', 'Samarbeid', '2025-01-20', '2026-01-20', ?, ?, 'active')",
        `consent-${log}`, log, holder, t,
      );
    }
  }
  await client.batch(batch, "write");
}

const COUNTED = ["users", "memberships", "services", "children", "guardians", "logs", "log_participants", "log_events", "actions", "consents"];

async function counts(client: Client) {
  const result: Record<string, number> = {};
  for (const table of COUNTED) result[table] = Number((await client.execute(`SELECT count(*) FROM ${table}`)).rows[0]![0]);
  return result;
}

describe("migrations as an upgrade", () => {
  it("upgrades a database full of old-shape data through the app's boot: nothing lost, every data step done", async () => {
    const path = await oldDatabase();
    const old = createClient({ url: `file:${path}` });
    await fillOld(old);
    const before = await counts(old);
    const oldMigrations = Number((await old.execute("SELECT count(*) FROM __drizzle_migrations")).rows[0]![0]);
    const oldLevels = (await old.execute("SELECT level, name_nb, name_en, description_nb, description_en FROM bti_levels ORDER BY level")).rows.map((r) => Array.from(r));
    old.close();
    expect(oldMigrations).toBe(OLD_COUNT);
    expect(before.logs).toBe(N.children * N.logsPerChild);
    expect(before.log_events).toBe(N.children * N.logsPerChild * N.eventsPerLog);

    // The app's own start: boot() migrates to the latest (and, with users there, seeds nothing).
    const outcome = await boot(settingsOrExit({ ...process.env, DATABASE_URL: path, DEMO_DATA: "true" }));
    expect(outcome).toEqual({ kind: "ready" });

    const client = createClient({ url: `file:${path}` });
    try {
      const journal = JSON.parse(readFileSync(resolve(process.cwd(), "drizzle/meta/_journal.json"), "utf8")) as { entries: unknown[] };
      expect(Number((await client.execute("SELECT count(*) FROM __drizzle_migrations")).rows[0]![0])).toBe(journal.entries.length);
      expect(await counts(client)).toEqual(before);

      // 0008: every old action is responsible "other", with no responsible user.
      const kinds = (await client.execute("SELECT responsible_kind, count(*), count(responsible_user_id) FROM actions GROUP BY responsible_kind")).rows.map((r) => Array.from(r));
      expect(kinds).toEqual([["other", before.actions, 0]]);
      // 0009: guardians get no language and no interpreter.
      const guardians = (await client.execute("SELECT count(*), count(language), sum(interpreter_needed) FROM guardians")).rows[0]!;
      expect(Array.from(guardians)).toEqual([before.guardians, 0, 0]);

      // 0010: version 1 of the guide is the old settings, published, in effect from the epoch...
      const versions = (await client.execute("SELECT * FROM guide_versions")).rows;
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({
        id: "guide-v1",
        number: 1,
        state: "published",
        effective_on: "1970-01-01",
        municipality_name: "Gamle kommune",
        level0_decision_days: 10,
        evaluation_interval_days: 30,
        consent_age: 15,
        log_required_from_level: 2,
        consent_validity_months: 6,
        invitation_response_days: 5,
        created_at: Date.UTC(2025, 0, 15),
        published_at: Date.UTC(2025, 0, 15),
      });
      // ...with the old level texts in both languages, a checklist for each level...
      const texts = (await client.execute("SELECT level, locale, name, description FROM guide_level_texts WHERE version_id = 'guide-v1' ORDER BY level, locale")).rows.map((r) => Array.from(r));
      expect(texts).toEqual(oldLevels.flatMap(([level, nameNb, nameEn, descNb, descEn]) => [[level, "en", nameEn, descEn], [level, "nb", nameNb, descNb]]));
      expect(texts[1]).toEqual([0, "nb", "Nivå null (gammel)", expect.any(String)]);
      const steps = (await client.execute("SELECT level, count(*) FROM guide_steps WHERE version_id = 'guide-v1' GROUP BY level ORDER BY level")).rows.map((r) => Array.from(r));
      expect(steps).toEqual([[0, 3], [1, 3], [2, 3], [3, 3]]);
      // ...and every existing log under it.
      const unversioned = (await client.execute("SELECT count(*) FROM logs WHERE guide_version_id IS NOT 'guide-v1'")).rows[0]![0];
      expect(Number(unversioned)).toBe(0);
      // 0011: the unversioned tables are gone.
      const dropped = (await client.execute("SELECT name FROM sqlite_master WHERE name IN ('bti_levels', 'guide_settings')")).rows;
      expect(dropped).toEqual([]);

      // Old rows are untouched in their old columns.
      const event = (await client.execute("SELECT log_id, seq, data FROM log_events WHERE id = 'e-log-7-1-3'")).rows[0]!;
      expect(Array.from(event)).toEqual(["log-7-1", 4, JSON.stringify({ text: "Notat 3" })]);

      expect((await client.execute("PRAGMA foreign_key_check")).rows).toEqual([]);
      expect(String((await client.execute("PRAGMA integrity_check")).rows[0]![0])).toBe("ok");
    } finally {
      client.close();
    }

    // A second start changes nothing (the migrations are recorded).
    expect(await boot(settingsOrExit({ ...process.env, DATABASE_URL: path }))).toEqual({ kind: "ready" });
  });
});
