import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { Engine } from '../src/core/engine.ts';

/**
 * Index the bundled corpus once for the whole run. Test files open it from this folder
 * (the production path: a persisted index restored, its search in a worker thread)
 * instead of each extracting and indexing the corpus again; the command-line tests the
 * suite spawns get it through INDEX_DIR. Tests of indexing itself use their own folders.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of the bundled corpus's persisted index, built before the first test file. */
    bundledIndexDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'finqa-shared-index-'));
  const root = resolve(import.meta.dirname, '..');
  const engine = Engine.open({ documentsDir: join(root, 'data/documents'), companiesFile: join(root, 'data/companies.yaml'), indexDir: dir });
  engine.close();
  project.provide('bundledIndexDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
