import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, runInput } from '../../commands/index.ts';
import { startConsole } from '../../src/adapters/console/console-adapter.ts';
import { renderText } from '../../src/adapters/console/render-text.ts';
import { createChartAttacher } from '../../src/charts/chart-attacher.ts';
import { planChart } from '../../src/charts/chart-plan.ts';
import type { Answer } from '../../src/core/answer.ts';
import type { CoreLogger } from '../../src/core/logger.ts';
import { bundledContext, bundledIndexDir } from '../helpers/engine.ts';
import { lossSeries } from './sample-answers.ts';

const REPO = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'charts-wiring-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Questions whose answers are series once figure extraction finds them in the bundled corpus. */
const SERIES_QUESTIONS = ['/metric cloudwalk revenue', '/metric qingcloud revenue', '/metric qingcloud net loss', '/compare revenue cloudwalk qingcloud 2019-2023'];

function recordingLogger(): CoreLogger & { entries: Array<{ level: string; obj: object; msg?: string }> } {
  const entries: Array<{ level: string; obj: object; msg?: string }> = [];
  return {
    entries,
    info: (obj, msg) => void entries.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => void entries.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => void entries.push({ level: 'error', obj, msg }),
  };
}

function sortedPairs(points: ReadonlyArray<{ period: string; value: number }>): string[] {
  return points.map((p) => `${p.period}=${p.value}`).sort();
}

/** The drawn points are exactly the answer's figures (when the chart left none out). */
function expectChartOfFigures(answer: Answer): void {
  expect(answer.chart).toBeDefined();
  const drawn = answer.chart!.series.flatMap((s) => s.points);
  if (!answer.chart!.note?.match(/not drawn|latest \d+ of|Only the first/u)) expect(sortedPairs(drawn)).toEqual(sortedPairs(answer.figures));
  else for (const p of sortedPairs(drawn)) expect(sortedPairs(answer.figures)).toContain(p);
  const png = PNG.sync.read(readFileSync(answer.chart!.path));
  expect([png.width, png.height]).toEqual([answer.chart!.width, answer.chart!.height]);
}

describe('commands with a chart attacher', () => {
  it('answer without a chart, and log why, when drawing fails', async () => {
    const logger = recordingLogger();
    const failing = { attach: async (): Promise<Answer> => Promise.reject(new Error('disk full')) };
    const answer = await runCommand('help', { text: '' }, bundledContext({ charts: failing, logger }));
    expect(answer.status).toBe('answered');
    expect(answer.chart).toBeUndefined();
    expect(logger.entries).toContainEqual(expect.objectContaining({ level: 'error', msg: 'chart failed; answering without it' }));
  });

  it('attach a chart to series answers of the bundled corpus', async () => {
    const charts = createChartAttacher({ dir });
    let charted = 0;
    for (const question of SERIES_QUESTIONS) {
      const plain = await runInput(question, bundledContext());
      if (!planChart(plain).ok) continue;
      const answer = await runInput(question, bundledContext({ charts }));
      expect(answer.figures).toEqual(plain.figures);
      expectChartOfFigures(answer);
      charted++;
    }
    // The bundled corpus states multi-year series (CloudWalk revenue, QingCloud losses).
    expect(charted).toBeGreaterThan(0);
  });

  it('keep answers that are no series free of charts', async () => {
    const charts = createChartAttacher({ dir });
    for (const question of ['/help', '/sources', '/metric cloudwalk revenue 2024', '/metric nosuchcompany revenue']) {
      expect((await runInput(question, bundledContext({ charts }))).chart).toBeUndefined();
    }
  });
});

describe('the console', () => {
  it('prints the path of the chart under the answer', async () => {
    const charts = createChartAttacher({ dir });
    const answer = await charts.attach(lossSeries());
    expect(renderText(answer)).toContain(`\nChart: ${answer.chart!.path}\n`);
  });

  it('prints the chart path in a console chat over the bundled corpus', async () => {
    const charts = createChartAttacher({ dir });
    let question: string | undefined;
    for (const q of SERIES_QUESTIONS) if (planChart(await runInput(q, bundledContext())).ok) question ??= q;
    expect(question, 'a series question over the bundled corpus').toBeDefined();
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const done = startConsole({ input, output, context: () => bundledContext({ charts }), interactive: false });
    input.end(`${question}\n`);
    await done;
    const path = text.match(/^Chart: (.+\.png)$/mu)?.[1];
    expect(path, text).toBeDefined();
    expect(existsSync(path!)).toBe(true);
  });
});

/** Run `npm run --silent ask -- --json <question>`; resolves with stdout, rejects after 120 s. */
function askJson(question: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npm', ['run', '--silent', 'ask', '--', '--json', question], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ask timed out; stderr: ${err.slice(-500)}`));
    }, 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(out);
      else reject(new Error(`ask exited ${code}; stderr: ${err.slice(-500)}`));
    });
  });
}

describe('ask --json', () => {
  it('gives chart.path when the answer is a series', { timeout: 150_000 }, async () => {
    const charts = join(dir, 'ask');
    const env = { ...process.env, CHARTS_DIR: charts, INDEX_DIR: bundledIndexDir(), LOG_LEVEL: 'silent' };
    const answer = JSON.parse((await askJson('/metric cloudwalk revenue', env)).trim().split('\n').at(-1)!) as Answer;
    expect(planChart(answer).ok, 'CloudWalk revenue is a multi-year series in the bundled corpus').toBe(true);
    expect(answer.chart?.path.startsWith(charts)).toBe(true);
    expectChartOfFigures(answer);
  });
});
