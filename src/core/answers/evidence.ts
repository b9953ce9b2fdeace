import type { Passage } from '../answer.ts';
import type { Company } from '../companies/registry.ts';
import type { CorpusDocument } from '../corpus/document.ts';
import { findMetrics, type MetricDef } from '../facts/metrics.ts';
import { documentNow, findPeriods, THIS_QUARTER } from '../facts/period-phrases.ts';
import { splitSentences } from '../facts/sentences.ts';
import { periodLabel, type Period } from '../periods.ts';
import type { AskedQualifiers } from '../query/metric-words.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import { crossLanguageTerms } from '../text/glossary.ts';
import { fold } from '../text/fold.ts';
import { QUALIFIER_CUES } from '../vocabulary/vocabulary.ts';

/**
 * "These sentences may hold it": when no figure can be given without doubt, the
 * sentences of the company's documents that state the metric (with its segment and
 * qualifiers) for the period asked, so the reader still sees the source.
 */

/** What the evidence is sought for. */
export interface EvidenceRequest {
  company: Company;
  metric?: MetricDef;
  segment?: string;
  qualifiers?: Partial<AskedQualifiers>;
  period?: Period;
  /** Words of the request the vocabulary did not explain ("cornerstone", "retention"). */
  words?: readonly string[];
}

interface Statement {
  start: number;
  end: number;
  folded: string;
  metrics: Set<string>;
  periods: Set<string>;
}

// Statements are read once per document, on the first question that needs them.
const cache = new WeakMap<CorpusDocument, Statement[]>();

function statementsOf(doc: CorpusDocument): Statement[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const now = documentNow(doc.published, doc.period);
  const contextYear = doc.period && doc.period.kind !== 'date' && doc.period.kind !== 'span' ? doc.period.year : null;
  const speaksOfThisQuarter = THIS_QUARTER.test(fold(doc.text.slice(0, 200_000)));
  const out: Statement[] = [];
  for (const s of splitSentences(doc.text)) {
    const text = doc.text.slice(s.start, s.end);
    if (!/[\d０-９]/u.test(text) || text.length > 2000) continue;
    const folded = fold(text);
    const periods = new Set<string>();
    for (const p of findPeriods(folded, { docPeriod: doc.period, now, contextYear, speaksOfThisQuarter })) if (p.ref.type === 'abs') periods.add(periodLabel(p.ref.period));
    out.push({ start: s.start, end: s.end, folded, metrics: new Set(findMetrics(folded, { question: true }).map((m) => m.metric.id)), periods });
  }
  cache.set(doc, out);
  return out;
}

function cueScore(folded: string, qualifiers: Partial<AskedQualifiers> | undefined): number {
  if (!qualifiers) return 0;
  let score = 0;
  const has = (list: readonly string[]) => list.some((c) => c && folded.includes(c));
  if (qualifiers.adjusted && has([...QUALIFIER_CUES.adjusted.before, ...QUALIFIER_CUES.adjusted.question])) score += 2;
  if (qualifiers.attributable && has([...QUALIFIER_CUES.attributable.before, ...QUALIFIER_CUES.attributable.after])) score += 2;
  if (qualifiers.exclNonrecurring && has([...QUALIFIER_CUES.exclNonrecurring.before, ...QUALIFIER_CUES.exclNonrecurring.after])) score += 2;
  if (qualifiers.change && /同比|环比|按年|按季|year[- ]on[- ]year|year[- ]over[- ]year|yoy|qoq|sequential|%|百分点|倍/u.test(folded)) score += 1;
  return score;
}

function wordScore(folded: string, words: readonly string[]): number {
  let score = 0;
  for (const w of words) {
    if (!w) continue;
    if (folded.includes(w)) score += 2;
    else if (crossLanguageTerms(w).some((t) => t.length > 1 && folded.includes(t))) score += 1;
  }
  return score;
}

/** Up to `limit` sentences that may state what was asked, best first. */
export function evidencePassages(snapshot: CorpusSnapshot, req: EvidenceRequest, limit = 3): Passage[] {
  const wanted = req.period ? periodLabel(req.period) : null;
  const segmentWords = req.segment ? fold(req.segment).split(/\s+/u).filter((w) => w.length > 1 || /[\u4e00-\u9fff]/u.test(w)) : [];
  const words = (req.words ?? []).map((w) => fold(w));
  const scored: Array<{ doc: CorpusDocument; s: Statement; score: number }> = [];
  for (const doc of snapshot.documents) {
    if (doc.company !== req.company.id) continue;
    const docPeriod = doc.period ? periodLabel(doc.period) : null;
    for (const s of statementsOf(doc)) {
      let score = 0;
      if (req.metric) {
        if (!s.metrics.has(req.metric.id)) continue;
        score += 4;
      }
      const named = wordScore(s.folded, [...segmentWords, ...words]);
      if (!req.metric && named === 0) continue;
      score += named;
      if (wanted) {
        if (s.periods.has(wanted)) score += 3;
        else if (docPeriod === wanted) score += 1;
        else if (s.periods.size > 0) score -= 1;
      }
      score += cueScore(s.folded, req.qualifiers);
      // The metric named in a sentence of the company's own documents is worth showing,
      // even when its period words are not the ones asked (relative words, dates).
      if (score >= 3) scored.push({ doc, s, score });
    }
  }
  scored.sort((a, b) => b.score - a.score || a.s.start - b.s.start);
  return scored.slice(0, limit).map(({ doc, s, score }) => ({
    document: doc.id,
    title: doc.title,
    published: doc.published,
    quote: doc.text.slice(s.start, s.end),
    start: s.start,
    end: s.end,
    score,
  }));
}
