import { describe, expect, it } from 'vitest';
import { runInput } from '../../commands/index.ts';
import { bundledContext } from '../helpers/engine.ts';

/**
 * Golden ranking set: question -> a passage that must come first (or within the first
 * `within`). A change of tokenizer, boosts or glossary that moves these is a change to
 * review, not a silent drift.
 */
const golden: Array<{ q: string; expect: string; within?: number }> = [
  // Cross-language: English question, Traditional Chinese source
  { q: '/ask why did cloudwalk revenue fall in 2024', expect: '營收下滑的主要原因' },
  { q: '/ask cloudwalk cash runway', expect: '賬面貨幣資金僅剩' },
  { q: '/ask cloudwalk profit forecast in the prospectus', expect: 'initial public offering prospectus' },
  { q: '/ask 云从科技 招股书 预计', expect: '招股書顯示,其預計' },
  // Simplified question, Traditional source
  { q: '/ask 云从科技裁员', expect: '大規模的裁員' },
  { q: '/ask 云从科技 毛利率 同行', expect: '顯著低于同行' },
  { q: '/ask 商汤 亏损', expect: '商湯科技也已經連續虧損', within: 2 },
  { q: '/ask 云从科技营收下滑原因', expect: '營收下滑的主要原因' },
  // Traditional question, Traditional source
  { q: '/ask 雲從科技 研發體系 崩塌', expect: '研發體系似乎也出現了“崩塌”' },
  // Chinese question, English source
  { q: '/ask 青云科技 混合云', expect: 'hybrid cloud', within: 2 },
  // English
  { q: '/ask QingCloud layoffs', expect: 'corresponding internal layoffs are inevitable' },
  { q: '/ask QingCloud competition with Alibaba Cloud and Tencent Cloud', expect: 'compete with domestic large cloud service providers' },
  { q: '/ask QingCloud market value', expect: 'market value once reaching' },
  { q: '/ask QingCloud new growth point in AI computing power', expect: 'important new growth point' },
  { q: '/ask kingsoft cloud GPT opportunity', expect: 'Since the debut of GPT 3.5' },
  { q: '/ask kingsoft cloud share repurchase', expect: 'share repurchase program' },
  { q: '/ask kingsoft cloud Hong Kong stock exchange listing', expect: 'primary listing on the main board of Hong Kong Stock Exchange', within: 2 },
  { q: '/ask kingsoft cloud midsized customers', expect: 'signed more than 30 new midsized customers', within: 2 },
  { q: '/ask kingsoft cloud Wuhan research center', expect: 'Wuhan Research Center', within: 2 },
  { q: '/ask kingsoft cloud capex plan for AI', expect: 'My question is regarding the CapEx' },
  // Chinese question over the bilingual transcript answers with its Chinese line
  { q: '/ask 金山云 大模型', expect: 'GPT', within: 1 },
];

describe('search ranking (golden set)', () => {
  it.each(golden)('$q', async (g) => {
    const answer = await runInput(g.q, bundledContext());
    expect(answer.status, answer.message).toBe('answered');
    const top = answer.passages.slice(0, g.within ?? 1).map((p) => p.quote);
    expect(top.some((quote) => quote.includes(g.expect)), `top passages:\n${top.join('\n')}`).toBe(true);
  });

  it('quotes are exact excerpts of the cleaned documents', async () => {
    const ctx = bundledContext();
    for (const g of golden) {
      const answer = await runInput(g.q, ctx);
      for (const p of answer.passages) {
        const doc = ctx.engine.snapshot.byId.get(p.document)!;
        expect(doc.text.slice(p.start, p.end)).toBe(p.quote);
      }
    }
  });

  it('has at least 15 cases in English and Chinese', () => {
    expect(golden.length).toBeGreaterThanOrEqual(15);
    expect(golden.some((g) => /[\u4e00-\u9fff]/u.test(g.q))).toBe(true);
  });
});
