import type { BenchResult, SizeResult } from './results.ts';
import { PLANTED_METRICS } from './score/match.ts';
import type { RecallReport } from './score/recall.ts';

/**
 * Markdown rendering of a benchmark result: one column per corpus size, one row per
 * measure, with the target of issue 7 beside it; then what extraction missed, by form.
 */

const MB = 1048576;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : int(n)) : 'n/a');
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const ratio = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a');

// "(98% of metrics never planted)": how many of the unmatched facts are of metrics the generator does not plant.
function unplantedShare(s: SizeResult): string {
  const by = s.recall?.unmatchedByMetric ?? {};
  const total = Object.values(by).reduce((a, b) => a + b, 0);
  if (!total) return '';
  const unplanted = Object.entries(by).filter(([m]) => !PLANTED_METRICS.has(m)).reduce((a, [, n]) => a + n, 0);
  return ` (${Math.round((unplanted / total) * 100)}% of them)`;
}

interface Row {
  label: string;
  cell: (s: SizeResult) => string;
  target: string;
}

const ROWS: Row[] = [
  { label: 'runs (each: ingest, then serve, in fresh processes)', cell: (s) => String(s.runs), target: '' },
  { label: 'documents (MB of text)', cell: (s) => `${int(s.documents)} (${(s.corpusBytes / MB).toFixed(1)})`, target: '' },
  { label: 'companies / planted figures', cell: (s) => `${int(s.companies)} / ${int(s.plantedFigures)}`, target: '' },
  { label: 'ingest: clean, extract, index, persist (s)', cell: (s) => (s.ingest.ms / 1000).toFixed(2), target: '≤ 60 s at 10,000' },
  { label: 'facts extracted', cell: (s) => int(s.ingest.facts), target: '' },
  { label: 'index on disk (MB)', cell: (s) => (s.ingest.indexBytes / MB).toFixed(1), target: '' },
  { label: 'peak RSS, ingest (MB)', cell: (s) => int(s.ingest.peakRssBytes / MB), target: '≤ 1,536 MB at 10,000' },
  { label: 'peak RSS, serving (MB; search worker included)', cell: (s) => int(s.serve.peakRssBytes / MB), target: '' },
  { label: 'cold start, Engine.open on the persisted index (ms)', cell: (s) => ms(s.serve.coldStartMs), target: '≤ 2,000 ms at 10,000' },
  { label: 'cold start until passage search is ready too (ms)', cell: (s) => ms(s.serve.searchReadyMs), target: '' },
  { label: 'process start to ready (ms)', cell: (s) => ms(s.serve.processReadyMs), target: '' },
  { label: '/metric p50 / p99 (ms)', cell: (s) => `${ms(s.serve.latency.metric.p50)} / ${ms(s.serve.latency.metric.p99)}`, target: 'p99 ≤ 2 ms' },
  { label: '/compare p50 / p99 (ms)', cell: (s) => `${ms(s.serve.latency.compare.p50)} / ${ms(s.serve.latency.compare.p99)}`, target: '' },
  { label: '/ask p50 / p99 (ms)', cell: (s) => `${ms(s.serve.latency.ask.p50)} / ${ms(s.serve.latency.ask.p99)}`, target: 'p99 ≤ 25 ms' },
  { label: '/ask, passage-search questions p50 / p99 (ms)', cell: (s) => `${ms(s.serve.latency.askSearch.p50)} / ${ms(s.serve.latency.askSearch.p99)}`, target: '' },
  { label: 'plain MiniSearch.search, same strings p50 / p99 (ms)', cell: (s) => `${ms(s.serve.latency.miniSearch.p50)} / ${ms(s.serve.latency.miniSearch.p99)}`, target: '' },
  { label: '/ask ÷ MiniSearch: p50, p99, median per query', cell: (s) => `${ratio(s.serve.latency.ask.p50 / s.serve.latency.miniSearch.p50)}, ${ratio(s.serve.latency.ask.p99 / s.serve.latency.miniSearch.p99)}, ${ratio(s.serve.askRatioMedian)}`, target: '≤ 1.5×' },
  { label: '/ask ÷ MiniSearch, passage-search questions only', cell: (s) => `${ratio(s.serve.latency.askSearch.p50 / s.serve.latency.miniSearchForAskSearch.p50)}, ${ratio(s.serve.latency.askSearch.p99 / s.serve.latency.miniSearchForAskSearch.p99)}, ${ratio(s.serve.askSearchRatioMedian)}`, target: '≤ 1.5×' },
  { label: 'engine search call alone (its MiniSearch options), passage-search questions p50 / p99 (ms)', cell: (s) => `${ms(s.serve.latency.engineSearchOptions.p50)} / ${ms(s.serve.latency.engineSearchOptions.p99)}`, target: '' },
  { label: 'extraction recall: statements (figures)', cell: (s) => (s.recall ? `${pct(s.recall.statements.recall)} (${pct(s.recall.figures.recall)})` : 'n/a'), target: '≥ 98%' },
  { label: 'facts on the wrong company / period', cell: (s) => (s.recall ? `${int(s.recall.verdicts['wrong-company'])} / ${int(s.recall.verdicts['wrong-period'])}` : 'n/a'), target: '0 / 0' },
  { label: 'other wrong facts: metric / segment or forecast / unit / distractor', cell: (s) => (s.recall ? `${int(s.recall.verdicts['wrong-metric'])} / ${int(s.recall.verdicts['wrong-qualifier'])} / ${int(s.recall.verdicts['wrong-unit'])} / ${int(s.recall.verdicts['noise-taken'])}` : 'n/a'), target: '0' },
  { label: 'facts matching no planted value (metrics never planted: CAGR, R&D staff share, ...)', cell: (s) => (s.recall ? `${int(s.recall.verdicts.unmatched)}${unplantedShare(s)}` : 'n/a'), target: '' },
  { label: 'answers with status error', cell: (s) => int(s.serve.errors.length), target: '0' },
];

