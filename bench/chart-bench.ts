/**
 * Chart render benchmark: `npm run bench:charts [-- --runs 40]`.
 *
 * Renders realistic answers (made-up values, shaped like the bot's series and
 * comparisons) from plan to PNG, bypassing the file cache, and prints the median and
 * p99 time per scenario and per stage. Exits non-zero when a median is over the target.
 */
import { parseArgs } from 'node:util';
import { planChart } from '../src/charts/chart-plan.ts';
import { chartSpec } from '../src/charts/chart-spec.ts';
import { rasterize, renderSvg } from '../src/charts/render-chart.ts';
import type { Answer, Figure } from '../src/core/answer.ts';

const TARGET_MS = 300;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '40' } } });
const runs = Math.max(5, Number(values.runs) || 40);

/** A figure as the engine builds it; its source is the annual report of its year or the next (reports restate the prior year). */
function figure(company: string, companyName: string, metric: string, metricLabel: string, period: string, value: number, unit: Figure['unit'] = 'CNY', computed = false): Figure {
  const year = Number(period.match(/\d{4}/u)?.[0]);
  const title = `${companyName} ${year + (year % 2)} annual report`;
  return {
    company,
    companyName,
    metric,
    metricLabel,
    period,
    value,
    unit,
    display: String(value),
    qualifiers: [],
    computed,
    source: { document: `${company}-${period}`, title, published: null, quote: '', start: 0, end: 0 },
    corroborating: [],
    alternatives: [],
  };
}

function answer(layout: 'series' | 'comparison', figures: Figure[]): Answer {
  return { query: 'bench', command: layout === 'series' ? 'metric' : 'compare', status: 'answered', message: '', figures, passages: [], suggestions: [], known: [], data: { layout } };
}

const years = ['FY2017', 'FY2018', 'FY2019', 'FY2020', 'FY2021', 'FY2022', 'FY2023', 'FY2024'];
const scenarios: Array<{ name: string; answer: Answer }> = [
  {
    name: 'series, 8 years, losses, one computed',
    answer: answer('series', years.map((p, i) => figure('alpha', 'Alpha Cloud', 'net_income', 'Net income', p, (-120 - 37 * i) * 1e6, 'CNY', i === 4))),
  },
  {
    name: 'comparison, 3 companies x 5 years, Chinese names',
    answer: answer('comparison', [
      ...years.slice(3).map((p, i) => figure('alpha', '甲乙科技', 'revenue', 'Revenue', p, (500 + 41 * i) * 1e6)),
      ...years.slice(3).map((p, i) => figure('beta', '雲端數據', 'revenue', 'Revenue', p, (310 + 17 * i) * 1e6)),
      ...years.slice(3).map((p, i) => figure('gamma', 'Gamma Vision', 'revenue', 'Revenue', p, (1200 - 60 * i) * 1e6)),
    ]),
  },
  {
    name: 'series, 48 quarters trimmed to 40',
    answer: answer('series', Array.from({ length: 48 }, (_, i) => figure('alpha', 'Alpha Cloud', 'gross_margin', 'Gross margin', `Q${(i % 4) + 1} ${2013 + Math.floor(i / 4)}`, 20 + (i % 9) * 1.5, '%'))),
  },
];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function once(a: Answer): Promise<{ total: number; svg: number; png: number }> {
  const t0 = performance.now();
  const planned = planChart(a);
  if (!planned.ok) throw new Error(`scenario not chartable: ${planned.reason}`);
  const svg = await renderSvg(chartSpec(planned.plan));
  const t1 = performance.now();
  await rasterize(svg);
  const t2 = performance.now();
  return { total: t2 - t0, svg: t1 - t0, png: t2 - t1 };
}

const coldStart = performance.now();
await once(scenarios[1]!.answer);
process.stdout.write(`cold first render (fonts parsed, modules warmed): ${(performance.now() - coldStart).toFixed(0)} ms\n`);

let failed = false;
for (const s of scenarios) {
  for (let i = 0; i < 3; i++) await once(s.answer);
  const samples: Array<{ total: number; svg: number; png: number }> = [];
  for (let i = 0; i < runs; i++) samples.push(await once(s.answer));
  const stat = (key: 'total' | 'svg' | 'png') => {
    const sorted = samples.map((x) => x[key]).sort((a, b) => a - b);
    return { median: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
  };
  const total = stat('total');
  const ok = total.median < TARGET_MS;
  failed ||= !ok;
  process.stdout.write(
    `${s.name}: median ${total.median.toFixed(0)} ms, p99 ${total.p99.toFixed(0)} ms over ${runs} renders ` +
      `(spec+SVG median ${stat('svg').median.toFixed(0)} ms, PNG median ${stat('png').median.toFixed(0)} ms) ${ok ? 'ok' : `OVER ${TARGET_MS} ms`}\n`,
  );
}
process.stdout.write(`target: median under ${TARGET_MS} ms per chart: ${failed ? 'FAILED' : 'met'}\n`);
if (failed) process.exitCode = 1;
