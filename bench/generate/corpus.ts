import { generateCompanies, type SyntheticCompany } from './companies.ts';
import { daysAfter, isoDate, type GeneratedDocument } from './compose.ts';
import { enArticle, enProfile } from './documents-en.ts';
import { transcript } from './documents-transcript.ts';
import { zhArticle } from './documents-zh.ts';
import { Financials } from './finance.ts';
import { fy, half, quarter, type PlantPeriod } from './period-text.ts';
import type { WriteContext } from './planted.ts';
import { Rng } from './prng.ts';

/**
 * The synthetic corpus: companies, then documents one by one, each from its own random
 * stream (`seed`, `doc:<i>`). The same seed and size give byte-identical documents and
 * ground truth.
 */

/** How big a corpus, from which seed. */
export interface CorpusOptions {
  seed: number | string;
  documents: number;
  /** Defaults to `companiesFor(documents)`. */
  companies?: number;
}

/** A few hundred companies for large corpora, fewer for small ones (about four documents each). */
export function companiesFor(documents: number): number {
  return Math.min(300, Math.max(12, Math.round(documents / 4)));
}

/** Everything the document writers share for one corpus. */
export class CorpusPlan {
  readonly companies: SyntheticCompany[];
  private readonly finances = new Map<string, Financials>();

  constructor(readonly options: CorpusOptions) {
    this.companies = generateCompanies(options.seed, options.companies ?? companiesFor(options.documents));
  }

  /** A company's history (built on first use). */
  financials(c: SyntheticCompany): Financials {
    let f = this.finances.get(c.id);
    if (!f) this.finances.set(c.id, (f = new Financials(c, this.options.seed)));
    return f;
  }

  /** Document `i` (0-based) of the corpus. */
  document(i: number): GeneratedDocument {
    const rng = new Rng(this.options.seed, `doc:${i}`);
    // Every company gets a document first, so each one is registered from front matter.
    const company = i < this.companies.length ? this.companies[i]! : rng.pick(this.companies);
    const kind = rng.weighted({ 'en-article': 3, 'en-profile': 1, 'zh-hans': 2, 'zh-hant': 2, transcript: 2 });
    let docPeriod: PlantPeriod | null = null;
    let published: string | null = null;
    if (kind === 'transcript') {
      const year = rng.int(2018, 2025);
      // The last quarter of the history would be reported after it ends; stop at Q3 2025.
      const q = rng.int(1, year === 2025 ? 3 : 4) as 1 | 2 | 3 | 4;
      docPeriod = quarter(year, q);
      const end = new Date(Date.UTC(year, q * 3, 0));
      published = isoDate(daysAfter(rng, end, 40, 75));
    } else if (kind !== 'en-profile') {
      const annual = rng.chance(kind === 'en-article' ? 0.5 : 0.7);
      docPeriod = annual ? fy(rng.int(2018, 2024)) : half(rng.int(2018, 2025), 1);
      published = annual
        ? isoDate(daysAfter(rng, new Date(Date.UTC(docPeriod.year + 1, 2, 20)), 0, 70))
        : isoDate(daysAfter(rng, new Date(Date.UTC(docPeriod.year, 7, 20)), 0, 90));
    }
    const ctx: WriteContext = { rng, company, fin: this.financials(company), docPeriod, published, peers: this.companies, finOf: (c) => this.financials(c) };
    const tag = docPeriod ? `${docPeriod.kind === 'FY' ? `fy${docPeriod.year}` : docPeriod.kind === 'H' ? `h${docPeriod.half}-${docPeriod.year}` : `q${docPeriod.quarter}-${docPeriod.year}`}` : 'profile';
    const id = `${company.id}-${tag}-${kind}-${String(i).padStart(5, '0')}`;
    switch (kind) {
      case 'en-article':
        return enArticle(ctx, id);
      case 'en-profile':
        return enProfile(ctx, id);
      case 'zh-hans':
        return zhArticle(ctx, id, 'zh-Hans', false);
      case 'zh-hant':
        return zhArticle(ctx, id, 'zh-Hant', rng.chance(0.5));
      case 'transcript':
        return transcript(ctx, id, docPeriod as Extract<PlantPeriod, { kind: 'Q' }>, rng.chance(0.7) ? 'zh-Hant' : 'zh-Hans');
    }
  }
}

/** The company list (`companies.yaml`) the engine reads next to the documents. */
export function companiesYaml(companies: readonly SyntheticCompany[]): string {
  const q = (s: string) => JSON.stringify(s);
  const lines = ['# Synthetic companies of the benchmark corpus (generated; names only, no figures).'];
  for (const c of companies) {
    lines.push(`- name: ${q(c.name)}`, `  aliases: [${[c.short, c.zhHans, c.zhHant].map(q).join(', ')}]`, `  tickers: [${c.tickers.map(q).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}
