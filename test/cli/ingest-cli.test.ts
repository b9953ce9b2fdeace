import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_COMPANIES } from '../helpers/engine.ts';
import { encryptedPdf, resultsPdf, scanPdf, scriptOnlyHtml } from '../helpers/document-fixtures.ts';

/** `npm run ingest` names every PDF or page it could not read, with the reason. */

const root = resolve(import.meta.dirname, '../..');

describe('ingest command line', () => {
  it('reports each bad PDF and page with its reason, and indexes the rest', async () => {
    const base = mkdtempSync(join(tmpdir(), 'finqa-ingest-'));
    const documentsDir = join(base, 'documents');
    mkdirSync(documentsDir);
    const pdf = await resultsPdf();
    writeFileSync(join(documentsDir, 'results.pdf'), pdf);
    writeFileSync(join(documentsDir, 'locked.pdf'), await encryptedPdf());
    writeFileSync(join(documentsDir, 'scan.pdf'), await scanPdf());
    writeFileSync(join(documentsDir, 'cut.pdf'), pdf.slice(0, 700));
    writeFileSync(join(documentsDir, 'huge.pdf'), Buffer.concat([Buffer.from(pdf), Buffer.alloc(1_200_000, 32)]));
    writeFileSync(join(documentsDir, 'shell.html'), scriptOnlyHtml());
    const env = { ...process.env, DOCUMENTS_DIR: documentsDir, INDEX_DIR: join(base, 'index'), COMPANIES_FILE: BUNDLED_COMPANIES, MAX_PDF_MB: '1', LOG_LEVEL: 'silent' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(2);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Indexed 1 documents, \d+ passages, \d+ figures in \d+ ms\.$/u);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SKIPPED locked\.pdf: the PDF is encrypted and needs a password to open/u),
        expect.stringMatching(/^SKIPPED scan\.pdf: no text layer on any of its 2 pages .*no OCR/u),
        expect.stringMatching(/^SKIPPED cut\.pdf: not a readable PDF/u),
        expect.stringMatching(/^SKIPPED huge\.pdf: 1\.\d MB is over the 1 MB limit for one PDF$/u),
        expect.stringMatching(/^SKIPPED shell\.html: the page is mostly script/u),
        'WARNING results.pdf: page 4 has no text (images only, not read: there is no OCR)',
      ]),
    );
  });
});
