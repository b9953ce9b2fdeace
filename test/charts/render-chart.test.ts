import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createChartAttacher } from '../../src/charts/chart-attacher.ts';
import { planChart, type ChartPlan } from '../../src/charts/chart-plan.ts';
import { chartSpec, DEFAULT_CHART_SIZE } from '../../src/charts/chart-spec.ts';
import { charsNeedingFallback } from '../../src/charts/font-subset.ts';
import { chartView, renderChart, renderSvg } from '../../src/charts/render-chart.ts';
import type { Answer, Chart } from '../../src/core/answer.ts';
import { lossSeries, pairs, revenueComparison, sampleAnswer, sampleFigure } from './sample-answers.ts';

const dir = mkdtempSync(join(tmpdir(), 'charts-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const charts = createChartAttacher({ dir });

function plan(answer: Answer): ChartPlan {
  const result = planChart(answer);
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

async function chartOf(answer: Answer): Promise<Chart> {
  const attached = await charts.attach(answer);
  if (!attached.chart) throw new Error('no chart attached');
  return attached.chart;
}

/** Paths of one named layer's marks in vega's SVG (`<g class="... NAME_marks">...</g>`). */
function layerItems(svg: string, name: string): string[] {
  const group = svg.match(new RegExp(`<g class="[^"]*\\b${name}_marks"[^>]*>(.*?)</g>`, 's'));
  return group ? [...group[1]!.matchAll(/<(?:path|line)\b[^>]*>/gu)].map((m) => m[0]) : [];
}

describe('rendering a series to PNG', () => {
  it('writes a PNG that decodes, of the stated size, beside the data it draws', async () => {
    const answer = lossSeries();
    const chart = await chartOf(answer);
    const png = PNG.sync.read(readFileSync(chart.path));
    expect([png.width, png.height]).toEqual([DEFAULT_CHART_SIZE.width * 2, DEFAULT_CHART_SIZE.height * 2]);
    expect([chart.width, chart.height]).toEqual([png.width, png.height]);
    expect(chart.path.startsWith(dir)).toBe(true);
    expect(chart.series.flatMap((s) => pairs(s.points))).toEqual(pairs(answer.figures));
    expect(chart.series[0]!.points.filter((p) => p.computed).map((p) => p.period)).toEqual(['FY2021']);
    expect(chart.title).toBe('Net income, RMB million');
    expect(chart.note).toContain('computed');
    const stored = JSON.parse(readFileSync(chart.path.replace(/\.png$/u, '.json'), 'utf8'));
    expect({ path: chart.path, ...stored }).toEqual(chart);
    // Not a blank canvas: a good share of the pixels carry ink.
    let ink = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! < 200) ink++;
    expect(ink).toBeGreaterThan(5000);
  });

  it('draws losses below a visible zero line, points in period order', async () => {
    const p = plan(lossSeries());
    const spec = chartSpec(p);
    const view = await chartView(spec);
    try {
      const y = view.scale('y') as ((v: number) => number) & { domain(): number[]; range(): number[] };
      const [low, high] = y.domain();
      expect(low).toBeLessThan(-291);
      expect(high).toBeGreaterThanOrEqual(20);
      const [bottom, top] = y.range();
      expect(y(0)).toBeGreaterThan(top!);
      expect(y(0)).toBeLessThan(bottom!);
      expect(y(-291)).toBeGreaterThan(y(0));
      expect((view.scale('x') as { domain(): string[] }).domain()).toEqual(p.periods);
    } finally {
      view.finalize();
    }
    const svg = await renderSvg(spec);
    expect(layerItems(svg, 'zero_line')).toHaveLength(1);
    const hollow = layerItems(svg, 'computed_points');
    expect(hollow).toHaveLength(1);
    expect(hollow[0]).toContain('fill="white"');
    expect(layerItems(svg, 'stated_points')).toHaveLength(7);
    expect(svg).toContain('Net income, RMB million');
    expect(svg).toContain('Sources: QingCloud Technology annual report 2017;');
    expect(svg).toContain('−291');
  });

  it('draws the same picture every time', async () => {
    const spec = chartSpec(plan(revenueComparison({ company: 'cloudwalk-zh', companyName: '雲從科技' })));
    const a = await renderChart(spec);
    const b = await renderChart(spec);
    expect(a.png.equals(b.png)).toBe(true);
    expect(a.warnings).toEqual([]);
  });
});

describe('comparisons and Chinese names', () => {
  it('draws grouped bars, one per company and period, labelled with the company', async () => {
    const answer = revenueComparison();
    const chart = await chartOf(answer);
    expect(chart.series.map((s) => s.label)).toEqual(['CloudWalk Technology', 'QingCloud Technology']);
    expect(chart.series.flatMap((s) => pairs(s.points))).toEqual(pairs(answer.figures));
    const svg = await renderSvg(chartSpec(plan(answer)));
    expect(layerItems(svg, 'stated_bars')).toHaveLength(10);
    expect(svg).toMatch(/role-legend-label[^]*>CloudWalk Technology<[^]*>QingCloud Technology</u);
  });

  it('renders Chinese company names with the bundled fonts', async () => {
    const svg = await renderSvg(chartSpec(plan(revenueComparison({ company: 'cloudwalk-zh', companyName: '雲從科技' }))));
    expect(svg).toMatch(/<text[^>]*font-family="Noto Sans"[^>]*>雲從科技<\/text>/u);
    expect(charsNeedingFallback(svg)).toEqual([...'從技科雲'].sort());

    // Two names of four ideographs each lay out the same; only the glyphs differ. If the
    // CJK font were missing, both would draw nothing (or the same empty boxes).
    const first = await chartOf(revenueComparison({ company: 'x', companyName: '雲從科技' }));
    const second = await chartOf(revenueComparison({ company: 'x', companyName: '曠視科技' }));
    const a = PNG.sync.read(readFileSync(first.path));
    const b = PNG.sync.read(readFileSync(second.path));
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    let differing = 0;
    for (let i = 0; i < a.data.length; i += 4) if (Math.abs(a.data[i]! - b.data[i]!) > 64) differing++;
    expect(differing).toBeGreaterThan(100);
  });
});

describe('the chart files', () => {
  it('reuses the file of an equal chart and never overwrites another', async () => {
    const first = await chartOf(lossSeries());
    const mtime = statSync(first.path).mtimeMs;
    const again = await chartOf(lossSeries());
    expect(again).toEqual(first);
    expect(statSync(first.path).mtimeMs).toBe(mtime);
    const other = await chartOf(lossSeries('QingCloud'));
    expect(other.path).not.toBe(first.path);
  });

  it('draws again when the stored data beside a PNG is unreadable', async () => {
    const answer = sampleAnswer('series', [sampleFigure('FY2022', 4e8), sampleFigure('FY2023', 5e8)]);
    const first = await chartOf(answer);
    writeFileSync(first.path.replace(/\.png$/u, '.json'), '{ broken');
    const again = await chartOf(answer);
    expect(again).toEqual(first);
    expect(JSON.parse(readFileSync(first.path.replace(/\.png$/u, '.json'), 'utf8')).series).toEqual(first.series);
  });

  it('leaves answers without a chartable series untouched', async () => {
    const single = sampleAnswer('single', [sampleFigure('FY2023', 5e8)]);
    expect(await charts.attach(single)).toBe(single);
    const onePoint = sampleAnswer('series', [sampleFigure('FY2023', 5e8)]);
    expect((await charts.attach(onePoint)).chart).toBeUndefined();
  });

  it('rejects when the charts folder cannot be written', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const broken = createChartAttacher({ dir: join(file, 'charts') });
    await expect(broken.attach(lossSeries())).rejects.toThrow();
  });
});
