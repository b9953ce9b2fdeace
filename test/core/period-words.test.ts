import { describe, expect, it } from 'vitest';
import { runInput } from '../../commands/index.ts';
import { periodLabel } from '../../src/core/periods.ts';
import { periodEndingOn, readPeriodWords } from '../../src/core/query/period-words.ts';
import { fold, foldWidth } from '../../src/core/text/fold.ts';
import { bundledContext } from '../helpers/engine.ts';

describe('period words of a question', () => {
  it.each([
    ['2024-12-31', 'FY2024'],
    ['2024-09-30', '9M 2024'],
    ['2024-06-30', 'H1 2024'],
    ['2024-03-31', 'Q1 2024'],
    ['2024-05-12', '2024-05-12'],
  ])('the date %s answers %s', (date, label) => {
    expect(periodLabel(periodEndingOn(date)!)).toBe(label);
  });

  it.each(['2024-13-45', '2023-02-29'])('%s is no date', (date) => {
    expect(periodEndingOn(date)).toBeNull();
  });

  it.each([
    ['revenue 2024-13-45', '2024-13-45'],
    ['revenue q5', 'q5'],
    ['revenue h3 2024', 'h3 2024'],
    ['revenue 2024q7', '2024q7'],
    ['revenue 1e308', '1e308'],
    ['revenue nan', 'nan'],
    ['revenue 2o24', '2o24'],
    ['revenue 9999', '9999'],
    [Array.from({ length: 48 }, (_, i) => 2000 + i).join(' '), '2000 … 2047 (48 years)'],
  ])('%s names %s as not understood', (text, bad) => {
    expect(readPeriodWords(text).badPeriod).toBe(bad);
  });

  it.each(['revenue 2024', 'revenue q4 2022', 'revenue h1 2024', 'revenue 2018-2022', 'revenue from 2018 to 2022', 'revenue 2023 and 2024', 'fy2024 revenue', '9m 2025 revenue', 'revenue over 1000 million'])(
    '%s holds nothing bad',
    (text) => {
      expect(readPeriodWords(text).badPeriod).toBeUndefined();
    },
  );

  it.each([
    ['截至2030年9月底的季度收入', 'Q3 2030'],
    ['截至2030年9月30日止三个月收入', 'Q3 2030'],
    ['2030年6月季度', 'Q2 2030'],
    ['截至2030年9月30日现金', '9M 2030'],
    ['2030年1-9月营收', '9M 2030'],
    ['2030年1至6月营收', 'H1 2030'],
  ])('reads the quarter a Chinese date names: %s is %s', (text, label) => {
    const words = readPeriodWords(fold(text));
    expect(words.period && periodLabel(words.period)).toBe(label);
  });

  it('reads a Chinese date and blanks what it read', () => {
    const words = readPeriodWords('2024年6月30日 营收');
    expect(words.period && periodLabel(words.period)).toBe('H1 2024');
    expect(words.spans).toEqual([[0, 10]]);
  });
});

describe('questions folded before anything else', () => {
  it('full-width forms and zero-width characters', () => {
    expect(foldWidth('ｃｌｏｕｄｗａｌｋ\u3000ｒｅｖｅｎｕｅ　２０２４')).toBe('cloudwalk revenue 2024');
    expect(fold('cloud\u200bwalk\u2060')).toBe('cloudwalk');
  });

  const ctx = bundledContext();
  it.each([
    ['ｃｌｏｕｄｗａｌｋ ｒｅｖｅｎｕｅ ２０２４', 'FY2024'],
    ['cloud\u200bwalk revenue 2024', 'FY2024'],
    ['/metric qingcloud revenue 2024-06-30', 'H1 2024'],
  ])('%s is answered for %s', async (question, period) => {
    const answer = await runInput(question, ctx);
    expect(answer.status).toBe('answered');
    expect(answer.figures.map((f) => f.period)).toEqual([period]);
  });

  it.each(['2024-13-45', '9999', '1e308', 'NaN', '2O24', 'Q5', Array.from({ length: 48 }, (_, i) => 2000 + i).join(' ')])(
    'the period %s is named as not understood, not dropped or guessed',
    async (period) => {
      const answer = await runInput(`/metric cloudwalk revenue ${period}`, ctx);
      expect(answer.status).toBe('invalid');
      expect(answer.figures).toEqual([]);
      expect(answer.message).toMatch(/is not a period I can read/u);
      expect(answer.message.toLowerCase()).toContain(`"${period.toLowerCase().slice(0, 4)}`);
    },
  );
});
