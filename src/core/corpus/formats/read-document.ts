import type { ParsedFile } from '../front-matter.ts';
import type { DocumentRead } from './document-read.ts';
import { formatOf } from './kinds.ts';
import { decodeText, readMarkdown } from './markdown.ts';
import { readHtml } from './html.ts';
import { readPdf } from './pdf.ts';
import { parseSidecar, partialFields, sidecarAsFence } from './sidecar.ts';

export { FORMAT_BY_EXTENSION, formatOf } from './kinds.ts';

/** A file to read: its bytes and, when there is one, its `.meta.yaml` sidecar's bytes. */
export interface FileToRead {
  file: string;
  bytes: Uint8Array;
  sidecar?: { file: string; bytes: Uint8Array };
}

/**
 * Read one file of the documents folder into text with its front matter, whatever its
 * format. Never throws: a file that cannot be read comes back skipped, with the reason.
 */
export async function readDocumentFile(f: FileToRead): Promise<DocumentRead> {
  const kind = formatOf(f.file) ?? 'text';
  let sidecar: ParsedFile | null = null;
  let sidecarPartial: DocumentRead['partial'] = {};
  const sidecarProblems: DocumentRead['problems'] = [];
  if (f.sidecar) {
    const decoded = decodeText(f.sidecar.bytes);
    if ('reason' in decoded) sidecarProblems.push({ file: f.sidecar.file, message: `sidecar not read: ${decoded.reason}; the fields are inferred`, skipped: false });
    else {
      sidecar = parseSidecar(f.sidecar.file, decoded.text);
      sidecarPartial = partialFields(sidecarAsFence(decoded.text));
    }
  }
  let read: DocumentRead;
  try {
    if (kind === 'markdown' || kind === 'text') read = readMarkdown(kind, f.file, f.bytes, sidecar, sidecarPartial);
    else {
      read = kind === 'pdf' ? await readPdf(f.file, f.bytes) : await readHtml(f.file, f.bytes);
      if (sidecar && read.text !== null) read = { ...read, frontMatter: sidecar, partial: sidecarPartial };
    }
  } catch (error) {
    // A parser's own failure is this file's problem, never the corpus's.
    read = {
      kind,
      text: null,
      cleaned: false,
      frontMatter: { kind: 'plain', body: '' },
      partial: {},
      problems: [{ file: f.file, message: `skipped: could not be read as ${kind.toUpperCase()} (${(error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 160)})`, skipped: true }],
    };
  }
  return { ...read, problems: [...sidecarProblems, ...read.problems] };
}
