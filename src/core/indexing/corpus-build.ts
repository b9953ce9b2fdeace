import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { readCorpusFiles, readDocuments, statCorpusFiles, type ReadLimits } from '../corpus/load.ts';
import { silentLogger, type CoreLogger } from '../logger.ts';
import { CODE_HASH_STAMP, hashCodeTree } from './code-hash.js';
import { EXTRACTION_VERSION } from '../facts/version.ts';
import { SEARCH_OPTIONS_VERSION, type BuiltSearch, type SearchHandle } from '../search/search-index.ts';
import { buildSnapshot, persistSnapshot, type CompanySeed, type CorpusSnapshot, type ExtractedFigures, type PersistedSnapshot } from '../snapshot.ts';

/**
 * Building the corpus index from the documents folder: reading, extracting, indexing
 * and persisting. It runs in the indexing worker (see `run-build.ts`), never on the
 * thread that answers questions.
 */

/** Bumped when the persisted format changes; part of the index hash. */
export const INDEX_FORMAT_VERSION = 4;


const CompanySeedsSchema = z.array(
  z.object({
    name: z.string().min(1),
    aliases: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    tickers: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    /** The day the company's fiscal year ends, MM-DD ("03-31"); absent for December. */
    year_end: z
      .string()
      .regex(/^(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/u, 'year_end is MM-DD, e.g. 03-31')
      .optional(),
  }),
);

/** Read the seed list of companies. A broken file is logged and treated as empty. */
export function readCompanySeeds(file: string | undefined, logger: CoreLogger = silentLogger): { seeds: CompanySeed[]; text: string } {
  if (!file || !existsSync(file)) return { seeds: [], text: '' };
  const text = readFileSync(file, 'utf8');
  try {
    return { seeds: CompanySeedsSchema.parse(parseYaml(text) ?? []).map(({ year_end, ...seed }) => (year_end ? { ...seed, yearEnd: year_end } : seed)), text };
  } catch (error) {
    logger.error({ file, err: String(error) }, 'company list is invalid; continuing without it');
    return { seeds: [], text };
  }
}

/** One file of the manifest: enough to notice a change without reading the file. */
export interface ManifestEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  /** The file's `.meta.yaml` sidecar, when it has one. */
  sidecar?: { size: number; mtimeMs: number };
}

/**
 * The small file that says which index files belong to which corpus. The big files are
 * named by the corpus hash and only read when the manifest matches the folder.
 */
export interface IndexFile {
  format: number;
  hash: string;
  manifest: Record<string, ManifestEntry>;
  /** Files beside this one: the snapshot and MiniSearch's JSON of the search index. */
  corpusFile: string;
  searchFile: string;
  /** Terms left out of the search index as too common (queries drop them too). */
  stop: string[];
}

function indexPath(indexDir: string): string {
  return join(indexDir, 'index.json');
}

/** Hash of the corpus files, the company list and the code that reads them. */
export function corpusHash(files: ReadonlyArray<{ file: string; hash: string }>, companiesText: string): string {
  const h = createHash('sha256');
  h.update(`format=${INDEX_FORMAT_VERSION};search=${SEARCH_OPTIONS_VERSION};extract=${EXTRACTION_VERSION};code=${coreCodeHash()}\n`);
  h.update(createHash('sha256').update(companiesText).digest('hex'));
  for (const f of files) h.update(`\n${f.file}\0${f.hash}`);
  return h.digest('hex');
}

let codeHash: string | undefined;

/**
 * Hash of the core's source: any change to cleaning, extraction or search rebuilds the
 * persisted index, so a deploy never serves figures extracted by older rules. The tsc
 * build (dist/) carries the hash of the sources it was compiled from, so the compiled
 * bot and the tsx tools agree on one index; from the sources it is computed here.
 */
function coreCodeHash(): string {
  if (codeHash) return codeHash;
  const core = join(import.meta.dirname, '..');
  try {
    codeHash = readFileSync(join(core, CODE_HASH_STAMP), 'utf8').trim();
  } catch {
    try {
      codeHash = hashCodeTree(core);
    } catch {
      codeHash = 'unreadable';
    }
  }
  return codeHash;
}

/** The index file of a folder, when it is there and of this format. */
export function readIndexFile(indexDir: string | undefined): (IndexFile & { dir: string }) | null {
  if (!indexDir) return null;
  try {
    const parsed = JSON.parse(readFileSync(indexPath(indexDir), 'utf8')) as IndexFile;
    return parsed.format === INDEX_FORMAT_VERSION && typeof parsed.searchFile === 'string' && typeof parsed.corpusFile === 'string' && Array.isArray(parsed.stop) ? { ...parsed, dir: indexDir } : null;
  } catch {
    return null;
  }
}

