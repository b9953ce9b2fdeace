import type { Answer, Source } from '../answer.ts';
import { pageAt } from '../corpus/document.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import { pageLabel } from './page-label.ts';
import { citeLine } from './text.ts';


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

function walk(value: unknown, snapshot: CorpusSnapshot, paged: Source[]): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, snapshot, paged));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = walk(v, snapshot, paged);
  if (isSource(value)) {
    const doc = snapshot.byId.get(value.document);
    const page = doc ? pageAt(doc, value.start) : undefined;
    if (page !== undefined) {
      out.page = page;
      paged.push(out as Source);
    }
  }
  return out;
}

// Whether any document has pages, once per snapshot: a look-up must not walk every document.
const paged = new WeakMap<readonly object[], boolean>();

function hasPages(snapshot: CorpusSnapshot): boolean {
  let has = paged.get(snapshot.documents);
  if (has === undefined) paged.set(snapshot.documents, (has = snapshot.documents.some((d) => d.pages?.length)));
  return has;
}

/**
 * The answer with `page` set on every source quoted from a PDF. The text message was
 * written before (by `citeLine` and `passageBlock`), so its citations of those sources
 * get the page too: the same citation, written again with it.
 */
export function withPages(answer: Answer, snapshot: CorpusSnapshot): Answer {
  if (!hasPages(snapshot)) return answer;
  const paged: Source[] = [];
  const out = walk(answer, snapshot, paged) as Answer;
  let message = out.message;
  for (const s of paged) {
    const plain = { ...s, page: undefined };
    message = message.split(citeLine(plain)).join(citeLine(s));
    const date = s.published ? `, ${s.published}` : '';
    message = message.split(`${s.title}${date}\n   "${s.quote}"`).join(`${s.title}${date}, ${pageLabel(s)}\n   "${s.quote}"`);
  }
  return { ...out, message };
}
