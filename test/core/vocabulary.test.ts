import { describe, expect, it } from 'vitest';
import { CompanyRegistry } from '../../src/core/companies/registry.ts';
import type { CorpusDocument } from '../../src/core/corpus/document.ts';
import { extractFacts } from '../../src/core/facts/extract.ts';
import type { Fact } from '../../src/core/facts/fact.ts';
import { periodLabel, type Period } from '../../src/core/periods.ts';
import { readMetricWords } from '../../src/core/query/metric-words.ts';
import { fold } from '../../src/core/text/fold.ts';

/**
 * The vocabulary and its grammar, as a table: a sentence of a made-up company and the
 * figures it must (and must not) give, with every qualifier; and question words with what
 * they ask for. A new metric, qualifier cue or period phrase adds a row here.
 */

const registry = new CompanyRegistry();
registry.add('Zeta Cloud', ['泽塔云', '澤塔雲']);

function doc(text: string, period: Period | null = { kind: 'FY', year: 2030 }, published = '2031-03-20'): CorpusDocument {
  return { id: 'zeta', file: 'zeta.md', title: 'Zeta results', company: 'zeta-cloud', published, period, source: null, language: 'zh-Hans', text, hash: 'x', addedAt: '2031-03-20T00:00:00Z', inferred: [] } as unknown as CorpusDocument;
}

type Want = { metric: string; period: string; value: number; q?: Partial<Fact['qualifiers']> };

function keyOf(metric: string, period: string, value: number, q: Partial<Fact['qualifiers']>): string {
  return [metric, period, value, q.adjusted ? 'adj' : '', q.attributable ? 'attr' : '', q.exclNonrecurring ? 'excl' : '', q.change ?? '', q.segment ?? '', q.excludingItems ? 'what-if' : ''].join('|');
}
const key = (f: Fact) => keyOf(f.metric, periodLabel(f.period), f.value, f.qualifiers);
const want = (w: Want) => keyOf(w.metric, w.period, w.value, w.q ?? {});

