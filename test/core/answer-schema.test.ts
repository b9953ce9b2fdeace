import { describe, expect, it } from 'vitest';
import { runInput } from '../../commands/index.ts';
import { AnswerSchema, FigureSchema } from '../../src/core/answer.ts';
import { bundledContext } from '../helpers/engine.ts';

describe('Answer schema', () => {
  it('accepts the answers of every command', async () => {
    const ctx = bundledContext();
    for (const line of ['/metric cloudwalk revenue 2024', '/metric qingcloud revenue', '/compare revenue cloudwalk qingcloud 2019-2023', '/ask 云从科技裁员', '/sources', '/metrics', '/help', 'how much did qingcloud lose in 2021?']) {
      const answer = await runInput(line, ctx);
      expect(AnswerSchema.safeParse(answer).success, line).toBe(true);
    }
  });

  it('rejects a figure without its source quote or with an unknown unit', () => {
    const base = {
      company: 'x',
      companyName: 'X',
      metric: 'revenue',
      metricLabel: 'Revenue',
      period: 'FY2024',
      value: 1,
      unit: 'CNY',
      display: 'RMB 1',
      qualifiers: [],
      source: { document: 'd', title: 't', published: null, quote: 'q', start: 0, end: 1 },
    };
    expect(FigureSchema.safeParse(base).success).toBe(true);
    expect(FigureSchema.safeParse({ ...base, source: { ...base.source, quote: undefined } }).success).toBe(false);
    expect(FigureSchema.safeParse({ ...base, unit: 'EUR' }).success).toBe(false);
  });

  it('gives figures with company, metric, canonical period, unit, display and source', async () => {
    const answer = await runInput('/metric cloudwalk revenue 2024', bundledContext());
    const f = answer.figures[0]!;
    expect(f).toMatchObject({ company: 'cloudwalk-technology', metric: 'revenue', period: 'FY2024', unit: 'CNY', value: 398e6 });
    expect(f.display).toBe('RMB 398 million (3.98億元)');
    expect(f.change?.display).toBe('down 36.69% year on year');
    expect(f.source.title).toContain('云從科技');
    expect(f.source.published).toBe('2025-05-08');
  });
});
