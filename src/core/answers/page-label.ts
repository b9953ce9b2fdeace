import type { Source } from '../answer.ts';

/** `p. 14` for a source from a PDF page, else an empty string. */
export function pageLabel(source: Pick<Source, 'page'>): string {
  return source.page ? `p. ${source.page}` : '';
}
