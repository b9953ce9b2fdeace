import type { DocumentProblem, ParsedFile } from '../front-matter.ts';

/** The formats the documents folder may hold. */
export type DocumentKind = 'markdown' | 'text' | 'pdf' | 'html';

/** A problem found while reading one file; `skipped` ones kept it out of the corpus. */
export type ReadProblem = DocumentProblem & { skipped: boolean };

/** Fields a page states about itself (HTML `<head>`), used when no front matter gives them. */
export interface PageMeta {
  title?: string;
  /** YYYY-MM-DD */
  published?: string;
}

/**
 * One file read into text, format by format, before the common steps (cleaning,
 * inference, company registration). `null` text means the file is skipped; its
 * problems say why.
 */
export interface DocumentRead {
  kind: DocumentKind;
  /** The body: raw text for Markdown and text; for PDF, already cleaned page by page. */
  text: string | null;
  /** True when `text` is already cleaned (so page offsets stay valid). */
  cleaned: boolean;
  /** Front matter from the file itself or from its `.meta.yaml` sidecar. */
  frontMatter: ParsedFile;
  /** `title:` and `company:` lines still usable when the front matter is invalid. */
  partial: { title?: string; company?: string };
  /** Start offset of each PDF page in `text` (page n starts at `pages[n - 1]`). */
  pages?: number[];
  meta?: PageMeta;
  problems: ReadProblem[];
}

/** A skipped read, with its reason. */
export function skippedRead(kind: DocumentKind, file: string, reason: string): DocumentRead {
  return { kind, text: null, cleaned: false, frontMatter: { kind: 'plain', body: '' }, partial: {}, problems: [{ file, message: `skipped: ${reason}`, skipped: true }] };
}
