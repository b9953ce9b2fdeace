import { extname } from 'node:path';
import type { DocumentKind } from './document-read.ts';

/** The format of each extension read; anything else in the folder is ignored. */
export const FORMAT_BY_EXTENSION: ReadonlyMap<string, DocumentKind> = new Map([
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
  ['.txt', 'text'],
  ['.pdf', 'pdf'],
  ['.html', 'html'],
  ['.htm', 'html'],
]);

/** The format of a file by its extension, or undefined when it is not read. */
export function formatOf(file: string): DocumentKind | undefined {
  return FORMAT_BY_EXTENSION.get(extname(file).toLowerCase());
}
