/**
 * Cleaning of scraped document text. Removes noise that breaks search and quotes
 * (pinyin readings after characters, doubled punctuation, image placeholders) while
 * keeping every word of the source: quotes are excerpts of the cleaned text.
 */

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const PINYIN_LETTERS = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ';
// A reading is lowercase letters only, one syllable long, directly after a Han character:
// "營(yíng)收". Names such as "(DeepSeek)" keep their capitals and stay.
const PINYIN_READING = new RegExp(`(?<=[${CJK}])[(（]([${PINYIN_LETTERS}]{1,6})[)）]`, 'gu');
const HAS_VOWEL = /[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/u;

// Runs of two or more punctuation marks produced by scraping (",,", ",、", ",。").
const PUNCT_RUN = /[,，、。;；]{2,}/gu;
const PUNCT_STRENGTH = ['。', '；', ';', '、', '，', ','];

// A line that is only an image file name left behind by a scraper ("2.png").
const IMAGE_LINE = /^[ \t]*[\w.-]+\.(?:png|jpe?g|gif|webp|svg)[ \t]*$/gimu;

function strongest(run: string): string {
  for (const mark of PUNCT_STRENGTH) if (run.includes(mark)) return mark;
  return run[0] ?? '';
}

/** Result of cleaning: the text quotes are taken from, and what was removed. */
export interface CleanResult {
  text: string;
  removedReadings: number;
  collapsedPunctuation: number;
  removedImageLines: number;
}

/** Clean a document body. Idempotent: cleaning cleaned text changes nothing. */
export function cleanText(raw: string): CleanResult {
  let removedReadings = 0;
  let collapsedPunctuation = 0;
  let removedImageLines = 0;
  let text = raw.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  // Non-breaking spaces and other exotic blanks read as plain spaces in quotes.
  text = text.replace(/[\u00a0\u2007\u202f]/gu, ' ');
  // Control characters other than newline and tab carry nothing a reader can see.
  text = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/gu, '');
  text = text.replace(PINYIN_READING, (match, reading: string) => {
    if (!HAS_VOWEL.test(reading)) return match;
    removedReadings += 1;
    return '';
  });
  text = text.replace(PUNCT_RUN, (run) => {
    collapsedPunctuation += 1;
    return strongest(run);
  });
  text = text.replace(IMAGE_LINE, () => {
    removedImageLines += 1;
    return '';
  });
  // Blank lines left by removed placeholders collapse to one paragraph break.
  text = text.replace(/\n{3,}/gu, '\n\n').trim();
  return { text, removedReadings, collapsedPunctuation, removedImageLines };
}
