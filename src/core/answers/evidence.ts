import type { Passage } from '../answer.ts';
import type { Company } from '../companies/registry.ts';
import type { CorpusDocument } from '../corpus/document.ts';
import { findMetrics, type MetricDef } from '../facts/metrics.ts';
import { documentNow, findPeriods, THIS_QUARTER } from '../facts/period-phrases.ts';
import { splitSentences } from '../facts/sentences.ts';
import { periodLabel, type Period } from '../periods.ts';
import { notedStatements, statementPeriodLabels } from '../facts/statement-notes.ts';
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
  /** Read on first use: most statements are passed over on their metric alone. */
  readonly folded: string;
  metrics: Set<string>;
  /** Read on first use: most statements are passed over on their metric alone. */
  readonly periods: Set<string>;
}

// Statements are read once per document, on the first question that needs them.
const cache = new WeakMap<CorpusDocument, Statement[]>();

function statementsOf(doc: CorpusDocument): Statement[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  // Noted when the figures were extracted: nothing to read again but the few sentences scored.
  if (doc.notes) {
    const noted = notedStatements(doc.notes).map((n): Statement => {
      let folded: string | undefined;
      return {
        start: n.start,
        end: n.end,
        metrics: n.metrics,
        periods: n.periods,
        get folded() {
          return (folded ??= fold(doc.text.slice(n.start, n.end)));
        },
      };
    });
    cache.set(doc, noted);
    return noted;
  }
  const now = documentNow(doc.published, doc.period);
  const contextYear = doc.period && doc.period.kind !== 'date' && doc.period.kind !== 'span' ? doc.period.year : null;
  // Folding the whole text costs more than the rest: only a statement whose periods are read needs it.
  let thisQuarter: boolean | undefined;
  const speaksOfThisQuarter = () => (thisQuarter ??= THIS_QUARTER.test(fold(doc.text.slice(0, 200_000))));
  const out: Statement[] = [];
  for (const s of splitSentences(doc.text)) {
    const text = doc.text.slice(s.start, s.end);
    if (!/[\d０-９]/u.test(text) || text.length > 2000) continue;
    const folded = fold(text);
    let read: Set<string> | undefined;
    const readPeriods = (): Set<string> => {
      if (read) return read;
      read = new Set(statementPeriodLabels(findPeriods(folded, { docPeriod: doc.period, now, contextYear, speaksOfThisQuarter: speaksOfThisQuarter() }), doc.period));
      return read;
    };
    out.push({
      start: s.start,
      end: s.end,
      folded,
      metrics: new Set(findMetrics(folded, { question: true }).map((m) => m.metric.id)),
      get periods() {
        return readPeriods();
      },
    });
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

// Each company's documents in corpus order, listed once per snapshot rather than found by a
// pass over every document on each question.
const byCompany = new WeakMap<readonly CorpusDocument[], Map<string, CorpusDocument[]>>();

function documentsOf(snapshot: CorpusSnapshot, company: string): CorpusDocument[] {
  let index = byCompany.get(snapshot.documents);
  if (!index) {
    index = new Map();
    for (const d of snapshot.documents) {
      const list = index.get(d.company);
      if (list) list.push(d);
      else index.set(d.company, [d]);
    }
    byCompany.set(snapshot.documents, index);
  }
  return index.get(company) ?? [];
}

/** Documents read sentence by sentence per question, at most: the rest are known by their figures. */
const MAX_SCANNED_DOCUMENTS = 4;

/**
 * The documents to read for evidence: when the company's figures of this metric already
 * name enough sentences, those documents only; else the company's documents of the period
 * asked first, then the newest, up to a bound, so a look-up stays fast in a large corpus.
 */
function documentsToRead(snapshot: CorpusSnapshot, req: EvidenceRequest, wanted: string | null): CorpusDocument[] {
  const own = documentsOf(snapshot, req.company.id);
  if (own.length <= MAX_SCANNED_DOCUMENTS) return own;
  const withFigures = new Set(req.metric ? snapshot.facts.series(req.company.id, req.metric.id).map((f) => f.doc) : []);
  const rank = (d: CorpusDocument) => (withFigures.has(d.id) ? 0 : 2) + (wanted && d.period && periodLabel(d.period) === wanted ? 0 : 1);
  return [...own].sort((a, b) => rank(a) - rank(b) || (b.published ?? '').localeCompare(a.published ?? '')).slice(0, MAX_SCANNED_DOCUMENTS);
}

/** Up to `limit` sentences that may state what was asked, best first. */
export function evidencePassages(snapshot: CorpusSnapshot, req: EvidenceRequest, limit = 3): Passage[] {
  const wanted = req.period ? periodLabel(req.period) : null;
  const segmentWords = req.segment ? fold(req.segment).split(/\s+/u).filter((w) => w.length > 1 || /[\u4e00-\u9fff]/u.test(w)) : [];
  const words = (req.words ?? []).map((w) => fold(w));
  // A share of revenue or an R&D ratio is often written as its amount and "占…": those sentences too.
  const base = req.metric?.shareOfRevenue;
  const scored: Array<{ doc: CorpusDocument; s: Statement; score: number }> = [];
  for (const doc of documentsToRead(snapshot, req, wanted)) {
    const docPeriod = doc.period ? periodLabel(doc.period) : null;
    for (const s of statementsOf(doc)) {
      let score = 0;
      if (req.metric) {
        if (!s.metrics.has(req.metric.id) && !(base && s.metrics.has(base))) continue;
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
      // even when its period words are not the ones asked (relative words, dates); a
      // figure the vocabulary does not know is shown where its words are.
      if (score >= (req.metric ? 3 : 2)) scored.push({ doc, s, score });
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
