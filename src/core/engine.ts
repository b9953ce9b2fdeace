import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, watch, writeFileSync, writeSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { readCorpusFiles, statCorpusFiles } from './corpus/load.ts';
import { loadSearchIndex, SEARCH_OPTIONS_VERSION, searchInProcess, type BuiltSearch } from './search/search-index.ts';
import { buildSnapshot, persistSnapshot, restoreSnapshot, type CompanySeed, type CorpusSnapshot, type PersistedSnapshot } from './snapshot.ts';
import { EXTRACTION_VERSION } from './facts/version.ts';
import { silentLogger, type CoreLogger } from './logger.ts';

/** Bumped when the persisted format changes; part of the index hash. */
export const INDEX_FORMAT_VERSION = 3;

// The logger type has its own module; re-exported for callers that still import it here.
export type { CoreLogger } from './logger.ts';

/** Where the engine reads documents and keeps its index. */
export interface EngineOptions {
  documentsDir: string;
  /** Folder of the persisted index; none means never persisted. */
  indexDir?: string;
  /** YAML list of known companies (names only). */
  companiesFile?: string;
  logger?: CoreLogger;
}

const CompanySeedsSchema = z.array(
  z.object({
    name: z.string().min(1),
    aliases: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
    tickers: z.array(z.union([z.string(), z.number()]).transform(String)).default([]),
  }),
);

/** Read the seed list of companies. A broken file is logged and treated as empty. */
export function readCompanySeeds(file: string | undefined, logger: CoreLogger = silentLogger): { seeds: CompanySeed[]; text: string } {
  if (!file || !existsSync(file)) return { seeds: [], text: '' };
  const text = readFileSync(file, 'utf8');
  try {
    return { seeds: CompanySeedsSchema.parse(parseYaml(text) ?? []), text };
  } catch (error) {
    logger.error({ file, err: String(error) }, 'company list is invalid; continuing without it');
    return { seeds: [], text };
  }
}

/** Stats of the last load, for the console banner and the closing notes. */
export interface LoadStats {
  origin: 'built' | 'loaded';
  ms: number;
  documents: number;
  passages: number;
  facts: number;
}

/**
 * The query engine's corpus holder: loads documents, builds or restores the index,
 * re-indexes when files change, and hands out the current immutable snapshot.
 */
export class Engine {
  private current: CorpusSnapshot;
  private watcher: FSWatcher | null = null;
  private reloadTimer: NodeJS.Timeout | null = null;
  lastLoad: LoadStats;

  private constructor(
    readonly options: EngineOptions,
    snapshot: CorpusSnapshot,
    stats: LoadStats,
  ) {
    this.current = snapshot;
    this.lastLoad = stats;
  }

  /** Open the corpus: restore the persisted index when it matches, else build and persist. */
  static open(options: EngineOptions): Engine {
    const started = performance.now();
    const snapshot = loadOrBuild(options);
    if (!snapshot) throw new Error('unreachable: no current index to compare with');
    const engine = new Engine(options, snapshot, statsOf(snapshot, performance.now() - started));
    engine.logProblems(snapshot);
    return engine;
  }

  /** The snapshot answers are computed from. */
  get snapshot(): CorpusSnapshot {
    return this.current;
  }

  private get logger(): CoreLogger {
    return this.options.logger ?? silentLogger;
  }

