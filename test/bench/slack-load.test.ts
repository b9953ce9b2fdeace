import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SlackLoadResult } from '../../bench/slack-load.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'finqa-slack-load-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Run the load script as `npm run` would, with a time limit; resolve with its JSON result. */
function runLoad(args: string[], timeoutMs: number): Promise<{ code: number | null; result: SlackLoadResult }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'bench/slack-load.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`slack-load did not finish in ${timeoutMs} ms: ${stderr.slice(-500)}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      try {
        done({ code, result: JSON.parse(stdout) as SlackLoadResult });
      } catch {
        fail(new Error(`no JSON result (exit ${code}): ${stderr.slice(-800)}`));
      }
    });
  });
}

describe('Slack load script', () => {
  it('sends signed slash commands to the real bot over loopback and finds every answer at its response URL', async () => {
    const { result } = await runLoad(['--requests', '40', '--concurrency', '8', '--warmup', '4', '--size', '20', '--out', out, '--json'], 180_000);
    expect(result.requests).toBe(40);
    expect(result.ack.n).toBe(40);
    expect(result.errors).toEqual({ status: 0, refused: 0, connection: 0, missingAnswers: 0, rejectedAnswers: 0 });
    expect(result.answersDelivered).toBe(40);
    expect(result.botErrorLines).toBe(0);
    expect(result.ack.p50).toBeGreaterThan(0);
    expect(result.answer.p50).toBeGreaterThanOrEqual(result.ack.p50 * 0.5);
  }, 200_000);
});
