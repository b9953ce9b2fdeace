import { describe, expect, it } from 'vitest';
import { runCommand, runInput } from '../../commands/index.ts';
import { bundledContext } from '../helpers/engine.ts';

/** `/rank` and ranking questions in words, over the bundled corpus. */
describe('/rank', () => {
  const ctx = bundledContext();

  it('orders every company stating the metric for the period, highest first, each with its quote', async () => {
    const a = await runInput('/rank revenue 2021', ctx);
    expect(a.status).toBe('answered');
    expect(a.command).toBe('rank');
    expect(a.figures.length).toBeGreaterThanOrEqual(2);
    expect(new Set(a.figures.map((f) => f.company)).size).toBe(a.figures.length);
    for (const f of a.figures) {
      expect(f.metric).toBe('revenue');
      expect(f.period).toBe('FY2021');
      expect(f.segment).toBeUndefined();
      expect(f.source.quote.length).toBeGreaterThan(10);
      expect(a.message).toContain(f.source.quote);
    }
    const values = a.figures.map((f) => f.value);
    expect(values).toEqual([...values].sort((x, y) => y - x));
    // The message lists them in the same order.
    const at = a.figures.map((f) => a.message.indexOf(f.companyName));
    expect(at).toEqual([...at].sort((x, y) => x - y));
  });

  it('a loss ranks the largest loss first', async () => {
    const a = await runCommand('rank', { options: { metric: 'net loss', period: '2023' } }, ctx);
    expect(a.status).toBe('answered');
    expect(a.figures.length).toBeGreaterThanOrEqual(2);
    const values = a.figures.map((f) => f.value);
    expect(values).toEqual([...values].sort((x, y) => x - y));
    expect(a.message).toContain('largest loss first');
  });

  it.each([
    ['which company lost the most money in 2023?', 'FY2023'],
    ['2023年哪家公司亏损最多?', 'FY2023'],
    ['哪家公司亏损最多', undefined],
  ])('"%s" is the same ranking, in words', async (question, period) => {
    const words = await runInput(question, ctx);
    const command = await runInput(`/rank net loss${period ? ` ${period.replace('FY', '')}` : ''}`, ctx);
    expect(words.status).toBe('answered');
    expect(words.figures.map((f) => [f.company, f.period, f.value])).toEqual(command.figures.map((f) => [f.company, f.period, f.value]));
    expect(words.figures.length).toBeGreaterThanOrEqual(2);
    expect(words.figures[0]!.value).toBeLessThan(0);
  });

  it('"the lowest revenue" puts the smallest first', async () => {
    const a = await runInput('which company had the lowest revenue in 2020?', ctx);
    const values = a.figures.map((f) => f.value);
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect(values).toEqual([...values].sort((x, y) => x - y));
  });

  it('a superlative that asks for no company is not a ranking', async () => {
    const a = await runInput('what did top management say about revenue growth?', ctx);
    expect(a.message).not.toMatch(/highest first|lowest first|largest loss first/u);
    const who = await runInput('who had the highest revenue in 2021?', ctx);
    expect(who.message).toContain('highest first');
  });

  it('a question naming a company is not a ranking', async () => {
    const a = await runInput('how much did qingcloud lose in 2021?', ctx);
    expect(new Set(a.figures.map((f) => f.company))).toEqual(new Set(['qingcloud-technology']));
  });

  it('bad input gets a clear answer', async () => {
    const unknown = await runInput('/rank frobnication 2023', ctx);
    expect(unknown.status).toBe('not_found');
    expect(unknown.message).toContain('frobnication');
    const range = await runInput('/rank revenue 2019-2023', ctx);
    expect(range.status).toBe('invalid');
    expect(range.message).toContain('one period');
    const none = await runInput('/rank revenue 1999', ctx);
    expect(none.status).toBe('not_found');
    expect(none.message).toMatch(/stated for/u);
    const empty = await runInput('/rank', ctx);
    expect(empty.status).toBe('invalid');
    expect(empty.message).toContain('/rank <metric> [period]');
  });
});