  /**
   * Re-read the documents folder and swap in a new snapshot when anything changed.
   * A failure keeps the last good snapshot serving.
   */
  reload(): { changed: boolean; error?: string } {
    try {
      const started = performance.now();
      const next = loadOrBuild(this.options, this.current.hash);
      if (!next) return { changed: false };
      const previous = this.current;
      this.current = next;
      // Searches already running on the old index finish before its worker goes.
      setTimeout(() => previous.search.close(), 30_000).unref();
      this.lastLoad = statsOf(next, performance.now() - started);
      this.logger.info({ documents: next.documents.length, facts: next.facts.size, ms: Math.round(this.lastLoad.ms) }, 'corpus re-indexed');
      this.logProblems(next);
      return { changed: true };
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 're-index failed; the previous index keeps serving');
      return { changed: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Watch the documents folder and re-index shortly after files change. */
  watch(debounceMs = 400): void {
    if (this.watcher) return;
    try {
      this.watcher = watch(this.options.documentsDir, { recursive: false }, () => {
        if (this.reloadTimer) clearTimeout(this.reloadTimer);
        this.reloadTimer = setTimeout(() => {
          this.reloadTimer = null;
          this.reload();
        }, debounceMs);
      });
      this.watcher.on('error', (err) => this.logger.warn({ err: String(err) }, 'document folder watch failed; use `npm run ingest` and restart'));
    } catch (error) {
      this.logger.warn({ err: String(error) }, 'cannot watch the documents folder');
    }
  }

  /** Stop watching. */
  close(): void {
    this.current.search.close();
    this.watcher?.close();
    this.watcher = null;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = null;
  }

  private logProblems(snapshot: CorpusSnapshot): void {
    for (const p of snapshot.problems) {
      this.logger.warn({ file: p.file, field: p.field, skipped: p.skipped }, p.message);
    }
  }
}

function statsOf(s: CorpusSnapshot, ms: number): LoadStats {
  return { origin: s.origin, ms, documents: s.documents.length, passages: s.passages.length, facts: s.facts.size };
}

interface ManifestEntry {
  size: number;
  mtimeMs: number;
  hash: string;
}

/**
 * The small file that says which index files belong to which corpus. The big files are
 * named by the corpus hash and only read when the manifest matches the folder.
 */
interface IndexFile {
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

function corpusHash(files: ReadonlyArray<{ file: string; hash: string }>, companiesText: string): string {
  const h = createHash('sha256');
  h.update(`format=${INDEX_FORMAT_VERSION};search=${SEARCH_OPTIONS_VERSION};extract=${EXTRACTION_VERSION};code=${coreCodeHash()}\n`);
  h.update(createHash('sha256').update(companiesText).digest('hex'));
  for (const f of files) h.update(`\n${f.file}\0${f.hash}`);
  return h.digest('hex');
}

let codeHash: string | undefined;

/**
 * Hash of the core's source: any change to cleaning, extraction or search rebuilds the
 * persisted index, so a deploy never serves figures extracted by older rules.
 */
function coreCodeHash(): string {
  if (codeHash) return codeHash;
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(?:ts|js)$/u.test(name)) h.update(name).update(readFileSync(path));
    }
  };
  try {
    walk(import.meta.dirname);
  } catch {
    h.update('unreadable');
  }
  codeHash = h.digest('hex').slice(0, 16);
  return codeHash;
}

function readIndexFile(indexDir: string | undefined): (IndexFile & { dir: string }) | null {
  if (!indexDir) return null;
  try {
    const parsed = JSON.parse(readFileSync(indexPath(indexDir), 'utf8')) as IndexFile;
    return parsed.format === INDEX_FORMAT_VERSION && typeof parsed.searchFile === 'string' && typeof parsed.corpusFile === 'string' && Array.isArray(parsed.stop) ? { ...parsed, dir: indexDir } : null;
  } catch {
    return null;
  }
}

/** Restore a persisted snapshot; null when its files are missing or damaged. */
function restore(persisted: IndexFile & { dir: string }, logger: CoreLogger): CorpusSnapshot | null {
  const searchPath = join(persisted.dir, persisted.searchFile);
  if (!existsSync(searchPath)) return null;
  // The worker starts loading the search index first, in parallel with everything below.
  const search = loadSearchIndex(searchPath, persisted.stop);
  try {
    const snapshot = JSON.parse(readFileSync(join(persisted.dir, persisted.corpusFile), 'utf8')) as PersistedSnapshot;
    if (snapshot.hash !== persisted.hash) throw new Error('index files of different corpora');
    return restoreSnapshot(snapshot, search);
  } catch (error) {
    search.close();
    logger.warn({ dir: persisted.dir, err: String(error) }, 'persisted index unreadable; rebuilding');
    return null;
  }
}