const sentences: Array<{ text: string; gives: Want[]; never?: Array<{ metric: string; value: number }>; period?: Period }> = [
  {
    // 全年 is the year of the clause, never the quarter named before it; guidance "X to Y" is one range.
    text: '2030年第四季度,泽塔云实现营收23亿元,全年营收81亿元。Zeta Cloud expects revenue of RMB 9.0 billion to RMB 9.5 billion for 2031.',
    gives: [
      { metric: 'revenue', period: 'Q4 2030', value: 2_300_000_000 },
      { metric: 'revenue', period: 'FY2030', value: 8_100_000_000 },
      { metric: 'revenue', period: 'FY2031', value: 9_250_000_000 },
    ],
    never: [{ metric: 'revenue', value: 9_000_000_000 }],
  },
  {
    // A base with no period of its own, after a change with no basis word, is a year earlier;
    // "in the previous year" after a base is the same half a year earlier; a profit as a share
    // of revenue is its margin, of the base's period when said of the base.
    period: { kind: 'H', year: 2030, half: 1 },
    text: 'Zeta Cloud gross profit for the same period was RMB 80,075,000, which is 40.0% of total revenue, compared to RMB 29,358,000, or 28.2% of total revenue, in the previous year. Research and development expenses increased by 11.8% from RMB 464.4 million to RMB 519.2 million. Net loss of RMB 30 million was 10% of revenue.',
    gives: [
      { metric: 'gross_profit', period: 'H1 2030', value: 80_075_000 },
      { metric: 'gross_margin', period: 'H1 2030', value: 40 },
      { metric: 'gross_profit', period: 'H1 2029', value: 29_358_000 },
      { metric: 'gross_margin', period: 'H1 2029', value: 28.2 },
      { metric: 'rd_expense', period: 'H1 2029', value: 464_400_000 },
      { metric: 'rd_expense', period: 'H1 2030', value: 519_200_000 },
    ],
    never: [{ metric: 'net_margin', value: 10 }],
  },
  {
    // Two lines named together, then one alone at the start of a clause: that clause is the one line's.
    // 倒退 is a fall; a period that dates an event (去年下半年开启新战略) does not date the figures after it.
    period: { kind: 'H', year: 2030, half: 1 },
    text: '泽塔云期内毛利倒退20.5%至5.49亿元。智慧零售及智慧城市收入就录跌幅,智慧零售按年下跌10.5%至7390万元;智慧城市板块收入2.84亿元。泽塔云去年下半年开启新战略,包括生成式AI收入8.16亿元,按年增42.7%。',
    gives: [
      { metric: 'gross_profit', period: 'H1 2030', value: -20.5, q: { change: 'yoy' } },
      { metric: 'revenue', period: 'H1 2030', value: 73_900_000, q: { segment: '智慧零售' } },
      { metric: 'revenue', period: 'H1 2030', value: -10.5, q: { segment: '智慧零售', change: 'yoy' } },
      { metric: 'revenue', period: 'H1 2030', value: 284_000_000, q: { segment: '智慧城市' } },
      { metric: 'revenue', period: 'H1 2030', value: 816_000_000, q: { segment: '生成式ai' } },
    ],
  },
  {
    // Attributable to the company is to its shareholders; attributable to a line of it is never the company's figure.
    period: { kind: 'Q', year: 2030, quarter: 1 },
    text: '归属泽塔云的净利润(Non-GAAP)60.11亿元,同比增长21%,归属于泽塔云核心的净利润(Non-GAAP)56.28亿元,同比增长25%。其中泽塔云核心营收为218亿元。',
    gives: [
      { metric: 'net_income', period: 'Q1 2030', value: 6_011_000_000, q: { adjusted: true, attributable: true } },
      { metric: 'net_income', period: 'Q1 2030', value: 21, q: { adjusted: true, attributable: true, change: 'yoy' } },
      { metric: 'revenue', period: 'Q1 2030', value: 21_800_000_000, q: { segment: '核心' } },
    ],
    never: [
      { metric: 'net_income', value: 5_628_000_000 },
      { metric: 'net_income', value: 25 },
    ],
  },
  {
    // A line's share of revenue; the company's own share of its revenue is no figure.
    period: { kind: 'H', year: 2030, half: 1 },
    text: '(二)智慧零售解决方案:营业额增长1.2倍至5.13亿元,占总营业额57.7%。Zeta Cloud cloud revenue was RMB 2.1 billion, or 23% of total revenue. Revenue was RMB 9.0 billion, or 100% of total revenue. 集团收入占比为100%。',
    gives: [
      { metric: 'revenue_share', period: 'H1 2030', value: 57.7, q: { segment: '智慧零售解决方案' } },
      { metric: 'revenue', period: 'H1 2030', value: 120, q: { segment: '智慧零售解决方案', change: 'yoy' } },
      { metric: 'revenue_share', period: 'H1 2030', value: 23, q: { segment: 'cloud' } },
    ],
    never: [{ metric: 'revenue_share', value: 100 }],
  },
  {
    // "占比60%" right after a line's revenue is its share; the company's own "占比100%" is none.
    text: '泽塔云2030年营收50亿元,其中云业务收入30亿元,占比60%。公司收入50亿元,占比100%。',
    gives: [{ metric: 'revenue_share', period: 'FY2030', value: 60, q: { segment: '云' } }],
    never: [{ metric: 'revenue_share', value: 100 }],
  },
  {
    // Hong Kong wording: 研究及开发 is R&D, 占营业额百分比 its share of revenue; 经营活动所用净现金 is an outflow.
    period: { kind: 'H', year: 2030, half: 1 },
    text: '期内,泽塔云研究及开发费用按年下跌7.6%至6.79亿元。研究及开发费用占营业额百分比下降至21.3%。经营活动所用净现金由去年同期的1.76亿元,收窄至1,621.5万元。',
    gives: [
      { metric: 'rd_expense', period: 'H1 2030', value: 679_000_000 },
      { metric: 'rd_ratio', period: 'H1 2030', value: 21.3 },
      { metric: 'operating_cash_flow', period: 'H1 2030', value: -16_215_000 },
      { metric: 'operating_cash_flow', period: 'H1 2029', value: -176_000_000 },
    ],
  },
  {
    // A sentence about a product (its parenthesis says so) gives the product's revenue, never the company's.
    period: { kind: 'H', year: 2030, half: 1 },
    text: '泽塔云・苍穹和泽塔云・星瀚(面向高端市场的主要产品)2030年上半年新签304 家客户;期内实现收入增加34.3%至8.45亿元。泽塔云(股份代号:2013)2030年上半年收入31.92亿元。',
    gives: [
      { metric: 'revenue', period: 'H1 2030', value: 845_000_000, q: { segment: '苍穹和星瀚' } },
      { metric: 'revenue', period: 'H1 2030', value: 3_192_000_000 },
    ],
  },
  {
    // "a year ago", "the prior-year quarter": the reported period a year earlier, never the calendar year.
    text: 'In Q2 2030, Zeta Cloud revenue was $52.3 million, compared with $48.1 million in the prior-year quarter. Net loss narrowed to RMB 12.5 million in Q2 2030 from RMB 30.2 million a year ago.',
    gives: [
      { metric: 'revenue', period: 'Q2 2029', value: 48_100_000 },
      { metric: 'net_income', period: 'Q2 2030', value: -12_500_000 },
      { metric: 'net_income', period: 'Q2 2029', value: -30_200_000 },
    ],
  },
  {
    // A change stated after the comparison base is the current figure's, not the base year's.
    text: 'Zeta Cloud revenue was RMB 900 million in 2030, compared to revenue of RMB 800 million in 2029, a 12.5% increase.',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 900_000_000 },
      { metric: 'revenue', period: 'FY2029', value: 800_000_000 },
      { metric: 'revenue', period: 'FY2030', value: 12.5, q: { change: 'yoy' } },
    ],
  },
  {
    // "for the full year 2017": the year written after it, never the year of the clause before.
    text: 'Zeta Cloud reported revenue of RMB 3.88 billion for the full year 2027. Full-year 2028 revenue was RMB 5 billion.',
    gives: [
      { metric: 'revenue', period: 'FY2027', value: 3_880_000_000 },
      { metric: 'revenue', period: 'FY2028', value: 5_000_000_000 },
    ],
  },
  {
    // The report named gives the period ("semi-annual report for 2030" is H1); "was a loss of" keeps the
    // qualifiers of the metric it gives; per-capita figures and amounts of change are nobody's level.
    text: "Zeta Cloud released its semi-annual report for 2030, with revenue of 8.325 billion yuan; while the net profit attributable to shareholders of the listed company was a loss of 301 million yuan, compared to a net profit of 63.5 million yuan in the same period last year. The company's per capita revenue and per capita gross profit increased by 120,000 yuan and 80,000 yuan respectively on the basis of 2029. Revenue and gross profit increased by RMB 120 million and RMB 80 million respectively in 2029.",
    gives: [
      { metric: 'revenue', period: 'H1 2030', value: 8_325_000_000 },
      { metric: 'net_income', period: 'H1 2030', value: -301_000_000, q: { attributable: true } },
      { metric: 'net_income', period: 'H1 2029', value: 63_500_000, q: { attributable: true } },
    ],
    never: [
      { metric: 'revenue', value: 120_000 },
      { metric: 'gross_profit', value: 80_000 },
      { metric: 'gross_profit', value: 80_000_000 },
      { metric: 'revenue', value: 120_000_000 },
    ],
  },
  {
    // After figures of several years, a change with no period of its own is tied to none of them.
    text: '2026年至2029年,泽塔云亏损净额分别为24.33亿元、39.67亿元、111.58亿元及161.4亿元。值得注意的是,其亏损缺口较去年迅速扩大,同比上升51.5%。',
    gives: [
      { metric: 'net_income', period: 'FY2026', value: -2_433_000_000 },
      { metric: 'net_income', period: 'FY2029', value: -16_140_000_000 },
    ],
    never: [{ metric: 'net_income', value: 51.5 }],
  },
  {
    // Several expense lines together are none of them; a holder's position value and a per-account value are no company figure.
    text: 'Total selling, administrative, and financial expenses amounted to 161 million yuan, which is a 8.31% increase. Selling expenses were 50 million yuan in 2030. 户均持股市值由三季度末的456.05万元增加至911.07万元。张三持仓市值约为80亿元。',
    gives: [{ metric: 'sm_expense', period: 'FY2030', value: 50_000_000 }],
    never: [
      { metric: 'finance_expense', value: 161_000_000 },
      { metric: 'finance_expense', value: 8.31 },
      { metric: 'market_value', value: 9_110_700 },
      { metric: 'market_value', value: 8_000_000_000 },
    ],
  },
  {
    // An appositive that states a figure keeps its metric; "up from X" is a base, never this period's figure.
    text: 'Zeta Cloud revenues were RMB 2.45 billion for the fourth quarter of 2030. Gross profit was RMB 812.5 million, representing a gross margin of 33.2%, compared with 30.1% in the fourth quarter of 2029. Adjusted EBITDA was RMB 210.3 million, up from RMB 150.2 million.',
    gives: [
      { metric: 'gross_margin', period: 'Q4 2030', value: 33.2 },
      { metric: 'gross_margin', period: 'Q4 2029', value: 30.1 },
      { metric: 'ebitda', period: 'Q4 2030', value: 210_300_000, q: { adjusted: true } },
    ],
    never: [{ metric: 'ebitda', value: 150_200_000 }],
  },
  {
    // "上年同期亏损" is the attributable loss named before, a year earlier; its period ends with its clause.
    period: { kind: 'H', year: 2030, half: 1 },
    text: '泽塔云2030年上半年股东应占亏损收窄至3.2亿元,上年同期亏损5.1亿元;每股亏损0.12元,不派中期息。2028年及2029年,泽塔云经调整净亏损分别为9740万元及6.21亿元,年内亏损则分别为1.44亿元及7.88亿元。',
    gives: [
      { metric: 'net_income', period: 'H1 2030', value: -320_000_000, q: { attributable: true } },
      { metric: 'net_income', period: 'H1 2029', value: -510_000_000, q: { attributable: true } },
      { metric: 'eps', period: 'H1 2030', value: -0.12 },
      { metric: 'net_income', period: 'FY2028', value: -97_400_000, q: { adjusted: true } },
      // "年内亏损" is the loss for the year, not the adjusted loss named before it.
      { metric: 'net_income', period: 'FY2028', value: -144_000_000 },
    ],
  },
  {
    // Analysts' estimates are not the company's; a forecast's period does not go on for the paragraph;
    // "full-year" alone is the year of the clause.
    period: { kind: 'Q', year: 2030, quarter: 3 },
    text: "Zeta Cloud's third-quarter revenue rose 8% to $1.2 billion, beating analysts' estimates of $1.15 billion. The company expects fourth-quarter revenue of about $1.3 billion. Cloud revenue jumped 35% to $400 million. Analysts expect full-year revenue of $4.8 billion. The company expects full-year revenue of $4.9 billion.",
    gives: [
      { metric: 'revenue', period: 'Q3 2030', value: 1_200_000_000 },
      { metric: 'revenue', period: 'Q3 2030', value: 400_000_000, q: { segment: 'cloud' } },
      { metric: 'revenue', period: 'FY2030', value: 4_900_000_000 },
    ],
    never: [
      { metric: 'revenue', value: 1_150_000_000 },
      { metric: 'revenue', value: 4_800_000_000 },
    ],
  },
  {
    // Tenths in Chinese numerals: 三成 is 30%, 两成半 25%; 成本 and 成员 are words, not numbers.
    period: { kind: 'H', year: 2030, half: 1 },
    text: '泽塔云营业额按年升12%至88.5亿元,纯利按年跌三成至5.2亿元。经营溢利升两成半至6.8亿元。公司三成员工为研发人员,一成本地客户。',
    gives: [
      { metric: 'net_income', period: 'H1 2030', value: -30, q: { change: 'yoy' } },
      { metric: 'operating_income', period: 'H1 2030', value: 25, q: { change: 'yoy' } },
    ],
    never: [
      { metric: 'rd_headcount_share', value: 30 },
      { metric: 'revenue', value: 10 },
    ],
  },
  {
    // Analyst notes: "FY31E" is a forecast year; "2.1ppt" and "50 bps" are points; "P/E." ends a sentence.
    text: 'We raise our FY31E revenue forecast to RMB 5.2bn and FY32E to RMB 6.1bn. We maintain BUY with a target price of HK$45.0, implying 25x FY31E P/E. Gross margin expanded 2.1ppt YoY to 45.3% in 4Q30. Net margin improved 50 bps to 12.1% in 2030.',
    gives: [
      { metric: 'revenue', period: 'FY2031', value: 5_200_000_000 },
      { metric: 'revenue', period: 'FY2032', value: 6_100_000_000 },
      { metric: 'gross_margin', period: 'Q4 2030', value: 45.3 },
      { metric: 'gross_margin', period: 'Q4 2030', value: 2.1, q: { change: 'yoy' } },
      { metric: 'net_margin', period: 'FY2030', value: 0.5, q: { change: 'yoy' } },
    ],
  },
  {
    // A market's expectation is nobody's figure; an outflow and a profit turned to loss are negative;
    // 溢利 is profit, 除税前溢利 (pre-tax) is not net profit.
    period: { kind: 'Q', year: 2030, quarter: 3 },
    text: '泽塔云第三季收入按年增长5%至236亿元,逊市场预期的240亿元。期内股东应占溢利由盈转亏,录得20亿元。自由现金流为流出218亿元。除税前溢利为30亿元。Free cash flow was a net outflow of RMB 5 million in the third quarter of 2030.',
    gives: [
      { metric: 'revenue', period: 'Q3 2030', value: 23_600_000_000 },
      { metric: 'net_income', period: 'Q3 2030', value: -2_000_000_000, q: { attributable: true } },
      { metric: 'free_cash_flow', period: 'Q3 2030', value: -21_800_000_000 },
      { metric: 'free_cash_flow', period: 'Q3 2030', value: -5_000_000 },
    ],
    never: [
      { metric: 'revenue', value: 24_000_000_000 },
      { metric: 'net_income', value: 3_000_000_000 },
    ],
  },
  {
    // ¥ (and full-width ￥) is the yuan.
    text: 'Net loss was ¥300 million in 2030. 2030年毛利￥3亿元。',
    gives: [
      { metric: 'net_income', period: 'FY2030', value: -300_000_000 },
      { metric: 'gross_profit', period: 'FY2030', value: 300_000_000 },
    ],
  },
  {
    // Metrics listed and values listed "respectively" pair in order; more values than metrics named
    // (an unknown "selling costs") gives none of them.
    text: 'In 2030, selling and marketing expenses, general and administrative expenses and research and development expenses were RMB 100.1 million, RMB 80.2 million and RMB 150.3 million, respectively. Selling costs and R&D expenses were RMB 12.3 million and RMB 4.5 million in 2030. 2030年,销售费用、管理费用及研发费用分别为1.2亿元、0.8亿元及2.3亿元。',
    gives: [
      { metric: 'sm_expense', period: 'FY2030', value: 100_100_000 },
      { metric: 'ga_expense', period: 'FY2030', value: 80_200_000 },
      { metric: 'rd_expense', period: 'FY2030', value: 150_300_000 },
      { metric: 'sm_expense', period: 'FY2030', value: 120_000_000 },
      { metric: 'ga_expense', period: 'FY2030', value: 80_000_000 },
      { metric: 'rd_expense', period: 'FY2030', value: 230_000_000 },
    ],
    never: [
      { metric: 'rd_expense', value: 12_300_000 },
      { metric: 'rd_expense', value: 4_500_000 },
    ],
  },
  {
    // A line's recurring revenue is named as its revenue is; the company's own stays the company's.
    period: { kind: 'H', year: 2030, half: 1 },
    text: '2030年上半年,云订阅年经常性收入(ARR)37.3亿元,按年上升18.5%。泽塔云2030年上半年年经常性收入40亿元。',
    gives: [
      { metric: 'arr', period: 'H1 2030', value: 3_730_000_000, q: { segment: '云订阅' } },
      { metric: 'arr', period: 'H1 2030', value: 4_000_000_000 },
    ],
  },
  {
    // Broker notes: "pct" after a Chinese figure is points; a bare 亏损 opening the next clause is the
    // attributable loss just named.
    period: { kind: 'Q', year: 2030, quarter: 1 },
    text: '2030Q1 泽塔云营收36.58 亿元,同增17.74%;归母净利-1.83 亿元,亏损规模同减25.68%。2030Q1 公司毛利率为30.18%,同增1.12pct。Revenue rose 5 pct in 2029.',
    gives: [
      { metric: 'net_income', period: 'Q1 2030', value: -183_000_000, q: { attributable: true } },
      { metric: 'net_income', period: 'Q1 2030', value: -25.68, q: { attributable: true, change: 'yoy' } },
      { metric: 'gross_margin', period: 'Q1 2030', value: 1.12, q: { change: 'yoy' } },
      { metric: 'revenue', period: 'FY2029', value: 5, q: { change: 'yoy' } },
    ],
  },
  {
    // 约为 is approximate: kept when its sentence names the period, dropped when the period is only carried;
    // 现金及银行结余 is cash.
    text: '截至2030年12月31日,泽塔云的现金及银行结余约为17.79亿元。收入约为5亿元。',
    gives: [{ metric: 'cash', period: 'FY2030', value: 1_779_000_000, q: { approximate: true } }],
    never: [{ metric: 'revenue', value: 500_000_000 }],
  },
  {
    // A monthly average is no figure of the period ("月均亏损近4亿元", "average monthly loss").
    period: { kind: 'H', year: 2030, half: 1 },
    text: '2030年上半年,泽塔云月均亏损近4亿元,这一数字是同期月均营收的10倍以上。2030年上半年亏损23.58亿元。Average monthly loss was RMB 40 million in 2030.',
    gives: [{ metric: 'net_income', period: 'H1 2030', value: -2_358_000_000 }],
    never: [
      { metric: 'net_income', value: 400_000_000 },
      { metric: 'net_income', value: 40_000_000 },
    ],
  },
  {
    // "narrower than the X loss a year earlier" is the base, a year earlier; "higher than X" is a bound.
    period: { kind: 'Q', year: 2030, quarter: 2 },
    text: 'Zeta Cloud posted a net loss of RMB 1.2 billion for the second quarter of 2030, narrower than the RMB 1.8 billion loss a year earlier. Revenue was higher than RMB 4 billion in the second quarter of 2030.',
    gives: [
      { metric: 'net_income', period: 'Q2 2030', value: -1_200_000_000 },
      { metric: 'net_income', period: 'Q2 2029', value: -1_800_000_000 },
    ],
  },
  {
    // "cash position" is cash.
    text: 'For full-year 2030, total revenue grew 19.8% to US$198.6 million. Cash position remained strong at US$1.117 billion.',
    gives: [{ metric: 'cash', period: 'FY2030', value: 1_117_000_000 }],
  },
  {
    // "Core" operating profit is the company's own measure, never the reported operating profit.
    text: '2030年泽塔云核心经营溢利为3亿元,股东应占溢利为2亿元。Core net profit was RMB 250 million in 2030.',
    gives: [{ metric: 'net_income', period: 'FY2030', value: 200_000_000, q: { attributable: true } }],
    never: [
      { metric: 'operating_income', value: 300_000_000 },
      { metric: 'net_income', value: 250_000_000 },
    ],
  },
  {
    // Months from January add up to a period (1-9月 is the nine months, 1-6月 the half); 首三季 is 9M.
    period: { kind: 'Q', year: 2030, quarter: 3 },
    text: '2030年1-9月泽塔云净亏损9亿元。2030年1-6月营收40亿元。今年首三季收入61亿元。去年1至3月收入10亿元。',
    gives: [
      { metric: 'net_income', period: '9M 2030', value: -900_000_000 },
      { metric: 'revenue', period: 'H1 2030', value: 4_000_000_000 },
      { metric: 'revenue', period: '9M 2031', value: 6_100_000_000 },
      { metric: 'revenue', period: 'Q1 2030', value: 1_000_000_000 },
    ],
  },
  {
    // A third-quarter report states the quarter and the nine months: a figure says which, or has no period.
    period: { kind: 'H', year: 2030, half: 1 },
    text: '2030财年净利润为5亿元。泽塔云三季报显示,营收为20亿元。2030年三季报显示,前三季度营收为30亿元,第三季度营收为12亿元。',
    gives: [
      { metric: 'revenue', period: '9M 2030', value: 3_000_000_000 },
      { metric: 'revenue', period: 'Q3 2030', value: 1_200_000_000 },
    ],
    never: [{ metric: 'revenue', value: 2_000_000_000 }],
  },
  {
    // A section heading that names one period gives it to the list under it; prose after it is on its own.
    text: 'Fourth Quarter 2030 Financial Highlights\n- Revenues were RMB 2.1 billion, up 8% year-over-year.\n- Net loss was RMB 120 million.\n\nFull Year 2031 Outlook\n- The Company expects revenues of RMB 8.5 billion to RMB 8.8 billion.\n\nMr. Zhang said revenue was RMB 8.1 billion.',
    gives: [
      { metric: 'revenue', period: 'Q4 2030', value: 2_100_000_000 },
      { metric: 'net_income', period: 'Q4 2030', value: -120_000_000 },
      { metric: 'revenue', period: 'FY2031', value: 8_650_000_000 },
      { metric: 'revenue', period: 'FY2030', value: 8_100_000_000 },
    ],
  },
  {
    // "narrowed to X from Y": Y is the base, a year earlier when the sentence's change is; without a
    // change stated, a half's base has no period the text gives.
    period: { kind: 'H', year: 2030, half: 1 },
    text: "In the first half of 2030, Zeta Cloud's revenue rose 15% to RMB 3.2 billion, while its net loss narrowed to RMB 210 million from RMB 380 million. Gross margin improved to 41.5% from 38.2%.",
    gives: [
      { metric: 'net_income', period: 'H1 2030', value: -210_000_000 },
      { metric: 'net_income', period: 'H1 2029', value: -380_000_000 },
      { metric: 'gross_margin', period: 'H1 2030', value: 41.5 },
    ],
    never: [{ metric: 'gross_margin', value: 38.2 }],
  },
  {
    // A base in brackets with its period before a colon ("(2029: RMB 2.8 billion)", "(2029年上半年:38.2%)")
    // is the base, of that period; the figure before it keeps its own period.
    period: { kind: 'H', year: 2030, half: 1 },
    text: '泽塔云期内毛利率为41.5%(2029年上半年:38.2%)。净亏损收窄至2.1亿元(去年同期:3.8亿元)。',
    gives: [
      { metric: 'gross_margin', period: 'H1 2030', value: 41.5 },
      { metric: 'gross_margin', period: 'H1 2029', value: 38.2 },
      { metric: 'net_income', period: 'H1 2030', value: -210_000_000 },
      { metric: 'net_income', period: 'H1 2029', value: -380_000_000 },
    ],
  },
  {
    text: 'Zeta Cloud revenue was RMB 3.2 billion (2029: RMB 2.8 billion). Net loss was RMB 210 million (2029: RMB 380 million).',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 3_200_000_000 },
      { metric: 'revenue', period: 'FY2029', value: 2_800_000_000 },
      { metric: 'net_income', period: 'FY2030', value: -210_000_000 },
      { metric: 'net_income', period: 'FY2029', value: -380_000_000 },
    ],
  },
  {
    // A line's metric read from the line's phrase keeps the line: the margin behind a line's gross
    // profit is the line's; a line's profit as a share of "revenue" is no margin at all.
    text: 'In 2030, cloud gross margin was 35%, or RMB 700 million. Cloud gross profit was RMB 500 million, which is 12% of total revenue.',
    gives: [
      { metric: 'gross_margin', period: 'FY2030', value: 35, q: { segment: 'cloud' } },
      { metric: 'gross_profit', period: 'FY2030', value: 700_000_000, q: { segment: 'cloud' } },
      { metric: 'gross_profit', period: 'FY2030', value: 500_000_000, q: { segment: 'cloud' } },
    ],
    never: [{ metric: 'gross_margin', value: 12 }],
  },
  {
    // Q2'29, H1'30, 1H 2030, "the June quarter of 2030": quarters and halves; YTD is no year.
    text: "Zeta Cloud revenue was RMB 1.1 billion in Q2'29 and RMB 2.3 billion in H1'30. 1H 2030 gross profit was RMB 0.9 billion. Revenue for the June quarter of 2030 was RMB 1.2 billion. YTD 2030 revenue reached RMB 3.5 billion.",
    gives: [
      { metric: 'revenue', period: 'Q2 2029', value: 1_100_000_000 },
      { metric: 'revenue', period: 'H1 2030', value: 2_300_000_000 },
      { metric: 'gross_profit', period: 'H1 2030', value: 900_000_000 },
      { metric: 'revenue', period: 'Q2 2030', value: 1_200_000_000 },
    ],
    never: [{ metric: 'revenue', value: 3_500_000_000 }],
  },
  {
    // "first-half 2030", "Third-quarter 2029": ordinal periods with a hyphen are halves and quarters, never the year.
    text: 'Zeta Cloud first-half 2030 revenue rose 10% to RMB 5.1 billion. Third-quarter 2029 revenue was RMB 2.2 billion.',
    gives: [
      { metric: 'revenue', period: 'H1 2030', value: 5_100_000_000 },
      { metric: 'revenue', period: 'Q3 2029', value: 2_200_000_000 },
    ],
  },
  {
    // "该业务收入" points back to a line; 该 is never a line's name.
    text: '2030年第四季泽塔云该业务收入维持稳定,为13.5亿元。',
    gives: [{ metric: 'revenue', period: 'Q4 2030', value: 1_350_000_000, q: { segment: 'unnamed segment' } }],
  },
  {
    // "…分别为A、B、C及D,累计X": X is the total over the listed years, of the metric just listed.
    text: '2027年至2030年,泽塔云调整亏损净额分别为1.5亿元、11.55亿元、7.08亿元及人民币14.2亿元,累计34.33亿元。',
    gives: [{ metric: 'net_income', period: 'FY2027-FY2030', value: -3_433_000_000, q: { adjusted: true } }],
  },
  {
    // "占比收入的65.1%": R&D as a share of revenue; 占比 is no comparison ("比").
    text: '根据年报,泽塔云2030年研发投入30.6亿元,占比收入的65.1%。',
    gives: [
      { metric: 'rd_expense', period: 'FY2030', value: 3_060_000_000 },
      { metric: 'rd_ratio', period: 'FY2030', value: 65.1 },
    ],
  },
  {
    // R&D staff "占员工总数的74%" is their share of all employees, not a headcount.
    text: '截至2030年6月30日,泽塔云研发团队共有657人,占员工总数的74%。',
    gives: [
      { metric: 'rd_headcount', period: 'H1 2030', value: 657 },
      { metric: 'rd_headcount_share', period: 'H1 2030', value: 74 },
    ],
  },
  {
    // "US$22.1M": a one-letter scale after a currency; never on a bare number ("3m users").
    // "with IoT PaaS revenue": the line is "iot paas", not "with iot paas".
    text: 'In 2030, Zeta Cloud non-GAAP net profit rose 75.8% to US$22.1M; total revenue was US$82.1 million, with IoT PaaS revenue up 25.7% to US$59.3 million. The network had 3m users.',
    gives: [
      { metric: 'net_income', period: 'FY2030', value: 22_100_000, q: { adjusted: true } },
      { metric: 'revenue', period: 'FY2030', value: 59_300_000, q: { segment: 'iot paas' } },
    ],
    never: [{ metric: 'customers', value: 3_000_000 }],
  },
  {
    // "RMB-187.6 million" (the sign after the currency); "Operating profit (loss) margin" is the margin.
    text: 'In 2030, Zeta Cloud non-GAAP operating profit (loss) turned profit, achieving RMB24.4 million, compared with RMB-187.6 million in 2029. Non-GAAP operating profit (loss) margin was 1.1%, compared with -10.9% in 2029.',
    gives: [
      { metric: 'operating_income', period: 'FY2030', value: 24_400_000, q: { adjusted: true } },
      { metric: 'operating_income', period: 'FY2029', value: -187_600_000, q: { adjusted: true } },
      { metric: 'operating_margin', period: 'FY2030', value: 1.1, q: { adjusted: true } },
      { metric: 'operating_margin', period: 'FY2029', value: -10.9, q: { adjusted: true } },
    ],
  },
  {
    // Sibling items of a flattened list speak of the period given before the list, not of the
    // quarter the item before them named.
    text: 'Financial Performance - In the first half of 2030, Zeta Cloud total revenue reached 791 million yuan [1]. - In Q2, total revenue was 415 million yuan [1]. - Gross margin improved to 24.96% [1].',
    gives: [
      { metric: 'revenue', period: 'H1 2030', value: 791_000_000 },
      { metric: 'revenue', period: 'Q2 2030', value: 415_000_000 },
      { metric: 'gross_margin', period: 'H1 2030', value: 24.96 },
    ],
  },
  {
    // "其中…营收" is a part of the total just given, never the total.
    text: '2030年泽塔云总收入为人民币315亿元,同比增长1%。其中泽塔云核心营收为238亿元人民币,同比增长4%。',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 31_500_000_000 },
      { metric: 'revenue', period: 'FY2030', value: 23_800_000_000, q: { segment: '核心' } },
    ],
  },
  {
    // The subject's period, not one inside a 的-phrase; without that phrase the doubt stays.
    text: '泽塔云2030年第二季度的经营扭转了第一季度业绩下滑的不利局面,实现营业收入49.54亿元。第二季度的经营扭转了第一季度业绩下滑,实现毛利19.38亿元。',
    gives: [{ metric: 'revenue', period: 'Q2 2030', value: 4_954_000_000 }],
    never: [{ metric: 'gross_profit', value: 1_938_000_000 }],
  },
  {
    // The subject opens its clause, after a semicolon too.
    text: '泽塔云2030年第一季度营收下降17.64%;公司第二季度的经营扭转了第一季度业绩下滑的不利局面,实现营业收入49.54亿元。',
    gives: [
      { metric: 'revenue', period: 'Q1 2030', value: -17.64, q: { change: 'yoy' } },
      { metric: 'revenue', period: 'Q2 2030', value: 4_954_000_000 },
    ],
  },
  {
    // Items of a flattened English list split at " - "; a comparison's year does not become the
    // period of the next item; "compared to a loss of" is the same attributable figure a year earlier.
    text: 'Results - For the six months ended June 30, 2030, Zeta Cloud gross profit was RMB 90,075,000, compared to RMB 19,358,000 in the previous year[2]. - Net profit attributable to equity holders was RMB 1,104,767,000 for the period, compared to a loss of RMB 3,729,144,000 in the same period in 2029[3]. - Overall gross margin was 50.0%[29].',
    gives: [
      { metric: 'gross_profit', period: 'H1 2030', value: 90_075_000 },
      { metric: 'net_income', period: 'H1 2029', value: -3_729_144_000, q: { attributable: true } },
      { metric: 'gross_margin', period: 'H1 2030', value: 50 },
    ],
  },
  {
    // "二季度" without 第 is a quarter, never the half year named before it.
    text: '2030年上半年泽塔云实现营业收入28.81亿元,其中二季度实现收入17.7亿元,净利润6.83亿元。',
    gives: [
      { metric: 'revenue', period: 'H1 2030', value: 2_881_000_000 },
      { metric: 'revenue', period: 'Q2 2030', value: 1_770_000_000 },
      { metric: 'net_income', period: 'Q2 2030', value: 683_000_000 },
    ],
  },
  {
    // "16. 1%": a spaced-out decimal point is not a full stop.
    text: 'In 2030, Zeta Cloud non-GAAP EBITDA margin was 16. 1%, compared with -1.6% in 2029.',
    gives: [
      { metric: 'ebitda_margin', period: 'FY2030', value: 16.1, q: { adjusted: true } },
      { metric: 'ebitda_margin', period: 'FY2029', value: -1.6, q: { adjusted: true } },
    ],
  },
  {
    // "comprising 85%" is no rise; "X% of total revenue" is a ratio's denominator, not revenue;
    // "a loss of RMB 52.5" is per share; "increased by X% from A to B" is B's change.
    text: 'For the six months ended June 30, 2030, Zeta Cloud gross profit was RMB 90,075,000, which is 50.0% of total revenue, compared to RMB 19,358,000 in the previous year, marking a significant increase of 365.3%. Basic earnings per share was RMB 15.1, a recovery from a loss of RMB 52.5 in 2029. Revenue increased by 69.2% from RMB 106.5 million for the six months ended June 30, 2029, to RMB 180.1 million for the six months ended June 30, 2030. The R&D team comprising 85% of the workforce.',
    gives: [
      { metric: 'gross_profit', period: 'H1 2030', value: 90_075_000 },
      { metric: 'revenue', period: 'H1 2030', value: 180_100_000 },
      { metric: 'revenue', period: 'H1 2030', value: 69.2, q: { change: 'yoy' } },
    ],
    never: [
      { metric: 'revenue', value: 365.3 },
      { metric: 'net_income', value: 52.5 },
      { metric: 'rd_headcount', value: 85 },
    ],
  },
  {
    // A listing code is no year; "较上年同期的(运营亏损)X" is the year-earlier base; 运营亏损 is an operating loss.
    text: '泽塔云(股份代号:2013)发布2030年财报,2030年营收为13.39亿元,较上年同期的22.28亿元下降39.9%。泽塔云2030年经营亏损为14.31亿元,较上年同期的运营亏损6.04亿元扩大136.8%。',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 1_339_000_000 },
      { metric: 'revenue', period: 'FY2029', value: 2_228_000_000 },
      { metric: 'revenue', period: 'FY2030', value: -39.9, q: { change: 'yoy' } },
      { metric: 'operating_income', period: 'FY2029', value: -604_000_000 },
    ],
    never: [{ metric: 'net_income', value: 604_000_000 }],
  },
  {
    // "较上年同期增长12%至15亿元": the level after 至 is the current one, not a base.
    text: '泽塔云2030年营收较上年同期增长12%至15亿元。',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 1_500_000_000 },
      { metric: 'revenue', period: 'FY2030', value: 12, q: { change: 'yoy' } },
    ],
  },
  {
    // "2027年至2030年上半年…分别为" ends with a half year, not a whole one; "同期" opening the next
    // paragraph takes the same periods; a total "累计" over a span ending mid-year has no period.
    text: '2027年至2030年上半年,泽塔云累计亏损超62亿元。\n泽塔云在2027年、2028年、2029年及2030年上半年分别实现营收5740万元、1.245亿元、3.124亿元和1.9亿元。\n同期,泽塔云经调整净亏损分别为9740万元、6.21亿元、24.656亿元和17.52亿元。\n2027年至2030年上半年,泽塔云研发开支分别为8440万元、5.289亿元、21.954亿元和15.947亿元。',
    gives: [
      { metric: 'revenue', period: 'H1 2030', value: 190_000_000 },
      { metric: 'net_income', period: 'FY2027', value: -97_400_000, q: { adjusted: true } },
      { metric: 'net_income', period: 'H1 2030', value: -1_752_000_000, q: { adjusted: true } },
      { metric: 'rd_expense', period: 'FY2029', value: 2_195_400_000 },
      { metric: 'rd_expense', period: 'H1 2030', value: 1_594_700_000 },
    ],
    never: [{ metric: 'net_income', value: 6_200_000_000 }],
  },
  {
    // A list flattened into one line (" - " between items, "[7]" note marks): each item is read
    // on its own; "同期…分别为" takes the years just listed; R&D "占收入比例" is R&D as a share of
    // revenue; a part of R&D ("研发开支中第三方服务费") is not R&D; a price per share is no amount.
    text: '预计募资总额2.58亿港元,发行价为185.0港元/股 [3] 财务表现 - 2028-2030年营收分别为6.01亿元、7.27亿元和9.39亿元 [7] - 同期净亏损分别为3.75亿元、3.76亿元和4.54亿元 [7][9] - 2028-2030年研发开支分别为2.87亿元、2.86亿元和3.70亿元,占收入比例分别为47.8%、39.4%和39.4% [9] - 研发开支中第三方服务费占比最高,2028-2030年分别为1.47亿元、1.44亿元和2.10亿元 [10]',
    gives: [
      { metric: 'revenue', period: 'FY2028', value: 601_000_000 },
      { metric: 'revenue', period: 'FY2030', value: 939_000_000 },
      { metric: 'net_income', period: 'FY2029', value: -376_000_000 },
      { metric: 'rd_expense', period: 'FY2030', value: 370_000_000 },
      { metric: 'rd_ratio', period: 'FY2028', value: 47.8 },
      { metric: 'rd_ratio', period: 'FY2030', value: 39.4 },
    ],
    never: [
      { metric: 'rd_expense', value: 147_000_000 },
      { metric: 'rd_expense', value: 185 },
      { metric: 'headcount', value: 9 },
      { metric: 'headcount', value: 10 },
    ],
  },
  {
    // 股东应占 is attributable, not a share of something.
    text: '2030年上半年度,泽塔云营业额上升1.5倍至9.35亿元,股东应占亏损扩大1.7倍至50.98亿元。',
    gives: [
      { metric: 'revenue', period: 'H1 2030', value: 935_000_000 },
      { metric: 'net_income', period: 'H1 2030', value: -5_098_000_000, q: { attributable: true } },
    ],
    never: [{ metric: 'revenue', value: 5_098_000_000 }],
  },
  {
    // 今年6月底 and 去年底 are the days counted; a change in people is not a headcount.
    text: '截至今年6月底,泽塔云共有5016名僱員,較去年底5098名僱員減少82人。',
    gives: [
      { metric: 'headcount', period: 'H1 2031', value: 5016 },
      { metric: 'headcount', period: 'FY2030', value: 5098 },
    ],
    never: [{ metric: 'headcount', value: 82 }],
  },
  {
    // A name before a bare 收入 is a line, with or without 业务, even with time words between;
    // two lines named together stay together; revenue per customer is no metric of ours.
    text: '集團智慧商業業務2030年上半年收入按年升50.2%至8.54億元,單客戶收入提高59.9%;智慧生活收入按年增長6.7%至3.12億元;智能汽車及智慧城市收入就錄跌幅,智能汽車按年下跌30.5%至8390萬元。',
    gives: [
      { metric: 'revenue', period: 'H1 2030', value: 854_000_000, q: { segment: '智慧商业' } },
      { metric: 'revenue', period: 'H1 2030', value: 312_000_000, q: { segment: '智慧生活' } },
      // The clause names one of the two lines alone: the figure is that line's.
      { metric: 'revenue', period: 'H1 2030', value: 83_900_000, q: { segment: 'smart auto' } },
    ],
    never: [{ metric: 'revenue', value: 59.9 }],
  },
  {
    // Time words and verbs before 收入 are not a line's name.
    text: '泽塔云2030年實現收入12.3億元,同比增長5%。',
    gives: [{ metric: 'revenue', period: 'FY2030', value: 1_230_000_000 }],
  },
  {
    // Metrics listed, then their changes listed "respectively": paired in order, never both to the last metric.
    text: '泽塔云2030年營業收入和毛利分別較上年同期下降17.64%和14.89%。',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: -17.64, q: { change: 'yoy' } },
      { metric: 'gross_profit', period: 'FY2030', value: -14.89, q: { change: 'yoy' } },
    ],
    never: [{ metric: 'gross_profit', value: 17.64 }],
  },
  {
    text: 'In 2030, Zeta Cloud revenue and gross profit rose 5.1% and 3.2%, respectively.',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 5.1, q: { change: 'yoy' } },
      { metric: 'gross_profit', period: 'FY2030', value: 3.2, q: { change: 'yoy' } },
    ],
  },
  {
    // A level after a semicolon is not part of the change list before it.
    text: '泽塔云2030年营收同比增长10%;毛利率为30%。',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 10, q: { change: 'yoy' } },
      { metric: 'gross_margin', period: 'FY2030', value: 30 },
    ],
  },
  {
    // A named group of the company is a business line; a change with no basis word is year on
    // year even when a later clause says 按季; 增 after 少 is still up.
    text: '2030年收入有驚喜,主要受惠雲智能集團收入大升34%,至398.24億元,按季計亦增19.2%。',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 39_824_000_000, q: { segment: 'cloud intelligence' } },
      { metric: 'revenue', period: 'FY2030', value: 34, q: { segment: 'cloud intelligence', change: 'yoy' } },
      { metric: 'revenue', period: 'FY2030', value: 19.2, q: { segment: 'cloud intelligence', change: 'qoq' } },
    ],
  },
  {
    // 上季 is the quarter reported, not a basis; the clause's topic (对于…即时零售) is the line;
    // a figure after a line's figure in the same sentence is that line's.
    text: '2030年對於受市場關注的即時零售,收入229.06億元,大升60%,帶動中國電商業務總收入升16%,至1,325.78億元,惟經調整EBITA錄104.97億元,大減76%。',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 22_906_000_000, q: { segment: 'quick commerce' } },
      { metric: 'revenue', period: 'FY2030', value: 132_578_000_000, q: { segment: 'china ecommerce' } },
      { metric: 'ebita', period: 'FY2030', value: 10_497_000_000, q: { adjusted: true, segment: 'china ecommerce' } },
      { metric: 'ebita', period: 'FY2030', value: -76, q: { adjusted: true, segment: 'china ecommerce', change: 'yoy' } },
    ],
  },
  {
    // "非网络营销" is its own line (non-online marketing), never "网络营销" (online marketing).
    text: '2030年网络营销收入为人民币170亿元,同比增长3%,非网络营销收入为人民币68亿元,同比增长6%。',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 17_000_000_000, q: { segment: 'online marketing' } },
      { metric: 'revenue', period: 'FY2030', value: 6_800_000_000, q: { segment: 'non online marketing' } },
    ],
  },
  {
    text: '2030年泽塔云纯利209.9億元,少52%;收入4,954.47億元,增3%。',
    gives: [
      { metric: 'net_income', period: 'FY2030', value: -52, q: { change: 'yoy' } },
      { metric: 'revenue', period: 'FY2030', value: 3, q: { change: 'yoy' } },
    ],
  },
  {
    // 提高 is a change verb; points of a margin are never an amount of gross profit.
    text: '2030年泽塔云的经调整毛利率为12.1%,同比大幅提高5.8个百分点。',
    gives: [
      { metric: 'gross_margin', period: 'FY2030', value: 12.1, q: { adjusted: true } },
      { metric: 'gross_margin', period: 'FY2030', value: 5.8, q: { adjusted: true, change: 'yoy' } },
    ],
    never: [{ metric: 'gross_profit', value: 5.8 }],
  },
  {
    // A sentence that only gives the year-earlier figure goes on with the metric before it;
    // 公共云 is public cloud.
    text: '2030年公共云服务收入为人民币10.17亿元,同比下降24.5%。去年同期为人民币13.46亿元。',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 1_017_000_000, q: { segment: 'public cloud' } },
      { metric: 'revenue', period: 'FY2029', value: 1_346_000_000, q: { segment: 'public cloud' } },
    ],
  },
  {
    // "A year earlier, it was …" goes on with the metric before it, a year before that sentence's period;
    // an opening the period grammar does not read ("Back then") gives nothing rather than a wrong year.
    text: 'Zeta Cloud revenue was RMB 1.2 billion in 2030. A year earlier, it was RMB 1.1 billion. Back then, it was RMB 0.7 billion.',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 1_200_000_000 },
      { metric: 'revenue', period: 'FY2029', value: 1_100_000_000 },
    ],
    never: [{ metric: 'revenue', value: 700_000_000 }],
  },
  {
    text: '泽塔云2030年营业收入为12.34亿元,同比增长56.78%;归母净利润为-1.23亿元;扣非归母净利润为-2.34亿元。',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 1_234_000_000 },
      { metric: 'revenue', period: 'FY2030', value: 56.78, q: { change: 'yoy' } },
      { metric: 'net_income', period: 'FY2030', value: -123_000_000, q: { attributable: true } },
      { metric: 'net_income', period: 'FY2030', value: -234_000_000, q: { exclNonrecurring: true } },
    ],
  },
  {
    text: '2030年第四季度营业总收入3.21亿元,同比增长10.5%,环比增长20.25%。',
    gives: [
      { metric: 'revenue', period: 'Q4 2030', value: 321_000_000 },
      { metric: 'revenue', period: 'Q4 2030', value: 10.5, q: { change: 'yoy' } },
      { metric: 'revenue', period: 'Q4 2030', value: 20.25, q: { change: 'qoq' } },
    ],
  },
  {
    text: 'Zeta Cloud saw revenue of RMB 11.1 million, RMB 22.2 million and RMB 33.3 million in 2028, 2029 and 2030 respectively.',
    gives: [
      { metric: 'revenue', period: 'FY2028', value: 11_100_000 },
      { metric: 'revenue', period: 'FY2029', value: 22_200_000 },
      { metric: 'revenue', period: 'FY2030', value: 33_300_000 },
    ],
  },
  {
    text: '2030年,经调整亏损净额为4.5亿元,股东应占亏损为6.7亿元。',
    gives: [
      { metric: 'net_income', period: 'FY2030', value: -450_000_000, q: { adjusted: true } },
      { metric: 'net_income', period: 'FY2030', value: -670_000_000, q: { attributable: true } },
    ],
  },
  {
    text: '2030年公司营业额上升1.5倍至9.9亿元,毛利率上升3个百分点至45%。',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 990_000_000 },
      { metric: 'revenue', period: 'FY2030', value: 150, q: { change: 'yoy' } },
      { metric: 'gross_margin', period: 'FY2030', value: 45 },
      { metric: 'gross_margin', period: 'FY2030', value: 3, q: { change: 'yoy' } },
    ],
  },
  {
    text: '2030年,公司利息收入为1.2亿元,其他收入为0.8亿元。',
    gives: [],
    never: [
      { metric: 'revenue', value: 120_000_000 },
      { metric: 'revenue', value: 80_000_000 },
    ],
  },
  {
    text: '2030年,销售费用同比减少14.5%,管理费用同比增长7.5%。',
    gives: [
      { metric: 'sm_expense', period: 'FY2030', value: -14.5, q: { change: 'yoy' } },
      { metric: 'ga_expense', period: 'FY2030', value: 7.5, q: { change: 'yoy' } },
    ],
  },
  {
    text: '若剔除返点政策调整的影响,2030年整体收入约为16.4亿元。',
    gives: [{ metric: 'revenue', period: 'FY2030', value: 1_640_000_000, q: { excludingItems: true } }],
  },
  {
    // Two quarters before the figure: the subject's (第二季度的经营…) is the figure's, not the one
    // inside "第一季度业绩下滑的局面"; without that grammar the doubt stays (the next row).
    text: '公司第二季度的经营扭转了第一季度业绩下滑的局面,实现营业收入4.21亿元,较上年同期增长6.5%。',
    gives: [
      { metric: 'revenue', period: 'Q2 2030', value: 421_000_000 },
      { metric: 'revenue', period: 'Q2 2030', value: 6.5, q: { change: 'yoy' } },
    ],
  },
  {
    // A period inside the other ("2030", "the first half of 2030") is no rival.
    text: "Looking back on 2030, the chairman said that in the first half of 2030 the company's gross profit was 2.7 billion yuan.",
    gives: [{ metric: 'gross_profit', period: 'H1 2030', value: 2_700_000_000 }],
  },
  {
    text: '(二)智慧零售解决方案:营业额增长20%至3.3亿元,毛利率为60%。',
    gives: [
      { metric: 'revenue', period: 'FY2030', value: 330_000_000, q: { segment: '智慧零售解决方案' } },
      { metric: 'gross_margin', period: 'FY2030', value: 60, q: { segment: '智慧零售解决方案' } },
    ],
  },
];

