import { Worker } from 'node:worker_threads';
import MiniSearch, { type Options } from 'minisearch';
import type { CompanyRegistry } from '../companies/registry.ts';
import type { CorpusDocument } from '../corpus/document.ts';
import { fold } from '../text/fold.ts';
import { crossLanguageTerms } from '../text/glossary.ts';
import { tokenizeFolded } from '../text/tokenize.ts';
import { splitPassages } from './passages.ts';
import { postingBudget, searchTop, termsWithinBudget } from './query-budget.js';

/** A passage in the index: which document and where. */
export interface PassageRecord {
  /** Index into the snapshot's document list. */
  doc: number;
  start: number;
  end: number;
  /** Ids of companies named in the passage. */
  companies: string[];
  /** Mostly Chinese (a bilingual transcript has English and Chinese passages). */
  han: boolean;
}

interface IndexedPassage {
  id: number;
  text: string;
}

/** Term that stands for a company in a passage's terms; never a word of any text. */
export function companyTerm(id: string): string {
  return `co${fold(id).replace(/[^\p{L}\p{N}]+/gu, '')}`;
}

/** Changing these changes the index: they are part of the persisted index's hash. */
export const SEARCH_OPTIONS_VERSION = 'passages-v4;field=text+company-terms;tok=bigram+t2s+porter;stop=df1%';

/**
 * Terms in more passages than this are left out of the index and of queries, as stop
 * words are: they rank next to nothing and their long posting lists are what makes
 * search slow and the index large. Small corpora keep every term.
 */
export function stopThreshold(passages: number): number {
  return Math.max(4000, Math.floor(passages * 0.01));
}

/** MiniSearch options for an index whose stop terms are `stop`. */
export function miniSearchOptions(stop: ReadonlySet<string>): Options<IndexedPassage> {
  const keep = (t: string) => !stop.has(t);
  return {
    idField: 'id',
    fields: ['text'],
    storeFields: [],
    tokenize: (text) => tokenizeFolded(fold(text)).filter(keep),
    processTerm: (term) => term || null,
    searchOptions: {
      tokenize: (text) => tokenizeFolded(text).filter(keep),
      processTerm: (term) => term,
    },
  };
}

/** A search index in this thread, with the stop terms it was built with. */
export interface SearchIndex {
  mini: MiniSearch<IndexedPassage>;
  stop: ReadonlySet<string>;
}

/** Postings counted for a corpus, ready to be written in MiniSearch's format. */
export interface BuiltSearch {
  passages: PassageRecord[];
  stop: ReadonlySet<string>;
  /**
   * Emit MiniSearch's serialization (version 2) of the index in pieces, releasing the
   * postings as it goes; callable once.
   */
  serialize(emit: (chunk: string) => void): void;
}

/**
 * Count passages and postings for the search index. The postings are counted here in
 * plain arrays and written in MiniSearch's own serialization format, which `loadJSON`
 * reads: adding passages through `add` one term at a time costs several times more at
 * this size, and the JSON is what is persisted and loaded anyway.
 */
