import { CompanyRegistry, type Company } from './companies/registry.ts';
import type { CorpusDocument } from './corpus/document.ts';
import type { CorpusFile, LoadedCorpus } from './corpus/load.ts';
import { buildDocuments } from './corpus/load.ts';
import { extractFacts } from './facts/extract.ts';
import type { Fact } from './facts/fact.ts';
import { FactStore } from './facts/fact-store.ts';
import { storableFacts } from './figure-limits.ts';
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

/** How extraction of one document is watched and limited while a snapshot is built. */
export interface ExtractionHooks {
  /** Documents (by file) indexed as passages only: their extraction ran over its time budget. */
  passagesOnly?: ReadonlySet<string>;
  /** The budget those documents ran over (its fixed part), for the warning. */
  budgetMs?: number;
  /** Called with a document's file and length before its extraction starts, and with null after. */
  onExtract?: (file: string | null, chars?: number) => void;
  /** Figures already extracted (by an earlier attempt that was stopped), by file. */
  extracted?: ReadonlyMap<string, ExtractedFigures>;
  /** Called with each document's figures once extracted. */
  onExtracted?: (file: string, figures: ExtractedFigures) => void;
}

/** The figures kept from one document, and how many numbers were left out. */
export interface ExtractedFigures {
  facts: Fact[];
  dropped: number;
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
  hooks: ExtractionHooks = {},
): CorpusSnapshot {
  const registry = seedRegistry(seeds);
  const loaded = buildDocuments(files, registry);
  // The documents hold the cleaned text now; the raw bytes are not needed any more.
  for (const f of files) f.bytes = EMPTY_BYTES;
  const facts: Fact[] = [];
  const problems = [...readProblems, ...loaded.problems];
  for (const doc of loaded.documents) {
    if (hooks.passagesOnly?.has(doc.file)) {
      const budget = hooks.budgetMs ? ` (${(hooks.budgetMs / 1000).toFixed(1)} s and a little more per KB)` : '';
      problems.push({ file: doc.file, message: `figures not read: reading them took longer than the limit${budget} for one document; the document is searched as passages only`, skipped: false });
      continue;
    }
    let extracted = hooks.extracted?.get(doc.file);
    if (!extracted) {
      hooks.onExtract?.(doc.file, doc.text.length);
      extracted = storableFacts(extractFacts(doc, registry));
      hooks.onExtract?.(null);
      hooks.onExtracted?.(doc.file, extracted);
    }
    if (extracted.dropped > 0) {
      problems.push({ file: doc.file, message: `${extracted.dropped} number${extracted.dropped === 1 ? '' : 's'} left out as figures: too large to be a company's figure (or not a number); the sentences are still searched`, skipped: false });
    }
    for (const f of extracted.facts) facts.push(f);
  }
  const built = buildSearchIndex(loaded.documents, registry);
  const passages = built.passages;
  return {
    documents: loaded.documents,
    byId: new Map(loaded.documents.map((d) => [d.id, d])),
    registry,
    passages,
    search: placeSearch(built),
    facts: new FactStore(facts),
    problems,
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
  /** The facts packed as rows (see `packFacts`); `factParts` holds their repeated parts. */
  facts: PackedFact[];
  factParts: string[];
  problems: LoadedCorpus['problems'];
}

/**
 * A fact as a row: company, metric, period, value, unit, qualifiers, doc, start, end,
 * numberText, precision, confidence, language, range, change. The parts that repeat across
 * facts (names, periods, qualifiers, units; range and change, -1 when absent) are numbers
 * into `factParts`, which holds each distinct one once, as JSON.
 */
export type PackedFact = [number, number, number, number, number, number, number, number, number, string, number, number, number, number, number];

/**
 * Pack facts for the index file and the worker's message. Written as objects, the facts
 * were half of a large index file and most of the time it took to read it at start-up.
 */
export function packFacts(facts: readonly Fact[]): { facts: PackedFact[]; factParts: string[] } {
  const parts: string[] = [];
  const ids = new Map<string, number>();
  const part = (value: unknown): number => {
    if (value === undefined) return -1;
    const json = JSON.stringify(value);
    let id = ids.get(json);
    if (id === undefined) {
      id = parts.length;
      parts.push(json);
      ids.set(json, id);
    }
    return id;
  };
  const rows = facts.map((f): PackedFact => [part(f.company), part(f.metric), part(f.period), f.value, part(f.unit), part(f.qualifiers), part(f.doc), f.start, f.end, f.numberText, f.precision, f.confidence, part(f.language), part(f.range), part(f.change)]);
  return { facts: rows, factParts: parts };
}

/** The facts of `packFacts`, as extraction made them (same fields, in the same order). */
export function unpackFacts(rows: readonly PackedFact[], parts: readonly string[]): Fact[] {
  const values = parts.map((json) => JSON.parse(json) as unknown);
  // Objects are copied for each fact, as reading them from JSON one by one gave each its own.
  const object = <T>(id: number): T => ({ ...(values[id] as object) }) as T;
  return rows.map((r) => {
    const fact: Fact = {
      company: values[r[0]] as string,
      metric: values[r[1]] as string,
      period: object(r[2]),
      value: r[3],
      unit: values[r[4]] as Fact['unit'],
      qualifiers: object(r[5]),
      doc: values[r[6]] as string,
      start: r[7],
      end: r[8],
      numberText: r[9],
      precision: r[10],
      confidence: r[11],
      language: values[r[12]] as Fact['language'],
    };
    if (r[13] >= 0) fact.range = object(r[13]);
    if (r[14] >= 0) fact.change = object(r[14]);
    return fact;
  });
}

/** Serialize for the index file. */
export function persistSnapshot(s: CorpusSnapshot): PersistedSnapshot {
  return {
    hash: s.hash,
    builtAt: s.builtAt,
    documents: s.documents,
    companies: s.registry.all(),
    passages: s.passages,
    ...packFacts(s.facts.facts),
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
    // An index written by an older build may hold values no answer can show.
    facts: new FactStore(storableFacts(unpackFacts(p.facts, p.factParts)).facts),
    problems: p.problems,
    hash: p.hash,
    builtAt: p.builtAt,
    origin: 'loaded',
  };
}
