import type { Period } from '../periods.ts';

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
}