export function buildSearchIndex(documents: readonly CorpusDocument[], registry: CompanyRegistry): BuiltSearch {
  const passages: PassageRecord[] = [];
  const vocab: string[] = [];
  const ids = new Map<string, number>();
  const df: number[] = [];
  const lastSeen: number[] = [];
  const termsOf: Int32Array[] = [];
  const intern = (term: string): number => {
    let id = ids.get(term);
    if (id === undefined) {
      id = vocab.length;
      ids.set(term, id);
      vocab.push(term);
      df.push(0);
      lastSeen.push(-1);
    }
    return id;
  };
  // Pass 1: passages, the companies they name, their terms, and each term's passage count.
  documents.forEach((doc, d) => {
    for (const span of splitPassages(doc.text)) {
      const folded = fold(doc.text.slice(span.start, span.end));
      const named = new Set(registry.mentionsInFolded(folded).map((m) => m.company.id));
      const p = passages.length;
      const han = (folded.match(HAN_CHAR)?.length ?? 0) * 4 > folded.length;
      passages.push({ doc: d, start: span.start, end: span.end, companies: [...named], han });
      // The primary company counts as named in every passage of its document.
      named.add(doc.company);
      const tokens = tokenizeFolded(folded);
      const terms = new Int32Array(tokens.length + named.size);
      let k = 0;
      for (const t of tokens) terms[k++] = intern(t);
      for (const c of named) terms[k++] = intern(companyTerm(c));
      for (const id of terms) {
        if (lastSeen[id] !== p) {
          lastSeen[id] = p;
          df[id]! += 1;
        }
      }
      termsOf.push(terms);
    }
  });
  ids.clear();
  const limit = stopThreshold(passages.length);
  const isStop = df.map((n, id) => n > limit && !vocab[id]!.startsWith('co'));
  // Pass 2: postings per term (passage, count), and each passage's count of distinct terms.
  const postings: number[][] = vocab.map(() => []);
  const fieldLength: number[] = [];
  const tf = new Map<number, number>();
  termsOf.forEach((terms, p) => {
    tf.clear();
    for (const id of terms) if (!isStop[id]) tf.set(id, (tf.get(id) ?? 0) + 1);
    fieldLength.push(tf.size);
    for (const [id, n] of tf) postings[id]!.push(p, n);
    termsOf[p] = EMPTY;
  });
  const stop = new Set(vocab.filter((_, id) => isStop[id]));
  return { passages, stop, serialize: (emit) => serializeMiniSearch(vocab, postings, fieldLength, emit) };
}

const EMPTY = new Int32Array(0);
const HAN_CHAR = /[\u3400-\u9fff]/gu;

/** MiniSearch's serialization (version 2) of a one-field index over passages 0..n-1. */
function serializeMiniSearch(vocab: readonly string[], postings: number[][], fieldLength: readonly number[], emit: (chunk: string) => void): void {
  const n = fieldLength.length;
  const average = n ? fieldLength.reduce((a, b) => a + b, 0) / n : 0;
  const CHUNK = 5000;
  emit(`{"documentCount":${n},"nextId":${n},"documentIds":{`);
  for (let i = 0; i < n; i += CHUNK) emit(`${i ? ',' : ''}${Array.from({ length: Math.min(CHUNK, n - i) }, (_, k) => `"${i + k}":${i + k}`).join(',')}`);
  emit('},"fieldIds":{"text":0},"fieldLength":{');
  for (let i = 0; i < n; i += CHUNK) emit(`${i ? ',' : ''}${fieldLength.slice(i, i + CHUNK).map((len, k) => `"${i + k}":[${len}]`).join(',')}`);
  emit(`},"averageFieldLength":[${average}],"storedFields":{},"dirtCount":0,"index":[`);
  let first = true;
  let buffer: string[] = [];
  vocab.forEach((term, id) => {
    const list = postings[id]!;
    postings[id] = [];
    if (list.length === 0) return;
    const entries: string[] = [];
    for (let i = 0; i < list.length; i += 2) entries.push(`"${list[i]}":${list[i + 1]}`);
    buffer.push(`${first ? '' : ','}[${JSON.stringify(term)},{"0":{${entries.join(',')}}}]`);
    first = false;
    if (buffer.length >= 500) {
      emit(buffer.join(''));
      buffer = [];
    }
  });
  emit(buffer.join(''));
  emit('],"serializationVersion":2}');
}

/** Keep a built index in this thread (no index folder to persist it in). */
export function searchInProcess(built: BuiltSearch): SearchHandle {
  const parts: string[] = [];
  built.serialize((chunk) => parts.push(chunk));
  const mini = MiniSearch.loadJSON<IndexedPassage>(parts.join(''), miniSearchOptions(built.stop));
  return readySearch({ mini, stop: built.stop });
}

/** An index from MiniSearch's JSON, kept in this thread (built elsewhere, no index folder). */
export function searchFromJson(json: string, stop: readonly string[]): SearchHandle {
  const stopSet = new Set(stop);
  const mini = MiniSearch.loadJSON<IndexedPassage>(json, miniSearchOptions(stopSet));
  return readySearch({ mini, stop: stopSet });
}

/** A passage found by the index, with its BM25 score. */
export interface Hit {
  id: number;
  score: number;
}

/** A query for the index: terms already tokenized, and a boost per term. */
export interface IndexQuery {
  terms: string[];
  /** Terms scored whatever their cost (the named companies). */
  always: string[];
  boosts: Record<string, number>;
  limit: number;
}

