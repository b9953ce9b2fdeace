import type { Answer, Source } from '../answer.ts';
import { pageAt } from '../corpus/document.ts';
import type { CorpusSnapshot } from '../snapshot.ts';

/**
 * Page numbers for quotes from PDFs. Sources are built in many places (figures,
 * passages, evidence); the page follows from the document and the quote's start
 * offset alone, so it is added once, to every source of a finished answer.
 */

type Located = Pick<Source, 'document' | 'start' | 'quote'>;

function isSource(value: object): value is Located {
  const v = value as Record<string, unknown>;
  return typeof v.document === 'string' && typeof v.start === 'number' && typeof v.end === 'number' && typeof v.quote === 'string';
}

function walk(value: unknown, snapshot: CorpusSnapshot): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, snapshot));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = walk(v, snapshot);
  if (isSource(value)) {
    const doc = snapshot.byId.get(value.document);
    const page = doc ? pageAt(doc, value.start) : undefined;
    if (page !== undefined) out.page = page;
  }
  return out;
}

/** The answer with `page` set on every source quoted from a PDF. */
export function withPages(answer: Answer, snapshot: CorpusSnapshot): Answer {
  if (!snapshot.documents.some((d) => d.pages?.length)) return answer;
  return walk(answer, snapshot) as Answer;
}

/** `p. 14` for a source from a PDF page, else an empty string. */
export function pageLabel(source: Pick<Source, 'page'>): string {
  return source.page ? `p. ${source.page}` : '';
}
