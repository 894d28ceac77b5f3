import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, database } from "../../db/client.server";
import { seedDemo } from "../../db/seed/demo";
import { hashPassword } from "../../app/domain/auth/password.server";
import { createId } from "../../app/lib/ids";
import { backupDatabase, checkDatabaseFile, databaseInUse, OpsError, restoreDatabase } from "../../app/ops/backup.server";
import { removeDatabaseFile } from "../support/database-file";

/**
 * `npm run db:backup` / `db:restore` (app/ops/backup.server.ts, decision 029): a backup
 * taken while another process writes is a consistent prefix of the live database, and a
 * restore brings back exactly the backup.
 */
const tmpDir = resolve(process.cwd(), "tests/.tmp");
const made: string[] = [];
const tmpPath = (label: string) => {
  const path = resolve(tmpDir, `${label}-${createId()}.db`);
  made.push(path);
  return path;
};

afterEach(() => {
  for (const path of made.splice(0)) removeDatabaseFile(path);
});

async function withClient<T>(path: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = createClient({ url: `file:${path}` });
  try {
    return await fn(client);
  } finally {
    client.close();
  }
}

/** Every table's rows as text lines keyed by primary key (quote() keeps types and blobs exact). */
async function dump(path: string): Promise<Map<string, Map<string, string>>> {
  return withClient(path, async (client) => {
    const tables = (await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")).rows.map(
      (row) => String(row[0]),
    );
    const result = new Map<string, Map<string, string>>();
    for (const table of tables) {
      const columns = (await client.execute(`PRAGMA table_info("${table}")`)).rows.map((row) => ({ name: String(row[1]), pk: Number(row[5]) }));
      const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
      const key = pk.length > 0 ? pk.map((c) => `quote("${c.name}")`).join(" || '|' || ") : "rowid";
      const order = pk.length > 0 ? pk.map((c) => `"${c.name}"`).join(", ") : "rowid";
      const line = columns.map((c) => `quote("${c.name}")`).join(" || '|' || ");
      const rows = (await client.execute(`SELECT ${key} AS k, ${line} AS line FROM "${table}" ORDER BY ${order}`)).rows;
      result.set(table, new Map(rows.map((row) => [String(row[0]), String(row[1])])));
    }
    return result;
  });
}

function digest(tables: Map<string, Map<string, string>>): string {
  const hash = createHash("sha256");
  for (const [table, rows] of tables) {
    hash.update(`#${table}\n`);
    for (const [key, line] of rows) hash.update(`${key}\t${line}\n`);
  }
  return hash.digest("hex");
}

const fileDigest = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/**
 * A writer in another process: five timeline events per transaction (so a backup that
 * split a transaction would show a count that is not a multiple of five), as fast as
 * SQLite lets it, until its stdin closes. It prints the number of transactions committed.
 */
const BATCH = 5;
function startWriter(path: string, logId: string, authorId: string): { child: ChildProcess; committed: () => number; stop: () => Promise<number> } {
  const code = `
    import { createClient } from "@libsql/client";
    const client = createClient({ url: ${JSON.stringify(`file:${path}`)} });
    await client.execute("PRAGMA busy_timeout = 5000");
    let stop = false, n = 0;
    process.stdin.on("end", () => (stop = true));
    process.stdin.resume();
    while (!stop) {
      const tx = await client.transaction("write");
      for (let i = 0; i < ${BATCH}; i++) {
        await tx.execute({
          sql: "INSERT INTO log_events (id, log_id, seq, type, author_id, occurred_on, recorded_at, data) VALUES (?, ?, ?, 'note', ?, '2026-12-03', ?, ?)",
          args: ["load-" + n + "-" + i, ${JSON.stringify(logId)}, 100000 + n * ${BATCH} + i, ${JSON.stringify(authorId)}, Date.now(), JSON.stringify({ text: "Belastning " + n })],
        });
      }
      await tx.commit();
      n++;
      process.stdout.write(n + "\\n");
      await new Promise((r) => setImmediate(r));
    }
    client.close();
    process.exit(0);`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], { cwd: process.cwd(), stdio: ["pipe", "pipe", "inherit"] });
  let committed = 0;
  child.stdout!.on("data", (chunk: Buffer) => {
    const last = chunk.toString().trim().split("\n").pop();
    if (last) committed = Number(last);
  });
  const exited = new Promise<number | null>((done) => child.once("exit", done));
  return {
    child,
    committed: () => committed,
    stop: async () => {
      child.stdin!.end();
      expect(await exited).toBe(0);
      return committed;
    },
  };
}

async function until(condition: () => boolean, timeoutMs = 10_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
}

let source: string;

beforeEach(async () => {
  // The demo municipality (invented people) on this test's fresh copy of the template.
  const handle = await database();
  await seedDemo(handle, hashPassword);
  handle.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  await closeDatabase();
  source = process.env.DATABASE_URL!;
}, 60_000);

