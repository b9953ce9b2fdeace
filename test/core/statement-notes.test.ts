import { describe, expect, it } from 'vitest';
import { evidencePassages, type EvidenceRequest } from '../../src/core/answers/evidence.ts';
import { CompanyRegistry } from '../../src/core/companies/registry.ts';
import type { CorpusDocument } from '../../src/core/corpus/document.ts';
import { extractDocument } from '../../src/core/facts/extract.ts';
import { METRIC_BY_ID } from '../../src/core/facts/metrics.ts';
import { notedStatements } from '../../src/core/facts/statement-notes.ts';
import type { CorpusSnapshot } from '../../src/core/snapshot.ts';
import { bundledEngine } from '../helpers/engine.ts';

const registry = new CompanyRegistry();
registry.add('Zeta Cloud', ['泽塔云']);

function doc(text: string): CorpusDocument {
  return { id: 'zeta', file: 'zeta.md', title: 'Zeta', company: 'zeta-cloud', published: '2031-03-20', period: { kind: 'FY', year: 2030 }, source: null, language: 'en', text, hash: 'x', addedAt: '', inferred: [] } as unknown as CorpusDocument;
}

describe('statement notes', () => {
  it('note each statement with digits: its metrics (question words too) and the periods it speaks of', () => {
    const text = 'Zeta Cloud revenue was RMB 9.0 billion in 2030, up from RMB 8.0 billion in the same period last year. The company lost RMB 1.2 billion. It hired 300 engineers in 2029. No figures here.';
    const { notes } = extractDocument(doc(text), registry);
    const statements = notedStatements(notes).map((s) => ({ quote: text.slice(s.start, s.end), metrics: [...s.metrics], periods: [...s.periods] }));
    expect(statements).toEqual([
      { quote: 'Zeta Cloud revenue was RMB 9.0 billion in 2030, up from RMB 8.0 billion in the same period last year.', metrics: ['revenue'], periods: ['FY2030', 'FY2029'] },
      { quote: 'The company lost RMB 1.2 billion.', metrics: ['net_income'], periods: [] },
      // A statement of no known metric is noted for questions about words the vocabulary does not know.
      { quote: 'It hired 300 engineers in 2029.', metrics: [], periods: ['FY2029'] },
    ]);
  });

  it('give the same evidence as reading the documents again', () => {
    const snapshot = bundledEngine().snapshot;
    expect(snapshot.documents.every((d) => d.notes !== undefined)).toBe(true);
    const unnoted = snapshot.documents.map((d) => ({ ...d, notes: undefined }));
    const reread: CorpusSnapshot = { ...snapshot, documents: unnoted, byId: new Map(unnoted.map((d) => [d.id, d])) };
    const requests: EvidenceRequest[] = [];
    for (const company of snapshot.registry.all()) {
      for (const metric of ['revenue', 'net_income', 'gross_margin', 'rd_expense', 'customers']) {
        for (const period of [{ kind: 'FY', year: 2019 }, { kind: 'Q', year: 2022, quarter: 4 }, undefined] as const) requests.push({ company, metric: METRIC_BY_ID.get(metric)!, period });
      }
      requests.push({ company, words: ['cornerstone', 'retention'] });
    }
    let shown = 0;
    for (const req of requests) {
      const noted = evidencePassages(snapshot, req).map((p) => [p.document, p.start, p.score]);
      expect(noted, JSON.stringify({ company: req.company.id, metric: req.metric?.id, period: req.period })).toEqual(evidencePassages(reread, req).map((p) => [p.document, p.start, p.score]));
      shown += noted.length;
    }
    expect(shown).toBeGreaterThan(20);
  });
});