/**
 * The search index of a snapshot. A freshly built one searches in this thread; one
 * restored from disk is loaded by a worker thread in parallel with the rest of the
 * snapshot, and searches there, so a large index never blocks the bot.
 */
export interface SearchHandle {
  stop: ReadonlySet<string>;
  /** Resolves when searches can run (at once for a built index). */
  ready: Promise<void>;
  search(query: IndexQuery): Promise<Hit[]>;
  /** The in-thread index, when there is one (persisting, benchmarks). */
  current: SearchIndex | null;
  close(): void;
}

function runQuery(mini: MiniSearch<IndexedPassage>, q: IndexQuery): Hit[] {
  const terms = termsWithinBudget(mini, q.terms, new Set(q.always), postingBudget(mini.documentCount));
  return searchTop(mini, terms.join(' '), { boostTerm: (term) => q.boosts[term] ?? 1, combineWith: 'OR' }, q.limit).map(([id, score]) => ({ id, score }));
}

/** A handle to an index that is already in this thread. */
export function readySearch(index: SearchIndex): SearchHandle {
  return {
    stop: index.stop,
    ready: Promise.resolve(),
    current: index,
    search: async (q) => runQuery(index.mini, q),
    close: () => undefined,
  };
}

/**
 * Load a persisted index in a worker thread. Searches wait until it is ready; a worker
 * that fails makes them fail, and the caller answers with an error.
 */
export function loadSearchIndex(path: string, stop: readonly string[]): SearchHandle {
  const worker = new Worker(new URL('./search-worker.js', import.meta.url), { workerData: { path } });
  const pending = new Map<number, { resolve: (hits: Hit[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  let waiting = 0;
  let failure: Error | null = null;
  let markReady!: () => void;
  let markFailed!: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  ready.catch(() => undefined);
  const fail = (error: Error) => {
    failure = error;
    worker.unref();
    markFailed(error);
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (msg: { type: string; id?: number; results?: Array<[number, number]>; error?: string; message?: string }) => {
    if (msg.type === 'ready') {
      markReady();
      if (waiting === 0) worker.unref();
    }
    else if (msg.type === 'failed') fail(new Error(`search index could not be loaded: ${msg.message}`));
    else if (msg.type === 'results' && msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (!p) return;
      if (msg.error) p.reject(new Error(msg.error));
      else p.resolve((msg.results ?? []).map(([id, score]) => ({ id, score })));
    }
  });
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) fail(new Error(`search worker exited with code ${code}`));
  });
  // The worker holds the process while it loads (so `ready` can be awaited); once idle it
  // does not, and is held again only while a search waits.
  return {
    stop: new Set(stop),
    ready,
    current: null,
    async search(q) {
      // Held while a search waits, for the index to load or for its answer.
      waiting += 1;
      worker.ref();
      try {
        await ready;
        if (failure) throw failure;
        const id = next++;
        return await new Promise<Hit[]>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker.postMessage({ type: 'search', id, ...q });
        });
      } finally {
        waiting -= 1;
        if (waiting === 0) worker.unref();
      }
    },
    close() {
      void worker.terminate();
    },
  };
}

/** What a search is about, beyond its words. */
export interface SearchHints {
  /** Companies the question names. */
  companies: string[];
}

/** At most this many words of the other language join a query. */
const MAX_CROSS_TERMS = 6;

/**
 * Search passages for a question. One MiniSearch pass over the question's words, a few
 * words of the other language for them (weighted lower) and the named companies' terms.
 */
export function searchIndex(index: SearchHandle, question: string, hints: SearchHints, limit = 50): Promise<Hit[]> {
  const folded = fold(question);
  const keep = (t: string) => !index.stop.has(t);
  const own = [...new Set(tokenizeFolded(folded))].filter(keep);
  const ownSet = new Set(own);
  const cross = [...new Set(tokenizeFolded(crossLanguageTerms(folded).join(' ')))].filter((t) => !ownSet.has(t) && keep(t)).slice(0, MAX_CROSS_TERMS);
  const boosts: Record<string, number> = {};
  for (const t of cross) boosts[t] = 0.6;
  const companies = hints.companies.map(companyTerm);
  for (const t of companies) boosts[t] = 1.5;
  return index.search({ terms: [...own, ...cross, ...companies], always: companies, boosts, limit });
}
