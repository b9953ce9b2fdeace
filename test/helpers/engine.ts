import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CommandContext } from '../../commands/index.ts';
import { Engine } from '../../src/core/engine.ts';

/** The bundled corpus and company list of the repository. */
export const BUNDLED_DOCUMENTS = resolve(import.meta.dirname, '../../data/documents');
export const BUNDLED_COMPANIES = resolve(import.meta.dirname, '../../data/companies.yaml');

let shared: Engine | undefined;

/** An engine over the bundled corpus, built once per test file, index in a temp folder. */
export function bundledEngine(): Engine {
  shared ??= Engine.open({ documentsDir: BUNDLED_DOCUMENTS, companiesFile: BUNDLED_COMPANIES, indexDir: mkdtempSync(join(tmpdir(), 'finqa-index-')) });
  return shared;
}

/** A command context over the bundled corpus with a fixed clock. */
export function bundledContext(overrides: Partial<CommandContext> = {}): CommandContext {
  return { engine: bundledEngine(), now: () => new Date('2025-05-12T09:00:00Z'), ...overrides };
}
