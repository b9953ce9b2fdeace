import { periodLabel, type Period } from '../periods.ts';
import type { PeriodToken } from './period-phrases.ts';
import type { SentenceView } from './sentence-view.ts';
import { LIST_GAP, type Slot } from './slot.ts';

/**
 * When a figure's period is in doubt: two periods named before it, one of which may be the
 * subject of the sentence and the other part of a phrase about something else.
 */

/** Two reporting periods of which one contains the other (FY2024 and H1 2024, H1 and Q2). */
export function overlaps(a: Period, b: Period): boolean {
  if (a.kind === 'date' || b.kind === 'date' || a.kind === 'span' || b.kind === 'span') return true;
  if (a.year !== b.year) return false;
  if (a.kind === 'FY' || b.kind === 'FY') return true;
  const months = (p: Period): [number, number] => (p.kind === 'Q' ? [p.quarter * 3 - 2, p.quarter * 3] : p.kind === 'H' ? [p.half * 6 - 5, p.half * 6] : p.kind === '9M' ? [1, 9] : [1, 12]);
  const [a1, a2] = months(a);
  const [b1, b2] = months(b);
  return (a1 <= b1 && b2 <= a2) || (b1 <= a1 && a2 <= b2);
}

export function subjectBeforeModifier(nearest: PeriodToken, view: SentenceView, owned: Set<PeriodToken | undefined>): PeriodToken | undefined {
  if (nearest.ref.type !== 'abs') return undefined;
  const f = view.folded;
  const earlier = [...view.periods].reverse().find((p) => p.end <= nearest.start && !owned.has(p) && !p.since && p.ref.type === 'abs');
  if (!earlier || earlier.ref.type !== 'abs' || overlaps(earlier.ref.period, nearest.ref.period)) return undefined;
  // The earlier period opens the sentence as its subject ("公司第二季度的经营…").
  const clauseStart = Math.max(f.lastIndexOf(';', earlier.start), f.lastIndexOf('；', earlier.start), f.lastIndexOf('。', earlier.start)) + 1;
  if (!/^[\s\u4e00-\u9fff]{0,6}$/u.test(f.slice(clauseStart, earlier.start)) || /[,，;；]/u.test(f.slice(earlier.end, nearest.start))) return undefined;
  // The later one sits in a phrase that ends in 的 + a noun, with no figure or metric, before the clause ends.
  const clauseEnd = f.slice(nearest.end).search(/[,，;；。]/u);
  const rest = f.slice(nearest.end, clauseEnd < 0 ? f.length : nearest.end + clauseEnd);
  if (!/的[\u4e00-\u9fff]{1,6}$/u.test(rest) || /\d/u.test(rest) || view.metrics.some((m) => m.start >= nearest.end && m.end <= nearest.end + rest.length)) return undefined;
  return earlier;
}

export function rivalPeriod(nearest: PeriodToken, s: Slot, view: SentenceView, values: Slot[], owned: Set<PeriodToken | undefined>): boolean {
  if (nearest.ref.type !== 'abs') return false;
  const label = periodLabel(nearest.ref.period);
  const earlier = [...view.periods].reverse().find((p) => p.end <= nearest.start && !owned.has(p) && !p.since && p.ref.type === 'abs');
  if (!earlier || earlier.ref.type !== 'abs' || periodLabel(earlier.ref.period) === label) return false;
  // "this year's interim report … the first half of 2024": one period inside the other is the same story.
  if (overlaps(earlier.ref.period, nearest.ref.period)) return false;
  // A figure between the two periods means each period has its own figures ("2023年营收为X,2024年营收为Y").
  if (values.some((v) => v !== s && v.n.start >= earlier.end && v.n.end <= nearest.start)) return false;
  // Periods of one list or of one phrase ("2024年第四季度", "2023年及2024年") are not rivals.
  const between = view.folded.slice(earlier.end, nearest.start);
  return between.length > 4 && !LIST_GAP.test(between);
}
