import { describe, expect, it } from 'vitest';
import { fold } from '../../src/core/text/fold.ts';
import { tokenize } from '../../src/core/text/tokenize.ts';

describe('fold', () => {
  it('makes Traditional and Simplified Chinese compare equal', () => {
    expect(fold('雲從科技 營收 淨利潤 虧損')).toBe(fold('云从科技 营收 净利润 亏损'));
    // 凈 is a variant form of 淨 that some sources use.
    expect(fold('凈利潤')).toBe(fold('净利润'));
  });
  it('folds width and case', () => {
    expect(fold('ＡＢＣ１２３．５％')).toBe('abc123.5%');
    expect(fold('CloudWalk')).toBe('cloudwalk');
  });
});

describe('tokenize', () => {
  it('gives the same tokens for both Chinese scripts', () => {
    expect(tokenize('雲從科技營收')).toEqual(tokenize('云从科技营收'));
  });
  it('splits Chinese into segmenter words and bigrams so names match however segmented', () => {
    const tokens = tokenize('云从科技裁员求生');
    expect(tokens).toContain('云从');
    expect(tokens).toContain('裁员');
    expect(tokens).toContain('科技');
  });
  it('reads thousands separators and keeps decimals', () => {
    expect(tokenize('RMB 2,131 million')).toEqual(expect.arrayContaining(['rmb', '2131', 'million']));
    expect(tokenize('3.98億元')).toEqual(expect.arrayContaining(['3.98', '亿元']));
  });
  it('stems English and drops stop words', () => {
    expect(tokenize('the opportunities')).toEqual(tokenize('opportunity'));
    expect(tokenize('what was the revenue')).toEqual(['revenu']);
  });
  it('keeps R&D searchable with and without the ampersand', () => {
    expect(tokenize('R&D expenses')).toEqual(expect.arrayContaining(['r&d', 'rd']));
  });
  it('handles possessives and punctuation', () => {
    expect(tokenize("QingCloud's revenue!")).toEqual(tokenize('qingcloud revenue'));
  });
});
