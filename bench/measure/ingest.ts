/**
 * Child process: ingest a corpus into an empty index folder and report. Run by
 * bench/run.ts in a fresh process per run, so peak RSS is this ingest's alone.
 *   node --import tsx bench/measure/ingest.ts --corpus <dir> --index <empty dir> [--recall]
 * Prints one JSON line (IngestResult) on stdout.
 */
import { existsSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Engine } from '../../src/core/engine.ts';
import { corpusPaths, readGroundTruth } from '../generate/write.ts';
import { scoreRecall, type RecallReport } from '../score/recall.ts';
import { dirBytes, peakRssBytes } from './process-stats.ts';

/** What one ingest run measured. */
export interface IngestResult {
  ingestMs: number;
  documents: number;
  passages: number;
  facts: number;
  problems: number;
  indexBytes: number;
  peakRssBytes: number;
  recall?: RecallReport;
}

const { values } = parseArgs({ options: { corpus: { type: 'string' }, index: { type: 'string' }, recall: { type: 'boolean', default: false } } });
if (!values.corpus || !values.index) throw new Error('usage: ingest.ts --corpus <dir> --index <dir> [--recall]');
const paths = corpusPaths(values.corpus);
if (existsSync(values.index) && readdirSync(values.index).length) throw new Error(`index folder ${values.index} is not empty: ingest must start from nothing`);

const started = performance.now();
const engine = Engine.open({ documentsDir: paths.documentsDir, companiesFile: paths.companiesFile, indexDir: values.index });
const ingestMs = performance.now() - started;
const snapshot = engine.snapshot;
// A bot that has just indexed goes on to serve: the peak includes its search index
// loading (in a worker), and is read before the ground truth is loaded.
await snapshot.search.ready;
const peak = peakRssBytes();
if (snapshot.origin !== 'built') throw new Error('the engine restored an index instead of building one');

const result: IngestResult = {
  ingestMs,
  documents: snapshot.documents.length,
  passages: snapshot.passages.length,
  facts: snapshot.facts.size,
  problems: snapshot.problems.length,
  indexBytes: dirBytes(values.index),
  peakRssBytes: peak,
};
if (values.recall) {
  const quoteOf = (f: { doc: string; start: number; end: number }) => snapshot.byId.get(f.doc)?.text.slice(f.start, f.end) ?? '';
  result.recall = scoreRecall(readGroundTruth(paths.groundTruthFile), snapshot.facts.facts, quoteOf);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
snapshot.search.close();
