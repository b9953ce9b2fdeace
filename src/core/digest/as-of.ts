import type { CorpusDocument } from '../corpus/document.ts';
import { FactStore } from '../facts/fact-store.ts';
import { periodEndIso } from '../periods.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import type { DigestWeek } from './week.ts';

/**
 * True when the document was public by the end of the week. A dated document counts
 * from its publication date. An undated one counts from the end of the period it
 * reports on (a Q4 2022 call cannot predate 2022-12-31), or always when it names no
 * period. The file's modification time is not used: it is the day of a checkout, not
 * of the news, and would make a digest depend on the machine that builds it.
 */
export function knownBy(doc: CorpusDocument, week: DigestWeek): boolean {
  if (doc.published) return doc.published <= week.sunday;
  if (doc.period) return periodEndIso(doc.period) <= week.sunday;
  return true;
}

/**
 * The snapshot as it stood at the end of a week: only figures from documents known by
 * then. A digest for a past week therefore never shows a figure published later, and
 * reads the same whenever it is built.
 */
export function snapshotAsOf(snapshot: CorpusSnapshot, week: DigestWeek): CorpusSnapshot {
  const known = new Set(snapshot.documents.filter((d) => knownBy(d, week)).map((d) => d.id));
  return { ...snapshot, facts: new FactStore(snapshot.facts.facts.filter((f) => known.has(f.doc))) };
}
