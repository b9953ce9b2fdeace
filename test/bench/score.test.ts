import { describe, expect, it } from 'vitest';
import type { PlantedFigure } from '../../bench/generate/planted.ts';
import { judge } from '../../bench/score/match.ts';
import { scoreRecall } from '../../bench/score/recall.ts';
import type { Fact } from '../../src/core/facts/fact.ts';
import type { Period } from '../../src/core/periods.ts';

function planted(over: Partial<PlantedFigure>): PlantedFigure {
  return {
    doc: 'd1',
    company: 'acme',
    metric: 'revenue',
    period: 'FY2024',
    value: 398_000_000,
    unit: 'CNY',
    tolerance: 500_000,
    expect: 'fact',
    role: 'primary',
    form: 'zh.annual-report.revenue-to',
    language: 'zh',
    numberText: '3.98亿元',
    sentence: '营收同比下滑36.69%至3.98亿元。',
    ...over,
  };
}

function fact(over: Partial<Fact> & { period?: Period }): Fact {
  return {
    company: 'acme',
    metric: 'revenue',
    period: { kind: 'FY', year: 2024 },
    value: 398_000_000,
    unit: 'CNY',
    qualifiers: {},
    doc: 'd1',
    start: 0,
    end: 10,
    numberText: '3.98億元',
    precision: 3,
    confidence: 1,
    language: 'zh',
    ...over,
  };
}

