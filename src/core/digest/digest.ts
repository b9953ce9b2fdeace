import type { Figure } from '../answer.ts';
import type { CorpusDocument } from '../corpus/document.ts';
import type { Fact } from '../facts/fact.ts';
import { METRICS } from '../facts/metrics.ts';
import { parsePeriod, periodEnd, periodLabel, periodStart } from '../periods.ts';
import { buildFigure } from '../query/figures.ts';
import { lookup } from '../query/lookup.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import { snapshotAsOf } from './as-of.ts';
import { companyOf, coveredCompanies, nameOf } from './watchlist.ts';
import type { DigestWeek } from './week.ts';

/**
 * The structured weekly digest: what came into the corpus in a week, and where the
 * followed companies stand. Platform-free; `digest-answer.ts` turns it into an Answer.
 */

/** Most figures listed per document; the rest are counted. */
export const MAX_DOCUMENT_FIGURES = 12;

/** A document published or added in the digest week. */
export interface DigestDocument {
  document: string;
  title: string;
  company: string;
  companyName: string;
  published: string | null;
  addedAt: string;
  /** Why it is in this week: its publication date, the day it was added, or both. */
  reason: 'published' | 'added' | 'published and added';
  /** Figures the document states: reported headline figures of its own period first, forecasts last. */
  figures: Figure[];
  /** Further figures not listed. */
  moreFigures: number;
}

/** A followed company's latest headline figures as of the end of the week. */
export interface WatchlistEntry {
  company: string;
  companyName: string;
  /** One figure per headline metric known (the latest period), with change and quote. */
  figures: Figure[];
  /** Labels of headline metrics with no figure known yet. */
  missing: string[];
}

/** The weekly digest. */
export interface Digest {
  week: { monday: string; sunday: string; timeZone: string; start: string; end: string };
  /** Company ids followed; `all` when the subscription follows every company. */
  following: 'all' | string[];
  documents: DigestDocument[];
  watchlist: WatchlistEntry[];
  /** No document was published or added in the week. */
  quiet: boolean;
  /** Set when the digest is posted after its slot (the bot was down): the slot's instant. */
  lateFor?: string;
  /** The week has not ended yet: the digest shows what is known so far. */
  inProgress: boolean;
}

/** What to build a digest for. */
export interface DigestRequest {
  week: DigestWeek;
  /** Company ids; empty or omitted means every company the corpus covers. */
  companies?: readonly string[];
  /** The slot the digest was due at, when it is posted late. */
  lateFor?: Date;
  /** Only to tell an unfinished week; the content never depends on it. */
  now?: Date;
}

const HEADLINE_METRICS = METRICS.filter((m) => m.headline);
const HEADLINE_IDS = new Set(HEADLINE_METRICS.map((m) => m.id));

function inWeek(doc: CorpusDocument, week: DigestWeek): DigestDocument['reason'] | null {
  const published = doc.published !== null && doc.published >= week.monday && doc.published <= week.sunday;
  const addedMs = Date.parse(doc.addedAt);
  const added = Number.isFinite(addedMs) && addedMs >= week.start.getTime() && addedMs < week.end.getTime();
  if (published && added) return 'published and added';
  if (published) return 'published';
  return added ? 'added' : null;
}

/** Statements of the same figure in one document share company, metric, period and kind. */
function figureKey(f: Fact): string {
  const q = f.qualifiers;
  return [f.company, f.metric, periodLabel(f.period), q.segment ?? '', q.adjusted || q.nonGaap ? 'adj' : '', q.forecast ? 'fc' : '', q.cumulative ? 'cum' : ''].join('|');
}

function documentFigures(snapshot: CorpusSnapshot, doc: CorpusDocument): { figures: Figure[]; more: number } {
  const groups = new Map<string, Fact[]>();
  for (const fact of snapshot.facts.ofDocument(doc.id)) {
    const key = figureKey(fact);
    const list = groups.get(key);
    if (list) list.push(fact);
    else groups.set(key, [fact]);
  }
  // Reported headline results first (those of the period the document reports on before
  // its history), then other reported figures, forecasts last; text order within.
  const own = doc.period ? periodLabel(doc.period) : null;
  const rank = (f: Fact) => (f.qualifiers.forecast ? 4 : 0) + (HEADLINE_IDS.has(f.metric) ? 0 : 2) + (periodLabel(f.period) === own ? 0 : 1);
  const ordered = [...groups.values()].sort((a, b) => rank(a[0]!) - rank(b[0]!) || a[0]!.start - b[0]!.start);
  const figures = ordered.slice(0, MAX_DOCUMENT_FIGURES).map((statements) => buildFigure(snapshot, companyOf(snapshot, statements[0]!.company), statements));
  return { figures, more: Math.max(0, ordered.length - MAX_DOCUMENT_FIGURES) };
}

/** Latest end first; for the same end the longer period (FY2024 before Q4 2024). */
function latest(figures: readonly Figure[]): Figure | undefined {
  let best: { figure: Figure; end: number; length: number } | undefined;
  for (const figure of figures) {
    const p = parsePeriod(figure.period);
    if (!p) continue;
    const end = periodEnd(p).getTime();
    const length = end - periodStart(p).getTime();
    if (!best || end > best.end || (end === best.end && length > best.length)) best = { figure, end, length };
  }
  return best?.figure;
}

function watchEntry(asOf: CorpusSnapshot, id: string): WatchlistEntry {
  const company = companyOf(asOf, id);
  const figures: Figure[] = [];
  const missing: string[] = [];
  for (const metric of HEADLINE_METRICS) {
    const found = latest(lookup(asOf, { company, metric }).figures);
    if (found) figures.push(found);
    else missing.push(metric.label);
  }
  return { company: id, companyName: company.name, figures, missing };
}

/** Build the digest of a week. Deterministic: the same corpus and week give the same digest. */
export function buildDigest(snapshot: CorpusSnapshot, request: DigestRequest): Digest {
  const { week } = request;
  const followed = request.companies?.length ? [...new Set(request.companies)] : null;
  const watched = followed ?? coveredCompanies(snapshot);
  const about = (doc: CorpusDocument) => !followed || followed.includes(doc.company) || snapshot.facts.ofDocument(doc.id).some((f) => followed.includes(f.company));
  const documents: DigestDocument[] = [];
  for (const doc of snapshot.documents) {
    const reason = inWeek(doc, week);
    if (!reason || !about(doc)) continue;
    const { figures, more } = documentFigures(snapshot, doc);
    documents.push({
      document: doc.id,
      title: doc.title,
      company: doc.company,
      companyName: nameOf(snapshot, doc.company),
      published: doc.published,
      addedAt: doc.addedAt,
      reason,
      figures,
      moreFigures: more,
    });
  }
  documents.sort((a, b) => (a.published ?? a.addedAt.slice(0, 10)).localeCompare(b.published ?? b.addedAt.slice(0, 10)) || a.title.localeCompare(b.title));
  const asOf = snapshotAsOf(snapshot, week);
  const digest: Digest = {
    week: { monday: week.monday, sunday: week.sunday, timeZone: week.timeZone, start: week.start.toISOString(), end: week.end.toISOString() },
    following: followed ?? 'all',
    documents,
    watchlist: watched.map((id) => watchEntry(asOf, id)),
    quiet: documents.length === 0,
    inProgress: request.now !== undefined && request.now.getTime() < week.end.getTime(),
  };
  if (request.lateFor) digest.lateFor = request.lateFor.toISOString();
  return digest;
}
