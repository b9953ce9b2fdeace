import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInput } from '../../commands/index.ts';
import { CompanyRegistry } from '../../src/core/companies/registry.ts';
import type { CorpusDocument } from '../../src/core/corpus/document.ts';
import { Engine } from '../../src/core/engine.ts';
import { extractFacts } from '../../src/core/facts/extract.ts';
import { logicalLines } from '../../src/core/facts/sentences.ts';
import { periodLabel } from '../../src/core/periods.ts';
import { parseLookup } from '../../src/core/query/parse-query.ts';

// An invented results release: a total, then its business lines as list items, each named
// only by its brand; a heading item for a count; a heading item for a metric we do not know.
const RELEASE = `Quarter Highlights
- Total revenues for
the quarter were $52.4 million, an increase of 3.1% from $50.8
million in the second quarter of 2030.
- Lumen: $20.2
million for the quarter, an increase of 4.0% from $19.4 million in
the second quarter of 2030.
- Qiyun:
RMB231.7 million ($32.2 million) for the quarter, an increase of
2.2% from RMB226.7 million ($31.5 million) in the second quarter of
2030.
- Active Customers
- Lumen: 2,315 as of
June 30, 2031, an increase of 6.1% from 2,182 as of June 30,
2030.
- Partner Satisfaction
Index
- Lumen: 87 for the quarter.
- Net loss for the
quarter was $7.7 million, compared to net loss of $12.9 million in
the second quarter of 2030.
`;

function registry(): CompanyRegistry {
  const r = new CompanyRegistry();
  r.add('Lumen Nine', ['Lumen', 'Qiyun', '启云']);
  return r;
}

function doc(text: string): CorpusDocument {
  return { id: 'lumen-q2', file: 'lumen-q2.md', title: 'Lumen Nine Q2 2031', company: 'lumen-nine', published: '2031-08-18', period: { kind: 'Q', year: 2031, quarter: 2 }, source: null, language: 'en', text, hash: 'x', addedAt: '', inferred: [] };
}

function facts(text: string) {
  return extractFacts(doc(text), registry()).map((f) => `${f.metric} ${periodLabel(f.period)} ${f.value} ${f.unit}${f.qualifiers.segment ? ` [${f.qualifiers.segment}]` : ''}${f.qualifiers.change ? ` (${f.qualifiers.change})` : ''}`);
}

describe('list items that name a business line under a metric', () => {
  it('joins an item wrapped over lines, a label alone on its line, and "as of" before a date', () => {
    const lines = logicalLines(RELEASE).map((l) => RELEASE.slice(l.start, l.end).replace(/\n/gu, ' '));
    expect(lines).toContain('- Qiyun: RMB231.7 million ($32.2 million) for the quarter, an increase of 2.2% from RMB226.7 million ($31.5 million) in the second quarter of 2030.');
    expect(lines).toContain('- Lumen: 2,315 as of June 30, 2031, an increase of 6.1% from 2,182 as of June 30, 2030.');
    expect(lines).toContain('- Partner Satisfaction Index');
  });

  it('gives each line the metric of the item that opened the list, with the line as its segment', () => {
    const got = facts(RELEASE);
    expect(got).toEqual(
      expect.arrayContaining([
        'revenue Q2 2031 52400000 USD',
        'revenue Q2 2030 50800000 USD',
        'revenue Q2 2031 20200000 USD [lumen]',
        'revenue Q2 2030 19400000 USD [lumen]',
        'revenue Q2 2031 231700000 CNY [qiyun]',
        'revenue Q2 2031 32200000 USD [qiyun]',
        // The same figure in another currency, in brackets, keeps the period written after it.
        'revenue Q2 2030 226700000 CNY [qiyun]',
        'revenue Q2 2030 31500000 USD [qiyun]',
        'customers H1 2031 2315 count [lumen]',
        'customers H1 2030 2182 count [lumen]',
        'net_income Q2 2031 -7700000 USD',
      ]),
    );
    // Never a total from a line, never a line's figure under another year, never the day of a date.
    expect(got.filter((f) => f.startsWith('revenue') && !f.includes('[') && !f.includes('(yoy)'))).toEqual(['revenue Q2 2031 52400000 USD', 'revenue Q2 2030 50800000 USD']);
    expect(got.some((f) => / 30 count/u.test(f))).toBe(false);
    expect(got.some((f) => f.startsWith('revenue Q2 2031 226700000'))).toBe(false);
    // An item under a heading the vocabulary does not know gets no metric.
    expect(got.some((f) => / 87 /u.test(f))).toBe(false);
  });

  it('reads nothing from a label item when no item above named a metric', () => {
    expect(facts('- Lumen: $20.2 million for the quarter.\n- Qiyun: $32.2 million for the quarter.')).toEqual([]);
  });
});

