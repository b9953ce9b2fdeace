/**
 * Paragraphs and sentences of cleaned text with exact offsets: a fact's quote is its
 * sentence, sliced from the cleaned document.
 */

/** A sentence: `text.slice(start, end)` of the cleaned document. */
export interface SentenceSpan {
  start: number;
  end: number;
  /** Index of the paragraph (line) it belongs to. */
  paragraph: number;
}

// Abbreviations after which a full stop does not end an English sentence.
const ABBREVIATIONS = /(?:\b(?:mr|mrs|ms|dr|prof|inc|co|corp|ltd|no|vs|etc|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|st|approx)|\b[a-z]|\b(?:[a-z]\.){1,3}[a-z]|\bu\.s)\.$/iu;

/** Split cleaned text into sentences, paragraph by paragraph. */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let lineStart = 0;
  let paragraph = 0;
  for (const line of text.split('\n')) {
    const base = lineStart;
    lineStart += line.length + 1;
    if (!line.trim()) continue;
    let from = 0;
    const push = (end: number) => {
      let s = from;
      let e = end;
      while (s < e && /\s/u.test(line[s]!)) s += 1;
      while (e > s && /\s/u.test(line[e - 1]!)) e -= 1;
      if (e > s) out.push({ start: base + s, end: base + e, paragraph });
      from = end;
    };
    for (let i = 0; i < line.length; i += 1) {
      const ch = line[i]!;
      if (ch === '。' || ch === '！' || ch === '？' || ch === '!' || ch === '?') {
        let j = i + 1;
        while (j < line.length && /["'”’)）\]」』]/u.test(line[j]!)) j += 1;
        push(j);
        i = j - 1;
        continue;
      }
      if (ch === '.') {
        const next = line[i + 1];
        // "5.12", "example.com": a dot inside a token is not a full stop.
        if (next !== undefined && !/\s/u.test(next) && !/["'”’)）]/u.test(next)) continue;
        if (ABBREVIATIONS.test(line.slice(Math.max(0, i - 12), i + 1))) continue;
        let j = i + 1;
        while (j < line.length && /["'”’)）]/u.test(line[j]!)) j += 1;
        const rest = line.slice(j).trimStart();
        if (rest && !/^[A-Z0-9"“'‘(\[\u3400-\u9fff]/u.test(rest)) continue;
        push(j);
        i = j - 1;
      }
    }
    push(line.length);
    paragraph += 1;
  }
  return out;
}
