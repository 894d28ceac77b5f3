import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Cell, SMALL, type SuppressedTable, cellDisplay, suppressList, suppressTable } from "../../app/lib/suppression";

/**
 * Issue 12 point 2: no cell below 5 is shown, and no hidden cell can be recovered from the
 * shown values and the totals. The checker here is independent of the algorithm: a table
 * with its margins is a circulation (source → row i carries row total i, row i → column j
 * the cell, column j → sink the column total, sink → source the grand total), so "is there
 * an integer table consistent with what is shown in which this cell is ≠ its true value?"
 * is a feasibility question for a flow with lower and upper bounds, answered exactly (and
 * integrally) by max-flow.
 */

const BIG = 1_000_000;

/** Edmonds–Karp max-flow on a small dense graph. */
function maxFlow(cap: number[][], s: number, t: number): number {
  const n = cap.length;
  const res = cap.map((row) => [...row]);
  let flow = 0;
  for (;;) {
    const prev = new Array<number>(n).fill(-1);
    prev[s] = s;
    const queue = [s];
    while (queue.length && prev[t] === -1) {
      const u = queue.shift()!;
      for (let v = 0; v < n; v++) if (prev[v] === -1 && res[u]![v]! > 0) { prev[v] = u; queue.push(v); }
    }
    if (prev[t] === -1) return flow;
    let f = Infinity;
    for (let v = t; v !== s; v = prev[v]!) f = Math.min(f, res[prev[v]!]![v]!);
    for (let v = t; v !== s; v = prev[v]!) { res[prev[v]!]![v]! -= f; res[v]![prev[v]!]! += f; }
    flow += f;
  }
}

type Bounds = [number, number];

/** Is there a circulation with every edge's flow within its bounds? (bounds[i][j] on the extended grid) */
function feasible(bounds: Bounds[][], R: number, C: number): boolean {
  // Nodes: source 0, rows 1..R, cols R+1..R+C, sink R+C+1; super source/sink after that.
  const src = 0, sink = R + C + 1, S = R + C + 2, T = R + C + 3, n = R + C + 4;
  const cap = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const excess = new Array<number>(n).fill(0);
  const edge = (u: number, v: number, [lo, hi]: Bounds) => {
    if (lo > hi) return false;
    cap[u]![v]! += hi - lo;
    excess[v]! += lo;
    excess[u]! -= lo;
    return true;
  };
  let ok = true;
  for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) ok &&= edge(1 + i, R + 1 + j, bounds[i]![j]!);
  for (let i = 0; i < R; i++) ok &&= edge(src, 1 + i, bounds[i]![C]!);
  for (let j = 0; j < C; j++) ok &&= edge(R + 1 + j, sink, bounds[R]![j]!);
  ok &&= edge(sink, src, bounds[R]![C]!);
  if (!ok) return false;
  let need = 0;
  for (let v = 0; v < S; v++) {
    if (excess[v]! > 0) { cap[S]![v]! += excess[v]!; need += excess[v]!; }
    else if (excess[v]! < 0) cap[v]![T]! += -excess[v]!;
  }
  return maxFlow(cap, S, T) === need;
}

const extended = (t: SuppressedTable): Cell[][] => [
  ...t.cells.map((row, i) => [...row, t.rowTotals[i]!]),
  [...t.colTotals, t.total],
];

function trueGrid(counts: number[][]): number[][] {
  const R = counts.length, C = counts[0]!.length;
  const g = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const last = Array.from({ length: C + 1 }, (_, j) => g.reduce((a, row) => a + row[j]!, 0));
  return [...g, last].slice(0, R + 1);
}

/** The attacker's bounds: shown exact, small [0, 4], secondary [5, ∞). */
const attackerBounds = (cells: Cell[][]): Bounds[][] =>
  cells.map((row) => row.map((c): Bounds => (c.shown ? [c.value, c.value] : c.reason === "small" ? [0, SMALL - 1] : [SMALL, BIG])));

/** The hidden cells of the extended grid the attacker can pin, as [i, j, value]. */
function pinned(counts: number[][], t: SuppressedTable): [number, number, number][] {
  const R = counts.length, C = counts[0]!.length;
  const grid = trueGrid(counts);
  const cells = extended(t);
  const bounds = attackerBounds(cells);
  const out: [number, number, number][] = [];
  for (let i = 0; i <= R; i++) {
    for (let j = 0; j <= C; j++) {
      if (cells[i]![j]!.shown) continue;
      const v = grid[i]![j]!;
      const [lo, hi] = bounds[i]![j]!;
      const below = bounds.map((row) => [...row]);
      below[i]![j] = [lo, v - 1];
      const above = bounds.map((row) => [...row]);
      above[i]![j] = [v + 1, hi];
      if (!feasible(below, R, C) && !feasible(above, R, C)) out.push([i, j, v]);
    }
  }
  return out;
}

