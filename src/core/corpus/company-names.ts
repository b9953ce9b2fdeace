import type { Company, CompanyRegistry } from '../companies/registry.ts';
import { findMetrics, resolveMetric } from '../facts/metrics.ts';
import { parsePeriod } from '../periods.ts';
import { fold } from '../text/fold.ts';
import type { DocumentProblem } from './front-matter.ts';
import { quoteForWarning } from './front-matter.ts';

/**
 * Which names a document may give its company. A document is read by whoever drops it
 * in the folder, so it may not take a name that already belongs to another company (the
 * bundled company list and earlier documents win), nor a word every question uses: a
 * metric, a period, a number or a single character would make that word resolve to the
 * document's company and break every other answer.
 */

/** Why a text cannot be a company name, or null when it can. */
export function notACompanyName(name: string, options: { primary?: boolean } = {}): string | null {
  const folded = fold(name).trim();
  const core = folded.replace(/[^\p{L}\p{N}]+/gu, '');
  if ([...core].length <= 1) return 'a single character';
  if (parsePeriod(folded) !== null || /^(?:fy|q[1-4]|h[12]|9m)?\s?(?:19|20)\d{2}(?:\s?(?:q[1-4]|h[12]|年度?))?$/u.test(folded)) return 'a period';
  // A stock code (4 to 6 digits, not a year) is a name companies go by: 688327, 3896.
  if (!/\p{L}/u.test(core) && (options.primary || !(/^\d{4,6}$/u.test(core) && folded === core))) return 'a number';
  const mentions = findMetrics(folded, { question: true });
  // Ids, labels and abbreviations ("r&d", "fcf") that are not phrases of running text.
  if (mentions.length === 0 && resolveMetric(folded)) return 'a metric word';
  // What is left once metric words are taken out: nothing left means a metric phrase.
  let rest = folded;
  for (const m of mentions) rest = rest.slice(0, m.start) + ' '.repeat(m.end - m.start) + rest.slice(m.end);
  if (!/[\p{L}\p{N}]/u.test(rest)) return 'a metric word';
  return null;
}

/** The company a document names, after its names are checked. */
export interface CompanyClaim {
  /** The company registered or found; null when the document's name was refused. */
  company: Company | null;
  problems: DocumentProblem[];
}

/**
 * Register the company a document names, keeping only the names it may take. A refused
 * primary name leaves `company` null, and the caller infers the company from the text.
 */
export function claimCompany(registry: CompanyRegistry, file: string, name: string, aliases: readonly string[]): CompanyClaim {
  const problems: DocumentProblem[] = [];
  const shown = (n: string) => `"${quoteForWarning(n, 60)}"`;
  const refusedName = notACompanyName(name, { primary: true });
  if (refusedName) {
    problems.push({ file, field: 'company', message: `${shown(name)} is ${refusedName}, not a company name; the company is inferred from the text` });
    return { company: null, problems };
  }
  const own = registry.findExact(name);
  const kept: string[] = [];
  for (const alias of aliases) {
    const refused = notACompanyName(alias);
    if (refused) {
      problems.push({ file, field: 'aliases', message: `${shown(alias)} is ${refused}, not a company name; the alias is ignored` });
      continue;
    }
    const owner = registry.findExact(alias);
    if (owner && owner !== own) {
      problems.push({
        file,
        field: 'aliases',
        message: `${shown(alias)} is already a name of ${owner.name}; a document cannot give another company's name to ${quoteForWarning(name, 60)}, so the alias is ignored`,
      });
      continue;
    }
    kept.push(alias);
  }
  return { company: registry.add(name, kept), problems };
}
