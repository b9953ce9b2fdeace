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
// An initial ("J. Smith") stands after a space; "P/E." ends a sentence.
const ABBREVIATIONS = /(?:\b(?:mr|mrs|ms|dr|prof|inc|co|corp|ltd|no|vs|etc|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|st|approx)|(?:^|\s)[a-z]|\b(?:[a-z]\.){1,3}[a-z]|\bu\.s)\.$/iu;

/** Longest span read as one sentence; longer runs are cut at clause marks. */
export const MAX_SENTENCE = 2000;

// A line that starts a new item rather than continuing the one above.
const ITEM_START = /^\s*(?:[-*•·#|>]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、)]\s|[一二三四五六七八九十]{1,2}[、.])/u;
const ENDS_CLAUSE = /[。！？!?:：;；.”"」』]\s*$/u;

/**
 * Lines a page wrapped in the middle of a sentence, joined back: each entry is
 * `[start, end)` of the text, possibly spanning several physical lines.
 */
export function logicalLines(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let lineStart = 0;
  let current: { start: number; end: number } | null = null;
  let last = '';
  let inItem = false;
  let lastStart = -1;
  for (const line of text.split('\n')) {
    const start = lineStart;
    const end = start + line.length;
    lineStart = end + 1;
    if (!line.trim()) {
      if (current) out.push(current);
      current = null;
      last = '';
      continue;
    }
    // A short Chinese line on its own, without punctuation, is a heading: "即时零售收入升60% AIDC转赚".
    const heading = current !== null && current.start === lastStart && isHeading(last);
    if (current && !heading && continues(last, line, inItem)) {
      current.end = end;
    } else {
      if (current) out.push(current);
      current = { start, end };
      inItem = ITEM_START.test(line);
    }
    last = line;
    lastStart = start;
  }
  if (current) out.push(current);
  return out;
}

function isHeading(line: string): boolean {
  const t = line.trim();
  return t.length <= 24 && /[\u3400-\u9fff]/u.test(t) && !/[,，、;；:：(（]/u.test(t) && /[\u3400-\u9fff\d%a-z]$/iu.test(t);
}

// "- Cloud:" alone on its line, its figure on the next: the item goes on.
const LABEL_ITEM = /^\s*(?:[-*•·]|\d{1,2}[.)])\s?[^\s:：\d][^:：\d]{0,39}[:：]\s*$/u;
const FIGURE_HEAD = /^\s*[(（]?(?:rmb|us\$|hk\$|\$|usd|cny|hkd|人民币|美元|港元)?\s?[-−–]?[\d０-９]/iu;
// Words that never end an English sentence: "1,672 as of" / "June 30, 2024".
const OPEN_WORD = /\b(?:of|for|the|a|an|and|or|in|to|from|at|by|with|ended|ending|as|than|per|on)\s*$/u;

function continues(previous: string, line: string, inItem: boolean): boolean {
  if (ITEM_START.test(line) || /\|/u.test(previous)) return false;
  if (LABEL_ITEM.test(previous)) return FIGURE_HEAD.test(line);
  if (ENDS_CLAUSE.test(previous)) return false;
  // A list item runs on until the next item: its wrapped lines may start in upper case.
  // ("- Dollar-Based Net Retention" / "Rate"): only a short rest of a title, never a new heading or sentence.
  if (inItem && /[a-z,]$/iu.test(previous.trimEnd()) && /^\s*[A-Z][A-Za-z&-]*(?:\s[A-Za-z&-]+){0,2}\s*$/u.test(line)) return true;
  if (OPEN_WORD.test(previous) && /^\s*[A-Z]/u.test(line)) return true;
  const tail = previous.trimEnd().slice(-1);
  const head = line.trimStart()[0] ?? '';
  // Chinese wraps anywhere: a line ending inside a clause goes on with the next.
  if (/[\u3400-\u9fff\d,，、至到为和及与(（]/u.test(tail) && /[\u3400-\u9fff\d.．﹒%;；,，、]/u.test(head)) return true;
  // English wraps at a space: the next line goes on in lower case or with a number.
  return /[a-z0-9,]/u.test(tail) && /[a-z0-9(]/u.test(head) && /^\s/u.test(line) === /^\s/u.test(previous);
}

/** Split cleaned text into sentences, paragraph by paragraph (wrapped lines joined). */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let paragraph = 0;
  for (const span of logicalLines(text)) {
    const base = span.start;
    const line = text.slice(span.start, span.end);
    if (!line.trim()) continue;
    let from = 0;
    const push = (end: number) => {
      let s = from;
      let e = end;
      while (s < e && /\s/u.test(line[s]!)) s += 1;
      while (e > s && /\s/u.test(line[e - 1]!)) e -= 1;
      // A run-on "sentence" (a page that lost its full stops) is cut at clause marks, so the
      // work per sentence is bounded and extraction stays linear in the document's length.
      while (e - s > MAX_SENTENCE) {
        const window = line.slice(s, s + MAX_SENTENCE);
        let cut = Math.max(window.lastIndexOf('；'), window.lastIndexOf(';'));
        if (cut < MAX_SENTENCE / 3) cut = Math.max(window.lastIndexOf('，'), window.lastIndexOf(','), window.lastIndexOf('、'));
        if (cut < MAX_SENTENCE / 3) cut = window.lastIndexOf(' ');
        if (cut < MAX_SENTENCE / 3) cut = MAX_SENTENCE - 1;
        out.push({ start: base + s, end: base + s + cut + 1, paragraph });
        s += cut + 1;
        while (s < e && /\s/u.test(line[s]!)) s += 1;
      }
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
      // "…态势 [7] - 同期净亏损…": a list flattened into one line, its items joined by " - ".
      if (ch === '-' && line[i - 1] === ' ' && line[i + 1] === ' ' && /[\u3400-\u9fff\]）)。%.]\s*$/u.test(line.slice(Math.max(0, i - 4), i))) {
        push(i);
        continue;
      }
      if (ch === '.') {
        const next = line[i + 1];
        // "5.12", "example.com": a dot inside a token is not a full stop.
        if (next !== undefined && !/\s/u.test(next) && !/["'”’)）]/u.test(next)) continue;
        if (ABBREVIATIONS.test(line.slice(Math.max(0, i - 12), i + 1))) continue;
        // "16. 1%": a decimal point a page spaced out, not a full stop.
        if (/\d$/u.test(line.slice(0, i)) && /^\s\d{1,2}\s?%/u.test(line.slice(i + 1, i + 6))) continue;
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
