import type { SyntheticCompany } from './companies.ts';
import type { PlantedFigure } from './planted.ts';
import { Rng } from './prng.ts';
import { toTraditional } from './script.ts';

/**
 * The mixed query set the harness times: `/metric`, `/compare` and `/ask`, built from
 * the ground truth so most look-ups name a company, metric and period the corpus states;
 * some name a period or company it does not, some questions are for passage search.
 */

/** One query: which command, the free text a user types, and what it exercises. */
export interface BenchQuery {
  command: 'metric' | 'compare' | 'ask';
  text: string;
  /** lookup (a stated figure), series (a range), missing (not in the corpus), search (passages). */
  kind: 'lookup' | 'series' | 'missing' | 'search';
  lang: 'en' | 'zh-Hans' | 'zh-Hant';
  /** Id of the company the query is about, when it names one the corpus knows. */
  company?: string;
}

const METRIC_WORDS: Readonly<Record<string, { en: readonly string[]; zh: readonly string[] }>> = {
  revenue: { en: ['revenue', 'total revenue'], zh: ['营收', '营业收入'] },
  net_income: { en: ['net profit', 'net loss', 'net income'], zh: ['净利润', '净亏损'] },
  gross_margin: { en: ['gross margin'], zh: ['毛利率'] },
  rd_expense: { en: ['R&D expense', 'R&D investment'], zh: ['研发费用'] },
  operating_cash_flow: { en: ['operating cash flow'], zh: ['经营活动净现金流'] },
  free_cash_flow: { en: ['free cash flow', 'fcf'], zh: ['自由现金流'] },
  capex: { en: ['capex', 'capital expenditure'], zh: ['资本支出'] },
  ebitda: { en: ['EBITDA'], zh: ['EBITDA'] },
  cash: { en: ['cash and cash equivalents', 'cash'], zh: ['货币资金'] },
  headcount: { en: ['employees', 'headcount'], zh: ['员工人数'] },
  rd_headcount: { en: ['R&D personnel', 'R&D staff'], zh: ['研发人员'] },
};

const SEARCH_EN = [
  'Why did {C} cut its R&D team?',
  'What did {C} say about intelligent computing power?',
  '{C} strategy for midsized customers',
  'How does {C} compete with state-owned clouds?',
  'What did management say about cost reduction and efficiency?',
  'Which companies are investing in large model training?',
  'Why did {C} lose orders to internet giants?',
];
const SEARCH_ZH = ['{C}为什么裁员', '{C}的大模型战略', '{C}产品组合调整的原因', '异构算力解决方案', '国资云竞争', '{C}降本增效'];
const NOT_FOUND = ['What is the weather in Paris tomorrow?', 'Tell me about Zorblax Dynamics', 'Zorblax Dynamics revenue 2023', '🙂🙂🙂'];

interface Key {
  company: SyntheticCompany;
  metric: string;
  period: string;
}

function periodText(rng: Rng, label: string, lang: 'en' | 'zh'): string {
  let m = label.match(/^FY(\d{4})$/u);
  if (m) return lang === 'zh' ? `${m[1]}年` : rng.pick([m[1]!, label]);
  m = label.match(/^Q([1-4]) (\d{4})$/u);
  if (m) return lang === 'zh' ? `${m[2]}年第${'一二三四'[Number(m[1]) - 1]}季度` : label;
  m = label.match(/^H([12]) (\d{4})$/u);
  if (m) return lang === 'zh' ? `${m[2]}年${m[1] === '1' ? '上' : '下'}半年` : label;
  return label;
}

function companyRef(rng: Rng, c: SyntheticCompany, lang: 'en' | 'zh-Hans' | 'zh-Hant', tickers: boolean): string {
  if (lang === 'zh-Hans') return c.zhHans;
  if (lang === 'zh-Hant') return c.zhHant;
  const names = [c.name, c.name, c.short];
  if (tickers) names.push(c.tickers[0]!);
  return rng.pick(names);
}

/** `n` queries from the figures a corpus plants (deterministic for the seed). */
export function buildQueries(seed: number | string, companies: readonly SyntheticCompany[], figures: readonly PlantedFigure[], n: number): BenchQuery[] {
  const rng = new Rng(seed, 'queries');
  const byId = new Map(companies.map((c) => [c.id, c]));
  const keys: Key[] = [];
  const seen = new Set<string>();
  for (const f of figures) {
    if (f.expect !== 'fact' || f.segment || f.forecast || f.metric === 'none' || !f.period) continue;
    const k = `${f.company}|${f.metric}|${f.period}`;
    const company = byId.get(f.company);
    if (seen.has(k) || !company) continue;
    seen.add(k);
    keys.push({ company, metric: f.metric, period: f.period });
  }
  if (keys.length === 0) throw new Error('no planted figures to build queries from');
  const out: BenchQuery[] = [];
  const convert = (lang: BenchQuery['lang'], s: string) => (lang === 'zh-Hant' ? toTraditional(s) : s);
  while (out.length < n) {
    const key = rng.pick(keys);
    const lang = rng.weighted({ en: 5, 'zh-Hans': 3, 'zh-Hant': 2 } as const);
    const zh = lang !== 'en';
    const words = METRIC_WORDS[key.metric]!;
    const metricWord = convert(lang, rng.pick(zh ? words.zh : words.en));
    const period = convert(lang, periodText(rng, key.period, zh ? 'zh' : 'en'));
    const command = rng.weighted({ metric: 4, compare: 2, ask: 4 } as const);
    const variant = rng.next();
    if (command === 'metric') {
      const who = companyRef(rng, key.company, lang, true);
      if (variant < 0.08) out.push({ command, text: `${who} ${metricWord} 2031`, kind: 'missing', lang, company: key.company.id });
      else if (variant < 0.12) out.push({ command, text: `Zorblax Dynamics ${metricWord} ${period}`, kind: 'missing', lang });
      else if (variant < 0.25) out.push({ command, text: `${who} ${metricWord} 2017-2023`, kind: 'series', lang, company: key.company.id });
      else out.push({ command, text: `${who} ${metricWord} ${period}`, kind: 'lookup', lang, company: key.company.id });
    } else if (command === 'compare') {
      const other = rng.pick(companies.filter((c) => c.id !== key.company.id));
      const [a, b] = [companyRef(rng, key.company, lang, false), companyRef(rng, other, lang, false)];
      const when = variant < 0.2 ? '2019-2023' : period;
      out.push({ command, text: `${metricWord} ${a} ${b} ${when}`, kind: variant < 0.2 ? 'series' : 'lookup', lang, company: key.company.id });
    } else if (variant < 0.45) {
      const who = companyRef(rng, key.company, lang, false);
      const text = zh
        ? `${who}${period}${metricWord}${convert(lang, '是多少')}${lang === 'zh-Hant' ? '?' : ''}`
        : rng.pick([`What was ${who}'s ${metricWord} in ${period}?`, `How much ${metricWord} did ${who} report for ${period}?`]);
      out.push({ command, text, kind: 'lookup', lang, company: key.company.id });
    } else if (variant < 0.95) {
      const who = companyRef(rng, key.company, lang, false);
      const text = zh ? convert(lang, rng.pick(SEARCH_ZH).replaceAll('{C}', key.company.zhHans)) : rng.pick(SEARCH_EN).replaceAll('{C}', who);
      out.push({ command, text, kind: 'search', lang });
    } else {
      out.push({ command, text: rng.pick(NOT_FOUND), kind: 'missing', lang: 'en' });
    }
  }
  return out;
}
