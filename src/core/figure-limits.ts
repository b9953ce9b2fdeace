import type { Figure } from './answer.ts';
import type { Fact } from './facts/fact.ts';

/**
 * What a stored figure may hold. A number that overflowed when scaled ("RMB 999…9
 * billion" with 300 digits) or any other non-finite value is not a figure: stored, it
 * would become `null` in the persisted index and break every answer that meets it.
 */

/**
 * Largest magnitude a figure may have: far above any company's figure (a billion
 * billion yuan), low enough that sums and changes of such figures stay finite.
 */
export const MAX_FIGURE_MAGNITUDE = 1e18;
/** Agreeing statements an answer quotes per figure; the rest are counted. */
export const MAX_CORROBORATING = 3;

function sane(n: unknown, max = MAX_FIGURE_MAGNITUDE): boolean {
  return typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= max;
}

/** True when a fact's numbers are all finite and in bounds, and its quote offsets sound. */
export function isStorableFact(f: Fact): boolean {
  if (!f || typeof f !== 'object') return false;
  if (!sane(f.value)) return false;
  if (f.range && !(sane(f.range.low) && sane(f.range.high))) return false;
  if (f.change && !sane(f.change.value)) return false;
  if (!sane(f.precision, 1e3) || !sane(f.confidence, 1e3)) return false;
  return Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.end >= f.start;
}

/** Keep the facts that may be stored; `dropped` counts the others. */
export function storableFacts(facts: readonly Fact[]): { facts: Fact[]; dropped: number } {
  const kept = facts.filter(isStorableFact);
  return { facts: kept, dropped: facts.length - kept.length };
}

/** True when every number a figure shows is finite. */
export function figureIsFinite(f: Figure): boolean {
  const numbers = [f.value, f.range?.low, f.range?.high, f.change?.value, f.change?.against?.value, ...f.alternatives.map((a) => a.value)];
  return numbers.every((n) => n === undefined || Number.isFinite(n));
}

/**
 * A figure as an answer carries it: at most `MAX_CORROBORATING` agreeing quotes, the
 * number of the others in `corroboratingMore`.
 */
export function capCorroborating(f: Figure): Figure {
  const all = f.corroborating ?? [];
  if (all.length <= MAX_CORROBORATING) return f;
  return { ...f, corroborating: all.slice(0, MAX_CORROBORATING), corroboratingMore: (f.corroboratingMore ?? 0) + all.length - MAX_CORROBORATING };
}