describe('vocabulary: sentences and the figures they give', () => {
  it.each(sentences)('$text', ({ text, gives, never, period }) => {
    const facts = extractFacts(doc(text, period), registry);
    const keys = facts.map(key);
    for (const w of gives) expect(keys, JSON.stringify(keys)).toContain(want(w));
    for (const n of never ?? []) expect(facts.some((f) => f.metric === n.metric && Math.abs(f.value) === n.value)).toBe(false);
  });

  it('joins a line a page wrapped in the middle of a sentence', () => {
    const facts = extractFacts(doc('  - 2030年上半年度,集团营业额上升1.5倍至\n    9.35亿元,股东应占亏损扩大\n    1.7倍至5.1亿元。', { kind: 'H', year: 2030, half: 1 }), registry);
    expect(facts.map(key)).toContain(want({ metric: 'revenue', period: 'H1 2030', value: 935_000_000 }));
    expect(facts.map(key)).toContain(want({ metric: 'net_income', period: 'H1 2030', value: -510_000_000, q: { attributable: true } }));
    // The change before the wrap is still the loss's change.
    expect(facts.map(key)).toContain(want({ metric: 'net_income', period: 'H1 2030', value: 170, q: { attributable: true, change: 'yoy' } }));
  });
});

const questions: Array<{ words: string; metric?: string; q?: Record<string, unknown>; segment?: string; unknown?: string[] }> = [
  { words: 'net loss attributable yoy', metric: 'net_income', q: { attributable: true, change: 'yoy' } },
  { words: 'net profit excl nonrecurring', metric: 'net_income', q: { exclNonrecurring: true, attributable: false } },
  { words: '扣非净利润', metric: 'net_income', q: { exclNonrecurring: true } },
  { words: 'adjusted ebitda', metric: 'ebitda', q: { adjusted: true } },
  { words: '经调整净亏损', metric: 'net_income', q: { adjusted: true } },
  { words: 'smart retail revenue', metric: 'revenue', segment: 'smart retail' },
  { words: '智慧零售业务收入', metric: 'revenue', segment: '智慧零售' },
  { words: 'what share of revenue did it spend on r&d', metric: 'rd_ratio' },
  { words: 'revenue qoq', metric: 'revenue', q: { change: 'qoq' } },
  { words: 'trade receivables turnover days', unknown: ['days'] },
  { words: 'basic loss per share', metric: 'eps', unknown: [] },
  { words: 'diluted loss per share', metric: 'eps', unknown: ['diluted'] },
  // The line after the metric ("revenue from enterprise cloud"); money made from a line is its revenue.
  { words: 'revenue from enterprise cloud', metric: 'revenue', segment: 'enterprise cloud', unknown: [] },
  { words: 'how much did it make from enterprise cloud', metric: 'revenue', segment: 'enterprise cloud', unknown: [] },
  { words: 'revenue from its largest cdn customer', metric: 'revenue', segment: 'largest cdn customer', unknown: [] },
  // The line a company owns, written after its name ("Zeta's smart retail", company blanked out).
  { words: "what was the gross margin of 's smart retail solutions in ?", metric: 'gross_margin', segment: 'smart retail solutions', unknown: [] },
  { words: "how much revenue did 's enterprise cloud bring in during ?", metric: 'revenue', segment: 'enterprise cloud', unknown: [] },
  { words: "how much did 's revenue grow in ?", metric: 'revenue', unknown: [] },
  // What a line earns or brings in is its revenue; what the company earns is its profit.
  { words: "what did 's smart city segment bring in during ?", metric: 'revenue', segment: 'smart city', unknown: [] },
  { words: "how much did 's x innovation businesses earn in ?", metric: 'revenue', segment: 'x innovation', unknown: [] },
  { words: 'how much did it earn in ?', metric: 'net_income', unknown: [] },
  // A line's share of revenue, asked with the line before or after the share; "auto revenue" is no share.
  { words: '汽车解决方案占         总营业额的比例', metric: 'revenue_share', segment: '汽车解决方案', unknown: [] },
  { words: 'automotive solutions revenue share', metric: 'revenue_share', segment: 'automotive solutions', unknown: [] },
  { words: 'what share of total revenue came from cloud in ?', metric: 'revenue_share', segment: 'cloud', unknown: [] },
  { words: 'smart auto revenue', metric: 'revenue', segment: 'smart auto', unknown: [] },
  // 现金 asks for cash; 现金流 alone names no one cash flow; "e-commerce" is "ecommerce"; 中国 keeps its 中.
  { words: '现金多少', metric: 'cash', unknown: [] },
  { words: '经营净现金流是多少', metric: 'operating_cash_flow', unknown: [] },
  { words: 'china e-commerce revenue', metric: 'revenue', segment: 'china ecommerce', unknown: [] },
  { words: '中国电商业务收入', metric: 'revenue', segment: 'china ecommerce', unknown: [] },
  // "versus a year earlier" asks the change year on year; 截至 is "as of"; 现金头寸 is cash.
  { words: "how much did 's gross margin improve in versus a year earlier?", metric: 'gross_margin', q: { change: 'yoy' }, unknown: [] },
  { words: '截至 现金及银行结余有多少?', metric: 'cash', unknown: [] },
  { words: '现金头寸有多少?', metric: 'cash', unknown: [] },
  // "at the end of" a period asks for the balance of that period.
  { words: 'cash at the end of', metric: 'cash', unknown: [] },
  // Cantonese 咗 is 了.
  { words: '智能汽车收入按年跌咗几多', metric: 'revenue', segment: 'smart auto', q: { change: 'yoy' }, unknown: [] },
  // Latin words of a line may touch a Chinese metric.
  { words: 'iot paas收入是多少', metric: 'revenue', segment: 'iot paas', unknown: [] },
];

