import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../../src/adapters/discord/render.ts';
import { visibleText } from './harness.ts';
import { answer, figure, limitProblems, source } from './limits.ts';

/** A figure read from a table shows its caption, unit note and header row above the quoted row (made-up values). */

const row = '| Revenue | 1,234 | 1,500 | 21.5% |';
const tableSource = { ...source(row), table: { caption: 'Key figures (RMB in millions)', header: '| Item | 2029 | 2030 | YoY |', note: 'Unit: RMB million' } };

describe('Discord: a table figure', () => {
  it('quotes caption, header row and row in that order, with the document title, within the limits', () => {
    const f = figure('FY2030', 'RMB 1,500 million', row, { source: tableSource });
    const message = 'Acme revenue FY2030: RMB 1,500 million\n  Source: table "Key figures (RMB in millions)" [Unit: RMB million] (Example Report 1, 2030-02-15)\n      | Item | 2029 | 2030 | YoY |\n      | Revenue | 1,234 | 1,500 | 21.5% |';
    const r = renderAnswer(answer({ status: 'answered', message, figures: [f], data: { layout: 'single' } }));
    expect(r.messages.flatMap((m) => limitProblems(m))).toEqual([]);
    const [embed] = r.messages[0]!.embeds;
    const description = embed!.description!;
    const text = visibleText({ embeds: [embed as any] });
    expect(text.indexOf('Key figures (RMB in millions)')).toBeLessThan(text.indexOf('| Item | 2029 | 2030 | YoY |'));
    expect(text.indexOf('| Item | 2029 | 2030 | YoY |')).toBeLessThan(text.indexOf(row));
    expect(text).toContain('Unit: RMB million');
    expect(description).toContain('— Example Report 1');
    // The console citation lines are shown by the embed: they are not repeated as loose text.
    expect(r.messages[0]!.content ?? '').not.toContain('| Item');
  });

  it('a table figure among corroborating sources shows its header in the field; long headers fit', () => {
    const header = `| Item | ${Array.from({ length: 300 }, (_, i) => `Col ${i}`).join(' | ')} |`;
    const f = figure('FY2030', 'RMB 1,500 million', 'Revenue was RMB 1,500 million.', { corroborating: [{ ...tableSource, table: { caption: 'c'.repeat(2000), header } }] });
    const r = renderAnswer(answer({ status: 'answered', message: 'x', figures: [f], data: { layout: 'single' } }));
    expect(r.messages.flatMap((m) => limitProblems(m))).toEqual([]);
    const fieldText = r.messages[0]!.embeds[0]!.fields![0]!.value;
    expect(fieldText).toContain('Revenue');
  });
});
