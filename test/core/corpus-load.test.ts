import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompanyRegistry } from '../../src/core/companies/registry.ts';
import { loadCorpus } from '../../src/core/corpus/load.ts';
import { BUNDLED_DOCUMENTS } from '../helpers/engine.ts';

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'finqa-docs-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('corpus loading', () => {
  it('loads the bundled documents with their front matter', async () => {
    const { documents, problems } = await loadCorpus(BUNDLED_DOCUMENTS, new CompanyRegistry());
    expect(problems).toEqual([]);
    expect(documents.map((d) => d.id).sort()).toEqual([
      'cloudwalk-2024-results-zh-hant',
      'cloudwalk-profile-en',
      'kingsoft-cloud-q4-2022-earnings-call',
      'qingcloud-h1-2024-en',
    ]);
    const zh = documents.find((d) => d.id === 'cloudwalk-2024-results-zh-hant')!;
    expect(zh.published).toBe('2025-05-08');
    expect(zh.language).toBe('zh-Hant');
    expect(zh.text).toContain('營收同比大幅下滑');
    expect(zh.text).not.toMatch(/\(yíng\)|,,/u);
  });

  // The shared source corpus sits beside the repository (as in CI).
  const shared = join(BUNDLED_DOCUMENTS, '..', '..', '..', 'shared', 'corpus');
  it.runIf(existsSync(shared))('keeps the source bodies unchanged under the front matter', () => {
    const pairs: Array<[string, string]> = [
      ['001_b9932091901693a9.txt', 'cloudwalk-2024-results-zh-hant.md'],
      ['002_01c96a01316018ef.txt', 'qingcloud-h1-2024-en.md'],
      ['003_67c79f8bfe8fbf46.txt', 'kingsoft-cloud-q4-2022-earnings-call.md'],
    ];
    for (const [source, stored] of pairs) {
      const original = readFileSync(join(shared, source), 'utf8');
      expect(readFileSync(join(BUNDLED_DOCUMENTS, stored), 'utf8').endsWith(original)).toBe(true);
    }
    // The profile's own front matter (mkdocs `hide: toc`) moved into ours; its body follows unchanged.
    const profile = readFileSync(join(shared, '000_cdd1a218cf256580.txt'), 'utf8');
    const body = profile.slice(profile.indexOf('---', 3) + 4);
    expect(readFileSync(join(BUNDLED_DOCUMENTS, 'cloudwalk-profile-en.md'), 'utf8').endsWith(body)).toBe(true);
  });

  it('names the file, the field and what is expected for a bad field, and loads the rest', async () => {
    const dir = folder({
      'good.md': '---\ntitle: Good\ncompany: Acme Cloud\n---\nAcme Cloud revenue was RMB 10 million in 2023.\n',
      'bad.md': '---\ntitle: Bad date\ncompany: Beta Cloud\npublished: May 8\n---\nBeta Cloud revenue was RMB 5 million in 2023.\n',
    });
    const { documents, problems } = await loadCorpus(dir, new CompanyRegistry());
    expect(documents.map((d) => d.id).sort()).toEqual(['bad', 'good']);
    const problem = problems.find((p) => p.file === 'bad.md')!;
    expect(problem.field).toBe('published');
    expect(problem.message).toMatch(/YYYY-MM-DD/u);
    expect(problem.message).toMatch(/May 8/u);
    expect(documents.find((d) => d.id === 'bad')!.company).toBe('beta-cloud');
  });

  it('ingests a plain file without front matter and infers company, title, date and language', async () => {
    const registry = new CompanyRegistry();
    registry.add('QingCloud Technology', ['QingCloud', '青云科技']);
    const dir = folder({ 'note.txt': 'QingCloud results\n2024-08-30\nQingCloud reported revenue of RMB 144 million. QingCloud also cut costs.\n' });
    const { documents } = await loadCorpus(dir, registry);
    const doc = documents[0]!;
    expect(doc.company).toBe('qingcloud-technology');
    expect(doc.title).toBe('QingCloud results');
    expect(doc.published).toBe('2024-08-30');
    expect(doc.language).toBe('en');
    expect(doc.inferred).toEqual(expect.arrayContaining(['company', 'title', 'published', 'language']));
  });

  it('registers a new company and its aliases from front matter', async () => {
    const registry = new CompanyRegistry();
    const dir = folder({ 'x.md': '---\ntitle: X\ncompany: Zeta AI\naliases: [泽塔智能, 澤塔智能, ZETA]\n---\nText.\n' });
    await loadCorpus(dir, registry);
    expect(registry.findExact('澤塔智能')?.id).toBe('zeta-ai');
    expect(registry.findExact('泽塔智能')?.id).toBe('zeta-ai');
  });

  it('reports empty, binary, invalid UTF-8 and duplicate files and skips them', async () => {
    const dir = folder({
      'a.md': '---\ntitle: A\ncompany: Acme\n---\nSame text.\n',
      'b.md': '---\ntitle: B\ncompany: Acme\n---\nSame text.\n',
      'empty.txt': '',
      'binary.txt': Buffer.from([0x00, 0x01, 0x02, 0xff]),
      'latin1.txt': Buffer.from([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9]),
      'image.png': 'not a document',
    });
    const { documents, problems } = await loadCorpus(dir, new CompanyRegistry());
    expect(documents.map((d) => d.id)).toEqual(['a']);
    const byFile = Object.fromEntries(problems.map((p) => [p.file, p.message]));
    expect(byFile['b.md']).toMatch(/same text as a\.md/u);
    expect(byFile['empty.txt']).toMatch(/empty/u);
    expect(byFile['binary.txt']).toMatch(/binary/u);
    expect(byFile['latin1.txt']).toMatch(/UTF-8/u);
    expect(byFile['image.png']).toBeUndefined();
  });
});
