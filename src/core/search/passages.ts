/**
 * Passages: the units search returns and quotes. A passage is a paragraph, or a few
 * sentences of a long one, with its offsets in the cleaned document text.
 */

/** A passage of a document; `text.slice(start, end)` of the cleaned document. */
export interface PassageSpan {
  start: number;
  end: number;
}

const MAX_LATIN = 700;
const MAX_HAN = 260;
const SENTENCE_END = /(?<=[.!?。！？])["'”’)）]*\s*/gu;

function isHanHeavy(text: string): boolean {
  const han = text.match(/[\u3400-\u9fff]/gu)?.length ?? 0;
  return han * 3 > text.length;
}

// Headings, bylines and breadcrumbs are not prose: they have no sentence end and are short.
function isProse(text: string): boolean {
  if (/[.!?。！？]["'”’)）]*\s*$/u.test(text) && /[\p{L}]/u.test(text)) return text.length >= 12;
  return text.length >= 80;
}

/** Split cleaned text into passages. Offsets are exact; whitespace at the ends is trimmed. */
export function splitPassages(text: string): PassageSpan[] {
  const spans: PassageSpan[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const start = lineStart;
    lineStart += line.length + 1;
    const trimmedStart = start + (line.length - line.trimStart().length);
    const trimmed = line.trim();
    if (!trimmed || !isProse(trimmed)) continue;
    const max = isHanHeavy(trimmed) ? MAX_HAN : MAX_LATIN;
    if (trimmed.length <= max) {
      spans.push({ start: trimmedStart, end: trimmedStart + trimmed.length });
      continue;
    }
    // Long paragraph: group whole sentences up to the size limit.
    const cuts: number[] = [];
    for (const m of trimmed.matchAll(SENTENCE_END)) if (m.index !== undefined) cuts.push(m.index + m[0].length);
    if (cuts.at(-1) !== trimmed.length) cuts.push(trimmed.length);
    let from = 0;
    let last = 0;
    for (const cut of cuts) {
      if (cut - from > max && last > from) {
        spans.push(trimSpan(text, trimmedStart + from, trimmedStart + last));
        from = last;
      }
      last = cut;
    }
    if (last > from) spans.push(trimSpan(text, trimmedStart + from, trimmedStart + last));
  }
  return spans.filter((s) => s.end > s.start);
}

function trimSpan(text: string, start: number, end: number): PassageSpan {
  while (start < end && /\s/u.test(text[start]!)) start += 1;
  while (end > start && /\s/u.test(text[end - 1]!)) end -= 1;
  return { start, end };
}
