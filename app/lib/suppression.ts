/**
 * Statistical disclosure control for the BTI coordinator's figures (issue 12 point 2,
 * docs/decisions/026-small-number-suppression.md).
 *
 * A table of counts with its margins is treated as an extended (R+1) × (C+1) grid: the row
 * totals are column C, the column totals row R, the grand total the corner. Every line of
 * that grid is an additivity constraint (a row's cells sum to its total; the column totals,
 * and the row totals, sum to the grand total).
 *
 * 1. Primary: every cell of the grid below SMALL — zero included — is hidden ("small").
 * 2. Secondary: a hidden cell is safe when an attacker who knows the shown values, the
 *    constraints, that values are non-negative integers, that "small" cells lie in
 *    [0, SMALL−1] and that "secondary" cells are ≥ SMALL, still cannot pin its value. With
 *    the signs y = ±x that make every line sum to zero, the grid is a circulation on the
 *    bipartite graph rows × columns; two integer solutions differ by a circulation that splits
 *    into unit cycles that each stay within the bounds (conformal decomposition). So a hidden
 *    cell is safe exactly when some alternating cycle of hidden cells through it can move by
 *    ±1 without leaving any cell's bounds. For each unsafe cell the cheapest such cycle that
 *    may also pass through shown cells is found (Dijkstra), and those shown cells are hidden
 *    ("secondary"); repeated to a fixpoint. Hiding more never makes a safe cell unsafe.
 *
 * Pure and deterministic: no randomness, ties broken by position.
 */

export const SMALL = 5; // cells with a count below this are hidden

export type ShownCell = { shown: true; value: number };
export type HiddenCell = { shown: false; reason: "small" | "secondary" };
export type Cell = ShownCell | HiddenCell;

export interface SuppressedTable {
  rows: string[]; // row keys, as given
  cols: string[]; // column keys, as given
  cells: Cell[][]; // [row][col]
  rowTotals: Cell[]; // per row
  colTotals: Cell[]; // per column
  total: Cell; // grand total
}

export type CellDisplay = { kind: "value"; value: number } | { kind: "small" } | { kind: "secondary" };

/**
 * What the UI shows: the value, "<5" for a small cell, and a neutral "hidden" marker (with a
 * legend) for a secondary one — a secondary cell is at least SMALL, so "<5" would be untrue.
 */
export function cellDisplay(cell: Cell): CellDisplay {
  if (cell.shown) return { kind: "value", value: cell.value };
  return { kind: cell.reason };
}

const SHOWN = 0;
const HIDDEN_SMALL = 1;
const HIDDEN_SECONDARY = 2;
type State = typeof SHOWN | typeof HIDDEN_SMALL | typeof HIDDEN_SECONDARY;

