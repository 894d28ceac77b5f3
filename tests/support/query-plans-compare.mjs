// Compare the plans the query-plan test saw (small seed, Oslo statistics) with the plans of
// a real database for the same statements:
//   QUERY_PLANS_DUMP=/tmp/plans.jsonl npx vitest run --config tests/vitest.config.ts --project integration tests/integration/query-plans.test.ts
//   node tests/support/query-plans-compare.mjs /tmp/plans.jsonl /tmp/large.db
// Prints every statement whose plan differs, and a count. Only EXPLAINs: it changes nothing in the database.
import { readFileSync } from "node:fs";
import { createClient } from "@libsql/client";

const [dump, path] = process.argv.slice(2);
if (!dump || !path) throw new Error("usage: node tests/support/query-plans-compare.mjs <dump.jsonl> <database file>");
const client = createClient({ url: `file:${path}` });
const format = (rows) => {
  const depth = new Map([[0, 0]]);
  return rows
    .map((r) => {
      const d = (depth.get(Number(r.parent)) ?? 0) + 1;
      depth.set(Number(r.id), d);
      return `${"  ".repeat(d)}${r.detail}`;
    })
    .join("\n");
};
const seen = new Set();
let same = 0;
let differ = 0;
for (const line of readFileSync(dump, "utf8").split("\n").filter(Boolean)) {
  const { page, sql, params, plan } = JSON.parse(line);
  if (seen.has(sql)) continue;
  seen.add(sql);
  const args = params.map((p) => (p && p.type === "Buffer" ? Buffer.from(p.data) : p));
  const { rows } = await client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args });
  const real = format(rows);
  if (real === plan) same++;
  else {
    differ++;
    console.log(`${page}\n  SQL: ${sql}\n  test plan:\n${plan}\n  real plan:\n${real}\n`);
  }
}
console.log(`${same} statements with the same plan, ${differ} different`);
client.close();