/**
 * Decide from file sizes and modification times whether the persisted index still
 * matches; only then is it restored. Any difference re-reads and re-hashes the files.
 * Returns null when the corpus hash equals `currentHash` (nothing to do).
 */
function loadOrBuild(options: EngineOptions, currentHash?: string): CorpusSnapshot | null {
  const logger = options.logger ?? silentLogger;
  const { seeds, text: companiesText } = readCompanySeeds(options.companiesFile, logger);
  const persisted = readIndexFile(options.indexDir);
  if (persisted && manifestMatches(options.documentsDir, persisted.manifest)) {
    const files = Object.entries(persisted.manifest)
      .map(([file, e]) => ({ file, hash: e.hash }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const hash = corpusHash(files, companiesText);
    if (hash === currentHash) return null;
    if (hash === persisted.hash) {
      const restored = restore(persisted, logger);
      if (restored) return restored;
    }
  }
  const read = readCorpusFiles(options.documentsDir);
  const hash = corpusHash(read.files, companiesText);
  if (hash === currentHash) return null;
  if (persisted && persisted.hash === hash) {
    const restored = restore(persisted, logger);
    if (restored) return restored;
  }
  const manifest: Record<string, ManifestEntry> = {};
  for (const f of read.files) manifest[f.file] = { size: f.bytes.length, mtimeMs: f.mtimeMs, hash: f.hash };
  const indexDir = options.indexDir;
  const searchFile = `search-${hash.slice(0, 16)}.json`;
  let searchWritten = false;
  const snapshot = buildSnapshot(read.files, seeds, hash, read.problems, (built) => {
    if (indexDir) {
      try {
        writeSearchFile(indexDir, searchFile, built);
        searchWritten = true;
        return loadSearchIndex(join(indexDir, searchFile), [...built.stop]);
      } catch (error) {
        logger.warn({ dir: indexDir, err: String(error) }, 'could not write the search index; keeping it in memory');
      }
    }
    return searchInProcess(built);
  });
  if (indexDir && searchWritten) writeIndex(indexDir, manifest, snapshot, searchFile, logger);
  return snapshot;
}

function manifestMatches(documentsDir: string, manifest: Record<string, ManifestEntry>): boolean {
  const { files } = statCorpusFiles(documentsDir);
  if (files.length !== Object.keys(manifest).length) return false;
  return files.every((f) => {
    const entry = manifest[f.file];
    return entry !== undefined && entry.size === f.size && entry.mtimeMs === f.mtimeMs;
  });
}

/** Stream MiniSearch's JSON of a built index to its file (atomically). */
function writeSearchFile(indexDir: string, searchFile: string, built: BuiltSearch): void {
  mkdirSync(indexDir, { recursive: true });
  const tmp = join(indexDir, `${searchFile}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    built.serialize((chunk) => writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(indexDir, searchFile));
}

function writeIndex(indexDir: string, manifest: Record<string, ManifestEntry>, snapshot: CorpusSnapshot, searchFile: string, logger: CoreLogger): void {
  try {
    // The big files are named by the corpus hash and written first; the small index.json
    // that points to them is renamed into place last. Each rename is atomic, so a reader
    // sees the old index or the new one, never half of one.
    const corpusFile = `corpus-${snapshot.hash.slice(0, 16)}.json`;
    const corpusTmp = join(indexDir, `${corpusFile}.${process.pid}.tmp`);
    writeJsonInChunks(corpusTmp, persistSnapshot(snapshot));
    renameSync(corpusTmp, join(indexDir, corpusFile));
    const target = indexPath(indexDir);
    const tmp = `${target}.${process.pid}.tmp`;
    const data: IndexFile = { format: INDEX_FORMAT_VERSION, hash: snapshot.hash, manifest, corpusFile, searchFile, stop: [...snapshot.search.stop] };
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, target);
    for (const name of readdirSync(indexDir)) {
      if (/^(?:search|corpus)-[0-9a-f]+\.json$/u.test(name) && name !== searchFile && name !== corpusFile) rmSync(join(indexDir, name), { force: true });
    }
  } catch (error) {
    logger.warn({ dir: indexDir, err: String(error) }, 'could not persist the index; it will be rebuilt at next start');
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

