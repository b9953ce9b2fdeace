import { stemmer } from 'stemmer';
import { fold } from './fold.ts';

/**
 * Tokenizer shared by indexing and querying. Latin text gives stemmed words and numbers
 * ("4,321" reads as 4321); Chinese text, which has no spaces, gives overlapping
 * character bigrams, which match a name or word however a sentence is split and cost a
 * fraction of a dictionary segmenter at ingest.
 */

const HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const LATIN_TOKEN = /[\p{L}\p{N}]+(?:[&'.,][\p{L}\p{N}]+)*/gu;

const STOP_WORDS = new Set(
  'a an and are as at be been by did do does for from had has have how in is it its of on or that the their this to was were what when which who will with would'.split(
    ' ',
  ),
);

function latinTokens(text: string, out: string[]): void {
  for (const match of text.matchAll(LATIN_TOKEN)) {
    let token = match[0];
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/u.test(token)) token = token.replace(/,/gu, '');
    token = token.replace(/'s$/u, '');
    if (token.includes(',')) {
      for (const part of token.split(',')) if (part && !STOP_WORDS.has(part)) out.push(part);
      continue;
    }
    if (token.endsWith('.')) token = token.slice(0, -1);
    if (!token || STOP_WORDS.has(token)) continue;
    // "opportunity" and "opportunities", "layoff" and "layoffs" are one term.
    out.push(/^[a-z]{4,}$/u.test(token) ? stemmer(token) : token);
    // "r&d" is also written "rd"; "q4" also matches "q4 2022" queries as is.
    if (token.includes('&')) out.push(token.replace(/&/gu, ''));
  }
}

function hanTokens(run: string, out: string[]): void {
  if (run.length === 1) {
    out.push(run);
    return;
  }
  for (let i = 0; i + 1 < run.length; i += 1) out.push(run.slice(i, i + 2));
}

/** Tokenize text that is already folded. */
export function tokenizeFolded(folded: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const match of folded.matchAll(HAN_RUN)) {
    const index = match.index ?? 0;
    if (index > last) latinTokens(folded.slice(last, index), out);
    hanTokens(match[0], out);
    last = index + match[0].length;
  }
  if (last < folded.length) latinTokens(folded.slice(last), out);
  return out;
}

/** Fold and tokenize. */
export function tokenize(text: string): string[] {
  return tokenizeFolded(fold(text));
}
