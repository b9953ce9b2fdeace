import type { Figure, Passage, Source } from '../answer.ts';
import { pageLabel } from './page-label.ts';

/**
 * Plain-text rendering shared by the console and by chat fallbacks. Chat adapters
 * render the structured answer themselves; this is what a terminal shows.
 */

/**
 * `"quote" (Title, 2025-05-08, p. 14)`, the page only for PDFs. A table figure shows where its
 * row sits: the caption, the unit note, then the header row and the row itself on lines of their own.
 */
export function citeLine(source: Source): string {
  const date = source.published ? `, ${source.published}` : '';
  const page = source.page ? `, ${pageLabel(source)}` : '';
  if (source.table) return `${tableCiteHead(source)}\n      ${source.table.header}\n      ${source.quote}`;
  return `"${source.quote}" (${source.title}${date}${page})`;
}

/** First line of a table figure's citation: `table "Caption" [unit note] (Title, 2025-05-08)`. */
export function tableCiteHead(source: Source): string {
  const date = source.published ? `, ${source.published}` : '';
  const caption = source.table?.caption ? ` "${source.table.caption}"` : '';
  const note = source.table?.note ? ` [${source.table.note}]` : '';
  const page = source.page ? `, ${pageLabel(source)}` : '';
  return `table${caption}${note} (${source.title}${date}${page})`;
}

/** One figure as a headline line: `Acme Cloud revenue FY2030: RMB 634 million (6.34億元), down 12.34% year on year`. */
export function figureHeadline(f: Figure): string {
  const label = f.segment ? `${f.metricLabel.toLowerCase()} (${f.segment})` : f.metricLabel.toLowerCase();
  const quals = f.qualifiers.filter((q) => !q.startsWith('segment:'));
  const tag = quals.length ? ` [${quals.join(', ')}]` : '';
  const change = f.change ? `, ${f.change.display}` : '';
  return `${f.companyName} ${label} ${f.period}: ${f.display}${change}${tag}`;
}

/** A figure with its quote, other agreeing sources and disagreeing statements. */
export function figureBlock(f: Figure): string {
  const lines = [figureHeadline(f), `  Source: ${citeLine(f.source)}`];
  if (f.change?.computed && f.change.against) lines.push(`  Change computed against ${f.change.against.period}: ${citeLine(f.change.against.source)}`);
  for (const c of f.corroborating.slice(0, 2)) lines.push(`  Also: ${citeLine(c)}`);
  const unlisted = f.corroborating.length - Math.min(2, f.corroborating.length) + (f.corroboratingMore ?? 0);
  if (unlisted > 0) lines.push(`  Also stated in ${unlisted} more source${unlisted === 1 ? '' : 's'}.`);
  for (const a of f.alternatives) lines.push(`  Another statement says ${a.display}: ${citeLine(a.source)}`);
  return lines.join('\n');
}

/** A passage with its score-free citation. */
export function passageBlock(p: Passage, index: number): string {
  const date = p.published ? `, ${p.published}` : '';
  const page = p.page ? `, ${pageLabel(p)}` : '';
  return `${index + 1}. ${p.title}${date}${page}\n   "${p.quote}"`;
}
