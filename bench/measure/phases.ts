/**
 * Child process: where ingest and cold start spend their time, phase by phase, using
 * the same core functions Engine.open calls (read, clean and register, extract, index,
 * serialize; then parse and restore). A profile, not a target: it tells which phase to
 * work on when a target is missed.
 *   node --import tsx bench/measure/phases.ts --corpus <dir>
 */
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { readCorpusFiles, readDocuments, buildDocuments } from '../../src/core/corpus/load.ts';
import { readCompanySeeds } from '../../src/core/engine.ts';
import { extractFacts } from '../../src/core/facts/extract.ts';
import { FactStore } from '../../src/core/facts/fact-store.ts';
import { buildSearchIndex, miniSearchOptions, readySearch } from '../../src/core/search/search-index.ts';
import { persistSnapshot, restoreSnapshot, seedRegistry, type CorpusSnapshot, type PersistedSnapshot } from '../../src/core/snapshot.ts';
import { corpusPaths } from '../generate/write.ts';

/** Milliseconds per phase, and the size of the serialized index. */
export interface PhasesResult {
  readMs: number;
  documentsMs: number;
  extractMs: number;
  indexMs: number;
  /** The snapshot's JSON and MiniSearch's JSON of the search index. */
  serializeMs: number;
  parseMs: number;
  /** MiniSearch.loadJSON of the search index (the engine does this in a worker thread). */
  loadSearchIndexMs: number;
  /** Documents, registry and fact store from the parsed snapshot (search excluded). */
  restoreMs: number;
  serializedBytes: number;
  searchIndexBytes: number;
}

const { values } = parseArgs({ options: { corpus: { type: 'string' } } });
if (!values.corpus) throw new Error('usage: phases.ts --corpus <dir>');
const paths = corpusPaths(values.corpus);

const time = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
};

const [read, readMs] = time(() => ({ seeds: readCompanySeeds(paths.companiesFile).seeds, files: readCorpusFiles(paths.documentsDir) }));
const registry = seedRegistry(read.seeds);
const t0 = performance.now();
const readFiles = await readDocuments(read.files.files);
const loaded = buildDocuments(readFiles, registry);
// Reading into text (PDF parsing) and building documents count as one phase.
const documentsMs = performance.now() - t0;
const [facts, extractMs] = time(() => loaded.documents.flatMap((d) => extractFacts(d, registry)));
const [built, indexMs] = time(() => buildSearchIndex(loaded.documents, registry));
const [searchJson, searchSerializeMs] = time(() => {
  const parts: string[] = [];
  built.serialize((chunk) => parts.push(chunk));
  return parts.join('');
});
const [mini, loadSearchIndexMs] = time(() => MiniSearch.loadJSON(searchJson, miniSearchOptions(built.stop)));
const search = readySearch({ mini, stop: built.stop });
const snapshot: CorpusSnapshot = {
  documents: loaded.documents,
  byId: new Map(loaded.documents.map((d) => [d.id, d])),
  registry,
  passages: built.passages,
  search,
  facts: new FactStore(facts),
  problems: loaded.problems,
  hash: 'bench',
  builtAt: new Date(0).toISOString(),
  origin: 'built',
};
const [serialized, snapshotSerializeMs] = time(() => JSON.stringify(persistSnapshot(snapshot)));
const [parsed, parseMs] = time(() => JSON.parse(serialized) as PersistedSnapshot);
const [, restoreMs] = time(() => restoreSnapshot(parsed, search));

const result: PhasesResult = {
  readMs,
  documentsMs,
  extractMs,
  indexMs,
  serializeMs: searchSerializeMs + snapshotSerializeMs,
  parseMs,
  loadSearchIndexMs,
  restoreMs,
  serializedBytes: Buffer.byteLength(serialized) + Buffer.byteLength(searchJson),
  searchIndexBytes: Buffer.byteLength(searchJson),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
