import { resolve } from 'node:path';
import { inject } from 'vitest';
import type { CommandContext } from '../../commands/index.ts';
import { Engine } from '../../src/core/engine.ts';

/** The bundled corpus and company list of the repository. */
export const BUNDLED_DOCUMENTS = resolve(import.meta.dirname, '../../data/documents');
export const BUNDLED_COMPANIES = resolve(import.meta.dirname, '../../data/companies.yaml');

let shared: Engine | undefined;

/** The bundled corpus's persisted index, made ready before the run by test/global-setup.ts. */
export function bundledIndexDir(): string {
  return inject('bundledIndexDir');
}

/** An engine over the bundled corpus, opened once per test file from the run's shared index. */
export function bundledEngine(): Engine {
  shared ??= Engine.open({ documentsDir: BUNDLED_DOCUMENTS, companiesFile: BUNDLED_COMPANIES, indexDir: bundledIndexDir() });
  return shared;
}

/** A command context over the bundled corpus with a fixed clock. */
export function bundledContext(overrides: Partial<CommandContext> = {}): CommandContext {
  return { engine: bundledEngine(), now: () => new Date('2025-05-12T09:00:00Z'), ...overrides };
}
