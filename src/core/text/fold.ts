import { Converter } from 'opencc-js/t2cn';

/**
 * Folding makes Simplified and Traditional Chinese, full-width and half-width forms,
 * and upper and lower case compare equal. It works character by character so that
 * every position of folded text maps back to the source: extraction matches on folded
 * text and quotes the original.
 */

const toSimplified = Converter({ from: 't', to: 'cn' });
const toSimplifiedTw = Converter({ from: 'tw', to: 'cn' });
const charCache = new Map<string, string>();
// The same cache by UTF-16 code for characters of one code unit (nearly all): folding is
// done on every sentence of every document, and an array index is cheaper than a map key.
const unitCache: Array<string | undefined> = new Array<string | undefined>(0x10000);

// Characters with no width that split a word without showing it ("cloud\u200bwalk").
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060\ufeff]/gu;

/**
 * Full-width forms (a Chinese input method's full-width mode) to their plain ASCII forms
 * and invisible characters removed: the first thing done to a question, before it is
 * checked or read, so "ｃｌｏｕｄｗａｌｋ ２０２４" reads as "cloudwalk 2024".
 */
export function foldWidth(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(/[\uff01-\uff5e]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/gu, ' ');
}

/** Fold a single character (one code point). */
export function foldChar(ch: string): string {
  if (ch.length === 1) {
    const known = unitCache[ch.charCodeAt(0)];
    if (known !== undefined) return known;
  }
  const cached = charCache.get(ch);
  if (cached !== undefined) return cached;
  if (/^[\u00ad\u180e\u200b-\u200d\u2060\ufeff]$/u.test(ch)) {
    charCache.set(ch, '');
    unitCache[ch.charCodeAt(0)] = '';
    return '';
  }
  let folded = ch.normalize('NFKC').toLowerCase();
  if (/[\u3400-\u9fff\uf900-\ufaff]/u.test(folded)) {
    folded = toSimplifiedTw(toSimplified(folded));
  }
  // Typographic variants that NFKC leaves alone.
  folded = folded
    .replace(/[\u2018\u2019\u2032]/gu, "'")
    .replace(/[\u201c\u201d\u2033]/gu, '"')
    .replace(/[\u2010-\u2015\u2212]/gu, '-');
  charCache.set(ch, folded);
  if (ch.length === 1) unitCache[ch.charCodeAt(0)] = folded;
  return folded;
}

/** Fold a string for comparison and search. */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff || i + 1 === text.length) {
      out += unitCache[code] ?? foldChar(text[i]!);
    } else {
      // A surrogate pair is one code point, folded whole (as `for…of` would give it).
      const ch = String.fromCodePoint(text.codePointAt(i)!);
      out += foldChar(ch);
      i += ch.length - 1;
    }
  }
  return out;
}

/** Folded text with a map from each folded UTF-16 index back to the source index. */
export interface FoldedText {
  text: string;
  /** `map[i]` is the source index of folded index `i`; `map[text.length]` is the source length. */
  map: Int32Array;
}

/** Fold and keep the position map, so matches on folded text can be quoted from the source. */
export function foldWithMap(source: string): FoldedText {
  let text = '';
  let map = new Int32Array(source.length + 16);
  let n = 0;
  for (let i = 0; i < source.length; i += 1) {
    const code = source.charCodeAt(i);
    let folded: string;
    const at = i;
    if (code < 0xd800 || code > 0xdbff || i + 1 === source.length) {
      folded = unitCache[code] ?? foldChar(source[i]!);
    } else {
      const ch = String.fromCodePoint(source.codePointAt(i)!);
      folded = foldChar(ch);
      i += ch.length - 1;
    }
    text += folded;
    if (n + folded.length + 1 > map.length) {
      const grown = new Int32Array(map.length * 2 + folded.length);
      grown.set(map);
      map = grown;
    }
    for (let k = 0; k < folded.length; k += 1) map[n++] = at;
  }
  map[n++] = source.length;
  return { text, map: map.slice(0, n) };
}

/** True when the character is a Han ideograph. */
export function isHan(ch: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/u.test(ch);
}
