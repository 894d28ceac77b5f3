import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "../../app/components/charts/BarChart";
import { chartColours, CHART_WIDTH, type ChartDatum } from "../../app/components/charts/charts";
import { LineChart } from "../../app/components/charts/LineChart";

/**
 * The coordinator's charts (issue 12 point 3): server-rendered SVG with a title and a
 * description wired to role="img", hidden (suppressed) values drawn as their mark and never
 * as zero, proportional bars, no NaN on the edge cases, and colours that pass WCAG contrast.
 */
const shown = (key: string, value: number): ChartDatum => ({ key, label: `Label ${key}`, value, display: String(value) });
const hidden = (key: string, display = "<5"): ChartDatum => ({ key, label: `Label ${key}`, value: null, display });

const bar = (data: ChartDatum[]) =>
  renderToStaticMarkup(h(BarChart, { id: "c1", title: "Open logs by level", description: "Most are at level 1.", data }));
const lines = (started: ChartDatum[], closed: ChartDatum[]) =>
  renderToStaticMarkup(
    h(LineChart, {
      id: "c2",
      title: "Started and closed",
      description: "Per month.",
      categories: started.map((d) => ({ key: d.key, label: `Month ${d.key}` })),
      series: [
        { key: "started", label: "Started", data: started },
        { key: "closed", label: "Closed", data: closed },
      ],
    }),
  );

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

function expectAccessibleSvg(html: string, id: string) {
  const svg = /<svg[^>]*>/.exec(html)![0];
  expect(attr(svg, "role")).toBe("img");
  expect(attr(svg, "aria-labelledby")).toBe(`${id}-title ${id}-desc`);
  expect(attr(svg, "viewBox")).toMatch(new RegExp(`^0 0 ${CHART_WIDTH} \\d+(\\.\\d+)?$`));
  expect(attr(svg, "width")).toBe("100%");
  expect(html).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title>`));
  expect(html).toMatch(new RegExp(`<desc id="${id}-desc">[^<]+</desc>`));
  expect(html).not.toMatch(/style="|<script|NaN|undefined|Infinity/);
}

const barWidths = (html: string) => [...html.matchAll(/<rect[^>]*width="([\d.]+)"[^>]*data-bar="true"/g)].map((m) => Number(m[1]));

describe("BarChart", () => {
  it("is an image with a title and description, one bar per shown value, a mark for a hidden one", () => {
    const html = bar([shown("0", 8), shown("1", 40), hidden("2"), hidden("3", "×")]);
    expectAccessibleSvg(html, "c1");
    expect(barWidths(html)).toHaveLength(2);
    expect(html.match(/data-hidden="true"/g)).toHaveLength(2);
    expect(html).toContain("&lt;5");
    expect(html).toContain("×");
  });

  it("draws bars in proportion to their values", () => {
    const [small, big] = barWidths(bar([shown("a", 10), shown("b", 40)]));
    expect(big! / small!).toBeCloseTo(4, 5);
  });

  it("survives the edge cases: every value hidden, all zero, one category, one huge value", () => {
    for (const data of [[hidden("a"), hidden("b")], [shown("a", 0), shown("b", 0)], [shown("a", 7)], [shown("a", 1), shown("b", 1_000_000)]]) {
      expectAccessibleSvg(bar(data), "c1");
    }
  });
});

describe("LineChart", () => {
  it("breaks the line at a hidden value and writes its mark under the axis", () => {
    const html = lines([shown("01", 12), hidden("02"), shown("03", 30)], [shown("01", 7), shown("02", 9), hidden("03", "×")]);
    expectAccessibleSvg(html, "c2");
    // d3's line generator starts a new segment (M) after a gap: the first series has two.
    const paths = [...html.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]!);
    expect(paths[0]!.match(/M/g)).toHaveLength(2);
    expect(html.match(/data-hidden="true"/g)).toHaveLength(2);
    expect(html.match(/data-point="true"/g)).toHaveLength(4);
  });

  it("survives every value hidden and all zero", () => {
    expectAccessibleSvg(lines([hidden("01"), hidden("02")], [hidden("01"), hidden("02")]), "c2");
    expectAccessibleSvg(lines([shown("01", 0), shown("02", 0)], [shown("01", 0), shown("02", 0)]), "c2");
  });
});

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("chart colours", () => {
  it("the formula is right: black on white is 21:1", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
  });
  it("series and text pass 4.5:1 against white (so also 3:1 for shapes), the axis text too", () => {
    for (const c of [...chartColours.series, chartColours.text, chartColours.axis]) expect(contrast(c, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });
});
