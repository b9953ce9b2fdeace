import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../../src/adapters/discord/render.ts';
import { unescape, visibleText } from './harness.ts';
import { answer, figure, limitProblems, source } from './limits.ts';

const allWithinLimits = (r: ReturnType<typeof renderAnswer>) => r.messages.flatMap((m) => limitProblems(m));

describe('Discord rendering of answers', () => {
  it('shows a figure as title and value, its quote with document title and date, more sources as fields', () => {
    const f = figure('FY2030', 'USD 12.5 million', 'Revenue was USD 12.5 million in 2030.', {
      change: { value: -3, unit: '%', basis: 'yoy', display: 'down 3% year on year', computed: false },
      corroborating: [source('Sales reached 12.5 million dollars.', 2)],
      alternatives: [{ value: 13, display: 'USD 13 million', source: source('Revenue of about 13 million.', 3) }],
      qualifiers: ['adjusted'],
    });
    const r = renderAnswer(answer({ status: 'answered', message: 'x', figures: [f], data: { layout: 'single' } }));
    expect(r.ephemeral).toBe(false);
    expect(r.messages).toHaveLength(1);
    const [embed] = r.messages[0]!.embeds;
    expect(embed!.title).toBe('Example Co · Revenue · FY2030');
    expect(embed!.description).toContain('**USD 12.5 million** · down 3% year on year');
    expect(embed!.description).toContain('> Revenue was USD 12.5 million in 2030.');
    expect(embed!.description).toContain('— Example Report 1, 2030-02-15');
    expect(embed!.description).toContain('*adjusted*');
    expect(embed!.fields!.map((x) => x.name)).toEqual(['Also stated in', 'Another statement says USD 13 million']);
    expect(embed!.fields![0]!.value).toContain('Sales reached 12.5 million dollars.');
    expect(embed!.fields![1]!.value).toContain('Example Report 3');
    expect(embed!.footer!.text).toBe('Document: example-doc-1');
    expect(allWithinLimits(r)).toEqual([]);
  });

  it('splits a long series over fields, embeds and follow-up messages, every period once and in order', () => {
    const figures = Array.from({ length: 70 }, (_, i) => figure(`Q${(i % 4) + 1} ${2000 + Math.floor(i / 4)}`, `USD ${i + 1} million`, `Quarter ${i} statement. ${'Long context words here. '.repeat(40)}`));
    const r = renderAnswer(answer({ status: 'answered', message: 'Series', figures, data: { layout: 'series' } }));
    expect(r.messages.length).toBeGreaterThan(1);
    expect(allWithinLimits(r)).toEqual([]);
    const names = r.messages.flatMap((m) => m.embeds.flatMap((e) => (e.fields ?? []).map((f) => f.name)));
    expect(names).toEqual(figures.map((f) => f.period));
    const values = r.messages.flatMap((m) => m.embeds.flatMap((e) => (e.fields ?? []).map((f) => f.value)));
    values.forEach((v, i) => {
      expect(v).toContain(`**USD ${i + 1} million**`);
      // Shortened only at the end, visibly: what is shown is the quote's own beginning.
      const shown = v.split('\n')[1]!.replace(/^> /u, '');
      expect(shown.endsWith('…')).toBe(true);
      expect(figures[i]!.source.quote.startsWith(shown.slice(0, -1).trimEnd())).toBe(true);
    });
  });

  it('shows a sentence that states a whole series once, later periods referring to it', () => {
    const shared = source('Revenue was USD 1 million, USD 2 million and USD 3 million in 2030, 2031 and 2032.');
    const figures = ['FY2030', 'FY2031', 'FY2032'].map((p, i) => figure(p, `USD ${i + 1} million`, 'x', { source: shared }));
    const r = renderAnswer(answer({ status: 'answered', message: 'Example Co revenue, FY2030 to FY2032:\nSources:', figures, data: { layout: 'series' } }));
    const [e] = r.messages[0]!.embeds;
    expect(e!.title).toBe('Example Co revenue, FY2030 to FY2032');
    expect(e!.fields!.map((f) => f.value.split('\n')[1])).toEqual([`> ${shared.quote}`, '↑ same quote as FY2030', '↑ same quote as FY2030']);
  });

  it('splits a long text answer into several messages without losing a line', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `- Example document number ${i} about a company (2030-01-01; en; 0 figures) [doc-${i}]`);
    const message = ['400 documents:', ...lines].join('\n');
    const r = renderAnswer(answer({ status: 'answered', command: 'sources', message }));
    expect(r.messages.length).toBeGreaterThan(2);
    expect(allWithinLimits(r)).toEqual([]);
    const text = r.messages.flatMap((m) => m.embeds.map((e) => unescape(e.description ?? ''))).join('\n');
    expect(text).toBe(message);
  });

  it('says what is known and what to try when nothing is found', () => {
    const r = renderAnswer(
      answer({
        status: 'not_found',
        message: 'Not found: the corpus does not state Example Co revenue for FY2031.',
        known: ['Example Co revenue is stated for: FY2029, FY2030.'],
        suggestions: ['/metric example co revenue FY2030'],
      }),
    );
    expect(r.ephemeral).toBe(false);
    const fields = r.messages[0]!.embeds.at(-1)!.fields!;
    expect(fields.find((f) => f.name === 'What the corpus has')!.value).toBe('Example Co revenue is stated for: FY2029, FY2030.');
    expect(fields.find((f) => f.name === 'Try')!.value).toBe('`/metric example co revenue FY2030`');
  });

  it('does not repeat known lines the message already has', () => {
    const known = 'The corpus states no figures for Example Co.';
    const r = renderAnswer(answer({ status: 'not_found', message: `Not found.\n${known}`, known: [known] }));
    expect(visibleText(r.messages[0] as never).split(known)).toHaveLength(2);
  });

  it('keeps internal errors and invalid input to the asker, errors with their reference id', () => {
    const error = renderAnswer(answer({ status: 'error', message: 'Sorry, something went wrong.', errorId: 'ab12cd34' }));
    expect(error.ephemeral).toBe(true);
    expect(error.messages).toEqual([{ content: 'Sorry, something went wrong. (reference ab12cd34)', embeds: [] }]);
    expect(renderAnswer(answer({ status: 'invalid', message: 'name a company' })).ephemeral).toBe(true);
  });

  it('escapes markdown in quotes and titles so they show exactly as written', () => {
    const quote = 'Margins *improved* to 5_000 units ~~fast~~ `now` | done > there';
    const r = renderAnswer(answer({ status: 'answered', message: 'x', passages: [{ ...source(quote), title: '**Bold** title', score: 1 }] }));
    const e = r.messages[0]!.embeds[0]!;
    expect(e.description).not.toContain('*improved*');
    expect(visibleText({ embeds: [e] })).toContain(quote);
  });

  it('lays out a comparison with one field per company and the companies without a figure in the text', () => {
    const a = figure('FY2030', 'USD 5 million', 'A made 5 million.', { companyName: 'Alpha Co' });
    const b = figure('FY2030', 'USD 7 million', 'B made 7 million.', { companyName: 'Beta Co' });
    const message = ['Revenue compared, FY2030:', 'Alpha Co revenue FY2030: USD 5 million', '  Source: "A made 5 million." (Example Report 1)', 'Beta Co revenue FY2030: USD 7 million', '  Source: "B made 7 million."', 'Gamma Co: not stated for FY2030.'].join('\n');
    const r = renderAnswer(answer({ status: 'answered', command: 'compare', message, figures: [a, b], data: { layout: 'comparison' } }));
    const [e] = r.messages[0]!.embeds;
    expect(e!.title).toBe('Revenue compared, FY2030');
    expect(e!.description).toBe('Gamma Co: not stated for FY2030.');
    expect(e!.fields!.map((f) => f.name)).toEqual(['Alpha Co · FY2030', 'Beta Co · FY2030']);
  });

  it('attaches a chart that exists and leaves out one that does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'discord-chart-'));
    const path = join(dir, 'c.png');
    writeFileSync(path, Buffer.from('89504e470d0a1a0a', 'hex'));
    const chart = { path, width: 10, height: 10, title: 'Example chart', series: [] };
    const r = renderAnswer(answer({ status: 'answered', message: 'x', chart }));
    expect(r.messages[0]!.files).toEqual([{ path, name: 'chart.png' }]);
    expect(r.messages[0]!.embeds.at(-1)!.image!.url).toBe('attachment://chart.png');
    const gone = renderAnswer(answer({ status: 'answered', message: 'x', chart: { ...chart, path: join(dir, 'missing.png') } }));
    expect(gone.messages[0]!.files).toBeUndefined();
  });

  it('a message of only white space still renders a valid embed (found by the property below, seed 7430265)', () => {
    for (const message of ['\n', ' ', '\n \n']) {
      const r = renderAnswer(answer({ status: 'answered', message, figures: [], passages: [], data: { layout: 'single' } }));
      expect(allWithinLimits(r)).toEqual([]);
      expect(r.messages[0]!.embeds.length).toBeGreaterThan(0);
      expect(r.messages[0]!.embeds[0]!.description).toBe('(no text)');
    }
  });

  it('stays within every limit for any answer (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '*', '億', '😀', 'x'), maxLength: 3000 });
    const fig = fc.record({ period: fc.string({ minLength: 1, maxLength: 300 }), display: fc.string({ minLength: 1, maxLength: 300 }), quote: text, corroborating: fc.array(text, { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(fig, { maxLength: 40 }), text, fc.constantFrom('single', 'series', 'comparison'), fc.array(text, { maxLength: 5 }), (figs, message, layout, passages) => {
        const figures = figs.map((f) => figure(f.period, f.display, f.quote || 'q', { corroborating: f.corroborating.map((c) => source(c || 'c')) }));
        const a = answer({ status: 'answered', message: message || 'm', figures, passages: figures.length ? [] : passages.map((p) => ({ ...source(p || 'p'), score: 1 })), data: { layout } });
        const r = renderAnswer(a);
        expect(allWithinLimits(r)).toEqual([]);
        const shownFigures = r.messages.flatMap((m) => m.embeds.flatMap((e): unknown[] => (layout === 'single' ? (e.footer?.text.startsWith('Document: ') ? [e] : []) : (e.fields ?? []))));
        expect(shownFigures.length).toBe(figures.length);
      }),
      { numRuns: 60 },
    );
  });
});
