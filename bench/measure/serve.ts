/**
 * Child process: cold start from a persisted index, then the query mix. Run by
 * bench/run.ts in a fresh process after an ingest run wrote the index.
 *   node --import tsx bench/measure/serve.ts --corpus <dir> --index <dir> [--queries N]
 * Prints one JSON line (ServeResult) on stdout.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCommand, type CommandContext } from '../../commands/index.ts';
import { Engine } from '../../src/core/engine.ts';
import { searchIndex } from '../../src/core/search/search-index.ts';
import type { BenchQuery } from '../generate/queries.ts';
import { corpusPaths } from '../generate/write.ts';
import { summarize, type LatencySummary } from '../stats.ts';
import { loadPlainMiniSearch } from './plain-minisearch.ts';
import { peakRssBytes } from './process-stats.ts';

/** What one serving run measured. */
export interface ServeResult {
  /** Engine.open on the persisted index (figure look-ups can answer from here on). */
  coldStartMs: number;
  /** Engine.open until the search index (loaded by a worker) answers too. */
  searchReadyMs: number;
  /** From process start (node, tsx, module loading) to the engine and its search ready. */
  processReadyMs: number;
  queries: number;
  latency: Record<'metric' | 'compare' | 'ask' | 'askSearch' | 'askLookup' | 'miniSearch' | 'miniSearchForAskSearch' | 'engineSearchOptions', LatencySummary>;
  /** Median over /ask queries of (engine time / MiniSearch time) for the same string. */
  askRatioMedian: number;
  askSearchRatioMedian: number;
  statuses: Record<string, number>;
  /** Answers with status `error`: bugs, never expected. */
  errors: Array<{ command: string; text: string; message: string }>;
  /** Peak RSS while serving, before this harness loads its own copy of the index. */
  peakRssBytes: number;
}

const { values } = parseArgs({ options: { corpus: { type: 'string' }, index: { type: 'string' }, queries: { type: 'string' } } });
if (!values.corpus || !values.index) throw new Error('usage: serve.ts --corpus <dir> --index <dir> [--queries N]');
const paths = corpusPaths(values.corpus);

const started = performance.now();
const engine = Engine.open({ documentsDir: paths.documentsDir, companiesFile: paths.companiesFile, indexDir: values.index });
const coldStartMs = performance.now() - started;
if (engine.snapshot.origin !== 'loaded') throw new Error('cold start rebuilt the index instead of loading the persisted one (did the core change since the ingest run?)');
// The search index loads in a worker while Engine.open returns; passage search waits for it.
await engine.snapshot.search.ready;
const searchReadyMs = performance.now() - started;
const processReadyMs = performance.now();

let queries = JSON.parse(readFileSync(paths.queriesFile, 'utf8')) as BenchQuery[];
if (values.queries) queries = queries.slice(0, Number(values.queries));
const ctx: CommandContext = { engine, now: () => new Date('2025-12-01T09:00:00Z') };

// Warm-up: the first calls compile code paths and fill caches; they are not what users wait for.
for (const q of queries.slice(0, 200)) await runCommand(q.command, { text: q.text }, ctx);

const samples: Record<keyof ServeResult['latency'], number[]> = { metric: [], compare: [], ask: [], askSearch: [], askLookup: [], miniSearch: [], miniSearchForAskSearch: [], engineSearchOptions: [] };
const statuses: Record<string, number> = {};
const errors: ServeResult['errors'] = [];
const askTimes: Array<{ q: BenchQuery; ms: number }> = [];
for (const q of queries) {
  const t0 = performance.now();
  const answer = await runCommand(q.command, { text: q.text }, ctx);
  const ms = performance.now() - t0;
  samples[q.command].push(ms);
  if (q.command === 'ask') {
    (q.kind === 'search' ? samples.askSearch : samples.askLookup).push(ms);
    askTimes.push({ q, ms });
  }
  const key = `${q.command}:${answer.status}`;
  statuses[key] = (statuses[key] ?? 0) + 1;
  if (answer.status === 'error' && errors.length < 10) errors.push({ command: q.command, text: q.text, message: answer.message });
}
const servingPeak = peakRssBytes();
// Plain MiniSearch (the index's default search options) on the engine's own persisted
// index, loaded in this thread, with the very strings /ask received.
const mini = loadPlainMiniSearch(values.index);
for (const q of queries.slice(0, 200)) if (q.command === 'ask') mini.search(q.text);
const ratios: number[] = [];
const searchRatios: number[] = [];
for (const { q, ms } of askTimes) {
  const t0 = performance.now();
  mini.search(q.text);
  const plain = performance.now() - t0;
  samples.miniSearch.push(plain);
  ratios.push(ms / plain);
  if (q.kind === 'search') {
    samples.miniSearchForAskSearch.push(plain);
    searchRatios.push(ms / plain);
    // The same string through the engine's own search call (fuzzy, prefix, other-language
    // terms, boosts): separates what the search options cost from the rest of /ask.
    const t1 = performance.now();
    await searchIndex(engine.snapshot.search, q.text, { companies: [] });
    samples.engineSearchOptions.push(performance.now() - t1);
  }
}

const latency = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)])) as ServeResult['latency'];
const result: ServeResult = {
  coldStartMs,
  searchReadyMs,
  processReadyMs,
  queries: queries.length,
  latency,
  askRatioMedian: summarize(ratios).p50,
  askSearchRatioMedian: summarize(searchRatios).p50,
  statuses,
  errors,
  peakRssBytes: servingPeak,
};
engine.snapshot.search.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
