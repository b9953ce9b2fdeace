import { fold } from '../text/fold.ts';

/** What kind of number a metric takes. */
export type MetricKind = 'amount' | 'ratio' | 'count';

/** A canonical metric and the words the documents and users use for it. */
export interface MetricDef {
  id: string;
  label: string;
  /** Label in Chinese, for Chinese answers and autocomplete. */
  labelZh: string;
  kind: MetricKind;
  /** A balance or a count at a date (cash, headcount), not a flow over a period. */
  pointInTime?: boolean;
  /** Shown in digests as a headline figure. */
  headline?: boolean;
  /** Phrases in documents and questions, English (lower case). */
  en: readonly string[];
  /** Phrases in Chinese (either script; folded to Simplified). */
  zh: readonly string[];
  /** Phrases that state the negative side ("net loss"): the value is negated unless already signed. */
  negative?: readonly string[];
  /** Extra words understood only in questions ("how much did X lose"). */
  questionOnly?: readonly string[];
}

/** The metrics the bot extracts and answers. Vocabulary only; no figures. */
export const METRICS: readonly MetricDef[] = [
  {
    id: 'revenue',
    label: 'Revenue',
    labelZh: '營收',
    kind: 'amount',
    headline: true,
    en: ['revenue', 'revenues', 'total revenue', 'total revenues', 'operating revenue', 'net revenue', 'net revenues', 'sales', 'turnover'],
    zh: ['营收', '营业收入', '营业总收入', '总收入', '收入'],
    questionOnly: ['top line'],
  },
  {
    id: 'net_income',
    label: 'Net profit (loss)',
    labelZh: '淨利潤',
    kind: 'amount',
    headline: true,
    en: ['net profit', 'net profits', 'net income', 'net loss', 'net losses', 'loss', 'losses', 'profit', 'profitability', 'net result'],
    zh: ['归属于母公司所有者的净利润', '归属于上市公司股东的净利润', '归母净利润', '净利润', '净亏损', '亏损', '净利'],
    negative: ['net loss', 'net losses', 'loss', 'losses', '净亏损', '亏损'],
    questionOnly: ['lose', 'lost', 'earn', 'earned', 'earnings', 'make', 'made', 'bottom line', '亏', '赚', '盈利'],
  },
  {
    id: 'gross_profit',
    label: 'Gross profit',
    labelZh: '毛利',
    kind: 'amount',
    en: ['gross profit', 'gross profits'],
    zh: ['毛利润', '毛利'],
  },
  {
    id: 'gross_margin',
    label: 'Gross margin',
    labelZh: '毛利率',
    kind: 'ratio',
    headline: true,
    en: ['gross margin', 'gross profit margin', 'gross margins'],
    zh: ['毛利率'],
  },
  {
    id: 'operating_income',
    label: 'Operating profit (loss)',
    labelZh: '營業利潤',
    kind: 'amount',
    en: ['operating profit', 'operating income', 'operating loss', 'operating profits'],
    zh: ['营业利润', '经营利润', '营业亏损'],
    negative: ['operating loss', '营业亏损'],
  },
  {
    id: 'operating_margin',
    label: 'Operating margin',
    labelZh: '營業利潤率',
    kind: 'ratio',
    en: ['operating margin', 'operational margin', 'operating profit margin'],
    zh: ['营业利润率', '经营利润率'],
  },
  {
    id: 'net_margin',
    label: 'Net margin',
    labelZh: '淨利率',
    kind: 'ratio',
    en: ['net margin', 'net profit margin', 'net loss margin', 'net income margin'],
    zh: ['净利率', '净利润率', '净亏损率'],
  },
  {
    id: 'ebitda',
    label: 'EBITDA',
    labelZh: 'EBITDA',
    kind: 'amount',
    en: ['ebitda', 'ebitda profit', 'ebitda margin profit'],
    zh: ['ebitda', 'ebitda利润'],
  },
  {
    id: 'ebitda_margin',
    label: 'EBITDA margin',
    labelZh: 'EBITDA利潤率',
    kind: 'ratio',
    en: ['ebitda margin', 'ebitda margins'],
    zh: ['ebitda利润率', 'ebitda率'],
  },
  {
    id: 'rd_expense',
    label: 'R&D expense',
    labelZh: '研發費用',
    kind: 'amount',
    en: ['r&d expenses', 'r&d expense', 'r&d investment', 'r&d spending', 'r&d costs', 'research and development expenses', 'research and development expense', 'research and development investment'],
    zh: ['研发费用', '研发投入', '研发支出'],
    questionOnly: ['r&d', 'research and development'],
  },
  {
    id: 'rd_ratio',
    label: 'R&D expense as % of revenue',
    labelZh: '研發費用率',
    kind: 'ratio',
    en: ['r&d intensity', 'r&d ratio', 'r&d to revenue'],
    zh: ['研发费用率', '研发投入占营收比例', '研发投入占比'],
  },
  {
    id: 'operating_cash_flow',
    label: 'Operating cash flow',
    labelZh: '經營活動淨現金流',
    kind: 'amount',
    en: [
      'operating cash flow',
      'operating cash flows',
      'net operating cash flow',
      'net operating cash inflow',
      'operating cash inflow',
      'net cash generated from operating activities',
      'net cash from operating activities',
      'net cash provided by operating activities',
      'cash flow from operations',
      'cash flow from operating activities',
      'net operating cash outflow',
      'operating cash outflow',
      'net cash used in operating activities',
    ],
    questionOnly: ['ocf'],
    zh: ['经营活动净现金流', '经营活动产生的现金流量净额', '经营活动现金流量净额', '经营活动现金流', '经营性现金流', '净经营现金流', '经营现金流', '净经营现金流出', '经营现金流出', '经营活动现金流出'],
    negative: ['net operating cash outflow', 'operating cash outflow', 'net cash used in operating activities', '净经营现金流出', '经营现金流出', '经营活动现金流出'],
  },
  {
    id: 'free_cash_flow',
    label: 'Free cash flow',
    labelZh: '自由現金流',
    kind: 'amount',
    en: ['free cash flow', 'free cash flows', 'free cash inflow'],
    zh: ['自由现金流'],
    questionOnly: ['fcf'],
  },
  {
    id: 'cash',
    label: 'Cash',
    labelZh: '貨幣資金',
    kind: 'amount',
    pointInTime: true,
    en: [
      'cash and cash equivalents and short-term investments',
      'cash and cash equivalents and short term investments',
      'cash, cash equivalents and short-term investments',
      'cash and short-term investments',
      'cash and cash equivalents',
      'cash reserves',
      'cash reserve',
      'cash on hand',
      'cash balance',
    ],
    zh: ['货币资金', '现金及现金等价物和短期投资', '现金及现金等价物及短期投资', '现金及现金等价物', '现金储备', '账面现金'],
    questionOnly: ['cash'],
  },
  {
    id: 'headcount',
    label: 'Employees',
    labelZh: '員工人數',
    kind: 'count',
    pointInTime: true,
    en: ['employees', 'headcount', 'number of employees', 'total workforce', 'workforce', 'staff'],
    zh: ['员工人数', '员工总数', '员工数', '员工'],
    questionOnly: ['people', 'employee count'],
  },
  {
    id: 'rd_headcount',
    label: 'R&D staff',
    labelZh: '研發人員',
    kind: 'count',
    pointInTime: true,
    en: ['r&d personnel', 'r&d staff', 'r&d employees', 'r&d headcount', 'r&d team', 'research and development personnel', 'number of r&d personnel'],
    zh: ['研发人员', '研发人数'],
  },
  {
    id: 'rd_headcount_share',
    label: 'R&D staff as % of employees',
    labelZh: '研發人員佔比',
    kind: 'ratio',
    pointInTime: true,
    en: ['share of r&d personnel', 'r&d staff share'],
    zh: ['研发人员占比'],
  },
  {
    id: 'cost_of_revenue',
    label: 'Cost of revenue',
    labelZh: '營業成本',
    kind: 'amount',
    en: ['total cost of revenue', 'total cost of revenues', 'cost of revenue', 'cost of revenues', 'cost of sales'],
    zh: ['总收入成本', '收入成本', '营业成本'],
  },
  {
    id: 'idc_cost',
    label: 'IDC cost',
    labelZh: 'IDC成本',
    kind: 'amount',
    en: ['idc costs', 'idc cost'],
    zh: ['idc成本'],
  },
  {
    id: 'depreciation_amortization',
    label: 'Depreciation and amortization',
    labelZh: '折舊及攤銷',
    kind: 'amount',
    en: ['depreciation and amortization costs', 'depreciation and amortization cost', 'depreciation and amortization'],
    zh: ['折旧及摊销费用', '折旧及摊销'],
  },
  {
    id: 'solution_cost',
    label: 'Solution development and services cost',
    labelZh: '解決方案開發服務成本',
    kind: 'amount',
    en: ['solution development and services costs', 'solution development and services cost'],
    zh: ['解决方案开发服务成本'],
  },
  {
    id: 'fulfillment_cost',
    label: 'Fulfillment cost',
    labelZh: '履約成本',
    kind: 'amount',
    en: ['fulfillment costs', 'fulfillment cost'],
    zh: ['履约成本'],
  },
  {
    id: 'other_cost',
    label: 'Other costs',
    labelZh: '其他成本',
    kind: 'amount',
    en: ['other costs'],
    zh: ['其他成本'],
  },
  {
    id: 'operating_expenses',
    label: 'Operating expenses',
    labelZh: '營運費用',
    kind: 'amount',
    en: ['total operating expenses', 'operating expenses', 'total adjusted operational expenses', 'operational expenses', 'opex'],
    zh: ['营运费用', '营业费用', '经营费用', '总营运费用'],
  },
  {
    id: 'sm_expense',
    label: 'Selling and marketing expense',
    labelZh: '銷售及營銷費用',
    kind: 'amount',
    en: ['selling and marketing expenses', 'sales and marketing expenses', 'selling and marketing expense', 'selling expenses'],
    zh: ['销售和营销费用', '销售及营销费用', '销售费用'],
  },
  {
    id: 'ga_expense',
    label: 'General and administrative expense',
    labelZh: '一般及行政費用',
    kind: 'amount',
    en: ['g&a expenses', 'g&a expense', 'general and administrative expenses', 'general and administrative expense', 'administrative expenses'],
    zh: ['一般及行政费用', '管理费用'],
  },
  {
    id: 'capex',
    label: 'Capital expenditure',
    labelZh: '資本支出',
    kind: 'amount',
    en: ['capital expenditure', 'capital expenditures', 'capex'],
    zh: ['资本支出', '资本开支'],
  },
  {
    id: 'market_value',
    label: 'Market value',
    labelZh: '市值',
    kind: 'amount',
    pointInTime: true,
    en: ['market value', 'market capitalization', 'market capitalisation', 'market cap'],
    zh: ['市值'],
  },
  {
    id: 'revenue_cagr',
    label: 'Revenue CAGR',
    labelZh: '營收年均複合增長率',
    kind: 'ratio',
    en: ['compound annual growth rate', 'cagr'],
    zh: ['年均复合增长率', '复合增长率'],
  },
  {
    id: 'rd_average_salary',
    label: 'Average salary of R&D staff',
    labelZh: '研發人員平均薪酬',
    kind: 'amount',
    en: ['average salary'],
    zh: ['平均薪酬', '人均薪酬'],
  },
];

