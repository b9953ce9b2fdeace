import type { Answer, Passage, QueryContext } from '../answer.ts';
import type { Company } from '../companies/registry.ts';
import { METRIC_BY_ID } from '../facts/metrics.ts';
import { parsePeriod, periodLabel, type Period } from '../periods.ts';
import { parseLookup, type ParsedLookup, type YearlessPeriod } from '../query/parse-query.ts';
import { searchIndex } from '../search/search-index.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import { fold } from '../text/fold.ts';
import { answerCompare } from './compare-answer.ts';
import { companyPassages } from './company-passages.ts';
import { exampleCommands } from './examples.ts';
import { makeAnswer } from './make.ts';
import { metricAnswerFor } from './metric-answer.ts';
import { answerRank, rankingQuestion } from './rank-answer.ts';
import { figureHeadline, passageBlock } from './text.ts';

const MAX_PASSAGES = 3;
/** How many of the company's own ranking join the fusion, and the fusion's rank offset. */
const FUSE_DEPTH = 20;
const FUSE_K = 3;
/** How many of MiniSearch's best passages are re-ranked for company, year and language. */
const RERANK_DEPTH = 20;

/** Search passages for a question; the best few, exact excerpts of the documents. */
export async function searchPassages(snapshot: CorpusSnapshot, question: string, parsed: ParsedLookup, limit = MAX_PASSAGES): Promise<Passage[]> {
  const folded = fold(question);
  const questionIsChinese = hanHeavy(question);
  const years = [...folded.matchAll(/(?:19|20)\d{2}/gu)].map((m) => Number(m[0]));
  // A named company is searched as a company, not as the words of its name ("cloud").
  let words = folded;
  for (const m of snapshot.registry.mentionsInFolded(folded, { tickers: true }).reverse()) words = `${words.slice(0, m.start)} ${words.slice(m.end)}`;
  // A named company with few enough passages: score all of them, in both languages.
  const own = parsed.companies.length ? companyPassages(snapshot, words, parsed.companies, parsed.period, EXPLANATORY.test(folded), questionIsChinese, FUSE_DEPTH) : null;
  const results = await searchIndex(snapshot.search, words.trim() ? words : folded, { companies: parsed.companies.map((c) => c.id) }, RERANK_DEPTH);
  const scored = results.map((r) => {
    const record = snapshot.passages[r.id as number]!;
    const doc = snapshot.documents[record.doc]!;
    const quote = doc.text.slice(record.start, record.end);
    let score = r.score;
    // A passage about a named company, or stating a named year, is about the question.
    if (parsed.companies.length && parsed.companies.some((c) => record.companies.includes(c.id))) score *= 1.3;
    else if (parsed.companies.length && !parsed.companies.some((c) => c.id === doc.company)) score *= 0.5;
    if (years.length && years.some((y) => quote.includes(String(y)))) score *= 1.2;
    // Bilingual documents say everything twice: answer in the language of the question.
    if (record.han === questionIsChinese) score *= 1.15;
    return { record, doc, quote, score };
  });
  scored.sort((a, b) => b.score - a.score);
  if (own?.length) {
    // Two rankings, one list: reciprocal rank fusion keeps what either ranks high. A "why"
    // question leans on the company's own ranking, which knows causal wording in both languages.
    const ownWeight = EXPLANATORY.test(folded) ? 1.5 : 1;
    const fused = new Map<string, { record: { start: number; end: number }; doc: (typeof scored)[number]['doc']; quote: string; score: number }>();
    scored.forEach((s, i) => fused.set(`${s.doc.id}:${s.record.start}`, { ...s, score: 1 / (FUSE_K + i) }));
    own.forEach((p, i) => {
      const key = `${p.document}:${p.start}`;
      const hit = fused.get(key);
      if (hit) hit.score += ownWeight / (FUSE_K + i);
      else fused.set(key, { record: { start: p.start, end: p.end }, doc: snapshot.byId.get(p.document)!, quote: p.quote, score: ownWeight / (FUSE_K + i) });
    });
    scored.splice(0, scored.length, ...([...fused.values()].sort((a, b) => b.score - a.score) as typeof scored));
  }
  const out: Passage[] = [];
  const seen = new Set<string>();
  for (const s of scored) {
    // Bilingual documents say everything twice; one language of a statement is enough.
    const key = `${s.doc.id}:${s.quote.replace(/[^\d.]/gu, '').slice(0, 40)}`;
    if (seen.has(key) && /\d/u.test(s.quote)) continue;
    seen.add(key);
    out.push({
      document: s.doc.id,
      title: s.doc.title,
      published: s.doc.published,
      quote: s.quote,
      start: s.record.start,
      end: s.record.end,
      score: Number(s.score.toFixed(4)),
    });
    if (out.length >= limit) break;
  }
  return out;
}

