import type { TopLevelSpec } from 'vega-lite';
import { CHART_FONT_FAMILY } from './chart-fonts.ts';
import type { ChartPlan } from './chart-plan.ts';
import { scaled } from './chart-units.ts';
import { measureText } from './text-metrics.ts';

/**
 * A chart plan as a Vega-Lite spec. Everything drawn comes from the plan; the spec adds
 * only presentation: marks, colours, the zero line and the footer naming the sources.
 */

/** Size of the chart in CSS pixels, before the rasterizer's zoom. */
export interface ChartSize {
  width: number;
  height: number;
}

/** Default size: 16:9, readable in a Slack or Discord preview. */
export const DEFAULT_CHART_SIZE: ChartSize = { width: 800, height: 450 };

// Tableau 10, fixed here so colours do not depend on the library's defaults.
const PALETTE = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#b279a2', '#9d755d', '#ff9da6', '#eeca3b', '#bab0ac'];

const FOOTER_FONT_SIZE = 10;
const FOOTER_LINES = 3;
const PADDING = 16;
// Room the y axis labels take left of the plot, where the footer starts.
const Y_AXIS_ROOM = 70;

function footerWidth(text: string): number {
  return measureText(text, FOOTER_FONT_SIZE);
}

function fit(text: string, maxWidth: number): string {
  if (footerWidth(text) <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && footerWidth(`${cut}…`) > maxWidth) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * `Sources: A; B; C`, wrapped to `maxWidth` pixels, ending in `and N more` when the
 * titles do not fit in three lines; then a line explaining hollow markers if any.
 */
export function footerLines(plan: ChartPlan, maxWidth: number): string[] {
  const lines: string[] = [];
  const more = (n: number) => (n > 0 ? ` and ${n} more` : '');
  const total = plan.sources.length;
  let line = 'Sources:';
  let onLine = 0;
  let shown = 0;
  for (const title of plan.sources) {
    const lastLine = lines.length + 1 === FOOTER_LINES;
    const candidate = onLine ? `${line}; ${title}` : `${line} ${title}`;
    // On the last line, leave room for "and N more".
    if (onLine === 0 || footerWidth(candidate + (lastLine ? more(total - shown - 1) : '')) <= maxWidth) {
      line = candidate;
    } else if (!lastLine) {
      lines.push(`${line};`);
      line = title;
      onLine = 0;
    } else {
      break;
    }
    onLine++;
    shown++;
  }
  lines.push(line + more(plan.sources.length - shown));
  if (plan.series.some((s) => s.points.some((p) => p.computed))) lines.push('Hollow markers: computed from other figures, not stated by a source.');
  return lines.map((l) => fit(l, maxWidth));
}

/** One row of the chart data: a point with its drawn (scaled) value. */
interface Row {
  period: string;
  series: string;
  value: number;
  computed: boolean;
  order: number;
}

/** The Vega-Lite spec of a plan. */
export function chartSpec(plan: ChartPlan, size: ChartSize = DEFAULT_CHART_SIZE): TopLevelSpec {
  const order = new Map(plan.periods.map((p, i) => [p, i]));
  const rows: Row[] = plan.series.flatMap((s) =>
    s.points.map((p) => ({ period: p.period, series: s.label, value: scaled(p.value, plan.scale), computed: p.computed, order: order.get(p.period) ?? 0 })),
  );
  const labels = plan.series.map((s) => s.label);
  const crowded = plan.periods.length > 10;
  const footer = footerLines(plan, size.width - 2 * PADDING - Y_AXIS_ROOM);
  const x = {
    field: 'period',
    type: 'ordinal' as const,
    scale: { domain: plan.periods },
    axis: {
      title: footer,
      titleAnchor: 'start' as const,
      titleAlign: 'left' as const,
      titleBaseline: 'top' as const,
      titleFontWeight: 'normal' as const,
      titleFontSize: 10,
      titleColor: '#555',
      titlePadding: 12,
      labelAngle: crowded ? -45 : 0,
      labelAlign: crowded ? ('right' as const) : ('center' as const),
      labelFontSize: 11,
    },
  };
  const y = { field: 'value', type: 'quantitative' as const, scale: { zero: true, nice: true, padding: plan.kind === 'line' ? 24 : 0 }, axis: { title: null, labelFontSize: 11 } };
  const color = {
    field: 'series',
    type: 'nominal' as const,
    scale: { domain: labels, range: PALETTE.slice(0, Math.max(1, labels.length)) },
    legend: { title: null, orient: 'top' as const, direction: 'horizontal' as const, labelFontSize: 12, columnPadding: 24, labelLimit: 360, symbolStrokeWidth: 2 },
  };
  // Layers only for data that exists: an empty layer makes vega warn about an infinite extent.
  const some = (test: (r: Row) => boolean) => rows.some(test);
  const stated = { filter: '!datum.computed' };
  const computed = { filter: 'datum.computed' };
  const zeroLine = { name: 'zero_line', data: { values: [{}] }, mark: { type: 'rule' as const, color: '#333', strokeWidth: 1.2 }, encoding: { y: { datum: 0 } } };
  const xOffset = { field: 'series', type: 'nominal' as const, scale: { domain: labels } };

  const layer =
    plan.kind === 'line'
      ? [
          { name: 'lines', mark: { type: 'line' as const, strokeWidth: 2.5 }, encoding: { x, y, color, order: { field: 'order', type: 'quantitative' as const } } },
          ...(some((r) => !r.computed) ? [{ name: 'stated_points', transform: [stated], mark: { type: 'point' as const, filled: true, size: 70, opacity: 1 }, encoding: { x, y, color } }] : []),
          ...(some((r) => r.computed)
            ? [{ name: 'computed_points', transform: [computed], mark: { type: 'point' as const, filled: false, fill: 'white', size: 70, strokeWidth: 2.5, opacity: 1 }, encoding: { x, y, color } }]
            : []),
          ...valueLabels(plan, rows, x, y),
          zeroLine,
        ]
      : [
          ...(some((r) => !r.computed) ? [{ name: 'stated_bars', transform: [stated], mark: { type: 'bar' as const }, encoding: { x, y, color, xOffset } }] : []),
          ...(some((r) => r.computed) ? [{ name: 'computed_bars', transform: [computed], mark: { type: 'bar' as const, filled: false, fill: 'white', strokeWidth: 2 }, encoding: { x, y, color, xOffset } }] : []),
          zeroLine,
        ];

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: size.width,
    height: size.height,
    autosize: { type: 'fit', contains: 'padding' },
    padding: PADDING,
    background: 'white',
    title: { text: plan.title, anchor: 'start', fontSize: 16, offset: 8 },
    data: { values: rows },
    layer,
    config: { font: CHART_FONT_FAMILY, view: { stroke: null }, axis: { gridColor: '#e6e6e6' } },
  } as TopLevelSpec;
}

/** Values written beside the points of a single short line, where they do not crowd: above a gain, below a loss. */
function valueLabels(plan: ChartPlan, rows: readonly Row[], x: object, y: object): object[] {
  if (plan.series.length !== 1 || plan.periods.length > 16) return [];
  const text = { field: 'value', type: 'quantitative' as const, format: ',.6~r' };
  const layers: object[] = [];
  if (rows.some((r) => r.value >= 0)) layers.push({ name: 'labels_above', transform: [{ filter: 'datum.value >= 0' }], mark: { type: 'text', dy: -12, fontSize: 11, color: '#333' }, encoding: { x, y, text } });
  if (rows.some((r) => r.value < 0)) layers.push({ name: 'labels_below', transform: [{ filter: 'datum.value < 0' }], mark: { type: 'text', dy: 14, fontSize: 11, color: '#333' }, encoding: { x, y, text } });
  return layers;
}
