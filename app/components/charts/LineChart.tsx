import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { chartColours, CHART_WIDTH, FONT_SIZE, type ChartSeries } from "./charts";

const HEIGHT = 256;
const M = { top: 12, right: 12, bottom: 72, left: 34 };

/**
 * Lines over categories (months), one to two series, with d3's scales and line generator.
 * A hidden value breaks the line (`defined`) and its mark stands below the axis in the
 * series' colour, so a gap never reads as zero. Series differ by colour, by marker (circle,
 * square) and by line style (solid, dashed), and the legend shows all three.
 */
export function LineChart({
  id,
  title,
  description,
  categories,
  series,
}: {
  id: string;
  title: string;
  description: string;
  categories: { key: string; label: string }[];
  series: ChartSeries[];
}) {
  const values = series.flatMap((s) => s.data.map((d) => d.value ?? 0));
  const y = scaleLinear()
    .domain([0, Math.max(5, ...values)])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  const x = scalePoint<string>()
    .domain(categories.map((c) => c.key))
    .range([M.left + 8, CHART_WIDTH - M.right - 8]);
  const ticks = y.ticks(4);
  const legendY = HEIGHT - 8;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${CHART_WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
        fontSize={FONT_SIZE - 1}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={CHART_WIDTH - M.right} y1={y(t)} y2={y(t)} stroke={chartColours.grid} />
            <text x={M.left - 4} y={y(t) + 4} textAnchor="end" fill={chartColours.axis}>
              {t}
            </text>
          </g>
        ))}
        {/* More than eight categories: every other one is labelled, so the labels never run together at 360 px. */}
        {categories.map((c, i) =>
          categories.length > 8 && i % 2 === 1 ? null : (
            <text key={c.key} x={x(c.key)} y={HEIGHT - M.bottom + 14} textAnchor="middle" fill={chartColours.axis}>
              {c.label.slice(0, 3)}
            </text>
          ),
        )}
        {series.map((s, si) => {
          const colour = chartColours.series[si % chartColours.series.length]!;
          const points = s.data.map((d, i) => ({ d, cx: x(categories[i]?.key ?? "") ?? 0 }));
          const path = line<(typeof points)[number]>()
            .defined((p) => p.d.value !== null)
            .x((p) => p.cx)
            .y((p) => y(p.d.value ?? 0))(points);
          return (
            <g key={s.key} data-series={s.key}>
              {path ? (
                <path d={path} fill="none" stroke={colour} strokeWidth={2} strokeDasharray={si === 1 ? "5 3" : undefined} />
              ) : null}
              {points.map(({ d, cx }) =>
                d.value === null ? (
                  <text
                    key={d.key}
                    x={cx}
                    y={HEIGHT - M.bottom + 30 + si * 13}
                    textAnchor="middle"
                    fill={colour}
                    fontSize={FONT_SIZE - 3}
                    data-hidden="true"
                  >
                    {d.display}
                  </text>
                ) : si === 1 ? (
                  <rect key={d.key} x={cx - 3.5} y={y(d.value) - 3.5} width={7} height={7} fill={colour} data-point="true" />
                ) : (
                  <circle key={d.key} cx={cx} cy={y(d.value)} r={3.5} fill={colour} data-point="true" />
                ),
              )}
            </g>
          );
        })}
        {series.map((s, si) => {
          const colour = chartColours.series[si % chartColours.series.length]!;
          const left = M.left + si * 140;
          return (
            <g key={`legend-${s.key}`}>
              <line x1={left} x2={left + 24} y1={legendY} y2={legendY} stroke={colour} strokeWidth={2} strokeDasharray={si === 1 ? "5 3" : undefined} />
              {si === 1 ? (
                <rect x={left + 8.5} y={legendY - 3.5} width={7} height={7} fill={colour} />
              ) : (
                <circle cx={left + 12} cy={legendY} r={3.5} fill={colour} />
              )}
              <text x={left + 30} y={legendY + 4} fill={chartColours.text} fontSize={FONT_SIZE - 1}>
                {s.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">{title}</figcaption>
    </figure>
  );
}
