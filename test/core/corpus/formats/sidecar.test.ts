import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompanyRegistry } from '../../../../src/core/companies/registry.ts';
import { loadCorpus, readCorpusFiles, statCorpusFiles } from '../../../../src/core/corpus/load.ts';
import { manifestMatches, type ManifestEntry } from '../../../../src/core/indexing/corpus-build.ts';

/** `<file>.meta.yaml`: front matter for files that cannot carry it. */

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'finqa-sidecar-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const TEXT = 'Harbor Lane Foods opened two stores in 2024. Revenue of Harbor Lane Foods grew in the year.\n';

describe('sidecar front matter', () => {
  it('gives a text file its fields, with the same schema as front matter; without it they are inferred', async () => {
    const dir = folder({ 'notes.txt': TEXT, 'notes.txt.meta.yaml': 'title: Harbor Lane store notes\ncompany: Harbor Lane Foods\naliases: [Harbor Lane]\npublished: 2024-11-02\nperiod: FY2024\n', 'other.txt': TEXT.replace('two', 'three') });
    const { documents } = await loadCorpus(dir, new CompanyRegistry());
    const notes = documents.find((d) => d.file === 'notes.txt')!;
    expect(notes).toMatchObject({ title: 'Harbor Lane store notes', company: 'harbor-lane-foods', published: '2024-11-02', inferred: ['language'], kind: 'text' });
    const other = documents.find((d) => d.file === 'other.txt')!;
    expect(other.inferred).toEqual(['title', 'company', 'published', 'language']);
  });

  it('names the sidecar when a field in it is wrong, and infers that field', async () => {
    const dir = folder({ 'notes.txt': TEXT, 'notes.txt.meta.yaml': 'title: Harbor Lane store notes\ncompany: Harbor Lane Foods\npublished: last spring\n' });
    const { documents, problems } = await loadCorpus(dir, new CompanyRegistry());
    expect(documents[0]).toMatchObject({ title: 'Harbor Lane store notes', company: 'harbor-lane-foods' });
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p).toMatchObject({ file: 'notes.txt.meta.yaml', field: 'published', skipped: false, message: expect.stringMatching(/YYYY-MM-DD \(got "last spring"\).*inferred from the text/u) });
  });

  it('leaves Markdown front matter in charge, saying the sidecar is ignored', async () => {
    const dir = folder({ 'a.md': `---\ntitle: From the file\ncompany: Harbor Lane Foods\n---\n${TEXT}`, 'a.md.meta.yaml': 'title: From the sidecar\ncompany: Someone Else\n' });
    const { documents, problems } = await loadCorpus(dir, new CompanyRegistry());
    expect(documents[0]!.title).toBe('From the file');
    expect(problems.map((p) => p.message)).toEqual(['the file has its own front matter; its .meta.yaml sidecar is ignored']);
  });

  it('is part of the document for change detection: editing, adding or removing it is a change', () => {
    const dir = folder({ 'notes.txt': TEXT });
    const hashOf = () => readCorpusFiles(dir).files[0]!.hash;
    const manifest = (): Record<string, ManifestEntry> =>
      Object.fromEntries(statCorpusFiles(dir).files.map((f) => [f.file, { size: f.size, mtimeMs: f.mtimeMs, hash: '', ...(f.sidecar ? { sidecar: { size: f.sidecar.size, mtimeMs: f.sidecar.mtimeMs } } : {}) }]));
    const bare = hashOf();
    const before = manifest();
    writeFileSync(join(dir, 'notes.txt.meta.yaml'), 'title: One\ncompany: Harbor Lane Foods\n');
    expect(manifestMatches(dir, before)).toBe(false);
    const one = hashOf();
    const withOne = manifest();
    expect(one).not.toBe(bare);
    writeFileSync(join(dir, 'notes.txt.meta.yaml'), 'title: Two\ncompany: Harbor Lane Foods\n');
    expect(hashOf()).not.toBe(one);
    rmSync(join(dir, 'notes.txt.meta.yaml'));
    expect(manifestMatches(dir, withOne)).toBe(false);
    expect(hashOf()).toBe(bare);
    // A sidecar is not a document of its own.
    expect(statCorpusFiles(dir).files.map((f) => f.file)).toEqual(['notes.txt']);
  });
});
