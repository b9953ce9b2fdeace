import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { miniSearchOptions } from '../../src/core/search/search-index.ts';

/**
 * The engine's persisted search index as a plain MiniSearch in this thread, for timing
 * `MiniSearch.search` against `/ask` on the same index. Reads the engine's index layout:
 * `index.json` names the search file and the stop terms the index was built without.
 */
export function loadPlainMiniSearch(indexDir: string): Pick<MiniSearch, 'search'> {
  const index = JSON.parse(readFileSync(join(indexDir, 'index.json'), 'utf8')) as { searchFile?: string; stop?: string[] };
  if (typeof index.searchFile !== 'string' || !Array.isArray(index.stop)) throw new Error(`${indexDir}/index.json does not name a search file: the engine's index layout changed`);
  return MiniSearch.loadJSON(readFileSync(join(indexDir, index.searchFile), 'utf8'), miniSearchOptions(new Set(index.stop)));
}
