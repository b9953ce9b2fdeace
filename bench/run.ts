/**
 * `npm run bench`: generate synthetic corpora and measure what an answer costs as the
 * corpus grows (issue 7). For each size, every run ingests in a fresh process (ingest
 * time, facts, index size, peak RSS) and then serves from the persisted index in
 * another fresh process (cold start, query latencies, plain MiniSearch). Prints a
 * markdown table of medians; `--json` prints the full result as JSON instead (the
 * table then goes to stderr). Progress goes to stderr.
 *
 *   npm run bench -- --sizes 100,1000,10000 --runs 3,3,1 --queries 3000 --seed 1 --out var/bench
 */
import { cpus, totalmem } from 'node:os';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './generate/write.ts';
import { runChild } from './measure/child.ts';
import { SERVING_NODE_FLAGS } from '../src/node-flags.ts';
import type { IngestResult } from './measure/ingest.ts';
import type { PhasesResult } from './measure/phases.ts';
import type { ServeResult } from './measure/serve.ts';
import { renderMisses, renderPhases, renderTable, renderWrong } from './report.ts';
import { aggregate, type BenchResult, type SizeResult } from './results.ts';

const USAGE = `usage: npm run bench -- [--sizes 100,1000,10000] [--runs 3 | --runs 3,3,1] [--queries 3000] [--seed 1] [--out var/bench] [--json] [--skip-phases] [--timeout-min 20]`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,1000,10000' },
      runs: { type: 'string', default: '3' },
      queries: { type: 'string', default: '3000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'var/bench' },
      json: { type: 'boolean', default: false },
      'skip-phases': { type: 'boolean', default: false },
      'timeout-min': { type: 'string', default: '20' },
      help: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/_/gu, '')));
  // One count for every size, or one per size ("3,3,1": the largest corpus once).
  const runList = values.runs.split(',').map((r) => Number(r.trim()));
  const runs = sizes.map((_, i) => runList[Math.min(i, runList.length - 1)]!);
  const queries = Number(values.queries);
  const timeoutMin = Number(values['timeout-min']);
  const bad =
    sizes.some((s) => !Number.isInteger(s) || s < 1) ||
    runs.some((r) => !Number.isInteger(r) || r < 1) ||
    (runList.length !== 1 && runList.length !== sizes.length) ||
    !Number.isInteger(queries) ||
    queries < 1 ||
    !(timeoutMin > 0);
  if (values.help || bad) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  return { sizes, runs, queries, seed: values.seed, out: resolve(values.out), json: values.json, phases: !values['skip-phases'], timeoutMs: timeoutMin * 60_000 };
}

const log = (msg: string) => process.stderr.write(`${msg}\n`);

async function measureSize(size: number, runs: number, o: ReturnType<typeof parseOptions>): Promise<SizeResult> {
  const corpusDir = join(o.out, `corpus-${size}-seed${o.seed}`);
  const t0 = performance.now();
  const { manifest, reused } = writeCorpus(corpusDir, { seed: o.seed, documents: size, queries: o.queries }, log);
  log(`${size} docs: corpus ${reused ? 'reused' : 'generated'} in ${((performance.now() - t0) / 1000).toFixed(1)} s (${manifest.companies} companies, ${manifest.figures} planted figures)`);
  const ingests: IngestResult[] = [];
  const serves: ServeResult[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const indexDir = join(o.out, `index-${size}-run${run}`);
    rmSync(indexDir, { recursive: true, force: true });
    const args = ['--corpus', corpusDir, '--index', indexDir];
    const ingest = await runChild<IngestResult>('ingest.ts', run === 1 ? [...args, '--recall'] : args, o.timeoutMs);
    ingests.push(ingest);
    log(`  run ${run}: ingest ${(ingest.ingestMs / 1000).toFixed(2)} s, ${ingest.facts} facts, peak RSS ${Math.round(ingest.peakRssBytes / 1048576)} MB`);
    // Served as the bot is served (package.json "serve"), with its Node flags.
    const serve = await runChild<ServeResult>('serve.ts', [...args, '--queries', String(o.queries)], o.timeoutMs, SERVING_NODE_FLAGS);
    serves.push(serve);
    log(`  run ${run}: cold start ${Math.round(serve.coldStartMs)} ms, /metric p99 ${serve.latency.metric.p99.toFixed(2)} ms, /ask p99 ${serve.latency.ask.p99.toFixed(2)} ms`);
    rmSync(indexDir, { recursive: true, force: true });
  }
  let phases: PhasesResult | undefined;
  if (o.phases) {
    phases = await runChild<PhasesResult>('phases.ts', ['--corpus', corpusDir], o.timeoutMs);
    log(`  phases: extraction ${Math.round(phases.extractMs)} ms, indexing ${Math.round(phases.indexMs)} ms`);
  }
  return aggregate({ documents: manifest.documents, companies: manifest.companies, bytes: manifest.bytes, figures: manifest.figures }, ingests, serves, phases);
}

const o = parseOptions();
mkdirSync(o.out, { recursive: true });
const cpuList = cpus();
const result: BenchResult = {
  machine: { cpus: cpuList.length, cpuModel: cpuList[0]?.model.trim() ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}`, totalMemoryBytes: totalmem() },
  seed: o.seed,
  queries: o.queries,
  runs: o.runs,
  startedAt: new Date().toISOString(),
  sizes: [],
};
for (const [i, size] of o.sizes.entries()) {
  try {
    result.sizes.push(await measureSize(size, o.runs[i]!, o));
  } catch (error) {
    // A size that fails or times out is reported; the sizes already measured still print.
    log(`${size} docs: FAILED: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

const sections = [renderTable(result)];
if (o.phases) sections.push('', 'Where ingest and cold start spend their time:', '', renderPhases(result));
const largest = result.sizes.filter((s) => s.recall).at(-1);
if (largest?.recall) {
  sections.push('', `Extraction misses by sentence form (${largest.documents} documents):`, '', renderMisses(largest.recall), '');
  sections.push(`Extracted facts attached to the wrong thing (${largest.documents} documents, a few of each kind):`, '', renderWrong(largest.recall));
}
const markdown = sections.join('\n');
const stamp = result.startedAt.replace(/[:.]/gu, '-');
writeFileSync(join(o.out, `result-${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(o.out, `result-${stamp}.md`), `${markdown}\n`);
if (o.json) {
  log(markdown);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  process.stdout.write(`${markdown}\n`);
}
log(`saved ${join(o.out, `result-${stamp}.json`)} and .md`);
