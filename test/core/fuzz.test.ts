import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCommand, runInput } from '../../commands/index.ts';
import { AnswerSchema } from '../../src/core/answer.ts';
import { cleanText } from '../../src/core/corpus/clean.ts';
import { findNumbers } from '../../src/core/facts/numbers.ts';
import { quoteStatesValue } from '../../src/core/facts/verify.ts';
import { parsePeriod, parsePeriodRange } from '../../src/core/periods.ts';
import { parseLookup } from '../../src/core/query/parse-query.ts';
import { fold } from '../../src/core/text/fold.ts';
import { tokenize } from '../../src/core/text/tokenize.ts';
import { bundledContext } from '../helpers/engine.ts';

const ctx = bundledContext();

// Pieces real users type, mixed with arbitrary Unicode.
const piece = fc.oneof(
  fc.constantFrom('cloudwalk', '云从科技', '雲從科技', 'QingCloud', '青雲科技', 'kingsoft cloud', '金山雲', 'KC', '688327', 'acme'),
  fc.constantFrom('revenue', 'net loss', '净利润', '營收', 'gross margin', '毛利率', 'free cash flow', 'r&d', 'headcount'),
  fc.constantFrom('2024', 'FY24', '4Q22', 'Q4 2022', '2024年度', '２０２４', 'H1 2024', '2017-2024', '2024Q9', '1e9', '３.９８億', '-0', 'NaN', '99999999999999999999'),
  fc.constantFrom('<@U123>', '<#C1|general>', '<https://example.com|link>', '<!channel>', '<@!123456789012345678>', '<@&42>', '&amp;', '*bold*', '`code`', '```'),
  fc.constantFrom('/metric', '/compare', '/ask', '/sources', '/metrics', '/help', '/summary', '/subscribe', '/unsubscribe', '/x'),
  fc.constantFrom('مرحبا', 'שלום', '\u202e', '\u200b', '\u0000', '\u0007', '\ud83d\ude00', '🇨🇳', 'é', 'Ω'),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const input = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(' '));
const longInput = fc.string({ unit: 'grapheme', minLength: 900, maxLength: 3000 });

describe('fuzzed input', () => {
  it('the question router always returns a valid Answer, quickly, and never a figure its quote does not state', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(input, longInput), async (text) => {
        const started = performance.now();
        const answer = await runInput(text, ctx);
        const elapsed = performance.now() - started;
        AnswerSchema.parse(answer);
        expect(answer.status).not.toBe('error');
        expect(elapsed).toBeLessThan(2000);
        for (const f of answer.figures) expect(quoteStatesValue(f.source.quote, f.value, f.range)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('every command parses any text and any typed options without throwing', async () => {
    const names = ['metric', 'compare', 'ask', 'sources', 'metrics', 'help', 'summary', 'subscriptions'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), input, fc.dictionary(fc.constantFrom('company', 'metric', 'period', 'companies', 'question', 'command', 'week'), input), async (name, text, options) => {
        AnswerSchema.parse(await runCommand(name, { text }, ctx));
        const typed = await runCommand(name, { options }, ctx);
        AnswerSchema.parse(typed);
        expect(typed.status).not.toBe('error');
      }),
      { numRuns: 200 },
    );
  });

  it('the text helpers never throw', () => {
    fc.assert(
      fc.property(fc.oneof(input, longInput), (text) => {
        cleanText(text);
        tokenize(text);
        findNumbers(fold(text));
        parsePeriod(text);
        parsePeriodRange(text);
        parseLookup(text, ctx.engine.snapshot.registry);
      }),
      { numRuns: 500 },
    );
  });
});

describe('odd forms are understood, not just survived', () => {
  it.each([
    ['/metric cloudwalk revenue ２０２４', 'FY2024'],
    ['/metric cloudwalk revenue FY24', 'FY2024'],
    ['/metric cloudwalk revenue 2024年度', 'FY2024'],
    ['/metric kingsoft cloud revenue 4Q22', 'Q4 2022'],
    ['/metric kingsoft cloud revenue 2022年第四季度', 'Q4 2022'],
    ['/metric qingcloud revenue 1H24', 'H1 2024'],
    ['/metric qingcloud revenue 2024年上半年', 'H1 2024'],
    ['<@U0BOT> what was qingcloud revenue in 2022?', 'FY2022'],
  ])('%s', async (line, period) => {
    const answer = await runInput(line, ctx);
    expect(answer.status, answer.message).toBe('answered');
    expect(answer.figures[0]!.period).toBe(period);
  });

  it('reads full-width numbers in documents', () => {
    const [n] = findNumbers(fold('營收３.９８億元'));
    expect(n!.value).toBe(398e6);
  });
});

describe('concurrency', () => {
  it('200 questions in flight at once give the same answers as one at a time', async () => {
    const questions = [
      '/metric cloudwalk revenue 2024',
      '/metric qingcloud net loss',
      '/compare revenue cloudwalk qingcloud 2019-2023',
      '/ask 云从科技裁员',
      'How much did QingCloud lose in 2021?',
      '/metric kingsoft cloud free cash flow Q4 2022',
      '/sources',
      '/metric nosuch revenue 2024',
    ];
    const batch = Array.from({ length: 200 }, (_, i) => questions[i % questions.length]!);
    const sequential = [];
    for (const q of batch) sequential.push(await runInput(q, ctx));
    const parallel = await Promise.all(batch.map((q) => runInput(q, ctx)));
    expect(parallel).toEqual(sequential);
  });
});