const EXPLANATORY = /^(?:why|how come)\b|\b(?:reasons?|cause[sd]?|explain(?:s|ed)?|explanation|behind|driven by|due to)\b|为什么|为何|原因|怎么会|为啥/u;

const NOISE = new Set('please tell me about show give what how much many is are was were the a an of in on for and or to do does did can could should would will its it their'.split(' '));

function contentWords(rest: string): number {
  return rest.split(/\s+/u).filter((w) => w.length > 1 && !NOISE.has(w)).length;
}

function hanHeavy(text: string): boolean {
  return (text.match(/[\u3400-\u9fff]/gu)?.length ?? 0) * 4 > text.replace(/\s/gu, '').length;
}

function readableScript(text: string): boolean {
  return /[A-Za-z\u3400-\u9fff]/u.test(text);
}

function isFollowUp(folded: string): boolean {
  return /^(and|what about|how about|what of|same for|then|also)\b|^(那|那么|还有|再)/u.test(folded.trim()) || folded.trim().split(/\s+/u).length <= 4;
}

/**
 * `/ask` and plain questions. A question that names a company and a metric is the same
 * look-up as `/metric` (or `/compare` for several companies); anything else searches
 * the passages. `context` carries what an earlier message of the thread established.
 */
function latestOfKind(snapshot: CorpusSnapshot, company: string, metric: string, y: YearlessPeriod): Period | undefined {
  const same = (p: Period) => p.kind === y.kind && (p.kind !== 'Q' || (y.kind === 'Q' && p.quarter === y.quarter)) && (p.kind !== 'H' || (y.kind === 'H' && p.half === y.half));
  const years = snapshot.facts.series(company, metric).map((f) => f.period).filter(same).map((p) => ('year' in p ? p.year : 0));
  if (!years.length) return undefined;
  const year = Math.max(...years);
  return y.kind === 'Q' ? { kind: 'Q', year, quarter: y.quarter } : y.kind === 'H' ? { kind: 'H', year, half: y.half } : { kind: '9M', year };
}

