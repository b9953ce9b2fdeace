import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CHART_POINTS, planChart, type ChartPlan } from '../../src/charts/chart-plan.ts';
import { chooseScale } from '../../src/charts/chart-units.ts';
import { lossSeries, pairs, revenueComparison, sampleAnswer, sampleFigure } from './sample-answers.ts';

function plan(answer: Parameters<typeof planChart>[0]): ChartPlan {
  const result = planChart(answer);
  if (!result.ok) throw new Error(`expected a chart, got: ${result.reason}`);
  return result.plan;
}

describe('which answers get a chart', () => {
  it('draws a series as a line with the figures in order', () => {
    const answer = lossSeries();
    const p = plan(answer);
    expect(p.kind).toBe('line');
    expect(p.series).toHaveLength(1);
    expect(pairs(p.series[0]!.points)).toEqual(pairs(answer.figures));
    expect(p.periods).toEqual(answer.figures.map((f) => f.period));
  });

  it('draws a comparison over a range as bars, one series per company', () => {
    const answer = revenueComparison();
    const p = plan(answer);
    expect(p.kind).toBe('bars');
    expect(p.series.map((s) => s.company)).toEqual(['cloudwalk', 'qingcloud']);
    expect(p.series.flatMap((s) => pairs(s.points))).toEqual(pairs(answer.figures));
    expect(p.periods).toEqual(['FY2019', 'FY2020', 'FY2021', 'FY2022', 'FY2023']);
  });

  it('draws nothing for a single figure, a one-point series or a comparison at one period', () => {
    expect(planChart(sampleAnswer('single', [sampleFigure('FY2023', 623e6)])).ok).toBe(false);
    const onePoint = planChart(sampleAnswer('series', [sampleFigure('FY2023', 623e6)]));
    expect(onePoint).toEqual({ ok: false, reason: 'a chart of one point is not drawn' });
    const onePeriod = sampleAnswer('comparison', [sampleFigure('FY2023', 623e6), sampleFigure('FY2023', 315e6, { company: 'qingcloud', companyName: 'QingCloud Technology' })]);
    expect(planChart(onePeriod).ok).toBe(false);
  });

  it('draws nothing for answers that are not answered, or have no layout', () => {
    const figures = lossSeries().figures;
    expect(planChart(sampleAnswer('series', figures, 'not_found')).ok).toBe(false);
    expect(planChart({ ...sampleAnswer('series', figures), data: undefined }).ok).toBe(false);
    expect(planChart({ ...sampleAnswer('series', figures), data: { layout: 'digest' } }).ok).toBe(false);
  });
});

