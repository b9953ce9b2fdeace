import { parseFrontMatter, splitFence, type ParsedFile } from '../front-matter.ts';
import type { DocumentRead, ReadProblem } from './document-read.ts';
import { skippedRead } from './document-read.ts';
import { partialFields } from './sidecar.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode UTF-8 text, or say why the bytes are not a text document. */
export function decodeText(bytes: Uint8Array): { text: string } | { reason: string } {
  if (bytes.subarray(0, 8192).includes(0)) return { reason: 'binary content (NUL bytes), not a text document' };
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { reason: 'not valid UTF-8 text; save it as UTF-8 and it will be read' };
  }
}

/**
 * A Markdown or plain text file: its own front matter first; a sidecar only when the
 * file has none (two sources of the same fields would leave the reader guessing).
 */
export function readMarkdown(kind: 'markdown' | 'text', file: string, bytes: Uint8Array, sidecar: ParsedFile | null, sidecarPartial: DocumentRead['partial']): DocumentRead {
  const decoded = decodeText(bytes);
  if ('reason' in decoded) return skippedRead(kind, file, decoded.reason);
  const content = decoded.text;
  const problems: ReadProblem[] = [];
  let parsed = parseFrontMatter(file, content);
  let body = parsed.body;
  let partial: DocumentRead['partial'] = {};
  if (parsed.kind === 'invalid') {
    if (!parsed.problems.some((p) => p.field)) {
      const fence = splitFence(content);
      body = fence?.closed ? fence.body : content;
    }
    partial = partialFields(content);
  }
  if (sidecar) {
    if (parsed.kind === 'plain') {
      parsed = { ...sidecar, body } as ParsedFile;
      partial = sidecarPartial;
    } else {
      problems.push({ file, message: 'the file has its own front matter; its .meta.yaml sidecar is ignored', skipped: false });
    }
  }
  return { kind, text: body, cleaned: false, frontMatter: parsed, partial, problems };
}
