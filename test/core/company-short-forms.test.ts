import { describe, expect, it } from 'vitest';
import { CompanyRegistry } from '../../src/core/companies/registry.ts';

describe('short forms of company names, in questions only', () => {
  const r = new CompanyRegistry();
  r.add('Horizon Robotics', ['地平线']);
  r.add('Black Sesame Technologies', ['黑芝麻']);
  r.add('Alibaba Group', ['Alibaba']);
  r.add('Alibaba Cloud', ['Aliyun']);

  it('finds the first word, or the first two words, of a longer name', () => {
    expect(r.shortFormMentions("what was horizon's gross margin").map((m) => [m.company.name, m.start, m.end])).toEqual([['Horizon Robotics', 9, 16]]);
    expect(r.shortFormMentions('did black sesame report a loss').map((m) => [m.company.name, m.start, m.end])).toEqual([['Black Sesame Technologies', 4, 16]]);
  });

  it('never inside a longer word, never a name another company owns, never in documents', () => {
    expect(r.shortFormMentions('horizonx revenue')).toEqual([]);
    expect(r.shortFormMentions('alibaba revenue')).toEqual([]);
    expect(r.mentions('the horizon of the plan')).toEqual([]);
  });
});
