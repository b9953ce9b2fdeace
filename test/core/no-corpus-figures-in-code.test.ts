import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayOf } from '../../src/core/query/figures.ts';
import { bundledEngine } from '../helpers/engine.ts';

const root = resolve(import.meta.dirname, '../..');

function sources(dir: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|js|json|ya?ml)$/u.test(name)) out.push({ file: path.slice(root.length + 1), text: readFileSync(path, 'utf8') });
  }
  return out;
}

/**
 * Figures come from extraction, never from code: no number, nor any quoted sentence, of
 * the bundled documents appears in src/ or commands/.
 */
describe('no figures of the corpus in code', () => {
  const code = [...sources(join(root, 'src')), ...sources(join(root, 'commands'))];
  const snapshot = bundledEngine().snapshot;

  it('extraction found figures to check against', () => {
    expect(snapshot.facts.size).toBeGreaterThan(100);
  });

  it('no number as a document writes it appears in code', () => {
    const numbers = new Set<string>();
    for (const f of snapshot.facts.facts) {
      const mantissa = f.numberText.match(/\d[\d,]*\.\d+|\d{1,3}(?:,\d{3})+/u)?.[0];
      if (mantissa && mantissa.length >= 4) numbers.add(mantissa);
      if (/[億亿萬万]/u.test(f.numberText)) numbers.add(f.numberText.replace(/^[^\d-]+/u, ''));
      // The forms answers print: "RMB 512 million", and stated changes such as "12.34%".
      const shown = displayOf(f).replace(/\s*\(.*\)$/u, '');
      if (/\d{3}|\d\.\d/u.test(shown)) numbers.add(shown.replace(/^(?:about|over|under) /u, ''));
      if (f.change && !Number.isInteger(f.change.value)) numbers.add(`${Math.abs(f.change.value)}%`);
    }
    const hits = code.flatMap(({ file, text }) => [...numbers].filter((n) => text.includes(n)).map((n) => `${file}: ${n}`));
    expect(hits).toEqual([]);
  });

  // Metric vocabulary ("Depreciation and amortization costs") may open a sentence; a
  // quote is longer than any phrase of the vocabulary.
  it('no quoted sentence appears in code', () => {
    const openings = new Set([...snapshot.facts.facts].map((f) => snapshot.byId.get(f.doc)!.text.slice(f.start, f.start + 40)));
    const hits = code.flatMap(({ file, text }) => [...openings].filter((o) => o.length >= 30 && text.includes(o)).map((o) => `${file}: ${o}`));
    expect(hits).toEqual([]);
  });
});
