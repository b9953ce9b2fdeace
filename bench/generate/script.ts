import { Converter } from 'opencc-js/cn2t';

/**
 * Simplified to Traditional Chinese (Taiwan characters, no phrase substitution, so a
 * sentence keeps its words: 软件 becomes 軟件, not 軟體). Templates are written once
 * in Simplified; Traditional documents are converted sentence by sentence, and the
 * number texts of the ground truth with the same converter.
 */
const cn2tw = Converter({ from: 'cn', to: 'tw' });

/** The Traditional form of a Simplified text. */
export function toTraditional(text: string): string {
  return cn2tw(text);
}

/** Script of a Chinese document. */
export type ZhScript = 'zh-Hans' | 'zh-Hant';

/** Write Simplified text in the given script. */
export function inScript(text: string, script: ZhScript): string {
  return script === 'zh-Hant' ? toTraditional(text) : text;
}
