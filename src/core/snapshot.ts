import { CompanyRegistry, type Company } from './companies/registry.ts';
import type { CorpusDocument } from './corpus/document.ts';
import type { LoadedCorpus, ReadCorpusFile } from './corpus/load.ts';
import { buildDocuments } from './corpus/load.ts';
import { extractDocument } from './facts/extract.ts';
import type { StatementNotes } from './facts/statement-notes.ts';
import type { Fact } from './facts/fact.ts';
import { FactStore } from './facts/fact-store.ts';
import { storableFacts } from './figure-limits.ts';
import { Interner } from './interner.ts';
import { buildSearchIndex, type BuiltSearch, type PassageRecord, type SearchHandle } from './search/search-index.ts';

/** A company as the seed list gives it. */
export interface CompanySeed {
  name: string;
  aliases?: string[];
  tickers?: string[];
  /** Fiscal year end, MM-DD, when not 31 December. */
  yearEnd?: string;
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
  for (const seed of seeds) {
    const company = registry.add(seed.name, seed.aliases ?? [], seed.tickers ?? []);
    if (seed.yearEnd) company.yearEnd = seed.yearEnd;
  }
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
  /** What each statement speaks of, for evidence when no figure answers. */
  notes?: StatementNotes;
}

/**
 * Build a snapshot from the files of the documents folder. `placeSearch` decides where
 * the search index lives: written to disk and loaded by a worker, or kept in this thread.
 */
export function buildSnapshot(
  files: ReadCorpusFile[],
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
      const { facts: found, notes } = extractDocument(doc, registry);
      extracted = { ...storableFacts(found), notes };
      hooks.onExtract?.(null);
      hooks.onExtracted?.(doc.file, extracted);
    }
    if (extracted.dropped > 0) {
      problems.push({ file: doc.file, message: `${extracted.dropped} number${extracted.dropped === 1 ? '' : 's'} left out as figures: too large to be a company's figure (or not a number); the sentences are still searched`, skipped: false });
    }
    for (const f of extracted.facts) facts.push(f);
    if (extracted.notes) doc.notes = extracted.notes;
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
  /** The facts packed as rows (see `packFacts`). */
  facts: PackedFact[];
  /** Each distinct string or object of the facts once, as JSON, and each distinct list of fields. */
  factParts: string[];
  factShapes: FactShape[];
  problems: LoadedCorpus['problems'];
}

/**
 * A fact's fields in order, each with how its value is kept in a row: `p` a number into
 * `factParts` (strings and objects, which repeat across facts: company, metric, period,
 * qualifiers, unit, document), `v` the value itself (numbers, booleans).
 */
export type FactShape = Array<[string, 'p' | 'v']>;

/** A fact as a row: the number of its shape in `factShapes`, then its values in that order. */
export type PackedFact = Array<number | boolean | null>;

/**
 * Pack facts for the index file and the worker's message. Written as objects, the facts
 * were half of a large index file and most of the time it took to read it at start-up.
 * Any field a fact has is kept, in its order, as `JSON.stringify` would keep it.
 */
export function packFacts(facts: readonly Fact[]): { facts: PackedFact[]; factParts: string[]; factShapes: FactShape[] } {
  const parts = new Interner();
  const shapeKeys = new Interner();
  const shapes: FactShape[] = [];
  const part = (value: unknown): number => parts.id(JSON.stringify(value));
  const rows = facts.map((fact) => {
    const shape: FactShape = [];
    const row: PackedFact = [0];
    for (const [key, value] of Object.entries(fact)) {
      // What JSON leaves out: an undefined field.
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
      const packed = typeof value === 'string' || (typeof value === 'object' && value !== null);
      shape.push([key, packed ? 'p' : 'v']);
      row.push(packed ? part(value) : (value as number | boolean | null));
    }
    const id = shapeKeys.id(JSON.stringify(shape));
    if (id === shapes.length) shapes.push(shape);
    row[0] = id;
    return row;
  });
  return { facts: rows, factParts: parts.keys, factShapes: shapes };
}

/** The facts of `packFacts`, as extraction made them (same fields, in the same order). */
export function unpackFacts(rows: readonly PackedFact[], parts: readonly string[], shapes: readonly FactShape[]): Fact[] {
  const values = parts.map((json) => JSON.parse(json) as unknown);
  return rows.map((row) => {
    const fact: Record<string, unknown> = {};
    const shape = shapes[row[0] as number]!;
    for (let i = 0; i < shape.length; i += 1) {
      const [key, kind] = shape[i]!;
      const value = row[i + 1];
      if (kind === 'v') {
        fact[key] = value;
        continue;
      }
      const shared = values[value as number];
      // Each fact its own copy of an object (period, qualifiers), as reading facts one by one from JSON gave it.
      fact[key] = typeof shared === 'object' && shared !== null ? (Array.isArray(shared) ? [...shared] : { ...shared }) : shared;
    }
    return fact as unknown as Fact;
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
    facts: new FactStore(storableFacts(unpackFacts(p.facts, p.factParts, p.factShapes)).facts),
    problems: p.problems,
    hash: p.hash,
    builtAt: p.builtAt,
    origin: 'loaded',
  };
}