/** The main table. */
export function renderTable(result: BenchResult): string {
  const sizes = result.sizes;
  const head = `| measure (median over runs) | ${sizes.map((s) => `${int(s.documents)} docs`).join(' | ')} | target |`;
  const rule = `|---|${sizes.map(() => '---:').join('|')}|---|`;
  const rows = ROWS.map((r) => `| ${r.label} | ${sizes.map(r.cell).join(' | ')} | ${r.target} |`);
  const m = result.machine;
  const caption = `Machine: ${m.cpus} cores (${m.cpuModel}), ${(m.totalMemoryBytes / 1073741824).toFixed(0)} GB RAM, Node ${m.node}, ${m.platform}; seed ${result.seed}, ${int(result.queries)} queries per run (${result.startedAt.slice(0, 10)}).`;
  return [head, rule, ...rows, '', caption].join('\n');
}

/** Ingest and cold-start phases, for finding where time goes. */
export function renderPhases(result: BenchResult): string {
  const sizes = result.sizes.filter((s) => s.phases);
  if (!sizes.length) return '';
  const lines = [`| phase (ms, one run) | ${sizes.map((s) => `${int(s.documents)} docs`).join(' | ')} |`, `|---|${sizes.map(() => '---:').join('|')}|`];
  const row = (label: string, f: (p: NonNullable<SizeResult['phases']>) => number) => lines.push(`| ${label} | ${sizes.map((s) => ms(f(s.phases!))).join(' | ')} |`);
  row('read files', (p) => p.readMs);
  row('front matter, cleaning, companies', (p) => p.documentsMs);
  row('figure extraction', (p) => p.extractMs);
  row('passages and search index', (p) => p.indexMs);
  row('serialize index (snapshot and search JSON)', (p) => p.serializeMs);
  row('cold: parse snapshot JSON', (p) => p.parseMs);
  row('cold: MiniSearch.loadJSON (the engine runs it in a worker)', (p) => p.loadSearchIndexMs);
  row('cold: restore documents, companies, facts', (p) => p.restoreMs);
  lines.push(`| serialized index (MB), of which search index | ${sizes.map((s) => `${(s.phases!.serializedBytes / MB).toFixed(1)}, ${(s.phases!.searchIndexBytes / MB).toFixed(1)}`).join(' | ')} |`);
  return lines.join('\n');
}

/** Sentence forms with misses, worst first, with a reason and an example each. */
export function renderMisses(recall: RecallReport, limit = 25): string {
  const missing = recall.byForm.filter((f) => f.recovered < f.planted);
  if (!missing.length) return 'Every planted figure was recovered.';
  const lines = ['| form | planted | recovered | why not | example sentence | planted figure | extracted instead |', '|---|---:|---:|---|---|---|---|'];
  const cell = (s: string) => s.replace(/\|/gu, '\\|').replace(/\n/gu, ' ');
  for (const f of missing.slice(0, limit)) {
    const why = Object.entries(f.reasons)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const e = f.examples[0];
    lines.push(`| ${f.form} | ${f.planted} | ${f.recovered} | ${why} | ${cell(e?.sentence ?? '')} | ${cell(e?.planted ?? '')} | ${cell(e?.found || '—')} |`);
  }
  return lines.join('\n');
}

/** Extracted facts attached to the wrong thing, a few per kind. */
export function renderWrong(recall: RecallReport): string {
  const shown = recall.wrong.filter((w) => w.verdict !== 'unmatched');
  if (!shown.length) return 'No extracted fact carries a planted value under the wrong company, period, metric or qualifier.';
  const cell = (s: string) => s.replace(/\|/gu, '\\|').replace(/\n/gu, ' ');
  return [
    '| verdict | extracted fact | planted figure with that value | sentence |',
    '|---|---|---|---|',
    ...shown.map((w) => `| ${w.verdict} | ${cell(w.fact)} | ${cell(w.planted)} | ${cell(w.quote)} |`),
  ].join('\n');
}