/** Metric by id. */
export const METRIC_BY_ID: ReadonlyMap<string, MetricDef> = new Map(METRICS.map((m) => [m.id, m]));

/** A metric phrase found in folded text. */
export interface MetricMention {
  metric: MetricDef;
  start: number;
  end: number;
  phrase: string;
  /** The phrase states the negative side ("net loss"). */
  negative: boolean;
}

interface PhraseEntry {
  phrase: string;
  metric: MetricDef;
  negative: boolean;
  latin: boolean;
}

function entries(includeQuestionWords: boolean): PhraseEntry[] {
  const out: PhraseEntry[] = [];
  for (const metric of METRICS) {
    const negatives = new Set((metric.negative ?? []).map(fold));
    const phrases = [...metric.en, ...metric.zh, ...(includeQuestionWords ? (metric.questionOnly ?? []) : [])];
    for (const p of phrases) {
      const phrase = fold(p);
      out.push({ phrase, metric, negative: negatives.has(phrase), latin: /^[a-z]/u.test(phrase) });
      // Translations put a space between Latin and Han ("EBITDA 利潤率").
      const spaced = phrase.replace(/([a-z])([\u4e00-\u9fff])/gu, '$1 $2');
      if (spaced !== phrase) out.push({ phrase: spaced, metric, negative: negatives.has(phrase), latin: true });
    }
  }
  // Longest first so "gross profit margin" wins over "gross profit" and "profit".
  return out.sort((a, b) => b.phrase.length - a.phrase.length);
}

