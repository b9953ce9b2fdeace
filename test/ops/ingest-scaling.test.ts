import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/core/engine.ts';
import { BUNDLED_COMPANIES } from '../helpers/engine.ts';

/**
 * Ingest time per KB stays flat as documents grow to 1 MB, whatever they are made of:
 * random financial phrases, numbers and punctuation, including text with few or no
 * sentence ends (where figure extraction costs most). Either extraction keeps up, or the
 * per-document budget stops it and the document is indexed as passages only.
 */

const PHRASES = [
  'revenue', 'net loss', 'gross margin', 'net income', 'R&D expenses', 'operating cash flow', 'was', 'rose to', 'fell to',
  'year on year', 'in 2023', 'in FY2024', 'Q4 2022', 'H1 2024', 'RMB', 'US$', 'million', 'billion', 'CloudWalk', 'QingCloud',
  '营收', '净利润', '毛利率', '研发费用', '云从科技', '青云科技', '2024年', '上半年', '同比', '增长', '下降', '亿元', '万元', '约',
];
const SIZES_KB = [32, 256, 1024];
/** How much more a KB of the larger document may cost than a KB of a smaller one. */
const MAX_PER_KB_RATIO = 3;

const token = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => (b % 3 === 0 ? `${a}.${b}` : b % 3 === 1 ? `${(a / 100).toFixed(2)}%` : a.toLocaleString('en-US'))) },
  { weight: 2, arbitrary: fc.constantFrom(',', '，', '、', '(', ')', ';', ':') },
);
// Sentence ends every few tokens, rarely, or never.
const doc = fc.record({ pool: fc.array(token, { minLength: 30, maxLength: 300 }), stopEvery: fc.constantFrom(6, 60, 0), stop: fc.constantFrom('.', '。', '\n') });

function document(pool: string[], stopEvery: number, stop: string, kb: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < kb * 1024; i += 1) {
    const t = `${pool[(i * 7 + (i >> 5)) % pool.length]}${stopEvery && i % stopEvery === stopEvery - 1 ? stop : ''} `;
    parts.push(t);
    size += Buffer.byteLength(t);
  }
  return `---\ntitle: Random\ncompany: CloudWalk Technology\n---\n${parts.join('')}\n`;
}

function ingestMs(text: string): number {
  const base = mkdtempSync(join(tmpdir(), 'finqa-scaling-'));
  mkdirSync(join(base, 'documents'));
  writeFileSync(join(base, 'documents', 'random.md'), text);
  const started = performance.now();
  const engine = Engine.open({ documentsDir: join(base, 'documents'), companiesFile: BUNDLED_COMPANIES });
  const ms = performance.now() - started;
  engine.close();
  return ms;
}

describe('ingest time per KB', () => {
  it('stays flat for random documents up to 1 MB', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(doc, ({ pool, stopEvery, stop }) => {
        const perKb = SIZES_KB.map((kb) => ingestMs(document(pool, stopEvery, stop, kb)) / kb);
        for (let i = 1; i < perKb.length; i += 1) {
          for (let j = 0; j < i; j += 1) expect(perKb[i]! / perKb[j]!, `ms per KB at ${SIZES_KB.join(', ')} KB: ${perKb.map((v) => v.toFixed(2)).join(', ')}`).toBeLessThanOrEqual(MAX_PER_KB_RATIO);
        }
      }),
      {
        numRuns: 2,
        endOnFailure: true,
        // Always tried: numbers and Chinese phrases in one sentence that never ends.
        examples: [[{ pool: ['云从科技', '2023年', '营收', '为', '5.12', '亿元', '，', '毛利率', '41.27%', '、'], stopEvery: 0, stop: '。' }]],
      },
    );
  });
});
