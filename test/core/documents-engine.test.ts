import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInput } from '../../commands/index.ts';
import { renderAnswer as renderDiscord } from '../../src/adapters/discord/render.ts';
import { renderText } from '../../src/adapters/console/render-text.ts';
import { renderAnswer as renderSlack } from '../../src/adapters/slack/render.ts';
import { AnswerSchema } from '../../src/core/answer.ts';
import { Engine } from '../../src/core/engine.ts';
import { periodLabel } from '../../src/core/periods.ts';
import { BUNDLED_COMPANIES } from '../helpers/engine.ts';
import { encryptedPdf, HTML_COMPANY, HTML_NOISE, PDF_COMPANY, pressReleaseHtml, resultsPdf, scriptOnlyHtml } from '../helpers/document-fixtures.ts';
import { blockTexts } from '../adapters/slack/harness.ts';

/**
 * A results PDF and a saved press release dropped into the documents folder: `/metric`
 * answers from both, PDF quotes cite their page on every front end, the page chrome
 * never becomes a passage, and bad files are named with their reason.
 */

const SIDECAR = `title: ${PDF_COMPANY} annual results 2024\ncompany: ${PDF_COMPANY}\npublished: 2025-03-20\n`;

function folder(): { documentsDir: string; indexDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'finqa-docs-engine-'));
  const documentsDir = join(root, 'documents');
  mkdirSync(documentsDir);
  return { documentsDir, indexDir: join(root, 'index') };
}

const warnings: Array<{ obj: object; msg?: string }> = [];
const logger = { info() {}, warn: (obj: object, msg?: string) => warnings.push({ obj, msg }), error: (obj: object, msg?: string) => warnings.push({ obj, msg }) };
let engine: Engine;
let dirs: { documentsDir: string; indexDir: string };
let pdf: Uint8Array;

beforeAll(async () => {
  dirs = folder();
  pdf = await resultsPdf();
  writeFileSync(join(dirs.documentsDir, 'brightwater-2024.pdf'), pdf);
  writeFileSync(join(dirs.documentsDir, 'brightwater-2024.pdf.meta.yaml'), SIDECAR);
  writeFileSync(join(dirs.documentsDir, 'lumenfield-h1-2025.html'), pressReleaseHtml());
  writeFileSync(join(dirs.documentsDir, 'locked.pdf'), await encryptedPdf());
  writeFileSync(join(dirs.documentsDir, 'shell.html'), scriptOnlyHtml());
  engine = Engine.open({ ...dirs, companiesFile: BUNDLED_COMPANIES, logger });
});

afterAll(() => engine.close());

const ctx = () => ({ engine, now: () => new Date('2025-09-01T00:00:00Z') });

