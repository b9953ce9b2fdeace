import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import {
  corpusHash,
  manifestMatches,
  readCompanySeeds,
  readIndexFile,
  type BuildRequest,
  type BuildResult,
  type IndexFile,
} from './indexing/corpus-build.ts';
import { buildInWorker, buildInWorkerSync, DEFAULT_EXTRACT_BUDGET_MS, DEFAULT_EXTRACT_BUDGET_MS_PER_KB } from './indexing/run-build.ts';
import type { ReadLimits } from './corpus/load.ts';
import { silentLogger, type CoreLogger } from './logger.ts';
import { loadSearchIndex, searchFromJson } from './search/search-index.ts';
import { restoreSnapshot, type CorpusSnapshot, type PersistedSnapshot } from './snapshot.ts';

export { INDEX_FORMAT_VERSION, readCompanySeeds } from './indexing/corpus-build.ts';
// The logger type has its own module; re-exported for callers that still import it here.
export type { CoreLogger } from './logger.ts';

/** Where the engine reads documents and keeps its index. */
export interface EngineOptions {
  documentsDir: string;
  /** Folder of the persisted index; none means never persisted. */
  indexDir?: string;
  /** YAML list of known companies (names only). */
  companiesFile?: string;
  /** Size limits of one document file (PDFs have their own, larger one). */
  limits?: ReadLimits;
  logger?: CoreLogger;
  /**
   * Time one document's figure extraction may take, plus `extractBudgetMsPerKb` for each
   * KB of its text; a document over it is indexed as passages only, with a warning
   * naming it. Defaults `DEFAULT_EXTRACT_BUDGET_MS` and `DEFAULT_EXTRACT_BUDGET_MS_PER_KB`.
   */
  extractBudgetMs?: number;
  extractBudgetMsPerKb?: number;
  /**
   * Corpora of at least this much text are handed from the indexing worker to this thread
   * through the index file instead of a message, so the build is never held twice at its
   * peak. Default `HAND_OVER_BY_FILE_CHARS` (only with an index folder).
   */
  handOverByFileChars?: number;
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
  private pending: Promise<{ changed: boolean; error?: string }> | null = null;
  private again = false;
  private closed = false;
  lastLoad: LoadStats;

  private constructor(
    readonly options: EngineOptions,
    snapshot: CorpusSnapshot,
    stats: LoadStats,
  ) {
    this.current = snapshot;
    this.lastLoad = stats;
  }

  /**
   * Open the corpus: restore the persisted index when it matches, else build it in the
   * indexing worker and wait for it (there is nothing to answer from before).
   */
  static open(options: EngineOptions): Engine {
    const started = performance.now();
    const snapshot = openSync(options);
    const engine = new Engine(options, snapshot, statsOf(snapshot, performance.now() - started));
    engine.logProblems(snapshot);
    return engine;
  }

  /** True while a re-index runs in the worker (the current snapshot keeps answering). */
  get indexing(): boolean {
    return this.pending !== null;
  }

  /** The snapshot answers are computed from. */
  get snapshot(): CorpusSnapshot {
    return this.current;
  }

  private get logger(): CoreLogger {
    return this.options.logger ?? silentLogger;
  }

  /**
   * Re-read the documents folder in the indexing worker and swap in a new snapshot when
   * anything changed. Answers go on from the current snapshot meanwhile; a failure
   * keeps it serving. A call while one runs waits for it and then runs once more.
   */
  reload(): Promise<{ changed: boolean; error?: string }> {
    if (this.pending) {
      this.again = true;
      return this.pending;
    }
    const run = async (): Promise<{ changed: boolean; error?: string }> => {
      let outcome: { changed: boolean; error?: string } = { changed: false };
      do {
        this.again = false;
        outcome = await this.reloadOnce();
      } while (this.again && !this.closed);
      return outcome;
    };
    this.pending = run().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async reloadOnce(): Promise<{ changed: boolean; error?: string }> {
    try {
      const started = performance.now();
      const result = await buildInWorker(requestOf(this.options, this.current.hash));
      if (this.closed) return { changed: false };
      const next = materialize(result, this.options);
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
          void this.reload();
        }, debounceMs);
      });
      this.watcher.on('error', (err) => this.logger.warn({ err: String(err) }, 'document folder watch failed; use `npm run ingest` and restart'));
    } catch (error) {
      this.logger.warn({ err: String(error) }, 'cannot watch the documents folder');
    }
  }

  /** Stop watching. */
  close(): void {
    this.closed = true;
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

function requestOf(options: EngineOptions, currentHash?: string, ignorePersisted = false): BuildRequest {
  return {
    documentsDir: options.documentsDir,
    indexDir: options.indexDir,
    companiesFile: options.companiesFile,
    limits: options.limits,
    currentHash,
    ignorePersisted,
    budgetMs: options.extractBudgetMs ?? DEFAULT_EXTRACT_BUDGET_MS,
    budgetMsPerKb: options.extractBudgetMsPerKb ?? DEFAULT_EXTRACT_BUDGET_MS_PER_KB,
    passagesOnly: [],
    handOverByFileChars: options.handOverByFileChars,
  };
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
 * The snapshot a worker's build result stands for: built (its search index loaded from
 * the file the worker wrote, or from its JSON), restored from the persisted index, or
 * null when nothing changed or the persisted index could not be read.
 */
function materialize(result: BuildResult, options: EngineOptions): CorpusSnapshot | null {
  const logger = options.logger ?? silentLogger;
  if (result.kind === 'unchanged') return null;
  if (result.kind === 'restore' || result.kind === 'written') {
    if (result.kind === 'written') for (const w of result.warnings) logger.warn(w.obj, w.msg);
    const persisted = readIndexFile(options.indexDir);
    const restored = persisted ? restore(persisted, logger) : null;
    if (!restored) throw new Error('the persisted index could not be read');
    return result.kind === 'written' ? { ...restored, origin: 'built' } : restored;
  }
  for (const w of result.warnings) logger.warn(w.obj, w.msg);
  const search = result.searchFile ? loadSearchIndex(result.searchFile, result.stop) : searchFromJson(result.searchJson ?? '', result.stop);
  return { ...restoreSnapshot(result.snapshot, search), origin: 'built' };
}

/**
 * The snapshot to start from: the persisted index when its manifest and hash match the
 * folder (checked from sizes and times first, cheaply), else a build in the worker.
 */
function openSync(options: EngineOptions): CorpusSnapshot {
  const logger = options.logger ?? silentLogger;
  const persisted = readIndexFile(options.indexDir);
  if (persisted && manifestMatches(options.documentsDir, persisted.manifest)) {
    const { text: companiesText } = readCompanySeeds(options.companiesFile, logger);
    const files = Object.entries(persisted.manifest)
      .map(([file, e]) => ({ file, hash: e.hash }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    if (corpusHash(files, companiesText) === persisted.hash) {
      const restored = restore(persisted, logger);
      if (restored) return restored;
    }
  }
  const built = buildInWorkerSync(requestOf(options));
  try {
    const snapshot = materialize(built, options);
    if (snapshot) return snapshot;
  } catch {
    // The persisted index matched by content but could not be read: build it anew.
  }
  const rebuilt = materialize(buildInWorkerSync(requestOf(options, undefined, true)), options);
  if (!rebuilt) throw new Error('unreachable: no current index to compare with');
  return rebuilt;
}
