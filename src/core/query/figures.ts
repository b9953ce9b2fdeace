import type { Alternative, Change, Figure, Source } from '../answer.ts';
import type { Company } from '../companies/registry.ts';
import type { Fact } from '../facts/fact.ts';
import { METRIC_BY_ID } from '../facts/metrics.ts';
import { formatChange, formatValue, toSignificant } from '../format.ts';
import { periodLabel } from '../periods.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import { tablePlaceAt } from '../facts/tables/find-tables.ts';

/**
 * Turning facts into answer figures: choosing among several statements of one figure,
 * formatting it, attaching the change and every source.
 */

/** Source of a fact: document, title, date and the exact quote (a table figure's row, with where the table sits). */
export function sourceOf(snapshot: CorpusSnapshot, fact: Pick<Fact, 'doc' | 'start' | 'end' | 'origin'>): Source {
  const doc = snapshot.byId.get(fact.doc);
  const source: Source = {
    document: fact.doc,
    title: doc?.title ?? fact.doc,
    published: doc?.published ?? null,
    quote: doc ? doc.text.slice(fact.start, fact.end) : '',
    start: fact.start,
    end: fact.end,
  };
  const table = doc && fact.origin === 'table' ? tablePlaceAt(doc.text, fact.start) : null;
  if (table) source.table = table;
  return source;
}

/** Half a unit of the last significant digit: how far a rounded statement may be off. */
function tolerance(f: Fact): number {
  if (f.value === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(f.value)));
  return 0.5 * 10 ** (magnitude - f.precision + 1);
}

/** Two statements agree when each lies within the other's rounding. */
export function consistent(a: Fact, b: Fact): boolean {
  if (a.unit !== b.unit) return false;
  const slack = Math.max(tolerance(a), tolerance(b)) + 1e-9 * Math.abs(a.value);
  return Math.abs(a.value - b.value) <= slack;
}

interface Cluster {
  facts: Fact[];
}

function support(c: Cluster): number {
  // A translation restates a sentence; it does not add evidence. Count per language.
  const byLanguage = new Map<string, number>();
  for (const f of c.facts) byLanguage.set(f.language, (byLanguage.get(f.language) ?? 0) + 1);
  return Math.max(...byLanguage.values());
}

function best(facts: readonly Fact[]): Fact {
  return [...facts].sort(
    (a, b) =>
      b.precision - a.precision ||
      // In a bilingual transcript the English line is the original, the Chinese a translation.
      (a.language === 'en' ? -1 : 0) - (b.language === 'en' ? -1 : 0) ||
      b.confidence - a.confidence ||
      a.start - b.start,
  )[0]!;
}

/**
 * Group statements of the same figure into clusters of agreeing values and rank them:
 * more independent statements first, then the more precise, then the more direct.
 */
/**
 * Totals that parts add up to: when one document states two values of one of these for the
 * same period and qualifiers, the smaller is a part (a business line it did not name) and
 * the larger the total.
 */
const ADDITIVE = new Set(['revenue', 'gross_profit', 'cost_of_revenue', 'operating_expenses', 'rd_expense', 'sm_expense', 'ga_expense', 'headcount', 'customers', 'arr']);

export function rankStatements(facts: readonly Fact[]): { primary: Fact; agreeing: Fact[]; disagreeing: Fact[] } {
  const clusters: Cluster[] = [];
  for (const f of facts) {
    const home = clusters.find((c) => c.facts.every((g) => consistent(f, g)));
    if (home) home.facts.push(f);
    else clusters.push({ facts: [f] });
  }
  clusters.sort(
    (a, b) =>
      support(b) - support(a) ||
      // The currency reported before the one translated in brackets after it.
      Number(a.facts.every((f) => f.translated)) - Number(b.facts.every((f) => f.translated)) ||
      best(b.facts).precision - best(a.facts).precision ||
      Math.max(...b.facts.map((f) => f.confidence)) - Math.max(...a.facts.map((f) => f.confidence)),
  );
  const first = facts[0];
  if (first && ADDITIVE.has(first.metric) && !first.qualifiers.change && !first.qualifiers.segment && clusters.length > 1) {
    const docsOf = (c: Cluster) => new Set(c.facts.map((f) => f.doc));
    const leader = clusters[0]!;
    const rival = clusters.slice(1).find((c) => [...docsOf(c)].some((d) => docsOf(leader).has(d)) && Math.abs(c.facts[0]!.value) > Math.abs(leader.facts[0]!.value) && c.facts[0]!.unit === leader.facts[0]!.unit);
    if (rival) clusters.splice(clusters.indexOf(rival), 1), clusters.unshift(rival);
  }
  const [top, ...others] = clusters;
  const primary = best(top!.facts);
  return {
    primary,
    agreeing: top!.facts.filter((f) => f !== primary),
    disagreeing: others.map((c) => best(c.facts)),
  };
}

/** Qualifier words shown with a figure. */
export function qualifierLabels(f: Fact): string[] {
  const q = f.qualifiers;
  const out: string[] = [];
  if (q.adjusted) out.push('adjusted');
  if (q.nonGaap) out.push('non-GAAP');
  if (q.attributable) out.push('attributable to shareholders');
  if (q.exclNonrecurring) out.push('excluding non-recurring items');
  if (q.change) out.push(q.change === 'qoq' ? 'change quarter on quarter' : q.change === 'hoh' ? 'change half on half' : q.change === 'yoy' ? 'change year on year' : 'change');
  if (q.segment) out.push(`segment: ${q.segment}`);
  if (q.forecast) out.push('forecast');
  if (q.cumulative) out.push('cumulative');
  if (q.approximate) out.push('approximate');
  if (q.bound === 'at_least') out.push('at least');
  if (q.bound === 'at_most') out.push('at most');
  if (q.excludingItems) out.push('excluding one-off items');
  if (q.periodInferred) out.push('period inferred from context');
  return out;
}

