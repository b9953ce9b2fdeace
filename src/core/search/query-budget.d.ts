import type MiniSearch from 'minisearch';

/** The terms to score within a budget of postings; `always` terms are kept. */
export function termsWithinBudget(mini: MiniSearch<any>, terms: string[], always: Set<string>, budget: number): string[];
/** Postings a query may score, for an index over `documents` passages. */
export function postingBudget(documents: number): number;
/** The best `limit` passages for a query as `[id, score]`, ranked exactly as `mini.search` ranks them. */
export function searchTop(mini: MiniSearch<any>, query: string, options: import('minisearch').SearchOptions, limit: number): Array<[number, number]>;
