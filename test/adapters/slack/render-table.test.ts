import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/core/answer.ts';
import { makeAnswer } from '../../../src/core/answers/make.ts';
import { renderAnswer } from '../../../src/adapters/slack/render.ts';
import { renderMoreSources } from '../../../src/adapters/slack/render-more.ts';
import { slackBlockProblems } from '../../fakes/fake-slack.ts';
import { blockTexts } from './harness.ts';

/** A figure read from a table shows its caption, unit note and header row above the quoted row (made-up values). */

const row = '| Revenue | 1,234 | 1,500 | 21.5% |';
const tableSource = {
  document: 'doc-1',
  title: 'Annual report',
  published: '2031-03-20',
  quote: row,
  start: 10,
  end: 10 + row.length,
  table: { caption: 'Key figures (RMB in millions)', header: '| Item | 2029 | 2030 | YoY |', note: 'Unit: RMB million' },
};

function figure(overrides: Partial<Figure> = {}): Figure {
  return { company: 'acme', companyName: 'Acme Cloud', metric: 'revenue', metricLabel: 'Revenue', period: 'FY2030', value: 1_500_000_000, unit: 'CNY', display: 'RMB 1,500 million', qualifiers: [], source: tableSource, corroborating: [], alternatives: [], ...overrides };
}

const answer = (f: Figure) => makeAnswer({ query: 'acme revenue 2030', command: 'metric', status: 'answered', message: 'Acme Cloud revenue FY2030: RMB 1,500 million', figures: [f] });

describe('Slack: a table figure', () => {
  it('quotes caption, unit note, header row, then the row, inside one block quote with its citation', () => {
    const m = renderAnswer(answer(figure()), { postToChannel: 'v', moreSources: 'v' });
    expect(slackBlockProblems(m.blocks)).toEqual([]);
    const quote = (m.blocks as any[]).find((b) => b.type === 'section' && b.text.text.startsWith('>'));
    const lines = quote.text.text.split('\n');
    expect(lines[0]).toBe('>_Key figures (RMB in millions)_ (Unit: RMB million)');
    expect(lines[1]).toBe('>| Item | 2029 | 2030 | YoY |');
    expect(lines[2]).toBe(`>${row}`);
    expect(lines[3]).toContain('_Annual report_, 2031-03-20');
  });

  it('a table without caption shows the header and the row; a sentence source shows no table lines', () => {
    const m = renderAnswer(answer(figure({ source: { ...tableSource, table: { caption: null, header: '| Item | 2030 |' } } })));
    const text = blockTexts(m.blocks);
    expect(text).toContain(`>| Item | 2030 |\n>${row}`);
    const plain = renderAnswer(answer(figure({ source: { document: 'd', title: 'T', published: null, quote: 'Revenue was RMB 1,500 million.', start: 0, end: 30 } })));
    expect(blockTexts(plain.blocks)).not.toContain('| Item');
  });

  it('More sources shows where each corroborating table row sits too', () => {
    const more = renderMoreSources(answer(figure({ corroborating: [{ ...tableSource, title: 'Press release' }] })));
    const text = blockTexts(more.blocks as any[]);
    expect(text.split('| Item | 2029 | 2030 | YoY |').length).toBe(3);
  });

  it('a very long header stays within the section limit', () => {
    const header = `| Item | ${Array.from({ length: 400 }, (_, i) => `Col ${i}`).join(' | ')} |`;
    const m = renderAnswer(answer(figure({ source: { ...tableSource, table: { caption: 'x'.repeat(3000), header } } })));
    expect(slackBlockProblems(m.blocks)).toEqual([]);
    expect(blockTexts(m.blocks)).toContain(row);
  });
});
