import type { Period } from '../periods.ts';
import type { PeriodToken } from './period-phrases.ts';
import { pairsWithMetrics } from './number-metric.ts';
import type { SentenceContext } from './sentence-fact.ts';
import type { SentenceView } from './sentence-view.ts';
import { LIST_GAP, runs, type Slot } from './slot.ts';

/**
 * Values listed together and the periods they are stated for, paired in order: "A, B and C in
 * 2017, 2018 and 2019", "2017年、2018年及2019年营收分别为A、B、C", a span "2018年至2021年…分别为",
 * or the periods the paragraph just listed ("同期…分别为"). A list that cannot be paired is not
 * read (unless it pairs with a list of metrics instead). Returns the periods paired, for the
 * next sentence; the periods used are added to `owned`.
 */
export function pairListPeriods(values: Slot[], view: SentenceView, ctx: SentenceContext, owned: Set<PeriodToken | undefined>): Period[] | null {
  // Lists: "A, B and C in 2017, 2018 and 2019 (respectively)", "2017年、2018年及2019年营收分别为A、B、C",
  // "during the same reporting period, net loss was A, B and C". A list pairs with a list of
  // periods of the same length, in order; a list that cannot be paired is not read at all.
  let pairedList: Period[] | null = null;
  const f = view.folded;
  const periodLists = runs(view.periods.filter((p) => p.ref.type === 'abs' && !p.since), (a, b) => LIST_GAP.test(f.slice(a.end, b.start)));
  for (const list of runs(values.filter((v) => !v.dropped), (a, b) => a.n.unit === b.n.unit && LIST_GAP.test(f.slice(a.n.end, b.n.start)))) {
    if (list.length < 2) continue;
    const first = list[0]!;
    const last = list.at(-1)!;
    const after = periodLists.find((pl) => pl.length >= 2 && pl[0]!.start >= last.n.end && LIST_PERIOD_AFTER.test(f.slice(last.n.end, pl[0]!.start)));
    const before = [...periodLists].reverse().find((pl) => {
      if (pl.length < 2 || pl.at(-1)!.end > first.n.start) return false;
      const between = f.slice(pl.at(-1)!.end, first.n.start);
      return /分别|依次|respectively/u.test(f.slice(pl.at(-1)!.end, Math.min(f.length, last.n.end + 16))) && !/[。]/u.test(between) && (!/[;；]/u.test(between) || /same (?:reporting )?period|同期/u.test(between));
    });
    const chosen = after ?? before;
    // "同期,经调整净亏损分别为A、B、C": a list stated "respectively" with no periods of its own
    // takes the periods of the list the paragraph just gave, when the counts agree.
    if (!chosen && ctx.periodList && ctx.periodList.length === list.length && /分别|依次|respectively/u.test(f.slice(Math.max(0, first.n.start - 12), first.n.start)) && !view.periods.some((p) => p.ref.type === 'span' || (p.ref.type === 'abs' && !p.since))) {
      list.forEach((v, i) => {
        v.listPeriod = ctx.periodList![i];
      });
      continue;
    }
    if (!chosen) continue;
    if (chosen.length === list.length) {
      list.forEach((v, i) => {
        const ref = chosen[i]!.ref;
        if (ref.type === 'abs') v.listPeriod = ref.period;
        v.own = chosen[i];
      });
      for (const p of chosen) owned.add(p);
      pairedList = chosen.map((p) => (p.ref.type === 'abs' ? p.ref.period : null)).filter((p): p is Period => p !== null);
    } else {
      for (const v of list) v.dropped = true;
    }
  }
  const pairedByList = new Set(values.filter((v) => v.listPeriod || v.dropped));

  // Lists stated "respectively" / 分别为: one period per number, in order.
  for (const marker of f.matchAll(RESPECTIVELY)) {
    const at = marker.index ?? 0;
    const chinese = marker[0] !== 'respectively';
    const list: Slot[] = [];
    if (chinese) {
      let cursor = at + marker[0].length;
      for (const s of values) {
        if (s.n.start < cursor) continue;
        if (list.length === 0 ? s.n.start - cursor > 3 : !LIST_GAP.test(f.slice(cursor, s.n.start))) break;
        list.push(s);
        cursor = s.n.end;
      }
    } else {
      let cursor = at;
      for (const s of [...values].reverse()) {
        if (s.n.end > cursor) continue;
        const gap = f.slice(s.n.end, cursor);
        if (list.length === 0 ? !/^\s?,?\s?$/u.test(gap) : !LIST_GAP.test(gap)) break;
        list.unshift(s);
        cursor = s.n.start;
      }
    }
    if (list.length < 2 || list.some((v) => pairedByList.has(v))) continue;
    const spanToken = [...view.periods].reverse().find((p) => p.end <= list[0]!.n.start && p.ref.type === 'span');
    const span = spanToken?.ref.type === 'span' ? spanToken.ref : null;
    if (span && span.toYear - span.fromYear + 1 === list.length) {
      const periods = list.map((_, i): Period => (i === list.length - 1 && span.last ? span.last : { kind: 'FY', year: span.fromYear + i }));
      list.forEach((s, i) => {
        s.listPeriod = periods[i];
      });
      // "同期净亏损分别为…" in the next sentence takes these years too.
      pairedList ??= periods;
    } else if (!pairsWithMetrics(list, view)) {
      for (const s of list) s.dropped = true;
    }
  }
  return pairedList;
}

const RESPECTIVELY = /respectively|分别为|分别是|依次为|分别/gu;
// Between a list of values and the periods they are stated for: "… in 2017, 2018 and 2019".
const LIST_PERIOD_AFTER = /^\s?,?\s?(?:(?:in|for|during|of|at the end of|as of|as at)\s)?(?:the\s)?(?:(?:fiscal\s)?years?\s|fiscal\s)?$/u;
