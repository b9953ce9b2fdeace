import type { CorpusSnapshot } from '../src/core/snapshot.ts';

/**
 * Building blocks for each command's examples, drawn from the corpus being served so an
 * example always names a company the bot knows (and code never names one).
 */

/** The short English names (or full names) of the first companies with figures. */
export function exampleCompanies(snapshot: CorpusSnapshot, limit = 2): string[] {
  const out: string[] = [];
  for (const id of snapshot.facts.companies()) {
    const company = snapshot.registry.get(id);
    if (!company) continue;
    const short = company.aliases.find((a) => /^[A-Za-z][\w ]+$/u.test(a) && a.length < company.name.length) ?? company.name;
    out.push(short.toLowerCase());
    if (out.length >= limit) break;
  }
  return out;
}

/** The first company with figures by one of its Chinese names, when it has one. */
export function exampleChineseCompany(snapshot: CorpusSnapshot): string | undefined {
  for (const id of snapshot.facts.companies()) {
    const zh = snapshot.registry.get(id)?.aliases.find((a) => /^[\u4e00-\u9fff]+$/u.test(a));
    if (zh) return zh;
  }
  return undefined;
}
