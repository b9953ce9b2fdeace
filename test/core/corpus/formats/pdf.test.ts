import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CompanyRegistry } from '../../../../src/core/companies/registry.ts';
import { pageAt } from '../../../../src/core/corpus/document.ts';
import { readPdf } from '../../../../src/core/corpus/formats/pdf.ts';
import { loadCorpus } from '../../../../src/core/corpus/load.ts';
import { logicalLines } from '../../../../src/core/facts/sentences.ts';
import { encryptedPdf, PDF_COMPANY, resultsPdf, scanPdf } from '../../../helpers/document-fixtures.ts';

/** PDF reading, on PDFs written at test time with pdf-lib. */

let results: Uint8Array;
beforeAll(async () => {
  results = await resultsPdf();
});

describe('PDF documents', () => {
  it('reads the text layer page by page, with page offsets, without running headers or page numbers', async () => {
    const read = await readPdf('results.pdf', results);
    expect(read.text).not.toBeNull();
    const text = read.text!;
    expect(read.pages).toHaveLength(4);
    expect(read.pages![0]).toBe(0);
    const prose = text.indexOf('recorded revenue of');
    expect(pageAt(read, prose)).toBe(2);
    expect(pageAt(read, text.indexOf('| Revenue |'))).toBe(3);
    expect(pageAt(read, 0)).toBe(1);
    // The header printed on every page and the "Page n of 4" footers are gone.
    expect(text).not.toMatch(/Page \d of 4/u);
    expect(text).not.toContain(`${PDF_COMPANY} Annual Results 2024`);
    expect(text).toContain(`${PDF_COMPANY} Limited`);
    // Lines wrapped at the margin are joined into their sentence; a blank line between paragraphs.
    expect(text).toContain(`For the year ended December 31, 2024, ${PDF_COMPANY} recorded revenue of RMB 812.4 million, an increase of 23.5%`);
    expect(text).toContain('deliveries of warehouse robots to logistics customers.\n\nThe net loss');
    const sentence = logicalLines(text).map((l) => text.slice(l.start, l.end)).find((l) => l.includes('recorded revenue of'))!;
    expect(sentence).toContain('RMB 812.4 million');
    // Short lines (a heading) stay lines of their own.
    expect(text).toContain('\nFinancial highlights\n');
    expect(read.problems.map((p) => p.message)).toEqual(['page 4 has no text (images only, not read: there is no OCR)']);
    expect(read.meta?.title).toBe(`${PDF_COMPANY} Annual Results Announcement 2024`);
  });

  it('writes a table whose rows survive extraction as a pipe table, caption and unit note above it', async () => {
    const text = (await readPdf('results.pdf', results)).text!;
    expect(text).toContain(
      [
        'Consolidated statement of results',
        'RMB in thousands',
        '| | 2023 | 2024 | 2025E |',
        '|---|---|---|---|',
        '| Revenue | 657,800 | 812,400 | 1,020,000 |',
        '| Gross profit | 190,200 | 268,100 | 357,000 |',
        '| Net loss | (131,500) | (96,700) | (45,000) |',
      ].join('\n'),
    );
  });

  it('skips a scan, an encrypted PDF and a damaged one, each with its reason', async () => {
    const scan = await readPdf('scan.pdf', await scanPdf());
    expect(scan.text).toBeNull();
    expect(scan.problems[0]!.message).toMatch(/^skipped: no text layer on any of its 2 pages .*no OCR/u);
    const locked = await readPdf('locked.pdf', await encryptedPdf());
    expect(locked.text).toBeNull();
    expect(locked.problems[0]!.message).toMatch(/^skipped: the PDF is encrypted and needs a password/u);
    const cut = await readPdf('cut.pdf', results.slice(0, Math.floor(results.length * 0.6)));
    // pdf.js may recover part of a cut file; either way the reason is given and nothing throws.
    if (cut.text === null) expect(cut.problems[0]!.message).toMatch(/^skipped: not a readable PDF/u);
    else expect(cut.problems.some((p) => /read in part|no text/u.test(p.message))).toBe(true);
    const garbage = await readPdf('garbage.pdf', new TextEncoder().encode('%PDF-1.7\nthis is not a PDF at all'));
    expect(garbage.text).toBeNull();
    expect(garbage.problems[0]!.message).toMatch(/^skipped: not a readable PDF/u);
  });

  it('loads the good documents of a folder whatever the bad PDFs beside them, and names each bad one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'finqa-pdf-'));
    writeFileSync(join(dir, 'results.pdf'), results);
    writeFileSync(join(dir, 'results.pdf.meta.yaml'), `title: ${PDF_COMPANY} annual results 2024\ncompany: ${PDF_COMPANY}\npublished: 2025-03-20\n`);
    writeFileSync(join(dir, 'scan.pdf'), await scanPdf());
    writeFileSync(join(dir, 'locked.pdf'), await encryptedPdf());
    writeFileSync(join(dir, 'cut.pdf'), results.slice(0, 900));
    writeFileSync(join(dir, 'big.pdf'), Buffer.concat([Buffer.from(results), Buffer.alloc(3 * 1024 * 1024, 32)]));
    writeFileSync(join(dir, 'note.md'), '---\ntitle: A note\ncompany: Other Co\n---\nOther Co opened an office.\n');
    const { documents, problems } = await loadCorpus(dir, new CompanyRegistry(), { maxPdfBytes: 2 * 1024 * 1024 });
    expect(documents.map((d) => d.file).sort()).toEqual(['note.md', 'results.pdf']);
    const pdf = documents.find((d) => d.file === 'results.pdf')!;
    expect(pdf).toMatchObject({ kind: 'pdf', title: `${PDF_COMPANY} annual results 2024`, company: 'brightwater-robotics', published: '2025-03-20', inferred: ['language'] });
    expect(pdf.pages).toHaveLength(4);
    const skipped = Object.fromEntries(problems.filter((p) => p.skipped).map((p) => [p.file, p.message]));
    expect(Object.keys(skipped).sort()).toEqual(['big.pdf', 'cut.pdf', 'locked.pdf', 'scan.pdf']);
    expect(skipped['big.pdf']).toMatch(/over the 2 MB limit for one PDF/u);
    expect(skipped['scan.pdf']).toMatch(/no text layer/u);
    expect(skipped['locked.pdf']).toMatch(/encrypted/u);
    expect(skipped['cut.pdf']).toMatch(/not a readable PDF/u);
  });
});
