import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInput } from '../../commands/index.ts';
import type { Answer } from '../../src/core/answer.ts';
import { Engine, type EngineOptions } from '../../src/core/engine.ts';
import { BUNDLED_COMPANIES, BUNDLED_DOCUMENTS } from '../helpers/engine.ts';

/** A scratch copy of the bundled corpus, for one hostile file to be dropped beside it. */
export function scratchCorpus(): { base: string; docs: string; index: string } {
  const base = mkdtempSync(join(tmpdir(), 'finqa-hostile-'));
  const docs = join(base, 'documents');
  cpSync(BUNDLED_DOCUMENTS, docs, { recursive: true });
  return { base, docs, index: join(base, 'index') };
}

/** Open an engine over a folder (index persisted beside it) and time it. */
export function openTimed(docs: string, index?: string, extra: Partial<EngineOptions> = {}): { engine: Engine; ms: number } {
  const started = performance.now();
  const engine = Engine.open({ documentsDir: docs, indexDir: index, companiesFile: BUNDLED_COMPANIES, ...extra });
  return { engine, ms: performance.now() - started };
}

/** Questions whose answers a dropped-in file must not change. */
export const OTHER_ANSWERS = [
  '/metric cloudwalk revenue 2024',
  '/metric cloudwalk revenue',
  '/metric qingcloud revenue H1 2024',
  '/metric qingcloud net loss 2021',
  'How much did QingCloud lose in 2021?',
  '/metric kingsoft cloud revenue Q4 2022',
  '/compare revenue cloudwalk qingcloud',
];

/** What an answer says, without which statement was quoted or how many agree. */
export function gist(a: Answer): string {
  return `${a.status}: ${a.figures.map((f) => `${f.company} ${f.metric} ${f.period} ${f.value} ${f.unit}`).join('; ')}`;
}

/** The gist of each question's answer over an engine. */
export async function answersOf(engine: Engine, questions = OTHER_ANSWERS): Promise<string[]> {
  const ctx = { engine, now: () => new Date('2025-05-12T09:00:00Z') };
  const out: string[] = [];
  for (const q of questions) out.push(`${q} -> ${gist(await runInput(q, ctx))}`);
  return out;
}

let baseline: Promise<string[]> | undefined;

/** The answers of the bundled corpus alone, computed once per test file. */
export function baselineAnswers(): Promise<string[]> {
  baseline ??= (async () => {
    const { docs } = scratchCorpus();
    const { engine } = openTimed(docs);
    try {
      return await answersOf(engine);
    } finally {
      engine.close();
    }
  })();
  return baseline;
}
