import type { Answer, DocumentInfo } from '../answer.ts';
import { METRIC_BY_ID } from '../facts/metrics.ts';
import { periodLabel, periodSortKey } from '../periods.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import { makeAnswer } from './make.ts';
import { resolveCompany } from './resolve.ts';
import { figuresNote, inferredNote, kindLabel, kindOf } from './document-kind.ts';

/** `/sources [company]`: the documents of the corpus with dates and languages. */
export function answerSources(snapshot: CorpusSnapshot, query: string, companyText?: string): Answer {
  const command = 'sources';
  let companyId: string | undefined;
  if (companyText?.trim()) {
    const c = resolveCompany(snapshot, companyText);
    if (!c.ok) return makeAnswer({ query, command, status: 'not_found', message: c.message, suggestions: c.suggestions });
    companyId = c.value.id;
  }
  const documents: DocumentInfo[] = snapshot.documents
    .filter((d) => !companyId || d.company === companyId || snapshot.facts.ofDocument(d.id).some((f) => f.company === companyId))
    .map((d) => ({
      document: d.id,
      title: d.title,
      company: d.company,
      companyName: snapshot.registry.get(d.company)?.name ?? d.company,
      published: d.published,
      period: d.period ? periodLabel(d.period) : null,
      language: d.language,
      source: d.source,
      facts: snapshot.facts.ofDocument(d.id).length,
      kind: kindOf(d),
      pages: d.pages?.length,
      tableFacts: snapshot.facts.ofDocument(d.id).filter((f) => f.origin === 'table').length,
      inferred: d.inferred,
    }))
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title));
  if (!documents.length) {
    return makeAnswer({ query, command, status: 'not_found', message: companyId ? 'No document in the corpus is about that company.' : 'The corpus has no documents yet. Add files to data/documents/.', documents });
  }
  const lines = [`${documents.length} document${documents.length === 1 ? '' : 's'}:`];
  for (const d of documents) {
    const bits = [d.companyName, d.published ?? 'undated', d.period ? `covers ${d.period}` : null, d.language, kindLabel(d), figuresNote(d), inferredNote(d)].filter(Boolean);
    lines.push(`- ${d.title} (${bits.join('; ')}) [${d.document}]`);
  }
  return makeAnswer({ query, command, status: 'answered', message: lines.join('\n'), documents });
}

/** One company's catalogue entry: metrics and their periods. */
export interface CatalogEntry {
  company: string;
  companyName: string;
  metrics: Array<{ metric: string; label: string; periods: string[] }>;
}

/** `/metrics [company]`: companies, metrics and periods the corpus knows. */
export function answerMetrics(snapshot: CorpusSnapshot, query: string, companyText?: string): Answer {
  const command = 'metrics';
  let ids = snapshot.facts.companies();
  if (companyText?.trim()) {
    const c = resolveCompany(snapshot, companyText);
    if (!c.ok) return makeAnswer({ query, command, status: 'not_found', message: c.message, suggestions: c.suggestions });
    ids = [c.value.id];
  }
  const catalog: CatalogEntry[] = ids
    .map((id) => ({
      company: id,
      companyName: snapshot.registry.get(id)?.name ?? id,
      metrics: snapshot.facts.metricsOf(id).map((m) => {
        const facts = [...snapshot.facts.series(id, m)].sort((a, b) => periodSortKey(a.period) - periodSortKey(b.period));
        const periods = [...new Set(facts.map((f) => periodLabel(f.period) + (f.qualifiers.forecast ? ' (forecast)' : f.qualifiers.segment ? ` (${f.qualifiers.segment})` : '')))];
        return { metric: m, label: METRIC_BY_ID.get(m)?.label ?? m, periods };
      }),
    }))
    .sort((a, b) => b.metrics.length - a.metrics.length || a.companyName.localeCompare(b.companyName));
  if (!catalog.length || catalog.every((c) => !c.metrics.length)) {
    return makeAnswer({ query, command, status: 'not_found', message: 'No figures are known for that yet.', data: { catalog } });
  }
  const lines: string[] = [];
  for (const entry of catalog) {
    lines.push(`${entry.companyName}:`);
    for (const m of entry.metrics) lines.push(`- ${m.label}: ${m.periods.join(', ')}`);
  }
  return makeAnswer({ query, command, status: 'answered', message: lines.join('\n'), data: { catalog } });
}
