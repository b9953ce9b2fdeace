import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/core/answer.ts';
import { BUNDLED_DOCUMENTS } from '../helpers/engine.ts';

const root = resolve(import.meta.dirname, '../..');

/** The bundled corpus with bad files beside it, as users sometimes drop them. */
function messyCorpus(): { env: NodeJS.ProcessEnv } {
  const base = mkdtempSync(join(tmpdir(), 'finqa-messy-'));
  const docs = join(base, 'documents');
  cpSync(BUNDLED_DOCUMENTS, docs, { recursive: true });
  writeFileSync(join(docs, 'empty.md'), '');
  writeFileSync(join(docs, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
  writeFileSync(join(docs, 'latin1.txt'), Buffer.from('Umsatz 2023: 12 Mio. \xe9\xe8', 'latin1'));
  writeFileSync(join(docs, 'huge.txt'), Buffer.alloc(50 * 1024 * 1024, 'a'));
  writeFileSync(join(docs, 'broken-yaml.md'), '---\ntitle: [unclosed\ncompany: Foo\n---\nFoo Cloud revenue was RMB 1 million in 2023.\n');
  writeFileSync(join(docs, 'bad-field.md'), '---\ntitle: Bad\ncompany: Bar Cloud\nperiod: sometime\n---\nIn 2023, Bar Cloud revenue was RMB 7.5 million.\n');
  cpSync(join(docs, 'qingcloud-h1-2024-en.md'), join(docs, 'qingcloud-copy.md'));
  writeFileSync(join(docs, 'unknown-company.txt'), 'Some notes with no company in them at all, and 3 numbers: 1, 2, 3.\n');
  return { env: { ...process.env, DOCUMENTS_DIR: docs, INDEX_DIR: join(base, 'index'), CHARTS_DIR: join(base, 'charts'), LOG_LEVEL: 'silent' } };
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
}

describe('a corpus with bad files beside good ones', () => {
  const { env } = messyCorpus();
  const ingest = run('src/cli/ingest.ts', [], env);

  it('npm run ingest names each bad file and why', () => {
    const out = ingest.stdout;
    expect(out).toMatch(/SKIPPED empty\.md: .*empty/u);
    expect(out).toMatch(/SKIPPED binary\.txt: .*binary/u);
    expect(out).toMatch(/SKIPPED latin1\.txt: .*UTF-8/u);
    expect(out).toMatch(/SKIPPED huge\.txt: .*50\.0 MB/u);
    // One of two identical files is read; the other is reported as its duplicate.
    expect(out).toMatch(/SKIPPED qingcloud-(?:copy|h1-2024-en)\.md: same text as qingcloud-(?:copy|h1-2024-en)\.md/u);
    expect(out).toMatch(/WARNING broken-yaml\.md: front matter is not valid YAML/u);
    expect(out).toMatch(/WARNING bad-field\.md \(period\): .*FY2024, Q4 2022 or H1 2024/u);
    expect(out).toMatch(/WARNING unknown-company\.txt \(company\)/u);
    // Skipped files make the exit code say so, for scripts.
    expect(ingest.status).toBe(2);
  });

  it('every good document still answers, and the safe parts of damaged ones too', () => {
    const ask = run('src/cli/ask.ts', ['--json'], env);
    expect(ask.status).toBe(0);
    const asked = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json'], {
      cwd: root,
      env,
      encoding: 'utf8',
      input: '/metric cloudwalk revenue 2024\n/metric qingcloud net loss 2021\n/metric kingsoft cloud revenue Q4 2022\n/metric bar cloud revenue 2023\n',
      timeout: 120_000,
    });
    const answers = asked.stdout.trim().split('\n').map((l) => AnswerSchema.parse(JSON.parse(l)));
    expect(answers.map((a) => `${a.query}: ${a.status}`)).toEqual(answers.map((a) => `${a.query}: answered`));
    expect(answers[3]!.figures[0]!.value).toBe(7.5e6);
  });
});
