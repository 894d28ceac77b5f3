/**
 * Shared pieces of the server-rendered SVG charts (issue 12 point 3). Colours are checked in
 * tests/unit/charts.test.tsx: series ≥ 4.5:1 against white (they also colour text), so they
 * pass both WCAG 1.4.3 and 1.4.11; series differ by shape and line style too, never by
 * colour alone.
 */
export const chartColours = {
  /** blue-800 and orange-800 */
  series: ["#1e40af", "#9a3412"] as const,
  text: "#1e293b",
  axis: "#475569",
  /** Decorative grid lines (no contrast needed: the values are in the text and the table). */
  grid: "#e2e8f0",
} as const;

/** A value that may be suppressed: `value` null means hidden, and `display` says how ("<5", "×"). */
export interface ChartDatum {
  key: string;
  label: string;
  value: number | null;
  display: string;
}

export interface ChartSeries {
  key: string;
  label: string;
  /** One datum per category, in the categories' order. */
  data: ChartDatum[];
}

/** The charts are drawn for a phone first: 360 units wide, shown at most this wide on larger screens. */
export const CHART_WIDTH = 360;
export const FONT_SIZE = 15;
