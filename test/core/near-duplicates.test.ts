import { describe, expect, it } from 'vitest';
import { NearDuplicateFinder } from '../../src/core/corpus/near-duplicates.ts';

const article = Array.from({ length: 20 }, (_, i) => `Paragraph ${i}: the company reported results for the period, line ${i}.`).join('\n');

describe('near-duplicate documents', () => {
  it('finds a copy that differs in a few lines, and names the first', () => {
    const finder = new NearDuplicateFinder();
    expect(finder.check('a.md', article)).toBeNull();
    const copy = article.replace('line 3.', 'line three, shared 120 times.').replace('line 7.', 'line seven, edited.');
    expect(finder.check('b.md', copy)).toEqual({ of: 'a.md', same: 18, total: 20 });
  });

  it('keeps documents that only share some lines, and short ones', () => {
    const finder = new NearDuplicateFinder();
    expect(finder.check('a.md', article)).toBeNull();
    const half = article.split('\n').slice(0, 10).join('\n') + '\n' + Array.from({ length: 10 }, (_, i) => `Another story entirely, sentence number ${i}.`).join('\n');
    expect(finder.check('b.md', half)).toBeNull();
    expect(finder.check('c.md', 'Short note.')).toBeNull();
    expect(finder.check('d.md', 'Short note.')).toBeNull();
  });
});
