import { CompanyRegistry, type Company } from './companies/registry.ts';
import type { CorpusDocument } from './corpus/document.ts';
import type { CorpusFile, LoadedCorpus } from './corpus/load.ts';
import { buildDocuments } from './corpus/load.ts';
import { extractFacts } from './facts/extract.ts';
import type { Fact } from './facts/fact.ts';
import { FactStore } from './facts/fact-store.ts';
import { buildSearchIndex, type BuiltSearch, type PassageRecord, type SearchHandle } from './search/search-index.ts';

/** A company as the seed list gives it. */
export interface CompanySeed {
  name: string;
  aliases?: string[];
  tickers?: string[];
}

/**
 * Everything an answer needs, built once per corpus version and never mutated:
 * re-indexing builds a new snapshot and swaps it in, so a failed re-index leaves the
 * last good one serving.
 */
export interface CorpusSnapshot {
  documents: CorpusDocument[];
  byId: Map<string, CorpusDocument>;
  registry: CompanyRegistry;
  passages: PassageRecord[];
  search: SearchHandle;
  facts: FactStore;
  problems: LoadedCorpus['problems'];
  /** Content hash of the corpus and the options that built this snapshot. */
  hash: string;
  builtAt: string;
  /** How the snapshot was obtained: built now or loaded from the persisted index. */
  origin: 'built' | 'loaded';
}

const EMPTY_BYTES = Buffer.alloc(0);

/** Registry with the seed companies. */
export function seedRegistry(seeds: readonly CompanySeed[]): CompanyRegistry {
  const registry = new CompanyRegistry();
  for (const seed of seeds) registry.add(seed.name, seed.aliases ?? [], seed.tickers ?? []);
  return registry;
}

/**
 * Build a snapshot from the files of the documents folder. `placeSearch` decides where
 * the search index lives: written to disk and loaded by a worker, or kept in this thread.
 */
export function buildSnapshot(
  files: CorpusFile[],
  seeds: readonly CompanySeed[],
  hash: string,
  readProblems: LoadedCorpus['problems'],
  placeSearch: (built: BuiltSearch) => SearchHandle,
): CorpusSnapshot {
  const registry = seedRegistry(seeds);
  const loaded = buildDocuments(files, registry);
  // The documents hold the cleaned text now; the raw bytes are not needed any more.
  for (const f of files) f.bytes = EMPTY_BYTES;
  const facts: Fact[] = [];
  for (const doc of loaded.documents) facts.push(...extractFacts(doc, registry));
  const built = buildSearchIndex(loaded.documents, registry);
  const passages = built.passages;
  return {
    documents: loaded.documents,
    byId: new Map(loaded.documents.map((d) => [d.id, d])),
    registry,
    passages,
    search: placeSearch(built),
    facts: new FactStore(facts),
    problems: [...readProblems, ...loaded.problems],
    hash,
    builtAt: new Date().toISOString(),
    origin: 'built',
  };
}

/** The persisted form of a snapshot (JSON). */
export interface PersistedSnapshot {
  hash: string;
  builtAt: string;
  documents: CorpusDocument[];
  companies: Company[];
  passages: PassageRecord[];
  facts: Fact[];
  problems: LoadedCorpus['problems'];
}

/** Serialize for the index file. */
export function persistSnapshot(s: CorpusSnapshot): PersistedSnapshot {
  return {
    hash: s.hash,
    builtAt: s.builtAt,
    documents: s.documents,
    companies: s.registry.all(),
    passages: s.passages,
    facts: [...s.facts.facts],
    problems: s.problems,
  };
}

/** Rebuild the in-memory snapshot from the index file, with its search index (loading in a worker). */
export function restoreSnapshot(p: PersistedSnapshot, search: SearchHandle): CorpusSnapshot {
  const registry = new CompanyRegistry();
  for (const c of p.companies) registry.add(c.name, c.aliases, c.tickers);
  return {
    documents: p.documents,
    byId: new Map(p.documents.map((d) => [d.id, d])),
    registry,
    passages: p.passages,
    search,
    facts: new FactStore(p.facts),
    problems: p.problems,
    hash: p.hash,
    builtAt: p.builtAt,
    origin: 'loaded',
  };
}