function checkTable(counts: number[][], t: SuppressedTable) {
  const grid = trueGrid(counts);
  const cells = extended(t);
  // The true table is consistent with what is shown (the checker's sanity).
  expect(feasible(attackerBounds(cells), counts.length, counts[0]!.length)).toBe(true);
  cells.forEach((row, i) =>
    row.forEach((c, j) => {
      const v = grid[i]![j]!;
      if (v < SMALL) expect(c).toEqual({ shown: false, reason: "small" }); // (a)
      if (c.shown) expect(c.value).toBe(v); // (b)
      if (!c.shown && c.reason === "secondary") expect(v).toBeGreaterThanOrEqual(SMALL);
    }),
  );
  expect(pinned(counts, t)).toEqual([]); // (c)
}

const keys = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
const suppress = (counts: number[][]) => suppressTable(keys(counts.length, "r"), keys(counts[0]!.length, "c"), counts);

// Skewed counts: mostly 0–6, some larger.
const count = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 3, arbitrary: fc.integer({ min: 7, max: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 31, max: 500 }) },
);
const table = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }))
  .chain(([r, c]) => fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

describe("the independent checker", () => {
  it("pins what a naive 'two hidden per line' rule leaves open", () => {
    // Row 0 = 2, 3 (total 5), row 1 = 10, 10. Hiding only the two small cells leaves two
    // hidden in row 0, yet each is alone in its column: the column totals 12 and 13 pin both.
    const naive: Cell[][] = [
      [{ shown: false, reason: "small" }, { shown: false, reason: "small" }, { shown: true, value: 5 }],
      [{ shown: true, value: 10 }, { shown: true, value: 10 }, { shown: true, value: 20 }],
      [{ shown: true, value: 12 }, { shown: true, value: 13 }, { shown: true, value: 25 }],
    ];
    const t: SuppressedTable = { rows: ["a", "b"], cols: ["x", "y"], cells: naive.slice(0, 2).map((r) => r.slice(0, 2)), rowTotals: naive.slice(0, 2).map((r) => r[2]!), colTotals: naive[2]!.slice(0, 2), total: naive[2]![2]! };
    expect(pinned([[2, 3], [10, 10]], t)).toHaveLength(2);
  });
});

/** Brute force over the interior cells (margins follow), each in 0..cap: which hidden cells take one value only? */
function pinnedByEnumeration(counts: number[][], t: SuppressedTable, cap: number): [number, number][] {
  const R = counts.length, C = counts[0]!.length;
  const cells = extended(t);
  const bounds = attackerBounds(cells);
  const seen = cells.map((row) => row.map(() => new Set<number>()));
  const x = counts.map((row) => row.map(() => 0));
  const visit = (k: number) => {
    if (k === R * C) {
      const g = trueGrid(x);
      if (g.every((row, i) => row.every((v, j) => v >= bounds[i]![j]![0] && v <= bounds[i]![j]![1]))) {
        g.forEach((row, i) => row.forEach((v, j) => seen[i]![j]!.add(v)));
      }
      return;
    }
    for (let v = 0; v <= cap; v++) { x[Math.floor(k / C)]![k % C] = v; visit(k + 1); }
  };
  visit(0);
  const out: [number, number][] = [];
  cells.forEach((row, i) => row.forEach((c, j) => { if (!c.shown && seen[i]![j]!.size === 1) out.push([i, j]); }));
  return out;
}

describe("the checker agrees with brute force on tiny tables", () => {
  it("with and without secondary suppression applied", () => {
    const tiny = fc
      .tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 }))
      .chain(([r, c]) => fc.array(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));
    fc.assert(
      fc.property(tiny, (counts) => {
        const t = suppress(counts);
        // Primary only: hide exactly the cells below 5.
        const grid = trueGrid(counts);
        const primary = grid.map((row) => row.map((v): Cell => (v < SMALL ? { shown: false, reason: "small" } : { shown: true, value: v })));
        const p: SuppressedTable = { ...t, cells: primary.slice(0, -1).map((r) => r.slice(0, -1)), rowTotals: primary.slice(0, -1).map((r) => r[r.length - 1]!), colTotals: primary[primary.length - 1]!.slice(0, -1), total: primary[primary.length - 1]![counts[0]!.length]! };
        for (const table of [t, p]) {
          expect(pinned(counts, table).map(([i, j]) => [i, j])).toEqual(pinnedByEnumeration(counts, table, 12));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("suppressTable", () => {
  it("hides every cell and margin below 5, zeros included, and shows the rest as they are when safe", () => {
    const t = suppress([[0, 12], [7, 30]]);
    expect(t.cells[0]![0]).toEqual({ shown: false, reason: "small" });
    expect(t.total).toEqual({ shown: true, value: 49 });
    checkTable([[0, 12], [7, 30]], t);
  });

  it("a row total 5 with one small and one secondary hidden cell is pinned, and the algorithm does not publish that", () => {
    // Row 0 = 0 and 5, total 5 shown. Hiding the 0 (small, in [0,4]) and the 5 (secondary, ≥ 5)
    // in that row alone passes "two hidden per line", yet 5 = small + secondary pins both.
    const counts = [[0, 5], [9, 8], [6, 7]];
    const h = (reason: "small" | "secondary"): Cell => ({ shown: false, reason });
    const v = (value: number): Cell => ({ shown: true, value });
    const naive: SuppressedTable = {
      rows: ["a", "b", "c"],
      cols: ["x", "y"],
      cells: [[h("small"), h("secondary")], [h("secondary"), h("secondary")], [v(6), v(7)]],
      rowTotals: [v(5), v(17), v(13)],
      colTotals: [v(15), v(20)],
      total: v(35),
    };
    // Row 1 then also has two hidden, each column too; still the row-0 cells are pinned.
    expect(pinned(counts, naive).map(([i, j]) => [i, j])).toEqual(expect.arrayContaining([[0, 0], [0, 1]]));
    const t = suppress(counts);
    expect(t.cells[0]![0]).toEqual({ shown: false, reason: "small" });
    checkTable(counts, t);
  });

  it("the naive rule's table: more than the two small cells are hidden", () => {
    const counts = [[2, 3], [10, 10]];
    const t = suppress(counts);
    checkTable(counts, t);
    const hidden = extended(t).flat().filter((c) => !c.shown).length;
    expect(hidden).toBeGreaterThan(2);
  });

  it("is deterministic and keeps the keys", () => {
    const counts = [[1, 9, 14], [6, 0, 22], [8, 7, 5]];
    const a = suppressTable(["x", "y", "z"], ["p", "q", "r"], counts);
    expect(suppressTable(["x", "y", "z"], ["p", "q", "r"], counts)).toEqual(a);
    expect(a.rows).toEqual(["x", "y", "z"]);
    expect(a.cols).toEqual(["p", "q", "r"]);
  });

  it("rejects bad input", () => {
    expect(() => suppressTable([], [], [])).toThrow(RangeError);
    expect(() => suppressTable(["a"], ["b"], [[-1]])).toThrow(RangeError);
    expect(() => suppressTable(["a"], ["b"], [[1.5]])).toThrow(RangeError);
    expect(() => suppressTable(["a"], ["b", "c"], [[1]])).toThrow(RangeError);
  });

  it("for random tables: nothing below 5 shown, shown cells true, no hidden cell pinned", () => {
    fc.assert(
      fc.property(table, (counts) => {
        checkTable(counts, suppress(counts));
      }),
      { numRuns: 400 },
    );
  });

  it("runs well under 10 ms for a 13 × 14 table", () => {
    const counts = Array.from({ length: 13 }, (_, i) => Array.from({ length: 14 }, (_, j) => ((i * 7 + j * 3) % 9 === 0 ? 40 : (i + j) % 7)));
    suppress(counts);
    const start = performance.now();
    const t = suppress(counts);
    const ms = performance.now() - start;
    console.log(`13 × 14 suppression: ${ms.toFixed(2)} ms`);
    expect(extended(t).flat().some((c) => !c.shown)).toBe(true);
    checkTable(counts, t);
  });
});

describe("suppressList", () => {
  it("a single small row forces another row (not the total) to be hidden", () => {
    const t = suppressList(["0", "1", "2", "3"], [3, 20, 12, 40]);
    expect(t.cells.map((r) => r[0])).toEqual([
      { shown: false, reason: "small" },
      { shown: true, value: 20 },
      { shown: false, reason: "secondary" },
      { shown: true, value: 40 },
    ]);
    expect(t.total).toEqual({ shown: true, value: 75 });
    checkTable([[3], [20], [12], [40]], t);
  });

  it("nothing hidden when nothing is small", () => {
    const t = suppressList(["a", "b"], [5, 6]);
    expect(t.cells.flat().every((c) => c.shown)).toBe(true);
    expect(t.total).toEqual({ shown: true, value: 11 });
  });
});

describe("cellDisplay", () => {
  it("says small, secondary or the value", () => {
    expect(cellDisplay({ shown: true, value: 7 })).toEqual({ kind: "value", value: 7 });
    expect(cellDisplay({ shown: false, reason: "small" })).toEqual({ kind: "small" });
    expect(cellDisplay({ shown: false, reason: "secondary" })).toEqual({ kind: "secondary" });
  });
});
