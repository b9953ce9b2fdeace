import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashCodeTree } from '../../src/core/indexing/code-hash.js';
import { bundledIndexDir } from '../helpers/engine.ts';

/**
 * `npm start` builds once with tsc and runs plain node. This builds the production
 * output into a temporary folder exactly as `npm run build` does, then starts it the way
 * `npm start` does: the console answers over the bundled corpus, the search worker and
 * the data files resolve from the build, and the console's logs go to a file.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'finqa-start-'));
// Inside the repository, as dist/ is: the build's imports of packages resolve from node_modules.
mkdirSync(join(ROOT, 'var'), { recursive: true });
const out = mkdtempSync(join(ROOT, 'var', 'test-build-'));

function start(stdin: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(out, 'src/main.js')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        INDEX_DIR: join(tmp, 'index'),
        DATABASE_PATH: join(tmp, 'bot.sqlite'),
        CHARTS_DIR: join(tmp, 'charts'),
        LOG_FILE: join(tmp, 'logs/bot.log'),
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

beforeAll(async () => {
  // The emit of `npm run build`, without its type check: `npm test` type-checks the same
  // files (tsc --noEmit) before vitest starts, and checking twice would double the cost.
  await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--noCheck', '--outDir', out, '--tsBuildInfoFile', join(tmp, 'build.tsbuildinfo')], { cwd: ROOT });
  await run(process.execPath, [join(ROOT, 'scripts/finish-build.mjs'), out], { cwd: ROOT });
}, 120_000);

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

describe('the production build', () => {
  it('is plain JavaScript with its imports rewritten, and the search worker beside it', () => {
    const main = readFileSync(join(out, 'src/main.js'), 'utf8');
    expect(main).toContain('./config.js');
    expect(main).not.toMatch(/from ["'][^"']+\.ts["']/u);
    expect(existsSync(join(out, 'src/core/search/search-worker.js'))).toBe(true);
    expect(existsSync(join(out, 'commands/registry.js'))).toBe(true);
    // The indexing worker runs compiled, and the vocabulary it reads is copied beside it.
    expect(existsSync(join(out, 'src/core/indexing/worker-boot.js'))).toBe(true);
    expect(existsSync(join(out, 'src/core/indexing/index-worker.js'))).toBe(true);
    expect(existsSync(join(out, 'src/core/vocabulary/metrics.yaml'))).toBe(true);
    expect(existsSync(join(out, 'src/core/vocabulary/qualifiers.yaml'))).toBe(true);
  });

  it('carries the hash of the core sources, so it reuses an index built from them under tsx', async () => {
    expect(readFileSync(join(out, 'src/core/code-hash.txt'), 'utf8').trim()).toBe(hashCodeTree(join(ROOT, 'src/core')));
    // The run's shared index was built by test/global-setup.ts from the TypeScript sources.
    const reused = await start('/metrics\n', { INDEX_DIR: bundledIndexDir() });
    expect(reused.code).toBe(0);
    expect(reused.stdout).toContain('index loaded');
  }, 60_000);

  it('answers in the console with no log line among the answers; the logs are in the file', async () => {
    const first = await start('/metric qingcloud revenue 2021\n', { DEFAULT_TZ: 'Mars/Olympus' });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('index built');
    expect(first.stdout).toContain('QingCloud Technology revenue FY2021');
    expect(first.stdout).not.toMatch(/^\{"level"/mu);
    // Warnings still show, briefly, and say where the details are; info lines do not.
    expect(first.stderr).toMatch(/^warning: DEFAULT_TZ "Mars\/Olympus" is not an IANA time zone.*\(details in .*bot\.log\)$/mu);
    expect(first.stderr).not.toMatch(/^\{/mu);
    expect(first.stderr).not.toContain('answered');
    const logged = readFileSync(join(tmp, 'logs/bot.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { msg: string; command?: string });
    expect(logged.some((l) => l.msg === 'answered' && l.command === 'metric')).toBe(true);
  }, 60_000);

  it('restarts from the persisted index, searching in the worker thread of the build', async () => {
    const again = await start('why did cloudwalk revenue fall in 2024\n');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('index loaded');
    expect(again.stdout).toContain('From the documents:');
    expect(again.stderr).toBe('');
  }, 60_000);
});
