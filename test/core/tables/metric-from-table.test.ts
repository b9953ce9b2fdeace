import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInput } from '../../../commands/index.ts';
import { renderText } from '../../../src/adapters/console/render-text.ts';
import { AnswerSchema } from '../../../src/core/answer.ts';
import { Engine } from '../../../src/core/engine.ts';

/**
 * `/metric` end to end on a Markdown document with a table, in a corpus built in a temp
 * folder (an invented company and invented figures): the answer's quote is the row, an
 * exact excerpt of the document, and the source says where the table is.
 */

const root = resolve(import.meta.dirname, '../../..');

const DOC = [
  '---',
  'title: Zeta AI annual results',
  'company: Zeta AI',
  'aliases: [泽塔智能]',
  'published: 2031-03-20',
  'period: FY2030',
  '---',
  'Zeta AI reported its results for 2030. Revenue rose on demand for its model services.',
  '',
  'Revenue was RMB 1,500 million in 2030, the company said. Gross margin was 35.0% in 2030.',
  '',
  '### Consolidated results (RMB in thousands)',
  '',
  '| Item | 2029 | 2030 | YoY | 2031E |',
  '|---|---:|---:|---:|---:|',
  '| Revenue | 1,234,567 | 1,500,000 | 21.5% | 1,800,000 |',
  '| Gross margin (%) | 32.4 | 34.7 | 2.3 ppt | n/a |',
  '| Net loss | (120,000) | (80,000) | (33.3%) | — |',
  '',
  'Zeta AI expects growth to continue.',
].join('\n');

function corpus(): { documentsDir: string; indexDir: string; companiesFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'finqa-tables-'));
  const documentsDir = join(dir, 'documents');
  mkdirSync(documentsDir);
  writeFileSync(join(documentsDir, 'zeta-2030.md'), DOC);
  const companiesFile = join(dir, 'companies.yaml');
  writeFileSync(companiesFile, '- name: Zeta AI\n  aliases: [Zeta]\n');
  return { documentsDir, indexDir: join(dir, 'index'), companiesFile };
}

describe('/metric answers from a Markdown table', () => {
  let dirs: ReturnType<typeof corpus>;
  let engine: Engine;
  const ctx = () => ({ engine, now: () => new Date('2031-05-12T09:00:00Z') });
  beforeAll(() => {
    dirs = corpus();
    engine = Engine.open(dirs);
  });

  it('gives the table figure, quoting the row exactly and citing caption and header', async () => {
    const answer = await runInput('/metric zeta revenue 2029', ctx());
    expect(AnswerSchema.safeParse(answer).success).toBe(true);
    expect(answer.status).toBe('answered');
    const f = answer.figures[0]!;
    expect(f).toMatchObject({ company: 'zeta-ai', metric: 'revenue', period: 'FY2029', value: 1_234_567_000, unit: 'CNY' });
    const text = engine.snapshot.byId.get('zeta-2030')!.text;
    expect(text.slice(f.source.start, f.source.end)).toBe(f.source.quote);
    expect(f.source.quote).toBe('| Revenue | 1,234,567 | 1,500,000 | 21.5% | 1,800,000 |');
    expect(f.source.table).toEqual({ caption: 'Consolidated results (RMB in thousands)', header: '| Item | 2029 | 2030 | YoY | 2031E |' });
    const shown = renderText(answer);
    expect(shown).toContain('table "Consolidated results (RMB in thousands)"');
    expect(shown.indexOf('| Item | 2029 | 2030 | YoY | 2031E |')).toBeLessThan(shown.indexOf('| Revenue | 1,234,567'));
  });

  it('a sentence and a table row stating the same figure agree: one answer, the other as corroboration', async () => {
    const answer = await runInput('/metric zeta revenue 2030', ctx());
    const f = answer.figures[0]!;
    expect(f.value).toBe(1_500_000_000);
    expect(f.alternatives).toEqual([]);
    const quotes = [f.source.quote, ...f.corroborating.map((c) => c.quote)];
    expect(quotes).toContain('Revenue was RMB 1,500 million in 2030, the company said.');
    expect(quotes).toContain('| Revenue | 1,234,567 | 1,500,000 | 21.5% | 1,800,000 |');
    expect(f.change?.display).toContain('21.5%');
  });

  it('a forecast column answers only a forecast question, flagged as an estimate', async () => {
    expect((await runInput('/metric zeta revenue 2031', ctx())).status).toBe('not_found');
    const answer = await runInput('/metric zeta revenue forecast 2031', ctx());
    const f = answer.figures[0]!;
    expect(f).toMatchObject({ value: 1_800_000_000, estimate: true });
    expect(f.qualifiers).toContain('forecast');
  });

  it('a loss in parentheses is negative; a ratio row stays in percent with its change in points', async () => {
    const loss = (await runInput('/metric zeta net loss 2030', ctx())).figures[0]!;
    expect(loss.value).toBe(-80_000_000);
    const margin = (await runInput('/metric zeta gross margin 2029', ctx())).figures[0]!;
    expect(margin).toMatchObject({ value: 32.4, unit: '%' });
    const change = (await runInput('/metric zeta revenue yoy 2030', ctx())).figures[0]!;
    expect(change).toMatchObject({ value: 21.5, unit: '%' });
  });

  it('a sentence and a table row stating different values: one is answered, the other shown as another statement', async () => {
    const f = (await runInput('/metric zeta gross margin 2030', ctx())).figures[0]!;
    const values = [f.value, ...f.alternatives.map((a) => a.value)].sort();
    expect(values).toEqual([34.7, 35]);
    const table = f.source.table ? f.source : f.alternatives[0]!.source;
    expect(table.table?.header).toBe('| Item | 2029 | 2030 | YoY | 2031E |');
    expect(table.quote).toBe('| Gross margin (%) | 32.4 | 34.7 | 2.3 ppt | n/a |');
  });

  it('table figures keep their origin in the persisted index', async () => {
    const reopened = Engine.open(dirs);
    expect(reopened.lastLoad.origin).toBe('loaded');
    const answer = await runInput('/metric zeta revenue 2029', { engine: reopened, now: () => new Date('2031-05-12T09:00:00Z') });
    expect(answer.figures[0]!.source.table?.caption).toBe('Consolidated results (RMB in thousands)');
    reopened.close();
  });

  it('a series cites the table once, with its header', async () => {
    const answer = await runInput('/metric zeta revenue 2029-2030', ctx());
    expect(answer.figures.map((f) => f.period)).toEqual(['FY2029', 'FY2030']);
    expect(answer.message).toContain('| Item | 2029 | 2030 | YoY | 2031E |');
  });

  it('npm run facts shows table figures as from a table, under the table header', () => {
    const env = { ...process.env, DOCUMENTS_DIR: dirs.documentsDir, INDEX_DIR: dirs.indexDir, COMPANIES_FILE: dirs.companiesFile, LOG_LEVEL: 'silent' };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/facts.ts', 'zeta-2030'], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    const tableLines = lines.filter((l) => l.includes('[from a table]'));
    expect(tableLines.length).toBe(10);
    expect(tableLines.some((l) => l.includes('FY2029') && l.includes('RMB 1.234567 billion'))).toBe(true);
    // The table's caption and header once, above its rows.
    expect(run.stdout.split('table "Consolidated results (RMB in thousands)"').length).toBe(2);
    // The sentence figure is not marked as from a table.
    expect(lines.some((l) => l.includes('-> Zeta AI | Revenue | FY2030') && !l.includes('[from a table]'))).toBe(true);
  });
});
