import type { Passage } from '../answer.ts';
import type { Company } from '../companies/registry.ts';
import { periodLabel, type Period } from '../periods.ts';
import type { PassageRecord } from '../search/search-index.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import { fold } from '../text/fold.ts';
import { crossLanguageTerms } from '../text/glossary.ts';
import { tokenizeFolded } from '../text/tokenize.ts';

/**
 * A question about a named company is answered from that company's passages only: all of
 * them are scored (terms of the question in both languages, weighted by how rare they are
 * among the company's passages), so a passage in Chinese answers an English question even
 * when MiniSearch's first page holds only other documents. Used while the company's
 * passages are few enough to score them all; MiniSearch serves the rest.
 */

/** Above this many passages the company's pool is left to MiniSearch alone. */
export const MAX_POOL = 250;

const CAUSAL = /because|due to|driven by|thanks to|as a result|attribut|reason|mainly|primarily|led by|owing to|由于|因为|原因|主要由|主要是|主因|带动|所致|导致|归因|得益于|受惠|受益于|驱动|推动|拖累|影响/u;
const QUESTION_WORDS = new Set(['what', 'why', 'how', 'did', 'does', 'do', 'is', 'was', 'were', 'the', 'a', 'an', 'of', 'in', 'to', 'for', 'on', 'its', 'it', 'and', 'or', 'at', 'by', 'with', 'which', 'who', 'whom', 'when', 'will', 'would', 'can', 'say', 'says', 'see', 'keep', 'about', 'from', 'that', 'this', 'as']);

interface Scored {
  record: PassageRecord;
  tokens: Set<string>;
}

const tokenCache = new WeakMap<PassageRecord, Set<string>>();

function tokensOf(snapshot: CorpusSnapshot, record: PassageRecord): Set<string> {
  let t = tokenCache.get(record);
  if (!t) {
    const doc = snapshot.documents[record.doc]!;
    t = new Set(tokenizeFolded(fold(doc.text.slice(record.start, record.end))));
    tokenCache.set(record, t);
  }
  return t;
}

// Passage numbers by company (of the document or named in the passage), built once per snapshot:
// scanning every passage of a large corpus on each question cost more than the scoring.
const byCompany = new WeakMap<readonly PassageRecord[], Map<string, number[]>>();

function passagesByCompany(snapshot: CorpusSnapshot): Map<string, number[]> {
  let map = byCompany.get(snapshot.passages);
  if (map) return map;
  map = new Map();
  snapshot.passages.forEach((record, i) => {
    const ids = new Set([snapshot.documents[record.doc]!.company, ...record.companies]);
    for (const id of ids) {
      const list = map!.get(id);
      if (list) list.push(i);
      else map!.set(id, [i]);
    }
  });
  byCompany.set(snapshot.passages, map);
  return map;
}

/** The passages of these companies in corpus order, or null when there are more than MAX_POOL. */
function poolOf(snapshot: CorpusSnapshot, companies: readonly Company[]): number[] | null {
  const index = passagesByCompany(snapshot);
  const union = new Set<number>();
  for (const c of companies) {
    for (const i of index.get(c.id) ?? []) {
      union.add(i);
      if (union.size > MAX_POOL) return null;
    }
  }
  return [...union].sort((a, b) => a - b);
}

/** The company's passages that best answer the question, or null when the pool is too large or empty. */
export function companyPassages(snapshot: CorpusSnapshot, questionWords: string, companies: readonly Company[], period: Period | undefined, explanatory: boolean, questionIsChinese: boolean, limit: number): Passage[] | null {
  const found = poolOf(snapshot, companies);
  if (!found || found.length === 0) return null;
  const pool: Scored[] = found.map((i) => {
    const record = snapshot.passages[i]!;
    return { record, tokens: tokensOf(snapshot, record) };
  });
  const folded = fold(questionWords);
  const terms = new Set([...tokenizeFolded(folded), ...crossLanguageTerms(folded).flatMap((t) => tokenizeFolded(t))].filter((t) => !QUESTION_WORDS.has(t) && t.length > 1));
  if (terms.size === 0) return null;
  const df = new Map<string, number>();
  for (const p of pool) for (const t of terms) if (p.tokens.has(t)) df.set(t, (df.get(t) ?? 0) + 1);
  const wanted = period ? periodLabel(period) : null;
  const years = [...folded.matchAll(/(?:19|20)\d{2}/gu)].map((m) => m[0]);
  const avg = pool.reduce((n, p) => n + p.tokens.size, 0) / pool.length;
  const scored = pool.map((p) => {
    let score = 0;
    for (const t of terms) if (p.tokens.has(t)) score += Math.log(1 + pool.length / (df.get(t) ?? 1));
    score /= 0.6 + 0.4 * (p.tokens.size / avg);
    const doc = snapshot.documents[p.record.doc]!;
    const quote = doc.text.slice(p.record.start, p.record.end);
    if (wanted && doc.period && periodLabel(doc.period) === wanted) score *= 1.5;
    else if (years.length && years.some((y) => quote.includes(y) || doc.period && periodLabel(doc.period).includes(y))) score *= 1.2;
    if (explanatory && CAUSAL.test(fold(quote))) score *= 1.4;
    if (p.record.han === questionIsChinese) score *= 1.05;
    // "QingCloud competition with Alibaba Cloud": every named company the passage names is about the question.
    const named = companies.filter((c) => p.record.companies.includes(c.id)).length;
    if (named > 1) score *= 1 + 0.3 * (named - 1);
    return { p, doc, quote, score };
  });
  scored.sort((a, b) => b.score - a.score);
  return scored
    .filter((s) => s.score > 0)
    .slice(0, limit)
    .map((s) => ({ document: s.doc.id, title: s.doc.title, published: s.doc.published, quote: s.quote, start: s.p.record.start, end: s.p.record.end, score: Number(s.score.toFixed(4)) }));
}
