// The search index of a restored corpus lives in this worker thread: it loads the
// persisted MiniSearch JSON while the main thread restores the figures, and answers
// searches without blocking the chat adapters. Plain JavaScript so that it runs the
// same under tsx, vitest and plain node. Queries arrive already tokenized.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import MiniSearch from 'minisearch';
import { postingBudget, searchTop, termsWithinBudget } from './query-budget.js';

const options = {
  idField: 'id',
  fields: ['text'],
  storeFields: [],
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term || null,
};

let mini = null;
try {
  mini = MiniSearch.loadJSON(readFileSync(workerData.path, 'utf8'), options);
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  parentPort.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}

parentPort.on('message', (msg) => {
  if (msg.type !== 'search' || !mini) return;
  try {
    const boosts = msg.boosts;
    const terms = termsWithinBudget(mini, msg.terms, new Set(msg.always), postingBudget(mini.documentCount));
    const results = searchTop(mini, terms.join(' '), { boostTerm: (term) => boosts[term] ?? 1, combineWith: 'OR' }, msg.limit);
    parentPort.postMessage({ type: 'results', id: msg.id, results });
  } catch (error) {
    parentPort.postMessage({ type: 'results', id: msg.id, error: error instanceof Error ? error.message : String(error) });
  }
});
