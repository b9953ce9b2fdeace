import MiniSearch from 'minisearch';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedRegistry } from '../../src/core/snapshot.ts';
import { companyTerm, buildSearchIndex } from '../../src/core/search/search-index.ts';
import { termsWithinBudget } from '../../src/core/search/query-budget.js';
import { fold } from '../../src/core/text/fold.ts';
import { tokenizeFolded } from '../../src/core/text/tokenize.ts';
import { splitPassages } from '../../src/core/search/passages.ts';
import type { CorpusDocument } from '../../src/core/corpus/document.ts';

/**
 * The index is written in MiniSearch's serialization by our own code (it is several
 * times faster than adding passages one by one), and the query budget reads MiniSearch's
 * private `_index`. Both depend on MiniSearch's internals, so package.json pins the exact
 * version and this test fails the day an upgrade changes either: it compares our JSON
 * with what MiniSearch's public API writes for the same passages.
 */

const root = resolve(import.meta.dirname, '../..');

function doc(id: string, company: string, text: string): CorpusDocument {
  return { id, company, text, title: id, published: null, period: null, language: 'en', source: null } as unknown as CorpusDocument;
}

const registry = seedRegistry([
  { name: 'Example Cloud', aliases: ['示例云'], tickers: [] },
  { name: 'Sample Vision', aliases: ['样本视觉'], tickers: [] },
]);
const documents = [
  doc('a', 'example-cloud', 'Example Cloud reported revenue growth in its cloud business.\n\nThe gross margin improved as costs fell.'),
  doc('b', 'sample-vision', 'Sample Vision cut its research staff.\n\n示例云的营收增长了，样本视觉的亏损扩大。'),
  doc('c', 'example-cloud', 'Cloud revenue, cloud margin and cloud costs: cloud everywhere.'),
];

describe('the persisted search index format', () => {
  it('pins the exact MiniSearch version the format was checked against', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.minisearch).toMatch(/^\d+\.\d+\.\d+$/u);
    const installed = JSON.parse(readFileSync(resolve(root, 'node_modules/minisearch/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(pkg.dependencies.minisearch);
  });

  it('writes exactly what MiniSearch writes for the same passages', () => {
    const built = buildSearchIndex(documents, registry);
    expect(built.stop.size).toBe(0);
    const parts: string[] = [];
    built.serialize((c) => parts.push(c));
    const ours = JSON.parse(parts.join('')) as Record<string, unknown> & { index: Array<[string, unknown]> };

    // The same terms per passage, added through MiniSearch's public API.
    const termsOf = built.passages.map((p) => {
      const d = documents[p.doc]!;
      const folded = fold(d.text.slice(p.start, p.end));
      return [...tokenizeFolded(folded), ...[...new Set([...p.companies, d.company])].map(companyTerm)];
    });
    expect(built.passages.length).toBe(documents.reduce((n, d) => n + splitPassages(d.text).length, 0));
    const mini = new MiniSearch<{ id: number; text: string }>({ idField: 'id', fields: ['text'], storeFields: [], tokenize: (t) => termsOf[Number(t)]!, processTerm: (t) => t || null });
    mini.addAll(termsOf.map((_, id) => ({ id, text: String(id) })));
    const theirs = JSON.parse(JSON.stringify(mini)) as typeof ours;

    const byTerm = (index: Array<[string, unknown]>) => [...index].sort((x, y) => (x[0] < y[0] ? -1 : 1));
    expect(byTerm(ours.index)).toEqual(byTerm(theirs.index));
    const { index: _a, averageFieldLength: avgOurs, ...restOurs } = ours;
    const { index: _b, averageFieldLength: avgTheirs, ...restTheirs } = theirs;
    expect(restOurs).toEqual(restTheirs);
    expect((avgOurs as number[])[0]).toBeCloseTo((avgTheirs as number[])[0]!, 9);
    expect(ours.serializationVersion).toBe(2);

    // And MiniSearch reads it back to the same search results.
    const loaded = MiniSearch.loadJSON<{ id: number; text: string }>(parts.join(''), { idField: 'id', fields: ['text'], storeFields: [], searchOptions: { tokenize: (t) => t.split(' ') } });
    const query = { tokenize: (t: string) => t.split(' ') };
    expect(loaded.search('cloud revenue', query).map((r) => [r.id, r.score.toFixed(6)])).toEqual(mini.search('cloud revenue', query).map((r) => [r.id, r.score.toFixed(6)]));
  });

  it("the query budget can read MiniSearch's postings (private `_index`)", () => {
    const built = buildSearchIndex(documents, registry);
    const parts: string[] = [];
    built.serialize((c) => parts.push(c));
    const json = parts.join('');
    const mini = MiniSearch.loadJSON(json, { fields: ['text'] });
    // Posting counts from the JSON itself: a common term and a rarer one.
    const counts = new Map((JSON.parse(json) as { index: Array<[string, { 0: object }]> }).index.map(([term, fields]) => [term, Object.keys(fields[0]).length]));
    const common = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const rare = [...counts].find(([, n]) => n === 1)!;
    expect(common[1]).toBeGreaterThan(1);
    // With room for one posting only the rare term is kept; were `_index` unreadable, both would be.
    expect(termsWithinBudget(mini, [common[0], rare[0]], new Set(), 1)).toEqual([rare[0]]);
    expect(termsWithinBudget(mini, [common[0], rare[0]], new Set([common[0]]), 0)).toEqual([common[0]]);
  });
});