describe('PDF and HTML documents in the corpus', () => {
  it('answers /metric from the PDF prose, citing the page in the console, JSON, Slack and Discord', async () => {
    const answer = await runInput(`/metric ${PDF_COMPANY} revenue 2024`, ctx());
    expect(answer.status).toBe('answered');
    const figure = answer.figures[0]!;
    expect(figure.value).toBe(812.4e6);
    expect(figure.source.quote).toContain('RMB 812.4 million');
    expect(figure.source.page).toBe(2);
    expect(AnswerSchema.parse(JSON.parse(JSON.stringify(answer))).figures[0]!.source.page).toBe(2);
    expect(renderText(answer)).toContain(`(${PDF_COMPANY} annual results 2024, 2025-03-20, p. 2)`);
    expect(blockTexts(renderSlack(answer).blocks)).toContain(`_${PDF_COMPANY} annual results 2024_, 2025-03-20, p. 2`);
    expect(JSON.stringify(renderDiscord(answer).messages)).toContain(`${PDF_COMPANY} annual results 2024, 2025-03-20, p. 2`);
    const loss = await runInput(`/metric ${PDF_COMPANY} net loss 2024`, ctx());
    expect(loss.figures[0]?.value).toBe(-96.7e6);
    expect(loss.figures[0]?.source.page).toBe(2);
  });

  it('answers /metric from the press release, with its title and date from the page', async () => {
    const answer = await runInput(`/metric ${HTML_COMPANY} revenue H1 2025`, ctx());
    expect(answer.status).toBe('answered');
    expect(answer.figures[0]!.value).toBe(431.6e6);
    expect(answer.figures[0]!.source).toMatchObject({ title: `${HTML_COMPANY} reports first half 2025 results`, published: '2025-08-21' });
    expect(answer.figures[0]!.source.page).toBeUndefined();
    expect(renderText(answer)).not.toMatch(/p\. \d/u);
  });

  it('never makes a passage of navigation, share buttons, scripts or footers', async () => {
    const { snapshot } = engine;
    const texts = snapshot.passages.map((p) => snapshot.documents[p.doc]!.text.slice(p.start, p.end));
    expect(texts.length).toBeGreaterThan(3);
    for (const noise of HTML_NOISE) expect(texts.filter((t) => t.includes(noise))).toEqual([]);
    const search = await runInput(`/ask ${HTML_COMPANY} newsletter subscribe share`, ctx());
    for (const noise of HTML_NOISE) expect(JSON.stringify(search.passages)).not.toContain(noise);
  });

  it('lists each document with its kind, pages and inferred fields in /sources', async () => {
    const answer = await runInput('/sources', ctx());
    const pdfInfo = answer.documents!.find((d) => d.document === 'brightwater-2024')!;
    expect(pdfInfo).toMatchObject({ kind: 'pdf', pages: 4, inferred: ['language'], tableFacts: 9 });
    const html = answer.documents!.find((d) => d.document === 'lumenfield-h1-2025')!;
    expect(html).toMatchObject({ kind: 'html', inferred: ['company', 'language'], tableFacts: 4 });
    expect(answer.message).toMatch(/brightwater robotics annual results 2024 \(.*PDF, 4 pages; \d+ figures, 9 from tables; inferred: language\)/iu);
    expect(answer.message).toMatch(/reports first half 2025 results \(.*HTML; \d+ figures, 4 from tables; inferred: company, language\)/u);
    expect(blockTexts(renderSlack(answer).blocks)).toContain('PDF, 4 pages');
  });

  it('names each bad file with its reason, in the problems and the log, and loses nothing else', () => {
    const problems = Object.fromEntries(engine.snapshot.problems.filter((p) => p.skipped).map((p) => [p.file, p.message]));
    expect(problems['locked.pdf']).toMatch(/encrypted and needs a password/u);
    expect(problems['shell.html']).toMatch(/mostly script/u);
    expect(warnings.some((w) => (w.obj as { file?: string }).file === 'locked.pdf' && /encrypted/u.test(w.msg ?? ''))).toBe(true);
    expect(engine.snapshot.documents.map((d) => d.file).sort()).toEqual(['brightwater-2024.pdf', 'lumenfield-h1-2025.html']);
  });

  it('keeps a table of the PDF and of the page as pipe tables in the document text', () => {
    const text = (id: string) => engine.snapshot.byId.get(id)!.text;
    expect(text('brightwater-2024')).toContain('RMB in thousands\n| | 2023 | 2024 | 2025E |\n|---|---|---|---|\n| Revenue | 657,800 | 812,400 | 1,020,000 |');
    expect(text('lumenfield-h1-2025')).toContain('| Revenue | 365.1 | 431.6 |');
  });

  it('reads every figure of both tables, in the units of their notes, forecasts flagged, nothing else', () => {
    const tableFacts = engine.snapshot.facts.facts
      .filter((f) => f.origin === 'table')
      .map((f) => `${f.company} ${f.metric} ${periodLabel(f.period)} ${f.value} ${f.unit}${f.qualifiers.forecast ? ' forecast' : ''}`)
      .sort();
    expect(tableFacts).toEqual(
      [
        'brightwater-robotics revenue FY2023 657800000 CNY',
        'brightwater-robotics revenue FY2024 812400000 CNY',
        'brightwater-robotics revenue FY2025 1020000000 CNY forecast',
        'brightwater-robotics gross_profit FY2023 190200000 CNY',
        'brightwater-robotics gross_profit FY2024 268100000 CNY',
        'brightwater-robotics gross_profit FY2025 357000000 CNY forecast',
        'brightwater-robotics net_income FY2023 -131500000 CNY',
        'brightwater-robotics net_income FY2024 -96700000 CNY',
        'brightwater-robotics net_income FY2025 -45000000 CNY forecast',
        'lumenfield-cloud revenue H1 2024 365100000 CNY',
        'lumenfield-cloud revenue H1 2025 431600000 CNY',
        'lumenfield-cloud gross_profit H1 2024 118300000 CNY',
        'lumenfield-cloud gross_profit H1 2025 147200000 CNY',
      ].sort(),
    );
  });

  it('answers /metric from a table row, citing the table and its page, and a forecast only when asked', async () => {
    const answer = await runInput(`/metric ${PDF_COMPANY} gross profit 2023`, ctx());
    expect(answer.figures[0]).toMatchObject({ value: 190.2e6, period: 'FY2023' });
    expect(answer.figures[0]!.source.quote).toBe('| Gross profit | 190,200 | 268,100 | 357,000 |');
    expect(answer.figures[0]!.source.table).toMatchObject({ header: '| | 2023 | 2024 | 2025E |' });
    expect(answer.figures[0]!.source.page).toBe(3);
    expect((await runInput(`/metric ${PDF_COMPANY} revenue 2025`, ctx())).status).toBe('not_found');
    expect((await runInput(`/metric ${PDF_COMPANY} revenue forecast 2025`, ctx())).figures[0]).toMatchObject({ value: 1.02e9, estimate: true });
    const html = await runInput(`/metric ${HTML_COMPANY} gross profit H1 2024`, ctx());
    expect(html.figures[0]).toMatchObject({ value: 118.3e6, period: 'H1 2024' });
  });
});

