import { describe, expect, it } from 'vitest';
import { canonicalSegment } from '../../src/core/facts/segments.ts';
import { segmentWordsOf } from '../../src/core/query/segment-words.ts';
import { segmentMatches, withoutOwnName } from '../../src/core/query/lookup.ts';

describe('business-line names across languages', () => {
  it('gives both spellings of a line the same words', () => {
    expect(segmentWordsOf('智慧城市')).toEqual(segmentWordsOf('smart city'));
    expect(segmentWordsOf('非车解决方案')).toEqual(segmentWordsOf('non-automotive solutions'));
    expect(segmentWordsOf('生成式ai')).toEqual(['ai', 'generative']);
    expect(segmentWordsOf('genai')).toEqual(['ai', 'generative']);
    expect(segmentWordsOf('云订阅')).toEqual(segmentWordsOf('cloud subscription'));
  });

  it('keeps different lines apart and leaves names it cannot read whole to match as written', () => {
    expect(segmentWordsOf('车解决方案')).not.toEqual(segmentWordsOf('non automotive solutions'));
    expect(segmentWordsOf('智慧城市')).not.toEqual(segmentWordsOf('智慧生活'));
    expect(segmentWordsOf('智慧零售')).toBeNull();
    expect(segmentWordsOf('自动驾驶产品')).toBeNull();
    // Latin words are written the same in both languages: they stand for themselves.
    expect(segmentWordsOf('x创新')).toEqual(segmentWordsOf('x innovation'));
    expect(segmentWordsOf('autonomous driving products')).toEqual(['autonomous', 'driving', 'products']);
  });

  it('drops a list bullet from a line name, and keeps the second of two lines named together', () => {
    expect(canonicalSegment('- iot paas')).toBe('iot paas');
    expect(canonicalSegment('授权及服务业务')).toBe('授权及服务');
    expect(canonicalSegment('智慧生活业务')).toBe('智慧生活');
  });

  it("matches a line with or without its generic head word 'solutions', and never the total or another line", () => {
    expect(segmentMatches('非车解决方案', 'non-automotive')).toBe(true);
    expect(segmentMatches('汽车解决方案', 'automotive')).toBe(true);
    expect(segmentMatches('汽车解决方案', 'non-automotive')).toBe(false);
    expect(segmentMatches('产品解决方案', 'automotive solutions')).toBe(false);
    expect(segmentMatches('智慧商业', 'smart business')).toBe(true);
    expect(segmentMatches('智慧商业', 'smart life')).toBe(false);
    expect(segmentMatches('x创新', 'x innovation businesses')).toBe(true);
    expect(segmentMatches(undefined, 'automotive solutions')).toBe(false);
    expect(segmentMatches('汽车解决方案', undefined)).toBe(false);
  });

  it("reads a line asked with the company's own name before it as the line ('Zeta Core' is 核心)", () => {
    const zeta = { id: 'zeta-cloud', name: 'Zeta Cloud', aliases: ['Zeta', '泽塔云'], tickers: [] };
    expect(withoutOwnName('zeta core', zeta)).toBe('core');
    expect(withoutOwnName('泽塔云核心', zeta)).toBe('核心');
    expect(segmentMatches('核心', withoutOwnName('zeta core', zeta))).toBe(true);
    // The name alone, or a longer word that starts with it, stays as asked.
    expect(withoutOwnName('zeta', zeta)).toBe('zeta');
    expect(withoutOwnName('zetabyte storage', zeta)).toBe('zetabyte storage');
  });
});
