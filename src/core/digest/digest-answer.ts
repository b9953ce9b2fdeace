import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Answer, DocumentInfo, Figure } from '../answer.ts';
import { makeAnswer } from '../answers/make.ts';
import { withPages } from '../answers/source-pages.ts';
import { citeLine, figureHeadline } from '../answers/text.ts';
import { METRIC_BY_ID } from '../facts/metrics.ts';
import { periodLabel } from '../periods.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import { buildDigest, type Digest, type DigestRequest } from './digest.ts';

/** Figures shown per document in the text; the structured digest keeps more. */
const TEXT_FIGURES_PER_DOCUMENT = 6;

/** Plain-text digest: what the console prints and chat adapters use as fallback text. */
export function digestText(d: Digest): string {
  const lines: string[] = [`Weekly summary: ${d.week.monday} to ${d.week.sunday} (${d.week.timeZone})`];
  if (d.lateFor) {
    const due = format(new TZDate(Date.parse(d.lateFor), d.week.timeZone), "EEEE yyyy-MM-dd HH:mm");
    lines.push(`Late: this digest was due ${due} ${d.week.timeZone}; the bot was not running then.`);
  }
  if (d.inProgress) lines.push('This week is not over yet: this is what is known so far.');
  lines.push('');
  if (d.quiet) {
    lines.push('Quiet week: no document was published or added.');
  } else {
    lines.push(`New this week (${d.documents.length} document${d.documents.length === 1 ? '' : 's'}):`);
    for (const doc of d.documents) {
      const when = doc.published ? `published ${doc.published}` : 'undated';
      const added = doc.reason === 'added' ? `, added ${doc.addedAt.slice(0, 10)}` : '';
      lines.push(`- ${doc.title} (${doc.companyName}; ${when}${added}) [${doc.document}]`);
      for (const f of doc.figures.slice(0, TEXT_FIGURES_PER_DOCUMENT)) lines.push(`    ${figureHeadline(f)}`);
      const more = doc.figures.length - Math.min(doc.figures.length, TEXT_FIGURES_PER_DOCUMENT) + doc.moreFigures;
      if (more > 0) lines.push(`    ... and ${more} more figure${more === 1 ? '' : 's'}`);
      if (!doc.figures.length) lines.push('    (no figures extracted)');
    }
  }
  lines.push('');
  if (!d.watchlist.length) {
    lines.push('Watchlist: no company is covered by the corpus yet.');
  } else {
    lines.push(`Watchlist (latest headline figures as of ${d.week.sunday}):`);
    for (const entry of d.watchlist) {
      lines.push(`${entry.companyName}:`);
      for (const f of entry.figures) {
        lines.push(`  - ${figureHeadline(f)}`);
        lines.push(`    Source: ${citeLine(f.source)}`);
      }
      if (!entry.figures.length) lines.push('  - no headline figures known yet');
      else if (entry.missing.length) lines.push(`  - not known: ${entry.missing.map((m) => m.toLowerCase()).join(', ')}`);
    }
  }
  return lines.join('\n');
}

function documentInfos(snapshot: CorpusSnapshot, d: Digest): DocumentInfo[] {
  return d.documents.map((doc) => {
    const full = snapshot.byId.get(doc.document);
    return {
      document: doc.document,
      title: doc.title,
      company: doc.company,
      companyName: doc.companyName,
      published: doc.published,
      period: full?.period ? periodLabel(full.period) : null,
      language: full?.language ?? 'unknown',
      source: full?.source ?? null,
      facts: snapshot.facts.ofDocument(doc.document).length,
    };
  });
}

/** Watchlist figures first, then the week's documents' headline figures not already there. */
function answerFigures(d: Digest): Figure[] {
  const out: Figure[] = [];
  const seen = new Set<string>();
  const add = (f: Figure) => {
    const key = `${f.company}|${f.metric}|${f.period}|${f.source.document}|${f.source.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(f);
  };
  for (const entry of d.watchlist) entry.figures.forEach(add);
  for (const doc of d.documents) doc.figures.filter((f) => METRIC_BY_ID.get(f.metric)?.headline).forEach(add);
  return out;
}

/**
 * The digest of a week as an Answer: `status: answered` (a quiet week is an answer
 * too), the text, figures with their quotes, the week's documents and
 * `data: { digest }` for adapters that lay it out themselves.
 */
export function digestAnswer(snapshot: CorpusSnapshot, request: DigestRequest & { query?: string }): Answer {
  const digest = buildDigest(snapshot, request);
  // The scheduler and the command line send digests without `runCommand`: pages are added here.
  const answer = makeAnswer({
    query: request.query ?? `summary ${digest.week.monday}`,
    command: 'summary',
    status: 'answered',
    message: digestText(digest),
    figures: answerFigures(digest),
    documents: documentInfos(snapshot, digest),
    data: { digest },
  });
  return withPages(answer, snapshot);
}
