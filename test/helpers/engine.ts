import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CommandContext } from '../../commands/index.ts';
import { Engine } from '../../src/core/engine.ts';

/** The bundled corpus and company list of the repository. */
export const BUNDLED_DOCUMENTS = resolve(import.meta.dirname, '../../data/documents');
export const BUNDLED_COMPANIES = resolve(import.meta.dirname, '../../data/companies.yaml');

/**
 * One persisted index of the bundled corpus for every test file of this checkout: the
 * first file builds it (in the indexing worker), the others restore it. Its hash covers
 * the documents, the company list and the core's code, so a change rebuilds it.
 */
const SHARED_INDEX_DIR = join(tmpdir(), `finqa-test-index-${createHash('sha256').update(BUNDLED_DOCUMENTS).digest('hex').slice(0, 12)}`);

let shared: Engine | undefined;

/** An engine over the bundled corpus, built once per test file, index in a temp folder. */
export function bundledEngine(): Engine {
  shared ??= Engine.open({ documentsDir: BUNDLED_DOCUMENTS, companiesFile: BUNDLED_COMPANIES, indexDir: SHARED_INDEX_DIR });
  return shared;
}

/** A command context over the bundled corpus with a fixed clock. */
export function bundledContext(overrides: Partial<CommandContext> = {}): CommandContext {
  return { engine: bundledEngine(), now: () => new Date('2025-05-12T09:00:00Z'), ...overrides };
}
