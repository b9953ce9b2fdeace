import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { Engine } from '../src/core/engine.ts';

/**
 * Index the bundled corpus once, before the first test file. Test files open it from this
 * folder (the production path: a persisted index restored, its search in a worker thread)
 * instead of each extracting and indexing the corpus again; the command-line tests the
 * suite spawns get it through INDEX_DIR. Tests of indexing itself use their own folders.
 * The folder is one per checkout and outlives the run: its hash covers the documents, the
 * company list and the core's code, so a later run restores it, and a change rebuilds it
 * (in the indexing worker, like any build).
 */

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of the bundled corpus's persisted index, built before the first test file. */
    bundledIndexDir: string;
  }
}

export default function setup(project: TestProject): void {
  const root = resolve(import.meta.dirname, '..');
  const documentsDir = join(root, 'data/documents');
  const dir = join(tmpdir(), `finqa-test-index-${createHash('sha256').update(documentsDir).digest('hex').slice(0, 12)}`);
  const engine = Engine.open({ documentsDir, companiesFile: join(root, 'data/companies.yaml'), indexDir: dir });
  engine.close();
  project.provide('bundledIndexDir', dir);
}
