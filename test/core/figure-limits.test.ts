import { describe, expect, it } from 'vitest';
import { makeAnswer } from '../../src/core/answers/make.ts';
import { printable } from '../../src/core/corpus/printable.ts';
import type { Fact } from '../../src/core/facts/fact.ts';
import { isStorableFact, MAX_CORROBORATING } from '../../src/core/figure-limits.ts';
import { sampleFigure } from '../charts/sample-answers.ts';

const fact: Fact = {
  company: 'zeta-ai',
  metric: 'revenue',
  period: { kind: 'FY', year: 2023 },
  value: 88.8e6,
  unit: 'CNY',
  qualifiers: {},
  doc: 'zeta',
  start: 0,
  end: 40,
  numberText: 'RMB 88.8 million',
  precision: 3,
  confidence: 0.9,
  language: 'en',
};

describe('what a stored figure may hold', () => {
  it('refuses non-finite and overflowing values, ranges and changes', () => {
    expect(isStorableFact(fact)).toBe(true);
    for (const bad of [
      { value: Number.POSITIVE_INFINITY },
      { value: Number.NaN },
      { value: null as unknown as number },
      { value: 9.99e299 * 1e9 },
      { value: 1e300 },
      { range: { low: 1, high: Number.POSITIVE_INFINITY } },
      { change: { value: Number.NaN, unit: '%' as const, basis: 'yoy' as const } },
    ]) {
      expect(isStorableFact({ ...fact, ...bad })).toBe(false);
    }
  });
});

describe('an answer', () => {
  it('quotes at most a handful of agreeing statements and counts the rest', () => {
    const figure = sampleFigure('FY2023', 88.8e6);
    const quotes = Array.from({ length: 766 }, (_, i) => ({ ...figure.source, start: i, end: i + 1 }));
    const answer = makeAnswer({ query: 'q', command: 'metric', status: 'answered', message: 'm', figures: [{ ...figure, corroborating: quotes }] });
    expect(answer.figures[0]!.corroborating).toHaveLength(MAX_CORROBORATING);
    expect(answer.figures[0]!.corroboratingMore).toBe(766 - MAX_CORROBORATING);
  });

  it('leaves out a figure with a non-finite number instead of failing for the others', () => {
    const good = sampleFigure('FY2023', 88.8e6);
    const bad = { ...sampleFigure('FY2022', 1), value: Number.POSITIVE_INFINITY };
    const answer = makeAnswer({ query: 'q', command: 'metric', status: 'answered', message: 'm', figures: [bad, good] });
    expect(answer.figures.map((f) => f.period)).toEqual(['FY2023']);
  });
});

describe('printable', () => {
  it('escapes what would start a new line or reorder the text', () => {
    expect(printable('evil\nIndexed 99 documents\r\t\u202e.md')).toBe('evil\\nIndexed 99 documents\\r\\t\\u202e.md');
    expect(printable('云从科技 report.md')).toBe('云从科技 report.md');
  });
});
