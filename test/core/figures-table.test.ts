import { describe, expect, it } from 'vitest';
import { runInput } from '../../commands/index.ts';
import { bundledContext, bundledEngine } from '../helpers/engine.ts';

/**
 * Question -> expected figure, written from reading the four bundled documents. Each
 * case checks the value in base units, the unit, the period label, the company, that a
 * total is never answered by a segment, and that the quote is an exact excerpt of the
 * cleaned document containing the number as the document writes it.
 */
interface Case {
  q: string;
  company?: string;
  value: number;
  unit?: string;
  period: string;
  /** The number as the document writes it; must be inside the quoted sentence. */
  text: string;
  segment?: string;
  estimate?: boolean;
  qualifiers?: string[];
}

const CW = 'cloudwalk-technology';
const QC = 'qingcloud-technology';
const KC = 'kingsoft-cloud';
const ST = 'sensetime';

const cases: Case[] = [
  // CloudWalk revenue, every year of the Traditional Chinese article's list
  { q: '/metric cloudwalk revenue 2017', company: CW, value: 64_533_700, unit: 'CNY', period: 'FY2017', text: '6453.37萬元' },
  { q: '/metric cloudwalk revenue 2018', company: CW, value: 484e6, unit: 'CNY', period: 'FY2018', text: '4.84億元' },
  { q: '/metric cloudwalk revenue 2019', company: CW, value: 807e6, unit: 'CNY', period: 'FY2019', text: '8.07億元' },
  { q: '/metric cloudwalk revenue 2020', company: CW, value: 755e6, unit: 'CNY', period: 'FY2020', text: '7.55億元' },
  { q: '/metric cloudwalk revenue 2021', company: CW, value: 1_076e6, unit: 'CNY', period: 'FY2021', text: '10.76億元' },
  { q: '/metric cloudwalk revenue 2022', company: CW, value: 526e6, unit: 'CNY', period: 'FY2022', text: '5.26億元' },
  { q: '/metric cloudwalk revenue 2023', company: CW, value: 628e6, unit: 'CNY', period: 'FY2023', text: '6.28億元' },
  { q: '/metric cloudwalk revenue 2024', company: CW, value: 398e6, unit: 'CNY', period: 'FY2024', text: '3.98億元' },
  // CloudWalk net profit (loss), every year
  { q: '/metric cloudwalk net profit attributable 2017', company: CW, value: -106e6, unit: 'CNY', period: 'FY2017', text: '-1.06億元' },
  { q: '/metric cloudwalk net profit attributable 2018', company: CW, value: -181e6, unit: 'CNY', period: 'FY2018', text: '-1.81億元' },
  { q: '/metric cloudwalk net profit attributable 2019', company: CW, value: -640e6, unit: 'CNY', period: 'FY2019', text: '-6.40億元' },
  { q: '/metric cloudwalk net profit attributable 2020', company: CW, value: -813e6, unit: 'CNY', period: 'FY2020', text: '-8.13億元' },
  { q: '/metric cloudwalk net loss 2021', company: CW, value: -632e6, unit: 'CNY', period: 'FY2021', text: '632 million yuan' },
  { q: '/metric cloudwalk net loss 2022', company: CW, value: -869e6, unit: 'CNY', period: 'FY2022', text: '869 million yuan' },
  { q: '/metric cloudwalk net profit attributable 2023', company: CW, value: -643e6, unit: 'CNY', period: 'FY2023', text: '-6.43億元' },
  { q: '/metric cloudwalk net profit 2024', company: CW, value: -696e6, unit: 'CNY', period: 'FY2024', text: '6.96億元' },
  { q: '/metric cloudwalk net loss Q1 2023', company: CW, value: -142e6, unit: 'CNY', period: 'Q1 2023', text: '142 million yuan' },
  { q: '/metric cloudwalk net loss Q1 2022', company: CW, value: -116e6, unit: 'CNY', period: 'Q1 2022', text: '116 million yuan' },
  { q: '/metric cloudwalk net loss the first quarter of 2023', company: CW, value: -142e6, unit: 'CNY', period: 'Q1 2023', text: '142 million yuan' },
  // CloudWalk other metrics
  { q: '/metric cloudwalk gross margin 2024', company: CW, value: 35.81, unit: '%', period: 'FY2024', text: '35.81%' },
  { q: '/metric cloudwalk operating cash flow 2024', company: CW, value: -307e6, unit: 'CNY', period: 'FY2024', text: '-3.07億元' },
  { q: '/metric cloudwalk cash 2024', company: CW, value: 838e6, unit: 'CNY', period: 'FY2024', text: '8.38億元' },
  { q: '/metric cloudwalk r&d expense 2024', company: CW, value: 472e6, unit: 'CNY', period: 'FY2024', text: '4.72億元' },
  { q: '/metric cloudwalk r&d expense 2022', company: CW, value: 560e6, unit: 'CNY', period: 'FY2022', text: '560 million yuan' },
  { q: '/metric cloudwalk employees 2024', company: CW, value: 453, unit: 'count', period: 'FY2024', text: '453人' },
  { q: '/metric cloudwalk headcount 2023', company: CW, value: 801, unit: 'count', period: 'FY2023', text: '801人' },
  { q: '/metric cloudwalk r&d staff 2024', company: CW, value: 228, unit: 'count', period: 'FY2024', text: '228人' },
  { q: '/metric cloudwalk r&d personnel 2023', company: CW, value: 467, unit: 'count', period: 'FY2023', text: '467人' },
  { q: '/metric cloudwalk r&d personnel 2022', company: CW, value: 552, unit: 'count', period: 'FY2022', text: '552' },
  { q: '/metric cloudwalk r&d ratio 2022', company: CW, value: 106.45, unit: '%', period: 'FY2022', text: '106.45%' },
  { q: '/metric cloudwalk revenue forecast 2025', company: CW, value: 4_011e6, unit: 'CNY', period: 'FY2025', text: '40.11億元', estimate: true },
  { q: '/metric cloudwalk cumulative net loss 2018-2022', company: CW, value: -3.1e9, unit: 'CNY', period: 'FY2018-FY2022', text: '3.1 billion yuan', qualifiers: ['cumulative', 'at least'] },
  // A CloudWalk article stating SenseTime's figures gives SenseTime facts
  { q: '/metric sensetime gross margin 2024', company: ST, value: 42.9, unit: '%', period: 'FY2024', text: '42.9%' },
  { q: '/metric 商汤科技 net loss 2018-2024', company: ST, value: -54.6e9, unit: 'CNY', period: 'FY2018-FY2024', text: '546億元', qualifiers: ['cumulative'] },
  // QingCloud
  { q: '/metric qingcloud revenue 2019', company: QC, value: 377e6, unit: 'CNY', period: 'FY2019', text: 'RMB 377 million' },
  { q: '/metric qingcloud revenue 2020', company: QC, value: 429e6, unit: 'CNY', period: 'FY2020', text: 'RMB 429 million' },
  { q: '/metric qingcloud revenue 2021', company: QC, value: 424e6, unit: 'CNY', period: 'FY2021', text: 'RMB 424 million' },
  { q: '/metric qingcloud revenue 2022', company: QC, value: 305e6, unit: 'CNY', period: 'FY2022', text: 'RMB 305 million' },
  { q: '/metric qingcloud revenue 2023', company: QC, value: 336e6, unit: 'CNY', period: 'FY2023', text: 'RMB 336 million' },
  { q: '/metric qingcloud net loss 2019', company: QC, value: -190e6, unit: 'CNY', period: 'FY2019', text: 'RMB 190 million' },
  { q: '/metric qingcloud net loss 2020', company: QC, value: -163e6, unit: 'CNY', period: 'FY2020', text: 'RMB 163 million' },
  { q: '/metric qingcloud net loss 2021', company: QC, value: -283e6, unit: 'CNY', period: 'FY2021', text: 'RMB 283 million' },
  { q: '/metric qingcloud net loss 2022', company: QC, value: -244e6, unit: 'CNY', period: 'FY2022', text: 'RMB 244 million' },
  { q: '/metric qingcloud net loss 2023', company: QC, value: -170e6, unit: 'CNY', period: 'FY2023', text: 'RMB 170 million' },
  { q: '/metric qingcloud revenue H1 2024', company: QC, value: 144e6, unit: 'CNY', period: 'H1 2024', text: 'RMB 144 million' },
  { q: '/metric qingcloud net loss H1 2024', company: QC, value: -38e6, unit: 'CNY', period: 'H1 2024', text: 'RMB 38 million' },
  { q: '/metric qingcloud net loss H1 2023', company: QC, value: -82e6, unit: 'CNY', period: 'H1 2023', text: 'RMB 82 million' },
  { q: '/metric qingcloud r&d investment H1 2024', company: QC, value: 35e6, unit: 'CNY', period: 'H1 2024', text: 'RMB 35 million' },
  { q: '/metric qingcloud r&d expense H1 2023', company: QC, value: 46e6, unit: 'CNY', period: 'H1 2023', text: 'RMB 46 million' },
  { q: '/metric qingcloud r&d expense H1 2022', company: QC, value: 74e6, unit: 'CNY', period: 'H1 2022', text: 'RMB 74 million' },
  { q: '/metric qingcloud r&d personnel H1 2022', company: QC, value: 346, unit: 'count', period: 'H1 2022', text: '346' },
  { q: '/metric qingcloud r&d personnel H1 2023', company: QC, value: 263, unit: 'count', period: 'H1 2023', text: '263' },
  { q: '/metric qingcloud revenue the first half of 2024', company: QC, value: 144e6, unit: 'CNY', period: 'H1 2024', text: 'RMB 144 million' },
  // Kingsoft Cloud, Q4 2022 transcript
  { q: '/metric kingsoft cloud revenue Q4 2022', company: KC, value: 2_131e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 2,131 million' },
  { q: '/metric kingsoft cloud total revenue 4Q22', company: KC, value: 2_131e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 2,131 million' },
  { q: '/metric kingsoft cloud public cloud revenue Q4 2022', company: KC, value: 1.34e9, unit: 'CNY', period: 'Q4 2022', text: 'RMB 1.34 billion', segment: 'public cloud' },
  { q: '/metric kingsoft cloud enterprise cloud revenue Q4 2022', company: KC, value: 790e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 790 million', segment: 'enterprise cloud' },
  { q: '/metric kingsoft cloud free cash flow Q4 2022', company: KC, value: 259.6e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 259.6 million' },
  { q: '/metric kingsoft cloud operating cash flow Q4 2022', company: KC, value: 370.4e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 370.4 million' },
  { q: '/metric kingsoft cloud cash 2022', company: KC, value: 4.7e9, unit: 'CNY', period: 'FY2022', text: 'RMB 4.7 billion' },
  // A balance at the year end answers the fourth quarter too, said as counted that day.
  { q: '/metric kingsoft cloud cash Q4 2022', company: KC, value: 4.7e9, unit: 'CNY', period: 'Q4 2022', text: 'RMB 4.7 billion', qualifiers: ['as at 2022-12-31'] },
  { q: '/metric kingsoft cloud adjusted ebitda Q4 2022', company: KC, value: -245.1e6, unit: 'CNY', period: 'Q4 2022', text: 'negative RMB 245.1 million', qualifiers: ['adjusted'] },
  { q: '/metric kingsoft cloud adjusted ebitda margin Q4 2022', company: KC, value: -11.5, unit: '%', period: 'Q4 2022', text: 'negative 11.5%', qualifiers: ['adjusted'] },
  { q: '/metric kingsoft cloud adjusted gross margin Q4 2022', company: KC, value: 7.9, unit: '%', period: 'Q4 2022', text: '7.9%', qualifiers: ['adjusted'] },
  { q: '/metric kingsoft cloud adjusted gross margin Q3 2022', company: KC, value: 6.3, unit: '%', period: 'Q3 2022', text: '6.3%' },
  { q: '/metric kingsoft cloud adjusted gross margin Q2 2022', company: KC, value: 3.6, unit: '%', period: 'Q2 2022', text: '3.6%' },
  { q: '/metric kingsoft cloud adjusted gross profit Q4 2022', company: KC, value: 168.5e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 168.5 million', qualifiers: ['adjusted'] },
  { q: '/metric kingsoft cloud cost of revenue Q4 2022', company: KC, value: 1_969.1e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 1,969.1 million' },
  { q: '/metric kingsoft cloud idc cost Q4 2022', company: KC, value: 1_057.6e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 1,057.6 million' },
  { q: '/metric kingsoft cloud idc cost Q4 2021', company: KC, value: 1_321.9e6, unit: 'CNY', period: 'Q4 2021', text: 'RMB 1,321.9 million' },
  { q: '/metric kingsoft cloud depreciation and amortization Q4 2022', company: KC, value: 241.7e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 241.7 million' },
  { q: '/metric kingsoft cloud depreciation and amortization Q4 2021', company: KC, value: 227.2e6, unit: 'CNY', period: 'Q4 2021', text: 'RMB 227.2 million' },
  { q: '/metric kingsoft cloud fulfillment costs Q4 2022', company: KC, value: 155.6e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 155.6 million' },
  { q: '/metric kingsoft cloud other costs Q4 2022', company: KC, value: 48.3e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 48.3 million' },
  { q: '/metric kingsoft cloud adjusted r&d expense Q4 2022', company: KC, value: 239.4e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 239.4 million', qualifiers: ['adjusted'] },
  { q: '/metric kingsoft cloud adjusted r&d expense Q3 2022', company: KC, value: 231.6e6, unit: 'CNY', period: 'Q3 2022', text: 'RMB 231.6 million' },
  { q: '/metric kingsoft cloud adjusted selling and marketing expenses Q4 2022', company: KC, value: 118.4e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 118.4 million' },
  { q: '/metric kingsoft cloud adjusted g&a expenses Q3 2022', company: KC, value: 219.9e6, unit: 'CNY', period: 'Q3 2022', text: 'RMB 219.9 million' },
  { q: '/metric kingsoft cloud net margin Q4 2022', company: KC, value: -24.5, unit: '%', period: 'Q4 2022', text: 'negative 24.5%' },
  { q: '/metric kingsoft cloud adjusted net margin Q4 2022', company: KC, value: -25.9, unit: '%', period: 'Q4 2022', text: 'negative 25.9%', qualifiers: ['adjusted'] },
  { q: '/metric kingsoft cloud capex Q4 2022', company: KC, value: 110.8e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 110.8 million' },
  { q: '/metric kingsoft cloud revenue guidance Q1 2023', company: KC, value: 1.95e9, unit: 'CNY', period: 'Q1 2023', text: 'RMB 1.85 billion', estimate: true },
  { q: '/metric cloudwalk net loss attributable 2018-2022', company: CW, value: -181e6, unit: 'CNY', period: 'FY2018', text: '-1.81億元' },
  // Natural language, English
  { q: "What was CloudWalk's revenue in 2024?", company: CW, value: 398e6, unit: 'CNY', period: 'FY2024', text: '3.98億元' },
  { q: 'How much did QingCloud lose in 2021?', company: QC, value: -283e6, unit: 'CNY', period: 'FY2021', text: 'RMB 283 million' },
  { q: "What was Kingsoft Cloud's free cash flow in Q4 2022?", company: KC, value: 259.6e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 259.6 million' },
  { q: 'qingcloud revenue in the first half of 2024', company: QC, value: 144e6, unit: 'CNY', period: 'H1 2024', text: 'RMB 144 million' },
  { q: 'KC adjusted gross margin 4Q22', company: KC, value: 7.9, unit: '%', period: 'Q4 2022', text: '7.9%' },
  // Natural language, Chinese (Simplified questions over Traditional sources and the reverse)
  { q: '云从科技2023年归母净利润是多少?', company: CW, value: -643e6, unit: 'CNY', period: 'FY2023', text: '-6.43億元' },
  { q: '雲從科技2024年營收', company: CW, value: 398e6, unit: 'CNY', period: 'FY2024', text: '3.98億元' },
  { q: '云从科技2024年毛利率', company: CW, value: 35.81, unit: '%', period: 'FY2024', text: '35.81%' },
  { q: '云从科技2024年员工人数', company: CW, value: 453, unit: 'count', period: 'FY2024', text: '453人' },
  { q: '云从科技2024年研发费用', company: CW, value: 472e6, unit: 'CNY', period: 'FY2024', text: '4.72億元' },
  { q: '青云科技2021年营收', company: QC, value: 424e6, unit: 'CNY', period: 'FY2021', text: 'RMB 424 million' },
  { q: '金山云2022年第四季度总收入', company: KC, value: 2_131e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 2,131 million' },
  { q: '商汤科技2024年毛利率', company: ST, value: 42.9, unit: '%', period: 'FY2024', text: '42.9%' },
  { q: '金山雲2022年第四季度自由現金流', company: KC, value: 259.6e6, unit: 'CNY', period: 'Q4 2022', text: 'RMB 259.6 million' },
];

const notFound: Array<{ q: string; says: RegExp }> = [
  { q: '/metric cloudwalk revenue 2026', says: /stated for: .*FY2024/u },
  { q: '/metric kingsoft cloud revenue 2022', says: /stated for: Q4 2022/u },
  { q: '/metric qingcloud net loss 2024', says: /H1 2024/u },
  { q: '/metric qingcloud revenue Q3 2024', says: /stated for/u },
  { q: '/metric sensetime revenue 2024', says: /gross margin/u },
  { q: '/metric megvii revenue 2023', says: /no figures/u },
  { q: '/metric acme robotics revenue 2024', says: /don't know a company/u },
  { q: '/metric qingclod revenue 2021', says: /Did you mean QingCloud/u },
  { q: '/metric cloudwalk dividend 2024', says: /don't know the metric/u },
  { q: '/metric kingsoft cloud employees 2022', says: /Not found/u },
  { q: '/metric cloudwalk market value 2024', says: /Not found/u },
  { q: '/metric kingsoft cloud public cloud revenue Q3 2022', says: /Not found/u },
  // Precision first: a plain question never gets an adjusted, attributable or what-if figure;
  // the neighbour is shown as what it is.
  { q: '/metric kingsoft cloud gross margin Q4 2022', says: /other qualifiers[\s\S]*\[adjusted\]: 7\.9%/u },
  { q: '/metric cloudwalk net profit 2017', says: /other qualifiers[\s\S]*attributable to shareholders/u },
  { q: '/metric kingsoft cloud adjusted ebitda margin Q3 2022', says: /excluding one-off items/u },
  { q: '/metric cloudwalk revenue 2025', says: /\[forecast\]/u },
];

describe('figures over the bundled corpus', () => {
  const engine = bundledEngine();
  it.each(cases)('$q', async (c) => {
    const answer = await runInput(c.q, bundledContext());
    expect(answer.status, answer.message).toBe('answered');
    const f = answer.figures[0]!;
    expect(f, answer.message).toBeDefined();
    expect(f.value).toBeCloseTo(c.value, 6);
    if (c.unit) expect(f.unit).toBe(c.unit);
    expect(f.period).toBe(c.period);
    if (c.company) expect(f.company).toBe(c.company);
    expect(f.segment).toBe(c.segment);
    expect(Boolean(f.estimate)).toBe(Boolean(c.estimate));
    for (const q of c.qualifiers ?? []) expect(f.qualifiers).toContain(q);
    const doc = engine.snapshot.byId.get(f.source.document)!;
    expect(doc.text.slice(f.source.start, f.source.end)).toBe(f.source.quote);
    const quotes = [f.source.quote, ...f.corroborating.map((s) => s.quote)].join('\n');
    expect(quotes).toContain(c.text);
  });

  it.each(notFound)('not found: $q', async (c) => {
    const answer = await runInput(c.q, bundledContext());
    expect(answer.status).toBe('not_found');
    expect(answer.figures).toHaveLength(0);
    expect(answer.message).toMatch(c.says);
  });

  it('has at least 80 figure cases', () => {
    expect(cases.length + notFound.length).toBeGreaterThanOrEqual(80);
  });
});