export async function answerAsk(snapshot: CorpusSnapshot, question: string, context?: QueryContext): Promise<Answer> {
  const command = 'ask';
  const query = question;
  if (!question.trim()) {
    return makeAnswer({
      query,
      command,
      status: 'invalid',
      message: 'Ask me about a company\'s figures, e.g. a revenue, a net loss or a margin for a year or quarter. Type /help for the commands.',
      suggestions: exampleCommands(snapshot),
    });
  }
  if (!readableScript(question)) {
    return makeAnswer({
      query,
      command,
      status: 'invalid',
      message: 'I read questions in English or Chinese (Simplified or Traditional), with a company and what you want to know.',
      suggestions: exampleCommands(snapshot),
    });
  }
  const parsed = parseLookup(question, snapshot.registry);
  const folded = fold(question);
  if (parsed.badPeriod) {
    return makeAnswer({ query, command, status: 'invalid', message: `"${parsed.badPeriod}" is not a period I can read. Use a year (2024), a quarter (Q4 2022) or a half (H1 2024).`, suggestions: exampleCommands(snapshot) });
  }
  const ranking = rankingQuestion(question, { metricText: parsed.metric?.id, period: parsed.period, companies: parsed.companies.length });
  if (ranking) return { ...answerRank(snapshot, query, ranking), command };
  let companies: Company[] = parsed.companies;
  let metric = parsed.metric;
  if (context && isFollowUp(folded)) {
    if (!companies.length && context.company) {
      const c = snapshot.registry.get(context.company);
      if (c) companies = [c];
    }
    if (!metric && context.metric && (parsed.period || parsed.range || companies.length)) metric = METRIC_BY_ID.get(context.metric);
  }
  let period = parsed.period;
  if (!period && !parsed.range && context?.period && metric && companies.length && parsed.companies.length && !parsed.metric) period = parsePeriod(context.period) ?? undefined;
  // "泽塔云第三季度净利润": a quarter without its year is the latest such quarter the corpus states.
  if (!period && !parsed.range && parsed.yearless && metric && companies.length === 1) period = latestOfKind(snapshot, companies[0]!.id, metric.id, parsed.yearless);

  // "Why did revenue fall?" asks for the explanation: the passages, with the figure beside them.
  if (EXPLANATORY.test(folded) && (companies.length || metric)) {
    const passages = await searchPassages(snapshot, question, { ...parsed, companies });
    if (passages.length) {
      const figureAnswer = metric && companies.length === 1 ? metricAnswerFor(snapshot, query, command, { company: companies[0]!, metric, segment: parsed.segment, adjusted: parsed.adjusted, forecast: parsed.forecast, qualifiers: parsed.qualifiers, unknown: parsed.unknown, currency: parsed.currency, period, range: parsed.range, namedAs: parsed.names }) : undefined;
      const figures = figureAnswer?.status === 'answered' ? figureAnswer.figures.slice(-1) : [];
      const lines = ['From the documents:', ...passages.map(passageBlock)];
      if (figures.length) lines.push('', `The figure: ${figureHeadline(figures[0]!)}`);
      return makeAnswer({ query, command, status: 'answered', message: lines.join('\n'), passages, figures, context: figureAnswer?.context ?? { company: companies[0]?.id, metric: metric?.id } });
    }
  }
  // "cloudwalk cash runway": a metric named among other words, with no period, is a
  // question for the documents rather than a figure look-up.
  const openQuestion = !period && !parsed.range && contentWords(parsed.rest) > 0;
  if (metric && companies.length === 1 && !openQuestion) {
    const figureAnswer = metricAnswerFor(snapshot, query, command, {
      company: companies[0]!,
      metric,
      segment: parsed.segment,
      adjusted: parsed.adjusted,
      forecast: parsed.forecast,
      cumulative: parsed.cumulative,
      qualifiers: parsed.qualifiers,
      unknown: parsed.unknown,
      currency: parsed.currency,
      period,
      range: parsed.range,
      namedAs: parsed.names,
    });
    // Without a period, nothing extracted is not the last word: the passages may say more.
    if (figureAnswer.status === 'answered' || period || parsed.range) return figureAnswer;
    const passages = await searchPassages(snapshot, question, { ...parsed, companies });
    if (!passages.length) return figureAnswer;
    const known = [...figureAnswer.known, 'No figure was extracted for this; the passages below mention it.'];
    return makeAnswer({ query, command, status: 'answered', message: ['From the documents:', ...passages.map(passageBlock)].join('\n'), passages, known, context: figureAnswer.context });
  }
  if (metric && companies.length > 1) {
    const periodText = period ? periodLabel(period) : parsed.range ? `${periodLabel(parsed.range.from)}-${periodLabel(parsed.range.to)}` : undefined;
    const answer = answerCompare(snapshot, query, {
      metric: parsed.segment ? `${parsed.segment} ${metric.label}` : metric.label,
      companies: companies.map((c) => c.name),
      period: periodText,
    });
    return { ...answer, command };
  }

  const passages = await searchPassages(snapshot, question, { ...parsed, companies });
  if (!companies.length && parsed.rest && looksLikeName(parsed.rest) && passages.length === 0) {
    const near = snapshot.registry.nearest(parsed.rest.split(' ')[0] ?? '');
    return makeAnswer({
      query,
      command,
      status: 'not_found',
      message: near.length
        ? `I found nothing about "${parsed.rest}". Did you mean ${near.map((c) => c.name).join(' or ')}?`
        : `I found nothing about "${parsed.rest}" in the corpus.`,
      suggestions: near.map((c) => c.name),
    });
  }
  if (passages.length === 0) {
    const known = snapshot.documents.length ? [`The corpus covers: ${[...new Set(snapshot.documents.map((d) => snapshot.registry.get(d.company)?.name ?? d.company))].join(', ')}.`] : ['The corpus is empty.'];
    return makeAnswer({ query, command, status: 'not_found', message: ['I found nothing in the documents that answers this.', ...known].join('\n'), known, suggestions: exampleCommands(snapshot) });
  }
  const lines = ['From the documents:', ...passages.map(passageBlock)];
  return makeAnswer({
    query,
    command,
    status: 'answered',
    message: lines.join('\n'),
    passages,
    context: { company: companies[0]?.id, metric: metric?.id },
  });
}

function looksLikeName(rest: string): boolean {
  return /^[\p{L}][\p{L}\p{N}&.-]{2,}$/u.test(rest.split(' ')[0] ?? '');
}