/** True when the folder's files have the sizes and times the manifest recorded. */
export function manifestMatches(documentsDir: string, manifest: Record<string, ManifestEntry>): boolean {
  const { files } = statCorpusFiles(documentsDir);
  if (files.length !== Object.keys(manifest).length) return false;
  return files.every((f) => {
    const entry = manifest[f.file];
    if (entry === undefined || entry.size !== f.size || entry.mtimeMs !== f.mtimeMs) return false;
    // A sidecar added, removed or edited changes the document's fields: not a match.
    return f.sidecar ? entry.sidecar?.size === f.sidecar.size && entry.sidecar.mtimeMs === f.sidecar.mtimeMs : entry.sidecar === undefined;
  });
}

/** What the indexing worker is asked to do. */
export interface BuildRequest {
  documentsDir: string;
  indexDir?: string;
  companiesFile?: string;
  /** Size limits of one file by format (PDFs have their own). */
  limits?: ReadLimits;
  /** Hash of the snapshot serving now: the same corpus is not built again. */
  currentHash?: string;
  /** Do not hand back the persisted index even when it matches (it failed to load). */
  ignorePersisted?: boolean;
  /** Time one document's figure extraction may take: a fixed part and a part per KB of text. */
  budgetMs: number;
  budgetMsPerKb: number;
  /** Documents that ran over the budget in an earlier attempt: passages only. */
  passagesOnly: string[];
  /** Figures an earlier, stopped attempt already extracted, by file: not extracted again. */
  extracted?: Array<[string, ExtractedFigures]>;
  /** Corpora of at least this much text are handed over through the index file (`written`). */
  handOverByFileChars?: number;
}

/** What the indexing worker hands back. */
export type BuildResult =
  | { kind: 'unchanged' }
  /** The persisted index in `indexDir` is this corpus: restore it. */
  | { kind: 'restore' }
  /**
   * A large corpus, built and written to `indexDir`: the parent restores it from there.
   * Handing it over as a message would hold it twice, in the worker and in the parent, at
   * the build's peak; from the file, the worker is stopped before the parent reads it.
   */
  | { kind: 'written'; warnings: Array<{ obj: Record<string, unknown>; msg: string }> }
  | {
      kind: 'built';
      snapshot: PersistedSnapshot;
      /** The search index written beside the persisted index, or its JSON when there is no index folder. */
      searchFile?: string;
      searchJson?: string;
      stop: string[];
      /** Warnings of the build (an index folder that could not be written). */
      warnings: Array<{ obj: Record<string, unknown>; msg: string }>;
    };

/**
 * Read the folder and build the corpus unless it is the one serving or the persisted one.
 * `onExtract` is told which document's figures are being read, for the time budget.
 */
