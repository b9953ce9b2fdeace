import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/core/answer.ts';
import { bundledIndexDir } from '../helpers/engine.ts';

const root = resolve(import.meta.dirname, '../..');
const env = { ...process.env, INDEX_DIR: bundledIndexDir(), CHARTS_DIR: mkdtempSync(join(tmpdir(), 'finqa-charts-')), LOG_LEVEL: 'silent' };

function ask(args: string[], input?: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], { cwd: root, env, input, encoding: 'utf8', timeout: 60_000 });
}

describe('ask command line', () => {
  it('prints one Answer as JSON for a question argument', () => {
    const run = ask(['--json', '/metric cloudwalk revenue 2024']);
    expect(run.status).toBe(0);
    const answer = AnswerSchema.parse(JSON.parse(run.stdout));
    expect(answer.figures[0]?.display).toBe('RMB 398 million (3.98億元)');
  });

  it('reads one question per line from standard input and prints one JSON object per line', () => {
    const run = ask(['--json'], '/metric qingcloud net loss 2021\n云从科技裁员\n\n/sources\n');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => AnswerSchema.parse(JSON.parse(l)));
    expect(lines.map((a) => a.command)).toEqual(['metric', 'ask', 'ask', 'sources']);
    expect(lines[0]!.figures[0]!.value).toBe(-283e6);
    expect(lines[2]!.status).toBe('invalid');
  });

  it('prints the text rendering without --json', () => {
    const run = ask(['How much did QingCloud lose in 2021?']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('-RMB 283 million');
    expect(run.stdout).toContain('respectively');
  });
});
