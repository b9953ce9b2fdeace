import { describe, expect, it } from 'vitest';
import { CompanyRegistry } from '../../src/core/companies/registry.ts';
import type { CorpusDocument } from '../../src/core/corpus/document.ts';
import { extractFacts } from '../../src/core/facts/extract.ts';
import { periodLabel } from '../../src/core/periods.ts';

/** Whose figure a number is, when a sentence names two companies (made-up companies). */

const registry = new CompanyRegistry();
registry.add('Zeta Cloud', ['泽塔云']);
registry.add('Omega Data', ['欧米伽数据']);

function facts(text: string) {
  const doc = { id: 'z', file: 'z.md', title: 't', company: 'zeta-cloud', published: '2031-03-20', period: { kind: 'FY', year: 2030 }, source: null, language: 'en', text, hash: 'x', addedAt: '', inferred: [] } as unknown as CorpusDocument;
  return extractFacts(doc, registry).map((f) => `${f.company} ${f.metric} ${periodLabel(f.period)} ${f.value}`);
}

describe('the company a figure belongs to', () => {
  it("gives each company its own figure, and a new subject after a clause break is not governed by the other's metric", () => {
    const got = facts('Omega Data reported net profit of RMB 1.2 billion in 2030, while Zeta Cloud lost RMB 300 million. 欧米伽数据2030年净利润12亿元,而泽塔云亏损3亿元。');
    expect(got).toContain('omega-data net_income FY2030 1200000000');
    expect(got).toContain('zeta-cloud net_income FY2030 -300000000');
    expect(got).not.toContain('zeta-cloud net_income FY2030 300000000');
  });

  it('still reads a metric named before the company it is of', () => {
    expect(facts('Revenue of Zeta Cloud reached RMB 5 billion in 2030.')).toContain('zeta-cloud revenue FY2030 5000000000');
  });
});