describe('a running bot and new documents', () => {
  it('picks up a dropped PDF within seconds, and re-indexes when its sidecar is edited', async () => {
    const d = folder();
    writeFileSync(join(d.documentsDir, 'note.md'), '---\ntitle: A note\ncompany: Other Co\n---\nOther Co opened an office.\n');
    const running = Engine.open({ ...d, companiesFile: BUNDLED_COMPANIES });
    try {
      running.watch(50);
      const c = { engine: running, now: () => new Date('2025-09-01T00:00:00Z') };
      expect((await runInput(`/metric ${PDF_COMPANY} revenue 2024`, c)).status).not.toBe('answered');
      writeFileSync(join(d.documentsDir, 'dropped.pdf'), pdf);
      writeFileSync(join(d.documentsDir, 'dropped.pdf.meta.yaml'), SIDECAR);
      await expect.poll(() => running.snapshot.documents.length, { timeout: 10_000 }).toBe(2);
      await expect.poll(() => running.snapshot.byId.get('dropped')?.title, { timeout: 10_000 }).toBe(`${PDF_COMPANY} annual results 2024`);
      const answer = await runInput(`/metric ${PDF_COMPANY} revenue 2024`, c);
      expect(answer.figures[0]?.source.page).toBe(2);
      writeFileSync(join(d.documentsDir, 'dropped.pdf.meta.yaml'), SIDECAR.replace('annual results 2024', 'results for 2024'));
      await expect.poll(() => running.snapshot.byId.get('dropped')?.title, { timeout: 10_000 }).toBe(`${PDF_COMPANY} results for 2024`);
    } finally {
      running.close();
    }
  });
});
