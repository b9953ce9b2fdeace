/**
 * Child process of `npm run bench:pdf`: ingest a folder holding one PDF into an empty
 * index folder, in a fresh process so peak RSS is this ingest's alone.
 *   node --import tsx bench/measure/pdf-ingest-child.ts --documents <dir> --index <empty dir>
 * Prints one JSON line on stdout.
 */
import { parseArgs } from 'node:util';
import { Engine } from '../../src/core/engine.ts';
import { peakRssBytes } from './process-stats.ts';

const { values } = parseArgs({ options: { documents: { type: 'string' }, index: { type: 'string' } } });
if (!values.documents || !values.index) throw new Error('usage: pdf-ingest-child.ts --documents <dir> --index <dir>');
const started = performance.now();
const engine = Engine.open({ documentsDir: values.documents, indexDir: values.index });
const ingestMs = performance.now() - started;
const { snapshot } = engine;
// The bot goes on to serve: the peak includes loading the search index it built.
await snapshot.search.ready;
if (snapshot.origin !== 'built') throw new Error('the engine restored an index instead of building one');
const doc = snapshot.documents[0];
process.stdout.write(
  `${JSON.stringify({ ingestMs, peakRssBytes: peakRssBytes(), documents: snapshot.documents.length, pages: doc?.pages?.length ?? 0, chars: doc?.text.length ?? 0, passages: snapshot.passages.length, facts: snapshot.facts.size, problems: snapshot.problems.map((p) => p.message) })}\n`,
);
engine.close();
