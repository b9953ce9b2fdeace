import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src/core/facts/extract.ts';
import { findTables, tablePlaceAt } from '../../../src/core/facts/tables/find-tables.ts';
import { documentOf, registry } from './helpers.ts';

/** Pipe tables found in cleaned text with exact offsets; where a row sits, for citations. */

const TEXT = [
  'Intro line of prose.',
  '',
  '## Key figures',
  '',
  '| Item | 2030 | 2029 |',
  '|:---|---:|---:|',
  '|  Revenue | 10.0 | 9.0 |',
  '| Net \\| loss | (1.0) | (2.0) |',
  '',
  'Unit: RMB million',
  '',
  'Closing words 2030 | 2029 without a separator line.',
].join('\n');

describe('findTables', () => {
  const [table] = findTables(TEXT);

  it('finds the header, rows, caption and note with offsets into the text', () => {
    expect(findTables(TEXT)).toHaveLength(1);
    expect(TEXT.slice(table!.header.start, table!.header.end)).toBe('| Item | 2030 | 2029 |');
    expect(table!.rows.map((r) => TEXT.slice(r.start, r.end))).toEqual(['|  Revenue | 10.0 | 9.0 |', '| Net \\| loss | (1.0) | (2.0) |']);
    expect(table!.caption?.text).toBe('## Key figures');
    expect(table!.notes).toEqual(['Unit: RMB million']);
    for (const cell of table!.rows.flatMap((r) => r.cells)) expect(TEXT.slice(cell.start, cell.end)).toBe(cell.text);
    expect(table!.rows[0]!.cells.map((c) => c.text)).toEqual(['Revenue', '10.0', '9.0']);
    expect(table!.rows[1]!.cells.map((c) => c.text)).toEqual(['Net \\| loss', '(1.0)', '(2.0)']);
    expect(table!.rows[0]!.cells[0]!.indent).toBe(1);
  });

  it('a line with pipes but no separator line is not a table', () => {
    expect(findTables('业绩表现2030  |  2029\n  - 营业额上升')).toEqual([]);
    expect(findTables('a | b\nc | d')).toEqual([]);
  });

  it('tells where a row sits: caption without heading marks, header, unit note', () => {
    const row = table!.rows[0]!;
    expect(tablePlaceAt(TEXT, row.start)).toEqual({ caption: 'Key figures', header: '| Item | 2030 | 2029 |', note: 'Unit: RMB million' });
    expect(tablePlaceAt(TEXT, TEXT.indexOf('Intro'))).toBeNull();
    expect(tablePlaceAt(TEXT, TEXT.indexOf('Closing'))).toBeNull();
  });
});

describe('any text with pipes and dashes', () => {
  it('never throws, and every table figure quotes an exact row of the text that holds its number', () => {
    const piece = fc.constantFrom('| ', ' |', '|', '---', '|---|---|', '\n', ' ', 'Revenue', 'Net loss', '营业收入', '2030', '2029E', 'YoY', '(1,234)', '12.5%', 'RMB in thousands', '单位:亿元', '其中:', 'Cloud services', 'Total', '合计', '-', 'n/a', '9.35', '1H30', 'Beta');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        const doc = documentOf(parts.join(''));
        const facts = extractFacts(doc, registry());
        for (const f of facts) {
          const quote = doc.text.slice(f.start, f.end);
          expect(quote).toContain(f.numberText);
          expect(Number.isFinite(f.value)).toBe(true);
          if (f.origin === 'table') expect(quote.includes('|')).toBe(true);
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });
});
