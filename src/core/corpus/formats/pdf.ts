import { cleanText } from '../clean.ts';
import type { DocumentRead, ReadProblem } from './document-read.ts';
import { skippedRead } from './document-read.ts';
import { dropPageFurniture, pageLines, renderPage, textMargins, type PageLine, type PositionedText } from './pdf-layout.ts';

/**
 * PDF documents through pdf.js (the serverless build bundled by `unpdf`, no worker, no
 * downloads): the text layer page by page, laid out as lines (see `pdf-layout.ts`),
 * pages joined with a blank line and their start offsets kept so quotes cite pages.
 * A PDF without a text layer is a scan and is skipped: there is no OCR.
 */

/** Default largest PDF read; annual reports run to tens of MB with their images. */
export const DEFAULT_MAX_PDF_BYTES = 50 * 1024 * 1024;

interface PdfJsItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

function positioned(items: readonly unknown[]): PositionedText[] {
  const out: PositionedText[] = [];
  for (const raw of items) {
    const item = raw as PdfJsItem;
    if (typeof item.str !== 'string' || !item.transform) continue;
    const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform;
    // Rotated text (a watermark, a vertical label) is left out: it breaks the lines it crosses.
    if (Math.abs(b) > Math.abs(a) * 0.1 && Math.abs(a) > 0) continue;
    if (a === 0 && b !== 0) continue;
    out.push({ str: item.str, x, y, width: item.width ?? 0, size: Math.abs(d) || item.height || 10 });
  }
  return out;
}

function reasonOf(error: unknown): string {
  const name = (error as { name?: string })?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return 'the PDF is encrypted and needs a password to open; save a copy without a password and it will be read';
  if (name === 'InvalidPDFException') return 'not a readable PDF (damaged or cut short); export or download it again';
  return `not a readable PDF (${message.split('\n')[0]!.slice(0, 160)}); export or download it again`;
}

function pageList(numbers: number[]): string {
  const shown = numbers.slice(0, 12).join(', ');
  return numbers.length > 12 ? `${shown} and ${numbers.length - 12} more` : shown;
}

/** A document title from the PDF's own metadata, when it is one a person would give. */
function metadataTitle(info: unknown): string | undefined {
  const title = (info as { Title?: unknown } | null)?.Title;
  if (typeof title !== 'string') return undefined;
  const t = title.replace(/\s+/gu, ' ').trim();
  if (t.length < 4 || t.length > 300 || /^(?:untitled|microsoft (?:word|powerpoint|excel)\b)|\.(?:docx?|pptx?|xlsx?|indd)$/iu.test(t)) return undefined;
  return t;
}

/** Read a PDF's text layer. */
export async function readPdf(file: string, bytes: Uint8Array): Promise<DocumentRead> {
  // Loaded on first use: pdf.js is large, and only the indexing worker reads PDFs.
  const { getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A copy: pdf.js may take the buffer over, and the caller's bytes are hashed and kept.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  } catch (error) {
    return skippedRead('pdf', file, reasonOf(error));
  }
  const problems: ReadProblem[] = [];
  const pages: PageLine[][] = [];
  const unreadable: number[] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n += 1) {
      try {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        pages.push(pageLines(positioned(content.items)));
        page.cleanup();
      } catch {
        unreadable.push(n);
        pages.push([]);
      }
    }
    let title: string | undefined;
    try {
      title = metadataTitle((await pdf.getMetadata()).info);
    } catch {
      // Metadata is a nicety: a damaged info dictionary does not keep the text out.
    }
    const kept = dropPageFurniture(pages);
    const margins = textMargins(kept);
    const texts = kept.map((lines) => cleanText(renderPage(lines, margins)).text);
    const empty = texts.flatMap((t, i) => (t.trim() || unreadable.includes(i + 1) ? [] : [i + 1]));
    if (unreadable.length === pages.length) return skippedRead('pdf', file, reasonOf(new Error('no page could be read')));
    if (!texts.some((t) => /[\p{L}\p{N}]/u.test(t))) {
      return skippedRead('pdf', file, `no text layer on any of its ${pages.length} page${pages.length === 1 ? '' : 's'} (a scan, images of pages); it is not read: there is no OCR. A PDF exported from the original document has text`);
    }
    if (unreadable.length) problems.push({ file, message: `read in part: page${unreadable.length === 1 ? '' : 's'} ${pageList(unreadable)} could not be read (damaged); the other pages are read`, skipped: false });
    if (empty.length) problems.push({ file, message: `page${empty.length === 1 ? '' : 's'} ${pageList(empty)} ha${empty.length === 1 ? 's' : 've'} no text (images only, not read: there is no OCR)`, skipped: false });
    // Pages are joined by a blank line; an empty page starts where the next one does.
    const starts: number[] = [];
    let text = '';
    for (const t of texts) {
      if (t && text) text += '\n\n';
      starts.push(text.length);
      text += t;
    }
    return {
      kind: 'pdf',
      text,
      cleaned: true,
      frontMatter: { kind: 'plain', body: '' },
      partial: {},
      pages: starts,
      meta: title ? { title } : undefined,
      problems,
    };
  } finally {
    void pdf.destroy();
  }
}