describe("db:backup and db:restore", () => {
  it("takes a consistent prefix while another process writes, and restores it exactly", async () => {
    const before = await dump(source);
    const [logId, authorId] = await withClient(source, async (client) => {
      const row = (await client.execute("SELECT log_id, author_id FROM log_events LIMIT 1")).rows[0]!;
      return [String(row[0]), String(row[1])];
    });

    const writer = startWriter(source, logId, authorId);
    await until(() => writer.committed() >= 20);
    const backupPath = tmpPath("backup");
    const report = await backupDatabase(source, backupPath);
    const atBackup = writer.committed();
    // The load goes on after the copy is taken.
    await until(() => writer.committed() >= atBackup + 20);
    const total = await writer.stop();
    const after = await dump(source);

    expect(report).toMatchObject({ path: backupPath, integrity: "ok", foreignKeyProblems: 0 });
    expect(report.bytes).toBe(statSync(backupPath).size);
    const check = await checkDatabaseFile(backupPath);
    expect(check.integrity).toBe("ok");
    expect(check.foreignKeyProblems).toBe(0);

    const backup = await dump(backupPath);
    expect([...backup.keys()]).toEqual([...after.keys()]);
    for (const [table, rows] of backup) {
      // Between the counts before and after the load...
      expect(rows.size, table).toBeGreaterThanOrEqual(before.get(table)!.size);
      expect(rows.size, table).toBeLessThanOrEqual(after.get(table)!.size);
      // ...and every row exactly as it is in the source.
      const sourceRows = after.get(table)!;
      for (const [key, line] of rows) expect(sourceRows.get(key), `${table} ${key}`).toBe(line);
    }
    // The copy was taken in the middle of the load, on a transaction boundary.
    const loadRowsInBackup = backup.get("log_events")!.size - before.get("log_events")!.size;
    expect(loadRowsInBackup % BATCH).toBe(0);
    expect(loadRowsInBackup).toBeGreaterThanOrEqual(20 * BATCH);
    expect(loadRowsInBackup).toBeLessThan(total * BATCH);
    expect(after.get("log_events")!.size - before.get("log_events")!.size).toBe(total * BATCH);

    // Restore into a new place: the very bytes of the backup, and the same rows.
    const restoredPath = tmpPath("restored");
    const restored = await restoreDatabase(backupPath, restoredPath);
    expect(restored).toMatchObject({ target: restoredPath, previous: null, removed: [] });
    expect(fileDigest(restoredPath)).toBe(fileDigest(backupPath));
    expect(digest(await dump(restoredPath))).toBe(digest(backup));
    expect((await checkDatabaseFile(restoredPath)).integrity).toBe("ok");
  });

  it("restores over a database, keeping the one it replaced and removing its stale WAL", async () => {
    const backupPath = tmpPath("backup");
    await backupDatabase(source, backupPath);
    const target = tmpPath("target");
    copyFileSync(source, target);
    // A process that wrote after the backup and died leaves its frames in the target's WAL.
    const wrote = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { createClient } from "@libsql/client";
         const client = createClient({ url: ${JSON.stringify(`file:${target}`)} });
         await client.execute("PRAGMA journal_mode = WAL");
         await client.execute("PRAGMA wal_autocheckpoint = 0");
         await client.execute("INSERT INTO jobs (name) VALUES ('after-backup')");
         process.exit(0);`,
      ],
      { cwd: process.cwd(), stdio: "inherit" },
    );
    expect(wrote.status).toBe(0);
    expect(statSync(`${target}-wal`).size).toBeGreaterThan(0);
    const now = new Date("2026-12-03T10:00:00Z");
    const report = await restoreDatabase(backupPath, target, now);
    made.push(`${target}.before-restore-20261203T100000Z`);
    expect(report.previous).toBe(`${target}.before-restore-20261203T100000Z`);
    // The in-use probe folded the WAL into the replaced file (kept), then the WAL went.
    expect(report.removed).toContain(`${basename(target)}-wal`);
    expect(existsSync(`${target}-wal`)).toBe(false);
    const kept = await withClient(report.previous!, async (client) => (await client.execute("SELECT count(*) FROM jobs WHERE name = 'after-backup'")).rows[0]![0]);
    expect(Number(kept)).toBe(1);
    expect(statSync(report.previous!).size).toBeGreaterThan(0);
    expect(digest(await dump(target))).toBe(digest(await dump(backupPath)));
    const jobs = await withClient(target, async (client) => (await client.execute("SELECT count(*) FROM jobs WHERE name = 'after-backup'")).rows[0]![0]);
    expect(Number(jobs)).toBe(0);
  });

  it("refuses to overwrite a backup, to restore over a database in use, and a backup from newer code", async () => {
    const backupPath = tmpPath("backup");
    await backupDatabase(source, backupPath);
    await expect(backupDatabase(source, backupPath)).rejects.toThrow(/Refusing to overwrite/);

    // An open connection (as the server keeps) makes the database "in use".
    const holder = createClient({ url: `file:${source}` });
    await holder.execute("SELECT count(*) FROM users");
    try {
      expect(databaseInUse(source)).toBe(true);
      await expect(restoreDatabase(backupPath, source)).rejects.toThrow(/in use/);
    } finally {
      holder.close();
    }

    const newer = tmpPath("newer");
    copyFileSync(backupPath, newer);
    await withClient(newer, (client) =>
      client.execute({ sql: "INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)", args: ["f".repeat(64), Date.now() + 86_400_000] }),
    );
    const target = tmpPath("target");
    await expect(restoreDatabase(newer, target)).rejects.toThrow(OpsError);
    await expect(restoreDatabase(newer, target)).rejects.toThrow(/newer code/);
  });
});