describe('vocabulary: question words', () => {
  it('finds no one metric in 现金流 alone', () => {
    const w = readMetricWords(fold('现金流多少'));
    expect(w.metric).toBeUndefined();
    expect(w.ambiguous).toBe(true);
  });

  it.each(questions)('$words', (c) => {
    const w = readMetricWords(fold(c.words));
    if (c.metric) expect(w.metric?.id).toBe(c.metric);
    for (const [k, v] of Object.entries(c.q ?? {})) expect((w.qualifiers as unknown as Record<string, unknown>)[k]).toBe(v);
    if (c.segment) expect(w.segment).toBe(c.segment);
    if (c.unknown) expect(w.unknown).toEqual(expect.arrayContaining(c.unknown));
    if (c.unknown?.length === 0) expect(w.unknown).toEqual([]);
  });
});

describe('a fiscal year that does not end in December', () => {
  const fiscal = new CompanyRegistry();
  fiscal.add('Omega Commerce', ['欧米商业']).yearEnd = '03-31';
  const omega = (text: string) => ({ ...doc(text, null), company: 'omega-commerce' }) as CorpusDocument;

  it("reads 'the fiscal year ended March 31' as the company's fiscal year, named by the year it ends in", () => {
    const facts = extractFacts(omega('For the fiscal year ended March 31, 2030, Omega Commerce revenue was RMB 996.3 billion.'), fiscal);
    expect(facts.map((f) => `${f.metric} ${periodLabel(f.period)} ${f.value}`)).toEqual(['revenue FY2030 996300000000']);
    const quarter = extractFacts(omega('For the quarter ended September 30, 2030, Omega Commerce revenue was RMB 247.8 billion.'), fiscal);
    expect(quarter.map((f) => periodLabel(f.period))).toEqual(['Q3 2030']);
  });

  it('gives no year for a year ending on another day than the company says', () => {
    expect(extractFacts(omega('For the fiscal year ended June 30, 2030, Omega Commerce revenue was RMB 996.3 billion.'), fiscal)).toEqual([]);
    expect(extractFacts({ ...doc('For the fiscal year ended March 31, 2030, Zeta Cloud revenue was RMB 9.3 billion.', null) } as CorpusDocument, registry)).toEqual([]);
  });
});

