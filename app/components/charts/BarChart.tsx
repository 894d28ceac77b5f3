import { scaleLinear } from "d3-scale";
import { chartColours, CHART_WIDTH, FONT_SIZE, type ChartDatum } from "./charts";

const ROW = 40;
const BAR = 16;
const PAD = 8;

/**
 * Horizontal bars, one per category, the label above its bar so long labels fit at 360 px.
 * A hidden value draws no bar: its mark ("<5", "×") stands in a dashed outline instead, so
 * it never looks like zero. `role="img"` with a title and description; the numbers are in
 * the table beside it.
 */
export function BarChart({ id, title, description, data }: { id: string; title: string; description: string; data: ChartDatum[] }) {
  const max = Math.max(1, ...data.map((d) => d.value ?? 0));
  const valueRoom = 44;
  const x = scaleLinear().domain([0, max]).nice().range([0, CHART_WIDTH - PAD * 2 - valueRoom]);
  const height = Math.max(ROW, data.length * ROW) + PAD;
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart-svg"
        fontSize={FONT_SIZE}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {data.map((d, i) => {
          const top = PAD + i * ROW;
          const barY = top + FONT_SIZE + 4;
          const width = d.value === null ? 0 : x(d.value);
          return (
            <g key={d.key} data-key={d.key}>
              <text x={PAD} y={top + FONT_SIZE} fill={chartColours.text}>
                {d.label}
              </text>
              {d.value === null ? (
                <>
                  <rect
                    x={PAD}
                    y={barY}
                    width={36}
                    height={BAR}
                    fill="none"
                    stroke={chartColours.axis}
                    strokeDasharray="3 2"
                    data-hidden="true"
                  />
                  <text x={PAD + 18} y={barY + BAR - 4} textAnchor="middle" fill={chartColours.text}>
                    {d.display}
                  </text>
                </>
              ) : (
                <>
                  <rect x={PAD} y={barY} width={width} height={BAR} fill={chartColours.series[0]} data-bar="true" />
                  <text x={PAD + width + 4} y={barY + BAR - 4} fill={chartColours.text}>
                    {d.display}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="hint">{title}</figcaption>
    </figure>
  );
}
