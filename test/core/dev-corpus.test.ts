import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInput } from '../../commands/index.ts';
import type { Answer, Figure } from '../../src/core/answer.ts';
import { Engine } from '../../src/core/engine.ts';
import { BUNDLED_COMPANIES, BUNDLED_DOCUMENTS } from '../helpers/engine.ts';

/**
 * The dev corpus answer key (../shared/dev-corpus, real pages nobody here wrote) run
 * through the engine, judged as ../shared/tools/score.py judges it: every figure asked
 * as `/metric` and in words. A wrong figure, or a figure where the key says the document
 * does not state one, fails the test. The texts are read from the shared folder at test
 * time and never copied into the repository.
 */

const DEV = resolve(import.meta.dirname, '../../../shared/dev-corpus');
const present = existsSync(join(DEV, 'gold.jsonl'));

interface GoldFigure {
  doc: string;
  company: string;
  metric: string;
  period: string;
  value: number | null;
  unit: string | null;
  quote: string | null;
  question: string;
}

/**
 * Wrong answers still given, each a known gap written down so it cannot grow unseen:
 * a new wrong answer fails, and so does one of these once it is fixed (remove it here).
 */
// Answers known to be wrong, by id: none now. A fix that leaves one here fails the test.
const KNOWN_WRONG = new Set<string>([]);

const flat = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function periodKey(p: string | null | undefined): string {
  const t = (p ?? '').toUpperCase();
  const span = t.match(/((?:19|20)\d\d)\s*(?:-|–|TO|至)\s*(?:FY)?((?:19|20)\d\d)/u);
  if (span && !/\b(?:Q[1-4]|H[12]|9M)\b/u.test(t)) return `${span[1]}-${span[2]}`;
  const year = t.match(/(?:19|20)\d\d/gu)?.at(-1) ?? '';
  const part = t.match(/\bQ([1-4])\b/u)?.[0] ?? t.match(/\bH[12]\b/u)?.[0] ?? (/\b9M\b/u.test(t) ? '9M' : 'FY');
  return `${year} ${part}`;
}

function close(a: unknown, b: number): boolean {
  if (typeof a !== 'number') return false;
  const x = Math.abs(a);
  const y = Math.abs(b);
  if (Math.abs(x - y) <= Math.max(0.002 * Math.max(x, y), 0.005)) return true;
  const digits = x ? String(Number(x.toPrecision(15))).replace('.', '').replace(/^0+|0+$/gu, '').length : 1;
  return digits >= 2 && digits <= 3 && y > 0 && Number(y.toPrecision(digits)) === x;
}

function changeValues(f: Figure): number[] {
  return f.change ? [f.change.value] : [];
}

describe.skipIf(!present)('dev corpus answer key (../shared/dev-corpus)', () => {
  it('gives no wrong figure and holds every refusal', { timeout: 240_000 }, async () => {
    const docs = mkdtempSync(join(tmpdir(), 'finqa-dev-docs-'));
    mkdirSync(docs, { recursive: true });
    for (const dir of [BUNDLED_DOCUMENTS, join(DEV, 'documents')]) for (const name of readdirSync(dir)) copyFileSync(join(dir, name), join(docs, name));
    const ownText = new Map(readdirSync(join(DEV, 'documents')).map((n) => [n, flat(readFileSync(join(DEV, 'documents', n), 'utf8'))]));
    const engine = Engine.open({ documentsDir: docs, companiesFile: BUNDLED_COMPANIES, indexDir: mkdtempSync(join(tmpdir(), 'finqa-dev-index-')) });
    const ctx = { engine, now: () => new Date('2026-01-01T00:00:00Z') };
    const gold = readFileSync(join(DEV, 'gold.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GoldFigure & { q?: string });
    const units = new Map<string, Array<[string | null, number]>>();
    for (const g of gold) if (!g.q && g.value !== null) units.set(`${g.doc}|${g.metric}|${g.period}`, [...(units.get(`${g.doc}|${g.metric}|${g.period}`) ?? []), [g.unit, g.value]]);

    const tally = { correct: 0, wrong: 0, inPassage: 0, missed: 0, refusalsHeld: 0, refusals: 0 };
    const wrong: string[] = [];
    for (const g of gold) {
      if (g.q) continue;
      const others = (units.get(`${g.doc}|${g.metric}|${g.period}`) ?? []).filter(([u]) => u !== g.unit).map(([, v]) => v);
      const forms: Array<[string, string]> = [[g.question, 'words']];
      if (!(others.length && g.unit !== null && g.unit !== 'CNY' && g.unit !== '%')) forms.unshift([`/metric ${g.company.toLowerCase()} ${g.metric.replace(/_/gu, ' ')} ${g.period}`, '/metric']);
      for (const [q, form] of forms) {
        const answer: Answer = await runInput(q, ctx);
        const id = `${g.company.toLowerCase()} ${g.metric.replace(/_/gu, ' ')} ${g.period} ${form}`;
        const samePeriod = answer.figures.filter((f) => periodKey(f.period) === periodKey(g.period));
        if (g.value === null) {
          tally.refusals += 1;
          const own = ownText.get(g.doc) ?? '';
          const bad = answer.status === 'answered' && samePeriod.some((f) => own.includes(flat(f.source.quote)));
          if (bad) wrong.push(id);
          else tally.refusalsHeld += 1;
          continue;
        }
        const value = g.value;
        const hit = samePeriod.some((f) => close(f.value, value) || changeValues(f).some((c) => close(c, value)));
        if (hit) {
          tally.correct += 1;
          continue;
        }
        let same = answer.status === 'answered' ? samePeriod.filter((f) => !others.some((o) => close(f.value, o))) : [];
        if (/_(?:yoy|qoq|change)$/u.test(g.metric)) same = same.filter((f) => changeValues(f).length > 0);
        if (same.length) {
          tally.wrong += 1;
          wrong.push(id);
        } else if (g.quote && answer.passages.slice(0, 3).some((p) => flat(p.quote).includes(flat(g.quote)))) tally.inPassage += 1;
        else tally.missed += 1;
      }
    }
    console.log(`dev corpus: ${tally.correct} correct, ${tally.wrong} wrong, ${tally.inPassage} more in a quoted passage, ${tally.missed} missed, refusals ${tally.refusalsHeld}/${tally.refusals}`);
    const newWrong = wrong.filter((id) => !KNOWN_WRONG.has(id));
    const fixed = [...KNOWN_WRONG].filter((id) => !wrong.includes(id));
    expect(newWrong, 'wrong figures or refusals not held').toEqual([]);
    expect(fixed, 'fixed: remove from KNOWN_WRONG').toEqual([]);
    // Most figures must be given, or at least quoted in a passage, not lost.
    expect(tally.correct + tally.inPassage).toBeGreaterThan(0.6 * (tally.correct + tally.wrong + tally.inPassage + tally.missed));
  });
});
