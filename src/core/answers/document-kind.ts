import type { DocumentInfo } from '../answer.ts';
import type { CorpusDocument } from '../corpus/document.ts';
import { formatOf } from '../corpus/formats/kinds.ts';

/** How `/sources` describes a document's origin: its format, tables and guessed fields. */

/** `PDF, 42 pages`, `HTML`, `Markdown`, `text`. */
export function kindLabel(d: Pick<DocumentInfo, 'kind' | 'pages'>): string | null {
  switch (d.kind) {
    case 'pdf':
      return d.pages ? `PDF, ${d.pages} page${d.pages === 1 ? '' : 's'}` : 'PDF';
    case 'html':
      return 'HTML';
    case 'markdown':
      return 'Markdown';
    case 'text':
      return 'text';
    default:
      return null;
  }
}

/** The kind of a document; an index written before kinds were kept has it from the file name. */
export function kindOf(d: Pick<CorpusDocument, 'kind' | 'file'>): DocumentInfo['kind'] {
  return d.kind ?? formatOf(d.file);
}

const FIELD_WORDS: Record<string, string> = { published: 'date' };

/** `guessed: company, date` when fields were inferred, else null. */
export function inferredNote(d: Pick<DocumentInfo, 'inferred'>): string | null {
  const fields = (d.inferred ?? []).map((f) => FIELD_WORDS[f] ?? f);
  return fields.length ? `inferred: ${fields.join(', ')}` : null;
}

/** `12 figures, 3 from tables`. */
export function figuresNote(d: Pick<DocumentInfo, 'facts' | 'tableFacts'>): string {
  const base = `${d.facts} figure${d.facts === 1 ? '' : 's'}`;
  return d.tableFacts ? `${base}, ${d.tableFacts} from tables` : base;
}
