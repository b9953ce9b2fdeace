import { describe, expect, it } from 'vitest';
import { runCommand, runInput } from '../../commands/index.ts';
import { AnswerSchema } from '../../src/core/answer.ts';
import { quoteStatesValue } from '../../src/core/facts/verify.ts';
import { bundledContext } from '../helpers/engine.ts';

const ctx = bundledContext();

/** Every bad input gets a short, clear, schema-valid answer; none throws. */
const inputs: Array<{ name: string; input: string; status: string[]; says?: RegExp }> = [
  { name: 'empty', input: '', status: ['invalid'], says: /Ask me about/u },
  { name: 'blank', input: '   \t ', status: ['invalid'] },
  { name: '10,000 characters', input: 'revenue '.repeat(1250), status: ['invalid'], says: /1,000 characters/u },
  { name: 'control characters', input: 'cloud\u0000walk\u0007 revenue\u001b[31m 2024', status: ['answered', 'not_found', 'invalid'] },
  { name: 'emoji only', input: '📈📉💰', status: ['invalid'], says: /English or Chinese/u },
  { name: 'only punctuation', input: '?!.,;:()[]{}', status: ['invalid'] },
  { name: 'SQL injection', input: "'; DROP TABLE subscriptions; --", status: ['not_found', 'answered', 'invalid'] },
  { name: 'markdown injection', input: '*bold* <@U123> [link](http://evil.example) `code` <!channel>', status: ['not_found', 'answered', 'invalid'] },
  { name: 'unknown company', input: '/metric acme robotics revenue 2024', status: ['not_found'], says: /don't know a company/u },
  { name: 'Japanese question', input: 'クラウドの売上はいくらですか', status: ['invalid', 'not_found'] },
  { name: 'Russian question', input: 'какая выручка у компании', status: ['invalid', 'not_found'] },
  { name: 'unknown command', input: '/dance now', status: ['invalid'], says: /no command \/dance/u },
  { name: 'misspelt command', input: '/metirc cloudwalk revenue 2024', status: ['invalid'], says: /Did you mean \/metric/u },
  { name: 'bad period', input: '/metric cloudwalk revenue 2024Q7', status: ['invalid'], says: /not a period I can read/u },
  { name: 'metric without arguments', input: '/metric', status: ['invalid'], says: /Usage: \/metric/u },
  { name: 'compare with one company', input: '/compare revenue cloudwalk', status: ['invalid', 'not_found'] },
  { name: 'right-to-left text', input: 'ما هي الإيرادات', status: ['invalid', 'not_found'] },
];

describe('bad input', () => {
  it.each(inputs)('$name gets a clear answer', async ({ input, status, says }) => {
    const answer = await runInput(input, ctx);
    expect(() => AnswerSchema.parse(answer)).not.toThrow();
    expect(status).toContain(answer.status);
    expect(answer.message.length).toBeGreaterThan(0);
    expect(answer.message.length).toBeLessThan(2000);
    expect(answer.message).not.toMatch(/\bat .+:\d+:\d+\)|Error:|TypeError|undefined/u);
    if (says) expect(answer.message).toMatch(says);
  });

  it('caps typed options too (Discord) and validates them', async () => {
    const long = await runCommand('metric', { options: { company: 'x'.repeat(5000), metric: 'revenue' } }, ctx);
    expect(long.status).toBe('invalid');
    const missing = await runCommand('metric', { options: { company: 'cloudwalk' } }, ctx);
    expect(missing.status).toBe('invalid');
    expect(missing.message).toMatch(/metric/u);
  });

  it('never returns a figure whose quote lacks its number', async () => {
    for (const q of ['/metric cloudwalk revenue 2024', '/metric kingsoft cloud revenue Q4 2022', '/metric qingcloud net loss 2021']) {
      const answer = await runInput(q, ctx);
      expect(answer.figures.length).toBeGreaterThan(0);
      for (const f of answer.figures) expect(quoteStatesValue(f.source.quote, f.value, f.range)).toBe(true);
    }
  });
});

describe('quoteStatesValue', () => {
  it('accepts the number as written in either script and refuses another', () => {
    expect(quoteStatesValue('營收同比大幅下滑36.69%至3.98億元', 398e6)).toBe(true);
    expect(quoteStatesValue('a loss of 142 million yuan', -142e6)).toBe(true);
    expect(quoteStatesValue('a loss of 142 million yuan', -143e6)).toBe(false);
    expect(quoteStatesValue('between RMB 1.85 billion and RMB 2.05 billion', 1.95e9, { low: 1.85e9, high: 2.05e9 })).toBe(true);
  });
});
