import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInput } from '../../commands/index.ts';
import { Engine } from '../../src/core/engine.ts';
import { buildCorpus } from '../../src/core/indexing/corpus-build.ts';
import { BUNDLED_COMPANIES, BUNDLED_DOCUMENTS } from '../helpers/engine.ts';

function workspace(): { documentsDir: string; indexDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'finqa-engine-'));
  const documentsDir = join(root, 'documents');
  cpSync(BUNDLED_DOCUMENTS, documentsDir, { recursive: true });
  return { documentsDir, indexDir: join(root, 'index') };
}

describe('engine', () => {
  it('persists the index and restores it when nothing changed', () => {
    const dirs = workspace();
    const first = Engine.open({ ...dirs, companiesFile: BUNDLED_COMPANIES });
    expect(first.lastLoad.origin).toBe('built');
    const second = Engine.open({ ...dirs, companiesFile: BUNDLED_COMPANIES });
    expect(second.lastLoad.origin).toBe('loaded');
    expect(second.snapshot.hash).toBe(first.snapshot.hash);
    expect(second.snapshot.facts.size).toBe(first.snapshot.facts.size);
    expect(second.snapshot.passages.length).toBe(first.snapshot.passages.length);
  });

  it('hands a large build over through the index file: the same corpus, built, never held twice', async () => {
    const byMessage = Engine.open({ ...workspace(), companiesFile: BUNDLED_COMPANIES });
    const dirs = workspace();
    // Every corpus counts as large here, so the worker writes the index and this thread reads it.
    const byFile = Engine.open({ ...dirs, companiesFile: BUNDLED_COMPANIES, handOverByFileChars: 0 });
    expect(byFile.lastLoad.origin).toBe('built');
    expect(byFile.snapshot.origin).toBe('built');
    expect(byFile.snapshot.hash).toBe(byMessage.snapshot.hash);
    expect(byFile.snapshot.facts.size).toBe(byMessage.snapshot.facts.size);
    expect(byFile.snapshot.passages.length).toBe(byMessage.snapshot.passages.length);
    const answer = await runInput('/metric cloudwalk revenue 2019', { engine: byFile, now: () => new Date('2025-05-12T09:00:00Z') });
    expect(answer.status).toBe('answered');
    expect(answer.figures[0]?.value).toBe(807e6);
    // The next start finds the index the worker wrote.
    expect(Engine.open({ ...dirs, companiesFile: BUNDLED_COMPANIES }).lastLoad.origin).toBe('loaded');
  });

  it('the worker says so: a corpus over the threshold comes back as written, a smaller one as a message', async () => {
    const request = { companiesFile: BUNDLED_COMPANIES, budgetMs: 60_000, budgetMsPerKb: 100, passagesOnly: [] };
    expect((await buildCorpus({ ...workspace(), ...request, handOverByFileChars: 0 })).kind).toBe('written');
    expect((await buildCorpus({ ...workspace(), ...request })).kind).toBe('built');
    // With no index folder there is no file to hand over through.
    expect((await buildCorpus({ documentsDir: workspace().documentsDir, ...request, handOverByFileChars: 0 })).kind).toBe('built');
  });

  it('rebuilds when a document changes, even with the same size and time', () => {
    const dirs = workspace();
    const first = Engine.open({ ...dirs, companiesFile: BUNDLED_COMPANIES });
    const added = join(dirs.documentsDir, 'acme.md');
    writeFileSync(added, '---\ntitle: Acme\ncompany: Acme Cloud\n---\nIn 2023, Acme Cloud revenue was RMB 12 million.\n');
    const second = Engine.open({ ...dirs, companiesFile: BUNDLED_COMPANIES });
    expect(second.lastLoad.origin).toBe('built');
    expect(second.snapshot.hash).not.toBe(first.snapshot.hash);
    // Same size and mtime, different bytes: only a content hash notices. The manifest
    // check passes, so the engine must not trust it blindly for changed files.
    writeFileSync(added, '---\ntitle: Acme\ncompany: Acme Cloud\n---\nIn 2023, Acme Cloud revenue was RMB 13 million.\n');
    utimesSync(added, new Date(0), new Date(0));
    const third = Engine.open({ ...dirs, companiesFile: BUNDLED_COMPANIES });
    expect(third.snapshot.hash).not.toBe(second.snapshot.hash);
  });

  it('picks up a dropped-in document without restart and answers from it', async () => {
    const dirs = workspace();
    const engine = Engine.open({ ...dirs, companiesFile: BUNDLED_COMPANIES });
    const ctx = { engine, now: () => new Date() };
    expect((await runInput('/metric zeta ai revenue 2023', ctx)).status).toBe('not_found');
    engine.watch(50);
    writeFileSync(join(dirs.documentsDir, 'zeta.md'), '---\ntitle: Zeta results\ncompany: Zeta AI\naliases: [泽塔智能]\npublished: 2024-03-01\n---\nIn 2023, Zeta AI revenue was RMB 88.8 million.\n');
    // A bound for a hang, not a speed test: a loaded machine re-indexes slowly.
    await expect.poll(() => engine.snapshot.documents.length, { timeout: 30_000 }).toBe(5);
    engine.close();
    const answer = await runInput('/metric 泽塔智能 revenue 2023', ctx);
    expect(answer.status).toBe('answered');
    expect(answer.figures[0]!.value).toBe(88.8e6);
  });

  it('keeps serving the last good index when a re-index fails', async () => {
    const dirs = workspace();
    const engine = Engine.open({ ...dirs, companiesFile: BUNDLED_COMPANIES });
    const before = engine.snapshot;
    rmSync(dirs.documentsDir, { recursive: true, force: true });
    writeFileSync(dirs.documentsDir, 'not a folder');
    const result = await engine.reload();
    expect(engine.snapshot).toBe(before);
    expect(result.changed).toBe(false);
    expect((await runInput('/metric cloudwalk revenue 2024', { engine, now: () => new Date() })).status).toBe('answered');
  });
});
