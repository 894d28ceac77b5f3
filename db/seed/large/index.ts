/**
 * `npm run seed:large -- [--db data/large.db] [--force] [--scale 1] [--seed N] [--logs N]
 * [--events N] [--access N] [--today YYYY-MM-DD]`: a fresh database at Oslo scale for
 * measuring (db/seed/large/README.md).
 */
import { parseArgs } from "node:util";
import { hashPassword } from "../../../app/domain/auth/password.server";
import { DEFAULT_SEED, seedLarge } from "./seed";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "data/large.db" },
    force: { type: "boolean", default: false },
    scale: { type: "string", default: "1" },
    seed: { type: "string", default: String(DEFAULT_SEED) },
    logs: { type: "string" },
    events: { type: "string" },
    access: { type: "string" },
    today: { type: "string" },
  },
});

const num = (v: string | undefined, name: string) => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name}: not a number: ${v}`);
  return n;
};

try {
  const result = await seedLarge({
    db: values.db,
    force: values.force,
    scale: num(values.scale, "scale"),
    seed: num(values.seed, "seed"),
    logs: num(values.logs, "logs"),
    events: num(values.events, "events"),
    access: num(values.access, "access"),
    today: values.today,
    hashPassword,
  });
  console.log("[seed:large] rows:");
  for (const [table, n] of Object.entries(result.counts)) console.log(`  ${table.padEnd(18)} ${n.toLocaleString("en")}`);
  console.log("[seed:large] accounts:");
  for (const a of result.accounts) console.log(`  ${a.email.padEnd(34)} ${a.role.padEnd(13)} ${a.password ?? "(one-time code)"}  ${a.note}`);
  console.log(`[seed:large] a log with 300+ events (bench teacher): ${result.bigLogId}`);
  console.log(`[seed:large] the bench guardian's log: ${result.guardianLogId}`);
  console.log(`[seed:large] ${result.db} (details in ${result.db}.json) in ${result.seconds} s`);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
