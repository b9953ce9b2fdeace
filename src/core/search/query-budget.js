// Which query terms to score: the named companies' terms always, then the other terms
// from the rarest up while their posting lists fit a budget. Common terms rank next to
// nothing and cost the most, so a long question over a large corpus stays fast. Shared
// by the search worker and the in-thread index, hence plain JavaScript.

/**
 * @param {import('minisearch').default} mini
 * @param {string[]} terms
 * @param {Set<string>} always
 * @param {number} budget
 * @returns {string[]}
 */
export function termsWithinBudget(mini, terms, always, budget) {
  // MiniSearch keeps postings per term in `_index` (a SearchableMap of field maps).
  const index = mini._index;
  if (!index || typeof index.get !== 'function') return terms;
  const size = (term) => {
    const fields = index.get(term);
    if (!fields) return 0;
    let n = 0;
    for (const postings of fields.values()) n += postings.size;
    return n;
  };
  const kept = terms.filter((t) => always.has(t));
  const rest = terms.filter((t) => !always.has(t)).map((t) => [t, size(t)]).filter(([, n]) => n > 0);
  rest.sort((a, b) => a[1] - b[1]);
  let left = budget;
  for (const [term, n] of rest) {
    if (n > left) continue;
    kept.push(term);
    left -= n;
  }
  return kept;
}

/** Postings a query may score, for an index over `documents` passages. */
export function postingBudget(documents) {
  return Math.max(6000, Math.floor(documents * 0.02));
}

const byScore = (a, b) => b.score - a.score;

/**
 * The best `limit` passages for a query, as `[id, score]` pairs: what `mini.search` ranks,
 * without the result object it builds for every passage matched (the matched terms of
 * each, its stored fields), which cost as much as the scoring on a large index. Same
 * scores (a passage's score times the number of query terms it matched, as `search`
 * gives it) and the same order (the same stable sort on the same list).
 *
 * @param {import('minisearch').default} mini
 * @param {string} query
 * @param {import('minisearch').SearchOptions} options
 * @param {number} limit
 * @returns {Array<[number, number]>}
 */
export function searchTop(mini, query, options, limit) {
  const hits = [];
  for (const [docId, { score, terms }] of mini.executeQuery(query, options)) hits.push({ id: mini._documentIds.get(docId), score: score * (terms.length || 1) });
  hits.sort(byScore);
  return hits.slice(0, limit).map((h) => [h.id, h.score]);
}
