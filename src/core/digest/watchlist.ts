import { resolveCompany } from '../answers/resolve.ts';
import type { Company } from '../companies/registry.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import { fold, foldWithMap } from '../text/fold.ts';

/** Companies named in a list, or why a name was not recognised. */
export type WatchlistResult = { ok: true; companies: Company[] } | { ok: false; message: string; suggestions: string[] };

/** Words that join names in a list and name no company. */
const JOINERS = new Set(['and', 'or', 'plus', '&', '+', 'the', 'companies', 'company', '和', '及', '与', '跟']);
const ALL = /^(?:all|everything|any|\*|全部|所有)$/u;

/**
 * Resolve a list of company names as typed ("cloudwalk qingcloud", "Zeta Cloud,
 * 雲從科技", "688316"): names in either Chinese script, English names, aliases and
 * tickers. Empty text or "all" means every company (an empty list). The first name
 * that is not recognised fails the whole list with a "did you mean".
 */
export function resolveWatchlist(snapshot: CorpusSnapshot, text: string | undefined): WatchlistResult {
  const trimmed = (text ?? '').trim();
  if (!trimmed || ALL.test(fold(trimmed))) return { ok: true, companies: [] };
  const companies: Company[] = [];
  for (const chunk of trimmed.split(/\s*[,;，；、]\s*/u).filter(Boolean)) {
    // Offsets of mentions are in folded text; the map leads back to what was typed.
    const { text: folded, map } = foldWithMap(chunk);
    const mentions = snapshot.registry.mentionsInFolded(folded, { tickers: true });
    const leftovers: string[] = [];
    let at = 0;
    for (const m of [...mentions, { start: folded.length, end: folded.length, company: undefined }]) {
      leftovers.push(chunk.slice(map[at], map[m.start]));
      if (m.company && !companies.includes(m.company)) companies.push(m.company);
      at = m.end;
    }
    for (const piece of leftovers) {
      const words = piece.split(/\s+/u).filter((w) => w && !JOINERS.has(fold(w)) && !ALL.test(fold(w)));
      if (!words.length) continue;
      const unknown = words.join(' ');
      const resolved = resolveCompany(snapshot, unknown);
      if (!resolved.ok) return { ok: false, message: resolved.message, suggestions: resolved.suggestions };
      if (!companies.includes(resolved.value)) companies.push(resolved.value);
    }
  }
  return { ok: true, companies };
}

/**
 * The companies "all" stands for: every company a document of the corpus is about or
 * states a figure for, by name.
 */
export function coveredCompanies(snapshot: CorpusSnapshot): string[] {
  const ids = new Set<string>([...snapshot.documents.map((d) => d.company), ...snapshot.facts.companies()]);
  return [...ids].sort((a, b) => nameOf(snapshot, a).localeCompare(nameOf(snapshot, b)));
}

/** Display name of a company id (the id itself when the registry no longer knows it). */
export function nameOf(snapshot: CorpusSnapshot, id: string): string {
  return snapshot.registry.get(id)?.name ?? id;
}

/** The registry's company, or a stand-in for an id it no longer knows. */
export function companyOf(snapshot: CorpusSnapshot, id: string): Company {
  return snapshot.registry.get(id) ?? { id, name: id, aliases: [], tickers: [] };
}