describe('what a chart shows', () => {
  it('puts periods in chronological order whatever the order of the figures', () => {
    const figures = [sampleFigure('H1 2024', 3e8), sampleFigure('FY2022', 5e8), sampleFigure('Q1 2023', 1e8), sampleFigure('FY2023', 6e8), sampleFigure('Q4 2022', 2e8)];
    const p = plan(sampleAnswer('series', figures));
    expect(p.periods).toEqual(['FY2022', 'Q4 2022', 'Q1 2023', 'FY2023', 'H1 2024']);
  });

  it('never joins periods of different lengths in one line', () => {
    const figures = [sampleFigure('FY2022', 5e8), sampleFigure('FY2023', 6e8), sampleFigure('H1 2023', 2.5e8), sampleFigure('H1 2024', 3e8)];
    const p = plan(sampleAnswer('series', figures));
    expect(p.series.map((s) => s.label)).toEqual(['CloudWalk Technology (annual)', 'CloudWalk Technology (half-year)']);
    expect(pairs(p.series[0]!.points)).toEqual([['FY2022', 5e8], ['FY2023', 6e8]]);
    expect(pairs(p.series[1]!.points)).toEqual([['H1 2023', 2.5e8], ['H1 2024', 3e8]]);
  });

  it('trims more than 40 points to the latest 40 and says so', () => {
    const figures = Array.from({ length: 48 }, (_, i) => sampleFigure(`Q${(i % 4) + 1} ${2013 + Math.floor(i / 4)}`, 1e8 + i * 1e6));
    const p = plan(sampleAnswer('series', figures));
    const drawn = p.series.flatMap((s) => s.points);
    expect(drawn).toHaveLength(MAX_CHART_POINTS);
    expect(pairs(drawn)).toEqual(pairs(figures.slice(-40)));
    expect(p.notes.join(' ')).toContain('Showing the latest 40 of 48 points (Q1 2015 to Q4 2024)');
  });

  it('trims a comparison by whole periods', () => {
    const figures = ['cloudwalk', 'qingcloud', 'kingsoft'].flatMap((company) =>
      Array.from({ length: 16 }, (_, i) => sampleFigure(`Q${(i % 4) + 1} ${2020 + Math.floor(i / 4)}`, 1e8 + i, { company, companyName: company })),
    );
    const p = plan(sampleAnswer('comparison', figures));
    const drawn = p.series.flatMap((s) => s.points);
    expect(drawn.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(drawn).toHaveLength(39);
    expect(p.periods[0]).toBe('Q4 2020');
    for (const s of p.series) expect(s.points).toHaveLength(13);
  });

  it('never puts figures of different units on one axis', () => {
    const figures = [sampleFigure('FY2022', 5e8), sampleFigure('FY2023', 6e8), sampleFigure('FY2024', 7e8), sampleFigure('FY2023', 35.8, { unit: '%', metric: 'gross_margin', metricLabel: 'Gross margin' })];
    const p = plan(sampleAnswer('series', figures));
    expect(p.series.flatMap((s) => pairs(s.points))).toEqual([['FY2022', 5e8], ['FY2023', 6e8], ['FY2024', 7e8]]);
    expect(p.title).toBe('Revenue, RMB million');
    expect(p.notes.join(' ')).toContain('1 figure is in another unit or metric and not drawn.');
  });

  it('leaves multi-year totals off the time axis', () => {
    const figures = [sampleFigure('FY2018-FY2022', 3.5e9), sampleFigure('FY2023', 6e8), sampleFigure('FY2024', 7e8)];
    const p = plan(sampleAnswer('series', figures));
    expect(p.periods).toEqual(['FY2023', 'FY2024']);
    expect(p.notes.join(' ')).toContain('Multi-year totals are not drawn: FY2018-FY2022.');
  });

  it('keeps the first of two figures for one period and says so', () => {
    const figures = [sampleFigure('FY2023', 6e8), sampleFigure('FY2023', 6.1e8), sampleFigure('FY2024', 7e8)];
    const p = plan(sampleAnswer('series', figures));
    expect(pairs(p.series[0]!.points)).toEqual([['FY2023', 6e8], ['FY2024', 7e8]]);
    expect(p.notes.join(' ')).toContain('FY2023');
  });

  it('marks computed points and notes estimates', () => {
    const figures = [sampleFigure('FY2023', 6e8), sampleFigure('FY2024', 7e8, { computed: true }), sampleFigure('FY2025', 8e8, { estimate: true, qualifiers: ['forecast'] })];
    const p = plan(sampleAnswer('series', figures));
    expect(p.series[0]!.points.map((pt) => pt.computed)).toEqual([false, true, false]);
    expect(p.notes.join(' ')).toContain('Hollow markers are computed from other figures, not stated by a source: FY2024.');
    expect(p.notes.join(' ')).toContain('Forecast or approximate: FY2025.');
  });

  it('names metric and unit in the title, and lists each source document once', () => {
    const p = plan(lossSeries());
    expect(p.title).toBe('Net income, RMB million');
    expect(p.sources).toEqual(lossSeries().figures.map((f) => f.source.title));
    const shared = plan(sampleAnswer('series', [sampleFigure('FY2023', 6e8, { title: 'Annual report' }), sampleFigure('FY2024', 7e8, { title: 'Annual report' })]));
    expect(shared.sources).toEqual(['Annual report']);
    const adjusted = plan(sampleAnswer('series', [sampleFigure('FY2023', 6e8, { qualifiers: ['adjusted'] }), sampleFigure('FY2024', 7e8, { qualifiers: ['adjusted'] })]));
    expect(adjusted.title).toBe('Revenue (adjusted), RMB million');
  });
});

describe('readable units', () => {
  it('chooses RMB million or billion from the data, % for ratios', () => {
    expect(chooseScale('CNY', [805e6, 1.07e9, 526e6])).toEqual({ divisor: 1e6, label: 'RMB million' });
    expect(chooseScale('CNY', [8.05e9, 10.7e9, 5.26e9])).toEqual({ divisor: 1e9, label: 'RMB billion' });
    expect(chooseScale('CNY', [-2.1e9, -1.6e9, -0.9e9])).toEqual({ divisor: 1e9, label: 'RMB billion' });
    expect(chooseScale('USD', [29.2e6])).toEqual({ divisor: 1e6, label: 'US$ million' });
    expect(chooseScale('CNY', [560_000])).toEqual({ divisor: 1, label: 'RMB' });
    expect(chooseScale('%', [35.81, 12])).toEqual({ divisor: 1, label: '%' });
  });
});

describe('the drawn data is the figures', () => {
  it('for any series of distinct years, in any order: same pairs, chronological, at most 40', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1990, max: 2060 }), { minLength: 2, maxLength: 60 }),
        fc.array(fc.double({ min: -1e11, max: 1e11, noNaN: true }), { minLength: 60, maxLength: 60 }),
        (years, values) => {
          const figures = years.map((y, i) => sampleFigure(`FY${y}`, values[i]!));
          const p = plan(sampleAnswer('series', figures));
          const expected = figures
            .map((f) => [f.period, f.value] as [string, number])
            .sort((a, b) => a[0].localeCompare(b[0]))
            .slice(-MAX_CHART_POINTS);
          expect(pairs(p.series[0]!.points)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
