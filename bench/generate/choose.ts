import { FIRST_YEAR, LAST_YEAR } from './finance.ts';
import { fy, half, quarter, type PlantPeriod } from './period-text.ts';
import type { SyntheticCompany } from './companies.ts';
import type { WriteContext } from './planted.ts';

/** Helpers templates share to pick periods and peers. */

/** Years a document may state figures for: up to its own period, within the history. */
function latestYear(ctx: WriteContext): number {
  if (ctx.docPeriod) return ctx.docPeriod.year;
  return ctx.rng.int(2018, LAST_YEAR - 1);
}

/** A full year at or shortly before the document's period. */
export function recentYear(ctx: WriteContext, back = 2): number {
  const latest = latestYear(ctx);
  // A half-year or quarterly document states full years only once they are over.
  const last = ctx.docPeriod && ctx.docPeriod.kind !== 'FY' ? latest - 1 : latest;
  return Math.max(FIRST_YEAR, last - ctx.rng.int(0, back));
}

/** A year, half or quarter near the document's period, for a figure stated with its period. */
export function recentPeriod(ctx: WriteContext): PlantPeriod {
  const d = ctx.docPeriod;
  const r = ctx.rng.next();
  if (d?.kind === 'Q' && r < 0.5) return d;
  if (d?.kind === 'H' && r < 0.5) return d;
  if (r < 0.55) return fy(recentYear(ctx));
  if (r < 0.8) {
    const y = recentYear(ctx);
    return quarter(y, ctx.rng.int(1, 4) as 1 | 2 | 3 | 4);
  }
  return half(recentYear(ctx), ctx.rng.int(1, 2) as 1 | 2);
}

/** `n` consecutive years ending at or before the document's year. */
export function yearSpan(ctx: WriteContext, n: number): number[] {
  const end = recentYear(ctx, 1);
  const start = Math.max(FIRST_YEAR, end - n + 1);
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

/** A peer company other than the document's. */
export function peer(ctx: WriteContext): SyntheticCompany | null {
  const others = ctx.peers.filter((c) => c.id !== ctx.company.id);
  return others.length ? ctx.rng.pick(others) : null;
}

/** Capitalise the first letter of a sentence. */
export function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `A, B, C, and D` (English list with a serial comma). */
export function enList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')}, and ${items.at(-1)}`;
}
