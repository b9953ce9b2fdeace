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

  it('knows a Chinese name without its generic ending, in questions only', () => {
    const z = new CompanyRegistry();
    z.add('Zeta Smart', ['泽塔智能']);
    z.add('Omega Tech', ['欧米科技']);
    expect(z.shortFormMentions('泽塔2024年第四季度营收').map((m) => [m.company.name, m.start, m.end])).toEqual([['Zeta Smart', 0, 2]]);
    expect(z.shortFormMentions('欧米的净亏损').map((m) => m.company.name)).toEqual(['Omega Tech']);
    expect(z.mentions('泽塔的产品')).toEqual([]);
  });
});