const PREFIX: Record<string, string> = { CNY: 'RMB ', USD: 'US$', HKD: 'HK$' };
const WRITTEN_EN = /^(?:(?:negative|minus)\s+|-)?(?:rmb|us\$|usd|hk\$|hkd|\$|cny)?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(million|billion|thousand|mn|bn)\s?(?:yuan|rmb|renminbi|dollars|us dollars)?$/iu;
const SCALE_WORD: Record<string, string> = { million: 'million', mn: 'million', billion: 'billion', bn: 'billion', thousand: 'thousand' };

/** An English amount as the source wrote it ("RMB 4,321 million"), normalised to one style. */
function writtenAmount(f: Fact): string | null {
  if (f.language !== 'en' || f.range || !PREFIX[f.unit]) return null;
  const m = f.numberText.match(WRITTEN_EN);
  if (!m) return null;
  return `${f.value < 0 ? '-' : ''}${PREFIX[f.unit]}${m[1]} ${SCALE_WORD[m[2]!.toLowerCase()]}`;
}

/** How a fact reads in an answer: `RMB 634 million (6.34億元)`, `RMB 4,321 million`. */
export function displayOf(f: Fact): string {
  if (f.qualifiers.change) return `${f.value > 0 ? '+' : ''}${formatValue(f.value, '%', f.precision).replace(/%$/u, f.change?.unit === 'pp' ? ' pp' : '%')}`;
  let text = writtenAmount(f) ?? formatValue(f.value, f.unit, f.precision);
  if (f.range) text = `${formatValue(f.range.low, f.unit, f.precision)} to ${formatValue(f.range.high, f.unit, f.precision)}`;
  if (f.qualifiers.bound) {
    const word = f.qualifiers.bound === 'at_least' ? 'over' : 'under';
    // "a cumulative loss of over RMB 9.9 billion": the bound is on the size of the loss.
    text = f.value < 0 ? `${word} ${text.replace(/^-/u, '')} (negative)` : `${word} ${text}`;
  }
  if (f.qualifiers.approximate) text = `about ${text}`;
  const written = f.numberText.trim();
  if (f.language === 'zh' && f.unit !== '%' && f.unit !== 'count' && /[亿億万萬]/u.test(written) && !text.includes(written)) text += ` (${written})`;
  return text;
}

function changeDisplay(value: number, unit: '%' | 'pp', basis: Change['basis'], metric: string, current: number): string {
  return formatChange(value, unit, basis, { loss: metric === 'net_income' && current < 0 });
}

/** Build the figure for one period from its statements; `prior` gives a computed change. */
export function buildFigure(snapshot: CorpusSnapshot, company: Company, statements: readonly Fact[], prior?: readonly Fact[]): Figure {
  const { primary, agreeing, disagreeing } = rankStatements(statements);
  const metric = METRIC_BY_ID.get(primary.metric);
  const stated = primary.qualifiers.change ? undefined : (primary.change ?? agreeing.find((f) => f.change)?.change);
  let change: Change | undefined;
  if (stated) {
    change = { ...stated, display: changeDisplay(stated.value, stated.unit, stated.basis, primary.metric, primary.value), computed: false };
  } else if (prior && prior.length > 0 && !primary.qualifiers.forecast && !primary.qualifiers.change) {
    const base = rankStatements(prior).primary;
    if (base.value !== 0 && base.unit === primary.unit) {
      const isRatio = primary.unit === '%';
      const value = isRatio ? toSignificant(primary.value - base.value, 6) : toSignificant(((primary.value - base.value) / Math.abs(base.value)) * 100, 4);
      const unit = isRatio ? 'pp' : '%';
      const basis = primary.period.kind === 'Q' || primary.period.kind === 'H' || primary.period.kind === 'FY' ? 'yoy' : 'prior';
      change = {
        value,
        unit,
        basis,
        display: `${changeDisplay(value, unit, basis, primary.metric, primary.value)} (computed)`,
        computed: true,
        against: { period: periodLabel(base.period), value: base.value, source: sourceOf(snapshot, base) },
      };
    }
  }
  const alternatives: Alternative[] = disagreeing.map((f) => ({ value: f.value, display: displayOf(f), source: sourceOf(snapshot, f) }));
  const figure: Figure = {
    company: company.id,
    companyName: company.name,
    metric: primary.metric,
    metricLabel: metric?.label ?? primary.metric,
    period: periodLabel(primary.period),
    value: primary.value,
    unit: primary.unit,
    display: displayOf(primary),
    qualifiers: qualifierLabels(primary),
    source: sourceOf(snapshot, primary),
    corroborating: agreeing.map((f) => sourceOf(snapshot, f)),
    alternatives,
  };
  if (primary.qualifiers.segment) figure.segment = primary.qualifiers.segment;
  if (change) figure.change = change;
  if (primary.qualifiers.forecast || primary.qualifiers.approximate) figure.estimate = true;
  if (primary.range) figure.range = primary.range;
  return figure;
}
