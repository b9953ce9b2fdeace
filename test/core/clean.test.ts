import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/core/corpus/clean.ts';

describe('cleanText', () => {
  it('removes pinyin readings after Han characters', () => {
    expect(cleanText('營(yíng)收同比大幅下滑').text).toBe('營收同比大幅下滑');
    expect(cleanText('電子技術(shù)應(yīng)用').text).toBe('電子技術應用');
  });
  it('keeps names in parentheses', () => {
    expect(cleanText('新銳企業(DeepSeek)擠壓').text).toBe('新銳企業(DeepSeek)擠壓');
    expect(cleanText('Revenue (RMB) rose').text).toBe('Revenue (RMB) rose');
  });
  it('collapses doubled punctuation to the strongest mark', () => {
    expect(cleanText('4月底,,被譽為').text).toBe('4月底,被譽為');
    expect(cleanText('6453.37萬元,、4.84億元').text).toBe('6453.37萬元、4.84億元');
    expect(cleanText('業績低谷,。').text).toBe('業績低谷。');
  });
  it('drops image placeholder lines and is idempotent', () => {
    const once = cleanText('一段文字。\n\n2.png\n\n另一段。').text;
    expect(once).toBe('一段文字。\n\n另一段。');
    expect(cleanText(once).text).toBe(once);
  });
});
