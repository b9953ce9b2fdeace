import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInput } from '../../commands/index.ts';
import type { Engine } from '../../src/core/engine.ts';
import { openTimed, scratchCorpus } from './hostile-corpus.ts';

/**
 * Re-indexing runs in a worker: while a slow document is being indexed the bot answers
 * from the last good snapshot at once, and its event loop (Slack and Discord
 * acknowledgements) is never held.
 */
describe('answers while a slow document is being indexed', () => {
  const { docs, index } = scratchCorpus();
  const { engine } = openTimed(docs, index);
  const engines: Engine[] = [engine];
  afterAll(() => {
    for (const e of engines) e.close();
  });

  it('answers a question within 100 ms from the last good snapshot, then swaps in the new one', async () => {
    const before = engine.snapshot;
    const ctx = { engine, now: () => new Date('2025-05-12T09:00:00Z') };
    // Warm the answering path once: the measure is of waiting, not of first-call costs.
    expect((await runInput('/metric cloudwalk revenue 2024', ctx)).status).toBe('answered');

    // Figures in one endless sentence, 3 MB of it: seconds of extraction in the worker
    // (linear in the length, so within the default budget, which grows with it). A smaller
    // one is indexed before the questions below are asked on a fast machine.
    writeFileSync(join(docs, 'no-stops.md'), `---\ntitle: No stops\ncompany: CloudWalk Technology\n---\n${'云从科技2023年营收为5.12亿元，'.repeat(60_000)}\n`);
    writeFileSync(join(docs, 'zeta.md'), '---\ntitle: Zeta\ncompany: Zeta AI\n---\nIn 2023, Zeta AI revenue was RMB 88.8 million.\n');
    const reload = engine.reload();
    // Wait until the worker is busy with the slow document (past start-up and the others).
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(engine.indexing).toBe(true);

    const lags: number[] = [];
    const timesMs: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const tick = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      lags.push(performance.now() - tick);
      const started = performance.now();
      const answer = await runInput('/metric cloudwalk revenue 2024', ctx);
      timesMs.push(performance.now() - started);
      expect(answer.status).toBe('answered');
      expect(answer.figures[0]!.value).toBe(398e6);
    }
    expect(engine.indexing).toBe(true);
    expect(engine.snapshot).toBe(before);
    expect(Math.max(...timesMs)).toBeLessThan(100);
    expect(Math.max(...lags)).toBeLessThan(100);

    const result = await reload;
    expect(result.changed).toBe(true);
    expect(engine.snapshot).not.toBe(before);
    // The slow document is in the new snapshot (its budget is tested in hostile-documents.test.ts).
    const slow = engine.snapshot.documents.findIndex((d) => d.file === 'no-stops.md');
    expect(engine.snapshot.passages.some((p) => p.doc === slow)).toBe(true);
    expect((await runInput('/metric zeta ai revenue 2023', ctx)).figures[0]?.value).toBe(88.8e6);
  });
});
