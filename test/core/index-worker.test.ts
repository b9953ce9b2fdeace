import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.ts';
import { buildInWorker } from '../../src/core/indexing/run-build.ts';
import { BUNDLED_DOCUMENTS } from '../helpers/engine.ts';

describe('the indexing worker', () => {
  it('reports a failure to its waiting parent instead of leaving it waiting', () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'finqa-missing-')), 'nowhere');
    expect(() => Engine.open({ documentsDir: missing })).toThrow(/cannot read the documents folder/u);
  });

  it('builds without blocking its caller, and says when nothing changed', async () => {
    const request = { documentsDir: BUNDLED_DOCUMENTS, budgetMs: 2000, budgetMsPerKb: 4, passagesOnly: [] };
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    const built = await buildInWorker(request);
    clearInterval(timer);
    expect(built.kind).toBe('built');
    // The caller's event loop ran all along.
    expect(ticks).toBeGreaterThan(5);
    if (built.kind !== 'built') return;
    expect(built.snapshot.documents).toHaveLength(4);
    expect((await buildInWorker({ ...request, currentHash: built.snapshot.hash })).kind).toBe('unchanged');
  });
});