export async function buildCorpus(
  request: BuildRequest,
  onExtract: (file: string | null, chars?: number) => void = () => undefined,
  onExtracted: (file: string, figures: ExtractedFigures) => void = () => undefined,
): Promise<BuildResult> {
  const warnings: Array<{ obj: Record<string, unknown>; msg: string }> = [];
  const logger: CoreLogger = { info() {}, warn: (obj, msg) => warnings.push({ obj: obj as Record<string, unknown>, msg: msg ?? '' }), error: (obj, msg) => warnings.push({ obj: obj as Record<string, unknown>, msg: msg ?? '' }) };
  const { seeds, text: companiesText } = readCompanySeeds(request.companiesFile, logger);
  const read = readCorpusFiles(request.documentsDir, request.limits);
  // The hash is of the bytes: an unchanged corpus is known before any PDF is parsed.
  const hash = corpusHash(read.files, companiesText);
  if (hash === request.currentHash) return { kind: 'unchanged' };
  const persisted = request.ignorePersisted ? null : readIndexFile(request.indexDir);
  if (persisted && persisted.hash === hash && existsSync(join(persisted.dir, persisted.searchFile))) return { kind: 'restore' };
  const manifest: Record<string, ManifestEntry> = {};
  for (const f of read.files) {
    manifest[f.file] = { size: f.bytes.length, mtimeMs: f.mtimeMs, hash: f.hash, ...(f.sidecar ? { sidecar: { size: f.sidecar.size, mtimeMs: f.sidecar.mtimeMs } } : {}) };
  }
  const files = await readDocuments(read.files);
  const indexDir = request.indexDir;
  const searchFile = `search-${hash.slice(0, 16)}.json`;
  let searchWritten = false;
  let searchJson: string | undefined;
  const placeSearch = (built: BuiltSearch): SearchHandle => {
    if (indexDir) {
      try {
        writeSearchFile(indexDir, searchFile, built);
        searchWritten = true;
      } catch (error) {
        logger.warn({ dir: indexDir, err: String(error) }, 'could not write the search index; keeping it in memory');
      }
    }
    if (!searchWritten) {
      const parts: string[] = [];
      built.serialize((chunk) => parts.push(chunk));
      searchJson = parts.join('');
    }
    // The answering thread loads the index; this thread needs no handle to it.
    return { stop: built.stop, ready: Promise.resolve(), current: null, search: async () => [], close: () => undefined };
  };
  const snapshot = buildSnapshot(files, seeds, hash, read.problems, placeSearch, {
    passagesOnly: new Set(request.passagesOnly),
    budgetMs: request.budgetMs,
    onExtract,
    extracted: new Map(request.extracted ?? []),
    onExtracted,
  });
  const written = Boolean(indexDir && searchWritten) && writeIndex(indexDir!, manifest, snapshot, searchFile, logger);
  if (written && snapshot.documents.reduce((n, d) => n + d.text.length, 0) >= (request.handOverByFileChars ?? HAND_OVER_BY_FILE_CHARS)) return { kind: 'written', warnings };
  return {
    kind: 'built',
    snapshot: persistSnapshot(snapshot),
    searchFile: searchWritten ? join(indexDir!, searchFile) : undefined,
    searchJson,
    stop: [...snapshot.search.stop],
    warnings,
  };
}

/** Stream MiniSearch's JSON of a built index to its file (atomically). */
function writeSearchFile(indexDir: string, searchFile: string, built: BuiltSearch): void {
  mkdirSync(indexDir, { recursive: true });
  const tmp = join(indexDir, `${searchFile}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    built.serialize((chunk) => writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(indexDir, searchFile));
}

/** Corpora of at least this much text are handed to the parent through the index file (`written`). */
export const HAND_OVER_BY_FILE_CHARS = 8_000_000;

/** Persist the index; false when it could not be written (the build is then handed over as a message). */
function writeIndex(indexDir: string, manifest: Record<string, ManifestEntry>, snapshot: CorpusSnapshot, searchFile: string, logger: CoreLogger): boolean {
  try {
    // The big files are named by the corpus hash and written first; the small index.json
    // that points to them is renamed into place last. Each rename is atomic, so a reader
    // sees the old index or the new one, never half of one.
    const corpusFile = `corpus-${snapshot.hash.slice(0, 16)}.json`;
    const corpusTmp = join(indexDir, `${corpusFile}.${process.pid}.${Date.now()}.tmp`);
    writeJsonInChunks(corpusTmp, persistSnapshot(snapshot));
    renameSync(corpusTmp, join(indexDir, corpusFile));
    const target = indexPath(indexDir);
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    const data: IndexFile = { format: INDEX_FORMAT_VERSION, hash: snapshot.hash, manifest, corpusFile, searchFile, stop: [...snapshot.search.stop] };
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, target);
    for (const name of readdirSync(indexDir)) {
      if (/^(?:search|corpus)-[0-9a-f]+\.json$/u.test(name) && name !== searchFile && name !== corpusFile) rmSync(join(indexDir, name), { force: true });
    }
    return true;
  } catch (error) {
    logger.warn({ dir: indexDir, err: String(error) }, 'could not persist the index; it will be rebuilt at next start');
    return false;
  }
}

/**
 * Write an object as JSON with its large arrays written a slice at a time, so the whole
 * file never exists as one string in memory.
 */
function writeJsonInChunks(path: string, value: object): void {
  const fd = openSync(path, 'w');
  try {
    let first = true;
    writeSync(fd, '{');
    for (const [key, v] of Object.entries(value)) {
      writeSync(fd, `${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      if (!Array.isArray(v)) {
        writeSync(fd, JSON.stringify(v) ?? 'null');
        continue;
      }
      writeSync(fd, '[');
      for (let i = 0; i < v.length; i += 2000) {
        const slice = JSON.stringify(v.slice(i, i + 2000));
        writeSync(fd, `${i === 0 ? '' : ','}${slice.slice(1, -1)}`);
      }
      writeSync(fd, ']');
    }
    writeSync(fd, '}');
  } finally {
    closeSync(fd);
  }
}
