import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The rules come from how financial text is written, not from the pages they were tried on:
 * no company name, quoted sentence or figure of the dev corpus (../shared/dev-corpus, read at
 * test time) appears in src/ or commands/, comments included. Examples in code use made-up
 * companies and numbers.
 */

const root = resolve(import.meta.dirname, '../..');
const DEV = resolve(root, '../shared/dev-corpus');
const present = existsSync(join(DEV, 'gold.jsonl'));

function sources(dir: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|js|json|ya?ml|md)$/u.test(name)) out.push({ file: path.slice(root.length + 1), text: readFileSync(path, 'utf8') });
  }
  return out;
}

interface Gold {
  company?: string;
  quote?: string;
}

describe.skipIf(!present)('no dev-corpus material in code', () => {
  const code = [...sources(join(root, 'src')), ...sources(join(root, 'commands'))];
  const gold = present ? readFileSync(join(DEV, 'gold.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Gold) : [];
  const find = (needles: Iterable<string>, fold = (s: string) => s) =>
    code.flatMap(({ file, text }) => [...needles].filter((n) => fold(text).includes(fold(n))).map((n) => `${file}: ${n}`));

  it('names no company of the dev corpus, in any of its spellings', () => {
    const names = new Set(gold.map((g) => g.company).filter((n): n is string => Boolean(n)));
    for (const file of readdirSync(join(DEV, 'documents'))) {
      const aliases = readFileSync(join(DEV, 'documents', file), 'utf8').match(/^aliases: \[(.*)\]$/mu)?.[1] ?? '';
      // Chinese names, and English names long enough not to be a common word or a ticker.
      for (const [, a] of aliases.matchAll(/"([^"]+)"/gu)) if (/[\u4e00-\u9fff]{2}/u.test(a!) || /^[A-Za-z][A-Za-z .,]{4,}$/u.test(a!)) names.add(a!);
    }
    expect(names.size).toBeGreaterThan(20);
    expect(find(names, (s) => s.toLowerCase())).toEqual([]);
  });

  it('quotes no sentence of it and writes none of its figures', () => {
    const quotes = new Set(gold.map((g) => g.quote).filter((q): q is string => Boolean(q && q.length >= 6)));
    // A figure with its unit as the page writes it ("17.64%", "6.04亿"), never a bare constant.
    const figures = new Set<string>();
    for (const q of quotes) for (const m of q.matchAll(/(?<![\d.])\d[\d,]*\.\d+\s?(?:%|亿|億|万|萬|million|billion)/gu)) figures.add(m[0]);
    expect(quotes.size).toBeGreaterThan(100);
    expect(figures.size).toBeGreaterThan(50);
    const hits = code.flatMap(({ file, text }) => [...figures].filter((n) => new RegExp(`(?<![\\d.])${n.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u').test(text)).map((n) => `${file}: ${n}`));
    expect([...find(quotes), ...hits]).toEqual([]);
  });
});
