#!/usr/bin/env node
/**
 * JavaScript per page (issue 13: at most 100 kB gzipped on every page).
 *
 * Reads the browser build that `npx remix build` wrote to public/build: the assets manifest
 * (manifest-*.js, `window.__remixManifest = {...}`) names the entry module and, for every
 * route, its module, its parent route and the chunks it imports. A page loads the entry, the
 * route modules from root down to the page (root + layouts + page) and every module they
 * import, transitively (the script follows the `import … from "/build/…"` statements in the
 * files themselves, so chunks imported by chunks are counted too). Dynamic `import()`s are
 * alternatives (entry.client loads the page's language only): the largest one counts. Each file is counted once
 * per page and gzipped at zlib's default level, which is what the `compression` middleware
 * in app/server.ts sends.
 *
 *   node tests/bench/js-size.mjs                  table of every route, largest first
 *   node tests/bench/js-size.mjs --json           the same as JSON
 *   node tests/bench/js-size.mjs --contents ID    what the page's JavaScript is made of
 *
 * `--contents` needs source maps: build with `npx remix build --sourcemap` first (and build
 * again without it afterwards: the maps must not ship). It attributes each file's bytes to
 * the sources named in its map (by mapping segments) and scales them to the file's gzipped
 * size — an estimate, good enough to see which package dominates.
 *
 * Also used by tests/e2e/js-budget.test.ts (exports `pageSizes`).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

export const BUDGET_BYTES = 100 * 1000;

function readManifest(buildDir) {
  const name = readdirSync(buildDir).find((f) => /^manifest-[A-Z0-9]+\.js$/.test(f));
  if (!name) throw new Error(`No manifest-*.js in ${buildDir}: run \`npx remix build\` first.`);
  const text = readFileSync(resolve(buildDir, name), "utf8");
  const json = text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1);
  return JSON.parse(json);
}

/** Resolves "/build/x.js" to a file in public/build. */
function fileOf(publicDir, url) {
  return resolve(publicDir, "." + url);
}

const IMPORT_RE = /(?:import|export)\s*(?:[^"';()]*?from\s*)?["'](\/build\/[^"']+\.js)["']/g;
const DYNAMIC_RE = /import\(\s*["'](\/build\/[^"']+\.js)["']\s*\)/g;

export function pageSizes({ root = process.cwd() } = {}) {
  const publicDir = resolve(root, "public");
  const buildDir = resolve(publicDir, "build");
  const manifest = readManifest(buildDir);
  const sizeCache = new Map();
  const importCache = new Map();

  function info(url) {
    let entry = sizeCache.get(url);
    if (!entry) {
      const buffer = readFileSync(fileOf(publicDir, url));
      entry = { raw: buffer.length, gzip: gzipSync(buffer).length };
      sizeCache.set(url, entry);
    }
    return entry;
  }
  function importsOf(url) {
    let list = importCache.get(url);
    if (!list) {
      const text = readFileSync(fileOf(publicDir, url), "utf8");
      list = [...text.matchAll(IMPORT_RE)].map((m) => m[1]);
      importCache.set(url, list);
    }
    return list;
  }
  function dynamicOf(url) {
    const text = readFileSync(fileOf(publicDir, url), "utf8");
    return [...text.matchAll(DYNAMIC_RE)].map((m) => m[1]);
  }
  function closure(starts) {
    const seen = new Set();
    const stack = [...starts];
    while (stack.length) {
      const url = stack.pop();
      if (seen.has(url)) continue;
      seen.add(url);
      stack.push(...importsOf(url));
    }
    return seen;
  }

  const routes = manifest.routes;
  const rows = [];
  for (const id of Object.keys(routes)) {
    const chain = [];
    for (let r = routes[id]; r; r = r.parentId ? routes[r.parentId] : undefined) chain.unshift(r);
    const starts = [manifest.entry.module, ...manifest.entry.imports];
    for (const r of chain) starts.push(r.module, ...(r.imports ?? []));
    const base = closure(starts);
    // Dynamic imports are alternatives (the entry loads one language's dictionary): count
    // the largest one, with what it imports, per page.
    let extra = [];
    let extraSize = -1;
    for (const url of base) {
      for (const target of dynamicOf(url)) {
        const more = [...closure([target])].filter((f) => !base.has(f));
        const size = more.reduce((sum, f) => sum + info(f).gzip, 0);
        if (size > extraSize) {
          extra = more;
          extraSize = size;
        }
      }
    }
    const files = [...base, ...extra];
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      const s = info(f);
      raw += s.raw;
      gzip += s.gzip;
    }
    rows.push({ id, chain: chain.map((r) => r.id), files, raw, gzip });
  }
  rows.sort((a, b) => b.gzip - a.gzip || a.id.localeCompare(b.id));
  return { rows, info, publicDir };
}

