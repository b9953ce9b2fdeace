import { alternation, escapeRegExp, EXCLUDING_CUES, QUALIFIER_CUES, SEGMENT_HEADS, TOTAL_CUES, type QualifierCues } from '../vocabulary/vocabulary.ts';

/**
 * Qualifiers a document writes around a metric phrase, read with the cues of
 * src/core/vocabulary/qualifiers.yaml. A cue counts only when it is tied to the phrase:
 * written right before it (at most two Latin words or four Han characters between) or
 * right after it.
 */

/** What the words around one metric phrase say about its figure. */
export interface PhraseQualifiers {
  adjusted: boolean;
  attributable: boolean;
  exclNonrecurring: boolean;
  cumulative: boolean;
}

// Between a cue and its metric: a few modifier words, never a clause break or a number.
const GAP = '(?:\\s?[\\u4e00-\\u9fff]{0,4}|(?:\\s?[a-z&-]+){0,2})\\s?(?:的|之)?\\s?';

// "未经调整", "not adjusted": the cue is negated and says the figure is the plain one.
function beforeRe(cues: QualifierCues): RegExp | null {
  return cues.before.length ? new RegExp(`(?<!未|不|未经|not |un)(?:${alternation(cues.before)})${GAP}$`, 'u') : null;
}
function afterRe(cues: QualifierCues): RegExp | null {
  return cues.after.length ? new RegExp(`^\\s?(?:${alternation(cues.after)})`, 'u') : null;
}

const RULES = (['adjusted', 'attributable', 'exclNonrecurring', 'cumulative'] as const).map((key) => ({
  key,
  before: beforeRe(QUALIFIER_CUES[key]),
  after: afterRe(QUALIFIER_CUES[key]),
  inside: new RegExp(alternation(QUALIFIER_CUES[key].before), 'u'),
}));

/** Qualifiers tied to the metric phrase at [start, end) of a folded sentence. */
export function phraseQualifiers(folded: string, start: number, end: number): PhraseQualifiers {
  const before = clauseTail(folded.slice(Math.max(0, start - 40), start));
  const phrase = folded.slice(start, end);
  const after = folded.slice(end, end + 40);
  const out: PhraseQualifiers = { adjusted: false, attributable: false, exclNonrecurring: false, cumulative: false };
  for (const r of RULES) {
    if (r.before?.test(before) || r.after?.test(after) || r.inside.test(phrase)) out[r.key] = true;
  }
  // 扣非 profit is the attributable line by definition (扣除非经常性损益后归属于母公司股东的净利润):
  // the excluding qualifier names it on its own.
  if (out.exclNonrecurring) out.attributable = false;
  return out;
}

/** The part of a text after its last clause break: cues do not reach across one. */
function clauseTail(text: string): string {
  const cut = Math.max(...[',', '，', ';', '；', '。', ':', '：', '(', ')', '、'].map((c) => text.lastIndexOf(c)));
  return cut >= 0 ? text.slice(cut + 1) : text;
}

const EXCLUDING = new RegExp(alternation(EXCLUDING_CUES), 'u');

/** The sentence says, before this position, that its figures leave something out or are restated. */
export function excludingBefore(folded: string, pos: number): boolean {
  return EXCLUDING.test(folded.slice(0, pos));
}

const TOTAL_BEFORE = new RegExp(`(?:${alternation(TOTAL_CUES)})\\s?$`, 'u');

/**
 * "total revenue", "整体毛利", "集团收入": the phrase names the total, never a segment. `text`
 * has company names blanked, so "泽塔云集团收入" reads "   集团收入".
 */
export function explicitTotal(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 14), start);
  const m = before.match(TOTAL_BEFORE);
  if (!m) return false;
  // "云智能集团收入", "Cloud Intelligence Group revenue": a named group of the company is a business line.
  if (/^(?:集团|group)$/u.test(m[0].trim())) {
    const lead = before.slice(0, m.index).trimEnd();
    if (/[\u4e00-\u9fff]$/u.test(lead) && !/(?:本|该|全|整个|公司)$/u.test(lead)) return false;
    if (/[a-z]$/u.test(lead) && !/\b(?:the|our|its|whole|entire)$/u.test(lead)) return false;
  }
  return true;
}

/** Alternation of the words that end a business-line name, English then Chinese. */
export const SEGMENT_HEAD_EN = alternation(SEGMENT_HEADS.en);
export const SEGMENT_HEAD_ZH = SEGMENT_HEADS.zh.map(escapeRegExp).sort((a, b) => b.length - a.length).join('|');
