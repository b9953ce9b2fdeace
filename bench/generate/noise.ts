import type { Rng } from './prng.ts';

/**
 * Scraping noise of the bundled Traditional article: pinyin readings after characters
 * (`營(yíng)收`), doubled punctuation (`萬元,、4.84億元`) and image placeholder lines.
 * The engine's cleaner removes all three; number texts are never touched, so every
 * planted number still appears verbatim in the raw file.
 */

// Characters that never occur inside a number text (no 億, 萬, 元, 人, 民, 幣).
const READINGS: Readonly<Record<string, string>> = {
  營: 'yíng', 業: 'yè', 報: 'bào', 術: 'shù', 應: 'yīng', 動: 'dòng', 態: 'tài', 關: 'guān', 鍵: 'jiàn', 詞: 'cí',
  據: 'jù', 財: 'cái', 虧: 'kuī', 損: 'sǔn', 費: 'fèi', 淨: 'jìng', 潤: 'rùn', 現: 'xiàn', 額: 'é', 較: 'jiào', 顯: 'xiǎn',
};

/** Insert readings after some of the characters that have one. */
export function addReadings(rng: Rng, text: string, rate = 0.35): string {
  let out = '';
  for (const ch of text) {
    out += ch;
    const reading = READINGS[ch];
    if (reading && rng.chance(rate)) out += `(${reading})`;
  }
  return out;
}

/** Double some punctuation marks the way the scraper did; commas between digits stay. */
export function doublePunctuation(rng: Rng, text: string): string {
  return text
    .replace(/、/gu, (m) => (rng.chance(0.5) ? ',、' : m))
    .replace(/。/gu, (m) => (rng.chance(0.2) ? ',。' : m))
    .replace(/(?<![\d,]),(?![\d,])/gu, (m) => (rng.chance(0.4) ? ',,' : m));
}
