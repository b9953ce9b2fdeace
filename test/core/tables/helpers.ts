import { CompanyRegistry } from '../../../src/core/companies/registry.ts';
import type { CorpusDocument } from '../../../src/core/corpus/document.ts';
import { extractFacts } from '../../../src/core/facts/extract.ts';
import type { Fact } from '../../../src/core/facts/fact.ts';
import { periodLabel, parsePeriod } from '../../../src/core/periods.ts';

/**
 * Invented companies and tables (no corpus figure): a document of one company, its
 * figures in a compact form every case compares in full, so a figure too many is as
 * much a failure as a figure missing.
 */

export function registry(): CompanyRegistry {
  const r = new CompanyRegistry();
  r.add('Acme Cloud', ['Acme', '艾克米云', '艾克米雲'], []);
  r.add('Beta Robotics', ['Beta', '贝塔机器人', '貝塔機器人'], []);
  r.add('Gamma Chips', ['Gamma', '伽马芯片'], []);
  return r;
}

export function documentOf(text: string, options: { company?: string; period?: string; published?: string; language?: string } = {}): CorpusDocument {
  return {
    id: 'invented',
    file: 'invented.md',
    title: 'Invented results',
    company: options.company ?? 'acme-cloud',
    published: options.published ?? '2031-03-20',
    period: parsePeriod(options.period ?? 'FY2030'),
    source: null,
    language: options.language ?? 'en',
    text,
    hash: 'x',
    addedAt: '2031-03-20T00:00:00Z',
    inferred: [],
  };
}

/** `company metric period value unit [qualifiers]`, e.g. `acme-cloud revenue FY2030 1500000000 CNY`. */
export function brief(f: Fact): string {
  const q = Object.entries(f.qualifiers)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? k : `${k}=${String(v)}`))
    .sort();
  return `${f.company} ${f.metric} ${periodLabel(f.period)} ${f.value} ${f.unit}${q.length ? ` [${q.join(' ')}]` : ''}`;
}

export function tableFactsOf(text: string, options: Parameters<typeof documentOf>[1] = {}): Fact[] {
  return extractFacts(documentOf(text, options), registry()).filter((f) => f.origin === 'table');
}

export function briefs(text: string, options: Parameters<typeof documentOf>[1] = {}): string[] {
  return tableFactsOf(text, options).map(brief).sort();
}
