import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/core/facts/fact.ts';
import { rankStatements } from '../../src/core/query/figures.ts';

function fact(value: number, unit: Fact['unit'], precision: number, translated?: boolean): Fact {
  const f: Fact = { company: 'zeta', metric: 'revenue', period: { kind: 'Q', year: 2030, quarter: 1 }, value, unit, qualifiers: { segment: 'online marketing' }, doc: 'd', start: 0, end: 10, numberText: String(value), precision, confidence: 1, language: 'zh' };
  if (translated) f.translated = true;
  return f;
}

describe('which statement answers', () => {
  it('takes the currency reported over the one translated in brackets, however precise', () => {
    const reported = fact(17e9, 'CNY', 2);
    const inBrackets = fact(2.36e9, 'USD', 3, true);
    expect(rankStatements([inBrackets, reported]).primary).toBe(reported);
    expect(rankStatements([reported, inBrackets]).primary).toBe(reported);
  });

  it('still prefers the more precise of two statements in the same standing', () => {
    const rough = fact(17e9, 'CNY', 2);
    const exact = fact(17.04e9, 'CNY', 4);
    expect(rankStatements([rough, exact]).primary.value).toBe(17.04e9);
  });
});
