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
