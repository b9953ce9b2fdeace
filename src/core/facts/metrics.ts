import { fold } from '../text/fold.ts';
import { METRIC_ENTRIES, NOT_METRIC_PHRASES } from '../vocabulary/vocabulary.ts';

/** What kind of number a metric takes. */
export type MetricKind = 'amount' | 'ratio' | 'count' | 'per_share';

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
  /** A phrase that is not a metric: it governs its numbers so no metric takes them. */
  blocker?: boolean;
  /** The metric this one is the share of revenue of ("rd_ratio" of R&D expense). */
  shareOfRevenue?: string;
  /** Only ever a business line's figure (a line's share of revenue): never the company's. */
  lineOnly?: boolean;
}

/** The metrics the bot extracts and answers, read from src/core/vocabulary/metrics.yaml. */
export const METRICS: readonly MetricDef[] = METRIC_ENTRIES.map((e) => {
  const def: MetricDef = { id: e.id, label: e.label, labelZh: e.label_zh, kind: e.kind, en: e.en, zh: e.zh };
  if (e.point_in_time) def.pointInTime = true;
  if (e.headline) def.headline = true;
  if (e.negative.length) def.negative = e.negative;
  if (e.question_only.length) def.questionOnly = e.question_only;
  if (e.share_of_revenue) def.shareOfRevenue = e.share_of_revenue;
  if (e.line_only) def.lineOnly = true;
  return def;
});

/**
 * Stands for a phrase that looks like a metric but is not one ("利息收入", "other income"):
 * found like a metric so that it shields its numbers, never answered or stored.
 */
export const NOT_A_METRIC: MetricDef = { id: 'not_a_metric', label: 'Not a metric', labelZh: '非指標', kind: 'amount', en: NOT_METRIC_PHRASES, zh: [], blocker: true };

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
  for (const metric of [...METRICS, NOT_A_METRIC]) {
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

interface PhraseNode {
  next: Map<string, PhraseNode>;
  /** Positions in the table of the phrases that end here. */
  entries?: number[];
}

// The phrases of a table in a trie, so one pass over a text finds every place a phrase
// starts (a search per phrase over every sentence was a hot spot of extraction).
function trieOf(table: readonly PhraseEntry[]): PhraseNode {
  const root: PhraseNode = { next: new Map() };
  table.forEach((e, i) => {
    let node = root;
    for (const unit of e.phrase.split('')) {
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { next: new Map() }));
      node = child;
    }
    (node.entries ??= []).push(i);
  });
  return root;
}

const DOCUMENT_TRIE = trieOf(DOCUMENT_PHRASES);
const QUESTION_TRIE = trieOf(QUESTION_PHRASES);

/** Every occurrence of every phrase, ordered as the table and then by position. */
function occurrences(folded: string, trie: PhraseNode): Float64Array {
  const keys: number[] = [];
  const width = folded.length + 1;
  for (let at = 0; at < folded.length; at += 1) {
    let node: PhraseNode | undefined = trie;
    for (let j = at; j < folded.length; j += 1) {
      node = node.next.get(folded[j]!);
      if (!node) break;
      if (node.entries) for (const e of node.entries) keys.push(e * width + at);
    }
  }
  return Float64Array.from(keys).sort();
}

/**
 * Metric phrases in folded text, longest match first, without overlaps. Latin phrases
 * need word boundaries; Chinese phrases match anywhere.
 */
export function findMetrics(folded: string, options: { question?: boolean } = {}): MetricMention[] {
  const table = options.question ? QUESTION_PHRASES : DOCUMENT_PHRASES;
  const taken = new Uint8Array(folded.length);
  const found: MetricMention[] = [];
  const width = folded.length + 1;
  // Longest phrase first, each at its places left to right, as the table orders them.
  for (const key of occurrences(folded, options.question ? QUESTION_TRIE : DOCUMENT_TRIE)) {
    const e = table[Math.floor(key / width)]!;
    const at = key % width;
    const end = at + e.phrase.length;
    // Word boundaries around the Latin ends of a phrase ("智算EBITDA" is fine); Han ends need none.
    if (e.latin && at > 0 && /[a-z0-9&]/u.test(folded[at - 1]!)) continue;
    // "Non-GAAP EBITDA2 was": a footnote mark glued to the phrase is not part of a longer word.
    if (/[a-z]$/u.test(e.phrase) && end < folded.length && /[a-z0-9]/u.test(folded[end]!) && !/^\d{1,2}(?:[\s,.:;)]|$)/u.test(folded.slice(end, end + 3))) continue;
    let free = true;
    for (let k = at; k < end; k += 1) if (taken[k]) free = false;
    if (!free) continue;
    taken.fill(1, at, end);
    found.push({ metric: e.metric, start: at, end, phrase: e.phrase, negative: e.negative });
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
