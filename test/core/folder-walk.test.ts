import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpusFiles, statCorpusFiles } from '../../src/core/corpus/load.ts';

describe('the folder walk', () => {
  it('follows links that stay inside the folder, once, and names what it skips once', () => {
    const base = mkdtempSync(join(tmpdir(), 'finqa-walk-'));
    const dir = join(base, 'docs');
    mkdirSync(join(dir, 'reports'), { recursive: true });
    writeFileSync(join(dir, 'reports', 'a.md'), 'A report.');
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    writeFileSync(join(base, 'outside.md'), 'Outside.');
    symlinkSync('reports', join(dir, 'latest')); // a second way into the same folder
    symlinkSync(join('reports', 'a.md'), join(dir, 'alias.md')); // a second name for the same file
    symlinkSync('.env', join(dir, 'env.md')); // a visible name for a hidden file
    symlinkSync('../outside.md', join(dir, 'out.md'));
    symlinkSync('missing.md', join(dir, 'dangling.md'));
    execFileSync('mkfifo', [join(dir, 'pipe.md')]); // would block a plain read forever
    const { files, problems } = statCorpusFiles(dir);
    expect(files.map((f) => f.file)).toEqual(['reports/a.md']);
    expect(problems.map((p) => `${p.file}: ${p.message}`).sort()).toEqual([
      expect.stringMatching(/^alias\.md: skipped: the same file as reports\/a\.md/u),
      expect.stringMatching(/^env\.md: skipped: a link to a hidden file/u),
      expect.stringMatching(/^latest: skipped: a link to a folder that is already read/u),
      expect.stringMatching(/^out\.md: skipped: a link to a place outside the documents folder/u),
      expect.stringMatching(/^pipe\.md: skipped: not a regular file/u),
    ]);
    expect(readCorpusFiles(dir).files.map((f) => f.bytes.toString())).toEqual(['A report.']);
  });

  it('reads the documents folder through a link to it', () => {
    const base = mkdtempSync(join(tmpdir(), 'finqa-walk-'));
    mkdirSync(join(base, 'real'));
    writeFileSync(join(base, 'real', 'a.md'), 'A.');
    symlinkSync('real', join(base, 'docs'));
    expect(statCorpusFiles(join(base, 'docs')).files.map((f) => f.file)).toEqual(['a.md']);
  });
});
