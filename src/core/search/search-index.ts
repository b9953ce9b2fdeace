import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { CompanyRegistry } from '../companies/registry.ts';
import type { CorpusDocument } from '../corpus/document.ts';
import { fold, foldWithMap } from '../text/fold.ts';
import { crossLanguageTerms } from '../text/glossary.ts';
import { tokenize, tokenizeFolded } from '../text/tokenize.ts';
import { splitPassages } from './passages.ts';

/** A passage in the index: which document and where. */
export interface PassageRecord {
  /** Index into the snapshot's document list. */
  doc: number;
  start: number;
  end: number;
  /** Ids of companies named in the passage. */
  companies: string[];
}

interface IndexedPassage {
  id: number;
  text: string;
  title: string;
  companies: string;
}

/** Term that stands for a company in the `companies` field; never a word of any text. */
export function companyTerm(id: string): string {
  return `co${fold(id).replace(/[^\p{L}\p{N}]+/gu, '')}`;
}

/** Changing these changes the index: they are part of the persisted index's hash. */
export const SEARCH_OPTIONS_VERSION = 'passages-v2;fields=text,title,companies;tok=seg+bigram+t2s+porter';

/** MiniSearch options shared by building and loading the index. */
export const miniSearchOptions: Options<IndexedPassage> = {
  idField: 'id',
  fields: ['text', 'title', 'companies'],
  storeFields: [],
  tokenize: (text, field) => (field === 'companies' ? text.split(' ') : tokenize(text)),
  processTerm: (term) => term,
  searchOptions: {
    tokenize: (text) => tokenizeFolded(text),
    processTerm: (term) => term,
  },
};

/** Build passages and the search index for a set of documents. */
export function buildSearchIndex(
  documents: readonly CorpusDocument[],
  registry: CompanyRegistry,
): { passages: PassageRecord[]; index: MiniSearch<IndexedPassage> } {
  const passages: PassageRecord[] = [];
  const index = new MiniSearch<IndexedPassage>(miniSearchOptions);
  const batch: IndexedPassage[] = [];
  documents.forEach((doc, d) => {
    const title = doc.title;
    for (const span of splitPassages(doc.text)) {
      const text = doc.text.slice(span.start, span.end);
      const folded = foldWithMap(text);
      const named = new Set(registry.mentionsInFolded(folded.text).map((m) => m.company.id));
      const companies = [...named];
      const id = passages.length;
      passages.push({ doc: d, start: span.start, end: span.end, companies });
      // The primary company counts as named in every passage of its document, weaker.
      batch.push({ id, text, title, companies: [...companies, doc.company].map(companyTerm).join(' ') });
    }
  });
  index.addAll(batch);
  return { passages, index };
}

/** Load a persisted MiniSearch index. */
export function loadSearchIndex(json: string): MiniSearch<IndexedPassage> {
  return MiniSearch.loadJSON<IndexedPassage>(json, miniSearchOptions);
}

/** What a search is about, beyond its words. */
export interface SearchHints {
  /** Companies the question names. */
  companies: string[];
  /** Years the question names. */
  years: number[];
}

const FUZZY_MIN = 5;

/**
 * Search passages for a question. One MiniSearch pass over the question's words, the
 * other language's words for them (weighted lower) and the named companies' terms.
 */
export function searchIndex(index: MiniSearch<IndexedPassage>, question: string, hints: SearchHints, limit = 50): SearchResult[] {
  const folded = fold(question);
  const own = new Set(tokenizeFolded(folded));
  const cross = crossLanguageTerms(folded);
  const companyTerms = hints.companies.map(companyTerm);
  const companySet = new Set(companyTerms);
  const query = [folded, ...cross, ...companyTerms].join(' ');
  const isLatinWord = (t: string) => /^[a-z][a-z&]*$/u.test(t);
  // The glossary gives the other language's words; English ones are stemmed like the index.
  const crossTokens = tokenizeFolded(cross.join(' '));
  const crossSet2 = new Set(crossTokens);
  const results = index.search(query, {
    boost: { text: 1, title: 0.3, companies: 1 },
    boostTerm: (term) => (companySet.has(term) ? 1.5 : crossSet2.has(term) && !own.has(term) ? 0.6 : 1),
    fuzzy: (term) => (isLatinWord(term) && term.length >= FUZZY_MIN && !companySet.has(term) ? 0.2 : false),
    prefix: (term) => isLatinWord(term) && term.length >= 4 && !companySet.has(term),
    weights: { fuzzy: 0.3, prefix: 0.5 },
    combineWith: 'OR',
  });
  return results.slice(0, limit);
}