/** A rows × cols table of non-negative integer counts, with its margins, suppressed. */
export function suppressTable(rows: string[], cols: string[], counts: number[][]): SuppressedTable {
  const R = rows.length;
  const C = cols.length;
  if (R === 0 || C === 0) throw new RangeError("suppressTable needs at least one row and one column");
  if (counts.length !== R || counts.some((row) => row.length !== C)) {
    throw new RangeError("suppressTable: counts must be rows × cols");
  }
  for (const row of counts) {
    for (const n of row) {
      if (!Number.isSafeInteger(n) || n < 0) throw new RangeError("suppressTable: counts must be non-negative integers");
    }
  }

  // The extended grid of values, with margins.
  const value: number[][] = [];
  for (let i = 0; i <= R; i++) value.push(new Array<number>(C + 1).fill(0));
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      const n = counts[i]![j]!;
      value[i]![j] = n;
      value[i]![C] = value[i]![C]! + n;
      value[R]![j] = value[R]![j]! + n;
      value[R]![C] = value[R]![C]! + n;
    }
  }

  const state: State[][] = value.map((row) => row.map((n) => (n < SMALL ? HIDDEN_SMALL : SHOWN)));

  // Costs of hiding a shown cell: fewest cells first, then interior before margins, then the
  // smaller value; the grand total only when nothing else closes a cycle.
  const K = value[R]![C]! + 1;
  const cells = (R + 1) * (C + 1);
  const grandCost = 4 * K * cells;
  const cost = (i: number, j: number): number => {
    if (i === R && j === C) return grandCost;
    const v = value[i]![j]!;
    return i === R || j === C ? 2 * K + v : K + v;
  };
  // y = sign · x makes every line of the grid sum to zero.
  const sign = (i: number, j: number): number => ((i === R) !== (j === C) ? -1 : 1);

  /** May cell (i, j) change by dx (in x) if hidden? A shown cell is judged as a future secondary one. */
  const canMove = (i: number, j: number, dx: number): boolean => {
    const next = value[i]![j]! + dx;
    return state[i]![j] === HIDDEN_SMALL ? next >= 0 && next < SMALL : next >= SMALL;
  };

  // Nodes: rows 0..R, columns R+1..R+1+C.
  const V = R + 1 + C + 1;
  /**
   * The cheapest alternating cycle through (r, c) that moves it by dx, as the list of cells
   * other than (r, c); null if none. With allowShown false only hidden cells may be used.
   */
  const cheapestCycle = (r: number, c: number, dx: number, allowShown: boolean): { cost: number; path: [number, number][] } | null => {
    if (!canMove(r, c, dx)) return null;
    const delta = sign(r, c) * dx; // y-change of (r, c)
    const dist = new Array<number>(V).fill(Infinity);
    const prev: ([number, number] | null)[] = new Array<[number, number] | null>(V).fill(null);
    const done = new Array<boolean>(V).fill(false);
    const start = R + 1 + c;
    const goal = r;
    dist[start] = 0;
    for (;;) {
      let u = -1;
      for (let k = 0; k < V; k++) if (!done[k] && dist[k]! < Infinity && (u === -1 || dist[k]! < dist[u]!)) u = k;
      if (u === -1 || u === goal) break;
      done[u] = true;
      const fromRow = u <= R;
      // Row → column edges carry y-change +delta, column → row edges −delta.
      const dy = fromRow ? delta : -delta;
      const count = fromRow ? C + 1 : R + 1;
      for (let k = 0; k < count; k++) {
        const i = fromRow ? u : k;
        const j = fromRow ? k : u - R - 1;
        if (i === r && j === c) continue;
        const hidden = state[i]![j] !== SHOWN;
        if (!hidden && !allowShown) continue;
        if (!canMove(i, j, dy * sign(i, j))) continue;
        const w = hidden ? 0 : cost(i, j);
        const to = fromRow ? R + 1 + j : i;
        if (done[to]) continue;
        if (dist[u]! + w < dist[to]!) {
          dist[to] = dist[u]! + w;
          prev[to] = [i, j];
        }
      }
    }
    if (dist[goal] === Infinity) return null;
    const path: [number, number][] = [];
    for (let node = goal; node !== start; ) {
      const [i, j] = prev[node]!;
      path.push([i, j]);
      node = node <= R ? R + 1 + j : i;
    }
    return { cost: dist[goal]!, path };
  };

  const isSafe = (r: number, c: number) => cheapestCycle(r, c, 1, false) !== null || cheapestCycle(r, c, -1, false) !== null;

  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i <= R; i++) {
      for (let j = 0; j <= C; j++) {
        if (state[i]![j] === SHOWN || isSafe(i, j)) continue;
        const up = cheapestCycle(i, j, 1, true);
        const down = cheapestCycle(i, j, -1, true);
        const best = up && (!down || up.cost <= down.cost) ? up : down;
        if (best) {
          for (const [a, b] of best.path) if (state[a]![b] === SHOWN) state[a]![b] = HIDDEN_SECONDARY;
          changed = true;
        } else {
          // No cycle through this cell can move at all (not seen in the property test):
          // hide everything rather than publish a cell that pins it.
          for (let a = 0; a <= R; a++) {
            for (let b = 0; b <= C; b++) {
              if (state[a]![b] === SHOWN) {
                state[a]![b] = HIDDEN_SECONDARY;
                changed = true;
              }
            }
          }
        }
      }
    }
  }

  const out = (i: number, j: number): Cell => {
    const s = state[i]![j];
    if (s === SHOWN) return { shown: true, value: value[i]![j]! };
    return { shown: false, reason: s === HIDDEN_SMALL ? "small" : "secondary" };
  };
  return {
    rows: [...rows],
    cols: [...cols],
    cells: counts.map((row, i) => row.map((_, j) => out(i, j))),
    rowTotals: rows.map((_, i) => out(i, C)),
    colTotals: cols.map((_, j) => out(R, j)),
    total: out(R, C),
  };
}

/** The column key of a list's one column. */
export const LIST_COLUMN = "count";

/**
 * A one-column list (e.g. open logs by level) with its total: a rows × 1 table. Its row
 * totals repeat its cells, and its column total is its total.
 */
export function suppressList(rows: string[], counts: number[]): SuppressedTable {
  return suppressTable(rows, [LIST_COLUMN], counts.map((n) => [n]));
}