describe('a brand of the company named in the question', () => {
  it('keeps a second name of the same company as the business line asked about', () => {
    const r = registry();
    expect(parseLookup('lumen qiyun revenue Q2 2031', r).segment).toBe('qiyun');
    expect(parseLookup('lumen nine (lumen) revenue Q2 2031', r).segment).toBeUndefined();
    expect(parseLookup('Lumen Nine 2031年第二季度总营收', r).segment).toBeUndefined();
  });

  it('reads "the quarter ended …" and "9月季度" as that quarter', () => {
    const r = registry();
    expect(parseLookup("What was Lumen's revenue for the quarter ended September 30, 2031?", r).period).toEqual({ kind: 'Q', year: 2031, quarter: 3 });
    expect(parseLookup('Lumen 2031年9月季度收入', r).period).toEqual({ kind: 'Q', year: 2031, quarter: 3 });
    expect(parseLookup('lumen revenue for the six months ended June 30, 2031', r).period).toEqual({ kind: 'H', year: 2031, half: 1 });
  });

  it('reads the period phrases analysts type', () => {
    const r = registry();
    const period = (q: string) => parseLookup(q, r).period;
    expect(period('Lumen 2031年Q4毛利')).toEqual({ kind: 'Q', year: 2031, quarter: 4 });
    expect(period('Lumen revenue for the first nine months of 2031')).toEqual({ kind: '9M', year: 2031 });
    expect(period('Lumen cash at mid-2031')).toEqual({ kind: 'H', year: 2031, half: 1 });
    expect(period('Lumen cash at end-2031')).toEqual({ kind: 'FY', year: 2031 });
    expect(period('Lumen adjusted EBITDA for the December 2031 quarter')).toEqual({ kind: 'Q', year: 2031, quarter: 4 });
    expect(period('Lumen employees at end-June 2031')).toEqual({ kind: 'H', year: 2031, half: 1 });
    expect(period("By how much did Lumen's first-half 2031 revenue grow?")).toEqual({ kind: 'H', year: 2031, half: 1 });
    expect(parseLookup('Lumen first-quarter 2031 revenue', r).segment).toBeUndefined();
    expect(period("Lumen revenue Q2'31")).toEqual({ kind: 'Q', year: 2031, quarter: 2 });
    expect(period('Lumen revenue in the June quarter of 2031')).toEqual({ kind: 'Q', year: 2031, quarter: 2 });
    expect(period('Lumen 31年一季度归母亏损')).toEqual({ kind: 'Q', year: 2031, quarter: 1 });
  });

  it('understands the words around a qualifier, and leaves none unexplained', () => {
    const r = registry();
    const parsed = parseLookup('How much net profit attributable to shareholders did Lumen make in 2031?', r);
    expect(parsed.qualifiers.attributable).toBe(true);
    expect(parsed.unknown).toEqual([]);
    expect(parseLookup('Lumen 2031年收入折合多少美元?', r).unknown).toEqual([]);
    // "GAAP", "on a reported basis" ask for the plain figure; "non-GAAP" stays adjusted.
    const gaap = parseLookup('How much GAAP net profit did Lumen earn in 2031?', r);
    expect([gaap.unknown, gaap.qualifiers.adjusted]).toEqual([[], false]);
    expect(parseLookup('Lumen non-GAAP net profit 2031', r).qualifiers.adjusted).toBe(true);
    expect(parseLookup('Lumen 2031年非GAAP净利润多少?', r).qualifiers.adjusted).toBe(true);
    expect(parseLookup('How much did Lumen lose in 2031 on a reported basis?', r).unknown).toEqual([]);
    expect(parseLookup('Lumen 2031年底有几多员工?', r).period).toEqual({ kind: 'FY', year: 2031 });
    expect(parseLookup("What was Lumen's revenue CAGR over 2029-2031?", r)).toMatchObject({ unknown: [], metric: { id: 'revenue_cagr' } });
    expect(parseLookup('Lumen rd headcount ratio H1 2031', r)).toMatchObject({ unknown: [], metric: { id: 'rd_headcount_share' } });
  });

  it('reads dates written in words as the period ending that day', () => {
    const r = registry();
    expect(parseLookup('How many customers did Lumen have at June 30, 2031?', r).period).toEqual({ kind: 'H', year: 2031, half: 1 });
    expect(parseLookup('Lumen在2030年6月底的活跃客户数?', r).period).toEqual({ kind: 'H', year: 2030, half: 1 });
    expect(parseLookup('lumen customers June 31, 2031', r).badPeriod).toBe('june 31, 2031');
  });

  it('answers a brand with its line, a count with the quarter ending that day, the company with its total', async () => {
    const root = mkdtempSync(join(tmpdir(), 'finqa-list-'));
    const documentsDir = join(root, 'documents');
    mkdirSync(documentsDir);
    const companiesFile = join(root, 'companies.yaml');
    writeFileSync(companiesFile, '- name: Lumen Nine\n  aliases: [Lumen, Qiyun, 启云]\n');
    writeFileSync(join(documentsDir, 'lumen-q2.md'), `---\ntitle: Lumen Nine Q2 2031\ncompany: Lumen Nine\npublished: 2031-08-18\nperiod: Q2 2031\nlanguage: en\n---\n${RELEASE}`);
    const engine = Engine.open({ documentsDir, indexDir: join(root, 'index'), companiesFile });
    const ctx = { engine, now: () => new Date('2031-09-01T00:00:00Z') };
    const ask = async (q: string) => (await runInput(q, ctx)).figures.map((f) => [f.value, f.unit, f.period, f.segment ?? null]);
    expect(await ask("What was Qiyun's revenue in Q2 2030 in US dollars?")).toEqual([[31.5e6, 'USD', 'Q2 2030', 'qiyun']]);
    // The currency reported comes before the one translated in brackets after it.
    expect(await ask('/metric qiyun revenue Q2 2031')).toEqual([[231.7e6, 'CNY', 'Q2 2031', 'qiyun']]);
    expect(await ask('/metric qiyun revenue Q2 2030')).toEqual([[226.7e6, 'CNY', 'Q2 2030', 'qiyun']]);
    expect(await ask('/metric lumen nine revenue Q2 2031')).toEqual([[52.4e6, 'USD', 'Q2 2031', null]]);
    expect(await ask('/metric lumen nine lumen customers Q2 2031')).toEqual([[2315, 'count', 'Q2 2031', 'lumen']]);
    // A quarter named without its year is the latest such quarter stated; 中期 is the first half.
    expect(await ask('Lumen Nine二季度收入多少?')).toEqual([[52.4e6, 'USD', 'Q2 2031', null]]);
    expect(parseLookup('Lumen 2031年中期毛利率', registry()).period).toEqual({ kind: 'H', year: 2031, half: 1 });
    // Another name said to be a business is a line, even one the documents give no figure for.
    expect((await runInput('启云业务2031年二季度收入折合多少美元?', ctx)).status).toBe('not_found');
    // The company's own short name said to be a brand's business, with a gloss in brackets, is the line too.
    expect(await ask('Lumen品牌(海外)业务2031年Q2收入多少?')).toEqual([[20.2e6, 'USD', 'Q2 2031', 'lumen']]);
    // The line's count is not the company's.
    expect((await runInput('/metric lumen nine customers Q2 2031', ctx)).status).toBe('not_found');
  });
});

describe('headings', () => {
  it('keeps a short Chinese heading line apart from the paragraph under it', () => {
    const text = '即时零售收入升60% 国际业务转盈\n对于受关注的即时零售,上季收入229.06亿元,大升60%。';
    const lines = logicalLines(text).map((l) => text.slice(l.start, l.end));
    expect(lines).toEqual(['即时零售收入升60% 国际业务转盈', '对于受关注的即时零售,上季收入229.06亿元,大升60%。']);
    // A list item is not continued by the heading and the sentence after the list.
    const list = '- Customers decreased from 4,000 to 3,700 YoY\nNews Market Reaction 1 Alert\nOn the day this news was published, shares rose.';
    expect(logicalLines(list)).toHaveLength(3);
    // A wrapped line of a paragraph still joins the next.
    const wrapped = '公司上半年实现营业收入12.3亿元,较上年同期增长5%,主要由于云业务\n收入增长。';
    expect(logicalLines(wrapped)).toHaveLength(1);
  });
});