const DOCUMENT_PHRASES = entries(false);
const QUESTION_PHRASES = entries(true);

/**
 * Metric phrases in folded text, longest match first, without overlaps. Latin phrases
 * need word boundaries; Chinese phrases match anywhere.
 */
export function findMetrics(folded: string, options: { question?: boolean } = {}): MetricMention[] {
  const table = options.question ? QUESTION_PHRASES : DOCUMENT_PHRASES;
  const taken = new Uint8Array(folded.length);
  const found: MetricMention[] = [];
  for (const e of table) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(e.phrase, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + e.phrase.length;
      // Word boundaries around the Latin ends of a phrase ("智算EBITDA" is fine); Han ends need none.
      if (e.latin && at > 0 && /[a-z0-9&]/u.test(folded[at - 1]!)) continue;
      if (/[a-z]$/u.test(e.phrase) && end < folded.length && /[a-z0-9]/u.test(folded[end]!)) continue;
      let free = true;
      for (let k = at; k < end; k += 1) if (taken[k]) free = false;
      if (!free) continue;
      taken.fill(1, at, end);
      found.push({ metric: e.metric, start: at, end, phrase: e.phrase, negative: e.negative });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Resolve a metric name as a user types it ("net loss", "營收", "fcf"). */
export function resolveMetric(text: string): MetricDef | undefined {
  const f = fold(text).trim();
  if (!f) return undefined;
  const byId = METRIC_BY_ID.get(f.replace(/[\s-]+/gu, '_'));
  if (byId) return byId;
  const abbreviations: Record<string, string> = { fcf: 'free_cash_flow', ocf: 'operating_cash_flow', rd: 'rd_expense', 'r&d': 'rd_expense', cogs: 'cost_of_revenue', 'sg&a': 'operating_expenses' };
  if (abbreviations[f]) return METRIC_BY_ID.get(abbreviations[f]);
  const exact = QUESTION_PHRASES.find((e) => e.phrase === f);
  if (exact) return exact.metric;
  if (fold(f) === f) {
    const byLabel = METRICS.find((m) => fold(m.label) === f || fold(m.labelZh) === f);
    if (byLabel) return byLabel;
  }
  const mentions = findMetrics(f, { question: true });
  return mentions.length === 1 ? mentions[0]!.metric : undefined;
}
