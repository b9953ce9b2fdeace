import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { bundledIndexDir } from '../helpers/engine.ts';
import { freePort } from '../replicas/replica-harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** `npm start` in console mode: one question on stdin, then end of input; resolves with stdout. */
function runMain(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tmp = mkdtempSync(join(tmpdir(), 'finqa-banner-'));
  onTestFinished(() => rmSync(tmp, { recursive: true, force: true }));
  return new Promise((done) => {
    const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['src/main.ts'], {
      cwd: ROOT,
      // The run's shared index of the bundled corpus, restored: the banner is what is tested here,
      // and building the index in each bot took most of the test's time.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, INDEX_DIR: bundledIndexDir(), CHARTS_DIR: join(tmp, 'charts'), DATABASE_PATH: join(tmp, 'bot.sqlite'), LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.stdin.end('/summary\n');
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

describe('the start-up banner names the store', () => {
  it('SQLite at DATABASE_PATH by default', async () => {
    const { code, stdout } = await runMain({});
    expect(code).toBe(0);
    expect(stdout).toMatch(/store: SQLite at .*bot\.sqlite/u);
  }, 70_000);

  it('PostgreSQL when DATABASE_URL is set, even if it does not answer: questions are still answered', async () => {
    const port = await freePort();
    const { code, stdout, stderr } = await runMain({ DATABASE_URL: `postgres://bot:hunter2-pw@127.0.0.1:${port}/finqa` });
    expect(code).toBe(0);
    expect(stdout).toContain(`store: PostgreSQL at postgres://bot@127.0.0.1:${port}/finqa (unreachable for now`);
    expect(stdout).toContain('DATABASE_PATH is ignored because DATABASE_URL is set');
    // The question on stdin got its digest answer, though the database is away.
    expect(stdout).toMatch(/week/iu);
    expect(stdout + stderr).not.toContain('hunter2');
  }, 70_000);
});
