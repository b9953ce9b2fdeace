import { SEGMENT_WORDS } from '../vocabulary/vocabulary.ts';

const BY_SPELLING = new Map<string, string>();
for (const [word, spellings] of SEGMENT_WORDS) for (const s of spellings) BY_SPELLING.set(s, word);
// Chinese has no spaces: its spellings are matched longest first.
const CJK_SPELLINGS = [...BY_SPELLING.keys()].filter((s) => /[\u4e00-\u9fff]/u.test(s)).sort((x, y) => y.length - x.length);

/**
 * The vocabulary words a business-line name is made of, sorted ("智慧城市" and "smart city"
 * both give `city smart`), or null when a Chinese part of the name is not in the vocabulary,
 * so an unknown name only ever matches itself as written. Latin words stand for themselves.
 */
export function segmentWordsOf(name: string): string[] | null {
  // Asked for every statement of a series on each look-up: the same few names, read once.
  if (known.has(name)) return known.get(name)!;
  const words = readWords(name);
  if (known.size >= MAX_KNOWN) known.clear();
  known.set(name, words);
  return words;
}

const known = new Map<string, string[] | null>();
const MAX_KNOWN = 10_000;

function readWords(name: string): string[] | null {
  const out: string[] = [];
  for (const piece of name.split(/[\s-]+/u).filter(Boolean)) {
    if (!/[\u4e00-\u9fff]/u.test(piece)) {
      // A Latin word the vocabulary does not know is written the same in both languages ("X创新" = "X innovation").
      out.push(...(BY_SPELLING.get(piece) ?? BY_SPELLING.get(piece.replace(/s$/u, '')) ?? piece).split(' '));
      continue;
    }
    let rest = piece;
    while (rest) {
      const latin = rest.match(/^[a-z0-9&]+/u);
      const spelling = latin ? latin[0] : CJK_SPELLINGS.find((s) => rest.startsWith(s));
      const word = spelling ? (BY_SPELLING.get(spelling) ?? (latin ? spelling : undefined)) : undefined;
      if (!spelling || !word) return null;
      // "genai" is two words of the vocabulary: generative ai.
      out.push(...word.split(' '));
      rest = rest.slice(spelling.length);
    }
  }
  return [...new Set(out.filter((w) => w !== 'and'))].sort();
}
