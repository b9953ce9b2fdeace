import type { Period } from '../periods.ts';
import type { SentenceContext, SentenceFact } from './sentence-fact.ts';
import type { StatedChange } from './fact.ts';
import type { NumberToken } from './numbers.ts';
import type { SentenceView } from './sentence-view.ts';

/**
 * Changes as figures of their own ("同比增长55.46%" is revenue with `change: yoy`): the
 * basis a change is stated against, and the period of a change no value goes with.
 */

/** The change of a figure as a figure of its own: revenue_yoy is "revenue" with `change: yoy`. */
export function changeFact(level: SentenceFact, change: StatedChange, n: NumberToken): SentenceFact {
  return {
    ...level,
    value: change.value,
    unit: '%',
    qualifiers: { ...level.qualifiers, change: change.basis },
    range: undefined,
    // Kept so the figure can say points or percent; never shown as a change of the change.
    change: { ...change },
    number: n,
  };
}

// The basis word nearest before a change, back to the previous number: "同比增长45.31%,环比增长320.40%".
export function changeBasis(f: string, n: NumberToken, numbers: readonly NumberToken[]): StatedChange['basis'] | null {
  const prev = numbers.filter((m) => m.end <= n.start).at(-1);
  const before = f.slice(prev ? prev.end : Math.max(0, n.start - 30), n.start);
  const yoyAt = lastMatch(before, YOY_NEAR_ALL);
  const qoqAt = lastMatch(before, QOQ_NEAR_ALL);
  if (yoyAt >= 0 || qoqAt >= 0) return qoqAt > yoyAt ? 'qoq' : 'yoy';
  const after = f.slice(n.end, n.end + 24);
  if (/^\s?(?:year[- ](?:over|on)[- ]year|yoy)/u.test(after)) return 'yoy';
  if (/^\s?(?:quarter[- ](?:over|on)[- ]quarter|qoq|sequentially)/u.test(after)) return 'qoq';
  return null;
}

function lastMatch(text: string, re: RegExp): number {
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index ?? at;
  return at;
}

// A change stated on its own takes the period the sentence states before it, else the paragraph's.
export function periodForChange(n: NumberToken, view: SentenceView, ctx: SentenceContext): Period | null {
  const token = [...view.periods].reverse().find((p) => p.end <= n.start && !p.since && p.ref.type === 'abs');
  if (token?.ref.type === 'abs') return token.ref.period;
  const after = view.periods.find((p) => p.start >= n.end && !p.since && p.ref.type === 'abs');
  if (after?.ref.type === 'abs' && !/[,;，；]/u.test(view.folded.slice(n.end, after.start))) return after.ref.period;
  if (view.periods.some((p) => p.ref.type === 'undated') || ctx.periodInDoubt) return null;
  return ctx.paragraphPeriod ?? ctx.docPeriod;
}

// Basis words of a change; global, so the nearest one before a number can be found.
const YOY_NEAR_ALL = new RegExp(String.raw`year[- ](?:over|on)[- ]year|\byoy\b|same (?:period|quarter)|同比|年增|年减|去年同期|上年同期|按年|比上年`, 'gu');
// "上季" alone is the quarter reported in Hong Kong news ("上季收入…"): a basis only after 较/比.
const QOQ_NEAR_ALL = new RegExp(String.raw`quarter[- ](?:over|on)[- ]quarter|sequential|\bqoq\b|(?:from|over|than|versus|vs\.?|compared (?:to|with)|against) (?:the )?(?:last|previous|prior|preceding) quarter|环比|季增|季减|(?:较|比|与|相比|对比)上一?季|按季`, 'gu');

/** The basis a change with no basis word of its own takes: quarter on quarter only when the sentence said so before it. */
export function defaultBasis(f: string, at: number): 'yoy' | 'qoq' {
  const before = f.slice(0, at);
  return lastMatch(before, QOQ_NEAR_ALL) > lastMatch(before, YOY_NEAR_ALL) ? 'qoq' : 'yoy';
}
