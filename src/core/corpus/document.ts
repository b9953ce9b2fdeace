import type { StatementNotes } from '../facts/statement-notes.ts';
import type { Period } from '../periods.ts';
import type { DocumentKind } from './formats/document-read.ts';

/** One document of the corpus after loading and cleaning. */
export interface CorpusDocument {
  /** File name without extension; stable across re-indexing. */
  id: string;
  /** Path relative to the documents directory. */
  file: string;
  title: string;
  /** Id of the primary company in the registry. */
  company: string;
  published: string | null;
  /** The reporting period the document covers, if it has one. */
  period: Period | null;
  source: string | null;
  /** BCP 47-ish tag: en, zh-Hans, zh-Hant, or a comma list for bilingual documents. */
  language: string;
  /** Cleaned body: every quote is an exact excerpt of this text. */
  text: string;
  /** sha256 of the file as read. */
  hash: string;
  /** When the file was added to the corpus (its modification time), ISO 8601. */
  addedAt: string;
  /** Front matter fields that were inferred rather than given. */
  inferred: string[];
  /** The file's format (absent in indexes written before PDF and HTML were read: Markdown or text). */
  kind?: DocumentKind;
  /** PDF only: start offset in `text` of each page (page n starts at `pages[n - 1]`). */
  pages?: number[];
  /** What each statement speaks of, noted when its figures were extracted (absent when they were not). */
  notes?: StatementNotes;
}

/** The PDF page a text offset falls on, or undefined for documents without pages. */
export function pageAt(doc: Pick<CorpusDocument, 'pages'>, offset: number): number | undefined {
  const pages = doc.pages;
  if (!pages?.length) return undefined;
  let lo = 0;
  let hi = pages.length - 1;
  // The last page starting at or before the offset (an empty page shares its start with the next).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
