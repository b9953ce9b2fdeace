import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../../src/core/answer.ts';
import { bundledIndexDir } from '../../helpers/engine.ts';

const REPO = resolve(import.meta.dirname, '../../..');
const indexDir = mkdtempSync(join(tmpdir(), 'finqa-summary-cli-'));
afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

/** Run `tsx src/cli/summary.ts` as `npm run summary` does, with the index in a temp folder. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/summary.ts', ...args], {
      cwd: REPO,
      env: { ...process.env, INDEX_DIR: bundledIndexDir(), DATABASE_PATH: join(indexDir, 'never-opened.sqlite'), DEFAULT_TZ: 'UTC', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill(), 25_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

describe('npm run summary', () => {
  it('--week 2025-05-05 --json prints one Answer listing the CloudWalk results article', async () => {
    const r = await cli(['--week', '2025-05-05', '--json']);
    expect(r.code).toBe(0);
    const answer = AnswerSchema.parse(JSON.parse(r.stdout));
    expect(answer.documents?.map((d) => d.document)).toEqual(['cloudwalk-2024-results-zh-hant']);
    expect((answer.data as { digest: { week: { monday: string } } }).digest.week.monday).toBe('2025-05-05');
  });

  it('prints text for the companies named, and exits 2 with usage on bad input', async () => {
    const text = await cli(['--week', '2024-11-07', 'qingcloud']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Weekly summary: 2024-11-04 to 2024-11-10 \(UTC\)/u);
    expect(text.stdout).toContain("QingCloud's Dilemma");
    const bad = await cli(['--week', '2025-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"2025-02-30" is not a date');
    expect(bad.stderr).toContain('usage: npm run --silent summary');
    const unknown = await cli(['--week', '2025-05-05', 'clodwalk']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Did you mean CloudWalk Technology?');
  });
});