describe('extraction scoring', () => {
  it('counts a planted statement recovered only with the right company, metric, period, value and language', () => {
    const p = [planted({}), planted({ language: 'en', form: 'en.x', numberText: 'RMB 398 million' })];
    const report = scoreRecall(p, [fact({ value: 398_200_000 })]);
    expect(report.statements).toEqual({ planted: 2, recovered: 1, recall: 0.5 });
    // The figure itself is known (from the Chinese line), so figure-level recall is full.
    expect(report.figures.recall).toBe(1);
    expect(report.byForm.find((f) => f.form === 'en.x')?.reasons).toEqual({ 'other language only': 1 });
    expect(scoreRecall(p, [fact({ value: 399_000_000 })]).statements.recovered).toBe(0);
  });

  it('matches balances by the day they are measured', () => {
    const cash = planted({ metric: 'cash', period: 'Q4 2022', value: 4.7e9, tolerance: 5e7 });
    expect(judge(fact({ metric: 'cash', period: { kind: 'date', date: '2022-12-31' }, value: 4.7e9 }), [cash]).verdict).toBe('correct');
    expect(judge(fact({ metric: 'cash', period: { kind: 'FY', year: 2022 }, value: 4.7e9 }), [cash]).verdict).toBe('correct');
    // A flow is not a balance: revenue of FY2022 does not answer Q4 2022.
    expect(judge(fact({ period: { kind: 'FY', year: 2022 } }), [planted({ period: 'Q4 2022' })]).verdict).toBe('wrong-period');
  });

  it('names what is wrong with a fact that carries a planted value', () => {
    const inDoc = [
      planted({}),
      planted({ company: 'peer', metric: 'gross_margin', value: 42.9, unit: '%', tolerance: 0.05, role: 'other-company' }),
      planted({ period: 'H1 2024', value: 144_000_000, segment: 'public cloud', role: 'segment' }),
      planted({ period: 'FY2025', value: 1_682_000_000, forecast: true, role: 'forecast' }),
      planted({ metric: 'none', period: null, value: 1_728_000_000, expect: 'none', role: 'noise' }),
    ];
    expect(judge(fact({}), inDoc).verdict).toBe('correct');
    expect(judge(fact({ period: { kind: 'FY', year: 2023 } }), inDoc).verdict).toBe('wrong-period');
    expect(judge(fact({ metric: 'gross_margin', value: 42.9, unit: '%' }), inDoc).verdict).toBe('wrong-company');
    expect(judge(fact({ period: { kind: 'H', year: 2024, half: 1 }, value: 144_000_000 }), inDoc).verdict).toBe('wrong-qualifier');
    expect(judge(fact({ period: { kind: 'H', year: 2024, half: 1 }, value: 144_000_000, qualifiers: { segment: '公有雲' } }), inDoc).verdict).toBe('correct');
    expect(judge(fact({ period: { kind: 'FY', year: 2025 }, value: 1_682_000_000 }), inDoc).verdict).toBe('wrong-qualifier');
    expect(judge(fact({ metric: 'rd_expense' }), inDoc).verdict).toBe('wrong-metric');
    expect(judge(fact({ value: 1_728_000_000 }), inDoc).verdict).toBe('noise-taken');
    expect(judge(fact({ value: 1_728_000_000, qualifiers: { forecast: true } }), inDoc).verdict).toBe('noise-as-forecast');
    expect(judge(fact({ value: 36.69, unit: '%', metric: 'gross_margin' }), inDoc).verdict).toBe('unmatched');
    expect(judge(fact({ unit: 'USD' }), inDoc).verdict).toBe('wrong-unit');
    // The same digits in another unit, for another metric, are a coincidence, not a distractor taken.
    expect(judge(fact({ metric: 'operating_cash_flow', value: 1_728_000_000, unit: 'USD' }), inDoc).verdict).toBe('unmatched');
  });

  it('reports misattributions, distractors and reasons in the summary', () => {
    const p = [planted({}), planted({ metric: 'none', period: null, value: 1_728_000_000, expect: 'none', role: 'noise' })];
    const report = scoreRecall(p, [fact({ period: { kind: 'FY', year: 2023 } }), fact({ value: 1_728_000_000 })], () => 'the sentence');
    expect(report.statements.recovered).toBe(0);
    expect(report.misattributed).toBe(1);
    expect(report.noise).toEqual({ planted: 1, taken: 1, asForecast: 0 });
    expect(report.byForm[0]?.reasons).toEqual({ 'wrong period': 1 });
    expect(report.wrong.map((w) => w.verdict).sort()).toEqual(['noise-taken', 'wrong-period']);
    expect(report.wrong[0]?.quote).toBe('the sentence');
    const unmatched = scoreRecall(p, [fact({ metric: 'revenue_cagr', value: 33.6, unit: '%' })]);
    expect(unmatched.unmatchedByMetric).toEqual({ revenue_cagr: 1 });
  });

  it('judges a guidance range by its ends, and leaves metrics it never plants alone', () => {
    const inDoc = [
      planted({ period: 'Q2 2023', value: 87_000_000 }),
      planted({ period: 'Q3 2023', value: 82_000_000, forecast: true, expect: 'none', role: 'noise' }),
      planted({ period: 'Q3 2023', value: 91_000_000, forecast: true, expect: 'none', role: 'noise' }),
      planted({ metric: 'gross_margin', value: 18.7, unit: '%', tolerance: 0.05 }),
    ];
    // The midpoint of the guidance happens to equal last quarter's revenue: not a wrong period.
    const guidance = fact({ period: { kind: 'Q', year: 2023, quarter: 3 }, value: 86_500_000, range: { low: 82_000_000, high: 91_000_000 }, qualifiers: { forecast: true } });
    expect(judge({ ...guidance, value: 87_000_000 }, inDoc).verdict).toBe('noise-as-forecast');
    expect(judge({ ...guidance, value: 87_000_000, qualifiers: {} }, inDoc).verdict).toBe('noise-taken');
    expect(judge(fact({ metric: 'revenue_cagr', value: 18.7, unit: '%' }), inDoc).verdict).toBe('unmatched');
    expect(judge(fact({ metric: 'rd_expense', value: 87_000_000, period: { kind: 'Q', year: 2023, quarter: 2 } }), inDoc).verdict).toBe('wrong-metric');
  });

  it('tells a sign error apart from a missing figure', () => {
    const p = [planted({ metric: 'operating_cash_flow', value: -4_100_000, tolerance: 50_000 })];
    const report = scoreRecall(p, [fact({ metric: 'operating_cash_flow', value: 4_100_000 })]);
    expect(report.byForm[0]?.reasons).toEqual({ 'wrong sign': 1 });
  });
});
