// Print the sqlite_stat1 rows of a database in the form of OSLO_STAT1 in
// tests/support/oslo-statistics.ts: `node tests/support/oslo-statistics-dump.mjs /tmp/large.db`
// (after `npm run seed:large -- --db /tmp/large.db --force`, which runs ANALYZE at the end).
import { createClient } from "@libsql/client";

const path = process.argv[2];
if (!path) throw new Error("usage: node tests/support/oslo-statistics-dump.mjs <database file>");
const client = createClient({ url: `file:${path}` });
const { rows } = await client.execute(
  "SELECT tbl, idx, stat FROM sqlite_stat1 WHERE tbl NOT LIKE '\\_\\_%' ESCAPE '\\' ORDER BY tbl, idx",
);
// Indexes of analysed tables that ANALYZE wrote no row for (an empty partial index): listed
// with a null statistic, so the test knows them.
const analysed = new Set(rows.map((r) => r.tbl));
const known = new Set(rows.map((r) => r.idx));
const indexes = await client.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' ORDER BY tbl_name, name");
const empty = indexes.rows.filter((r) => analysed.has(r.tbl_name) && !known.has(r.name)).map((r) => ({ tbl: r.tbl_name, idx: r.name, stat: null }));
const all = [...rows, ...empty].sort((a, b) => `${a.tbl} ${a.idx}`.localeCompare(`${b.tbl} ${b.idx}`));
for (const r of all) console.log(`  [${JSON.stringify(r.tbl)}, ${JSON.stringify(r.idx)}, ${JSON.stringify(r.stat)}],`);
client.close();