// ---- source-map attribution (for --contents) -------------------------------------------

const B64 = new Map([..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"].map((c, i) => [c, i]));

function decodeVlq(segment) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.get(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Bytes of generated code per source (by mapping segment), for one file with a .map. */
function attribute(file) {
  const mapFile = file + ".map";
  if (!existsSync(mapFile)) return null;
  const map = JSON.parse(readFileSync(mapFile, "utf8"));
  const lines = readFileSync(file, "utf8").split("\n");
  const bytes = new Map();
  let source = 0;
  const mappingLines = map.mappings.split(";");
  for (let l = 0; l < mappingLines.length && l < lines.length; l++) {
    const line = lines[l];
    let col = 0;
    let prevCol = 0;
    let prevSource = -1;
    for (const seg of mappingLines[l].split(",")) {
      if (!seg) continue;
      const v = decodeVlq(seg);
      col += v[0];
      if (prevSource >= 0) {
        const name = map.sources[prevSource];
        bytes.set(name, (bytes.get(name) ?? 0) + (col - prevCol));
      }
      if (v.length >= 4) source += v[1];
      prevSource = v.length >= 4 ? source : -1;
      prevCol = col;
    }
    if (prevSource >= 0) {
      const name = map.sources[prevSource];
      bytes.set(name, (bytes.get(name) ?? 0) + (line.length - prevCol));
    }
  }
  return bytes;
}

/** Groups a source path into a package name (node_modules/…) or an app folder. */
function groupOf(source) {
  const nm = source.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = source.slice(nm + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const app = source.indexOf("app/");
  return app >= 0 ? source.slice(app) : source;
}

function contents(result, id) {
  const row = result.rows.find((r) => r.id === id);
  if (!row) throw new Error(`No route ${id}. Known: ${result.rows.map((r) => r.id).join(", ")}`);
  const groups = new Map();
  let missing = 0;
  for (const url of row.files) {
    const file = fileOf(result.publicDir, url);
    const size = result.info(url);
    const bytes = attribute(file);
    if (!bytes) {
      missing++;
      groups.set(url, (groups.get(url) ?? 0) + size.gzip);
      continue;
    }
    const total = [...bytes.values()].reduce((a, b) => a + b, 0) || 1;
    for (const [source, n] of bytes) {
      const g = groupOf(source);
      groups.set(g, (groups.get(g) ?? 0) + (n / total) * size.gzip);
    }
  }
  if (missing) console.log(`(${missing} files without a .map: build with \`npx remix build --sourcemap\`)`);
  console.log(`${id}: ${kB(row.gzip)} gzipped in ${row.files.length} files; estimated share by source:`);
  for (const [g, n] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`${kB(n).padStart(10)}  ${g}`);
  }
}

function kB(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const result = pageSizes();
  if (args[0] === "--json") {
    console.log(JSON.stringify(result.rows.map(({ id, raw, gzip, files }) => ({ id, raw, gzip, files: files.length })), null, 2));
  } else if (args[0] === "--contents") {
    contents(result, args[1] ?? "routes/login");
  } else {
    console.log(`${"gzip".padStart(10)} ${"raw".padStart(10)} files  route (budget ${kB(BUDGET_BYTES)} gzipped)`);
    for (const r of result.rows) {
      const flag = r.gzip > BUDGET_BYTES ? "  OVER" : "";
      console.log(`${kB(r.gzip).padStart(10)} ${kB(r.raw).padStart(10)} ${String(r.files.length).padStart(5)}  ${r.id}${flag}`);
    }
  }
}
