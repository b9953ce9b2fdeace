import { describe, expect, it } from 'vitest';
import { CorpusPlan } from '../../bench/generate/corpus.ts';
import type { GeneratedDocument } from '../../bench/generate/compose.ts';
import { cleanText } from '../../src/core/corpus/clean.ts';
import { parseFrontMatter } from '../../src/core/corpus/front-matter.ts';
import { parsePeriod } from '../../src/core/periods.ts';
import { fold } from '../../src/core/text/fold.ts';
import { readNumberText } from './number-text.ts';

const SIZE = 160;

function generate(seed: string, n = SIZE): { plan: CorpusPlan; docs: GeneratedDocument[] } {
  const plan = new CorpusPlan({ seed, documents: n });
  return { plan, docs: Array.from({ length: n }, (_, i) => plan.document(i)) };
}

const { plan, docs } = generate('test-seed');
const figures = docs.flatMap((d) => d.figures);
const byId = new Map(docs.map((d) => [d.id, d]));
const companyIds = new Set(plan.companies.map((c) => c.id));

function body(doc: GeneratedDocument): string {
  const parsed = parseFrontMatter(doc.file, doc.content);
  if (parsed.kind !== 'front-matter') throw new Error(`${doc.file}: ${parsed.kind}`);
  return parsed.body;
}

describe('synthetic corpus generator', () => {
  it('writes the same corpus for the same seed and a different one for another seed', () => {
    const again = generate('test-seed');
    expect(again.docs.map((d) => d.content)).toEqual(docs.map((d) => d.content));
    expect(JSON.stringify(again.docs.map((d) => d.figures))).toBe(JSON.stringify(docs.map((d) => d.figures)));
    const other = generate('another-seed', 20);
    expect(other.docs.map((d) => d.content)).not.toEqual(docs.slice(0, 20).map((d) => d.content));
  });

  it('gives a few hundred companies unique names in English, Simplified and Traditional Chinese', () => {
    const big = new CorpusPlan({ seed: 'x', documents: 1200 });
    expect(big.companies.length).toBe(300);
    for (const key of ['id', 'name', 'short', 'zhHans', 'zhHant'] as const) expect(new Set(big.companies.map((c) => c[key])).size).toBe(300);
    expect(new Set(big.companies.flatMap((c) => c.tickers)).size).toBe(big.companies.flatMap((c) => c.tickers).length);
    for (const c of big.companies) expect(fold(c.zhHant)).toBe(c.zhHans);
    expect(big.companies.some((c) => c.zhHant !== c.zhHans)).toBe(true);
  });

  it('writes front matter the engine accepts, naming the company and its aliases', () => {
    for (const doc of docs) {
      const parsed = parseFrontMatter(doc.file, doc.content);
      expect(parsed.kind, doc.file).toBe('front-matter');
      if (parsed.kind !== 'front-matter') continue;
      const company = plan.companies.find((c) => c.id === doc.company)!;
      expect(parsed.data.company).toBe(company.name);
      expect(parsed.data.aliases).toEqual(expect.arrayContaining([company.short, company.zhHans, company.zhHant]));
      expect(parsed.data.language).toBe(doc.language);
      if (doc.kind === 'en-profile') {
        expect(parsed.data.published).toBeUndefined();
        expect(parsed.data.period).toBeUndefined();
      } else {
        expect(parsed.data.published).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
        expect(parsePeriod(parsed.data.period!)).not.toBeNull();
      }
    }
  });

  it('mixes English and Chinese articles, profiles and bilingual transcripts in both scripts', () => {
    const kinds = new Set(docs.map((d) => `${d.kind} ${d.language}`));
    for (const k of ['en-article en', 'en-profile en', 'zh-article zh-Hans', 'zh-article zh-Hant', 'transcript en, zh-Hant', 'transcript en, zh-Hans']) expect(kinds).toContain(k);
  });

  it('plants ground truth that matches the text: every number text is in its document and says the value', () => {
    expect(figures.length).toBeGreaterThan(SIZE * 8);
    for (const f of figures) {
      const doc = byId.get(f.doc)!;
      expect(doc.content, `${f.form}: ${f.numberText}`).toContain(f.numberText);
      expect(f.sentence).toContain(f.numberText);
      const read = readNumberText(f.numberText);
      expect(read, f.numberText).not.toBeNull();
      expect(Math.abs(Math.abs(read!) - Math.abs(f.value)), `${f.numberText} vs ${f.value}`).toBeLessThanOrEqual(f.tolerance);
      expect(Number.isFinite(f.value) && f.tolerance > 0).toBe(true);
    }
  });

  it('keeps every planted sentence intact once the engine has cleaned the scraping noise', () => {
    const noisy = docs.filter((d) => /\(\p{Ll}+\)/u.test(body(d)) && d.language === 'zh-Hant');
    expect(noisy.length).toBeGreaterThan(0);
    for (const doc of docs) {
      const cleaned = cleanText(body(doc)).text;
      for (const f of doc.figures) expect(cleaned, f.form).toContain(f.sentence);
    }
    expect(cleanText(body(noisy[0]!)).text).not.toMatch(/[,，、。]{2}/u);
  });

  it('uses the periods, units and list forms of the bundled documents', () => {
    const text = docs.map((d) => d.content).join('\n');
    for (const form of ['respectively.', '分别为', '分別為', '亿元', '億元', '万元', '萬元', 'RMB ', ' billion', ' million yuan', '年底', '上半年', 'this quarter', 'last quarter', 'the same period last year', 'the first half of this year', 'negative ', '去年同期']) {
      expect(text, form).toContain(form);
    }
    expect(figures.some((f) => f.unit === 'USD' && f.expect === 'fact')).toBe(true);
    expect(figures.some((f) => f.unit === 'count' && f.numberText.endsWith('人'))).toBe(true);
    expect(figures.some((f) => f.value < 0 && /^-/u.test(f.numberText))).toBe(true);
    const kinds = new Set(figures.flatMap((f) => (f.period ? [parsePeriod(f.period)!.kind] : [])));
    expect(kinds).toEqual(new Set(['FY', 'Q', 'H']));
  });

  it('plants cloud segments as segments of revenue, never as totals', () => {
    const segments = figures.filter((f) => f.segment);
    expect(segments.length).toBeGreaterThan(0);
    for (const f of segments) {
      expect(f.metric).toBe('revenue');
      expect(f.role).toBe('segment');
      const company = plan.companies.find((c) => c.id === f.company)!;
      const total = plan.financials(company).value('revenue', parsePeriod(f.period!) as never);
      expect(Math.abs(f.value)).toBeLessThan(total);
    }
    expect(figures.filter((f) => !f.segment && /public cloud|公有云|公有雲|enterprise cloud|企业云|企業雲/u.test(f.form))).toEqual([]);
  });

  it('plants distractors: a peer company figure for the peer, forecasts, numbers that are no figure', () => {
    const peers = figures.filter((f) => f.role === 'other-company');
    expect(peers.length).toBeGreaterThan(0);
    for (const f of peers) {
      expect(f.company).not.toBe(byId.get(f.doc)!.company);
      expect(companyIds.has(f.company)).toBe(true);
      expect(f.expect).toBe('fact');
    }
    const forecasts = figures.filter((f) => f.forecast && f.expect === 'fact');
    expect(forecasts.length).toBeGreaterThan(0);
    for (const f of forecasts) expect(f.sentence).toMatch(/expected|estimated|预计|預計/u);
    const noise = figures.filter((f) => f.expect === 'none');
    for (const f of noise) expect(f.forecast || f.metric === 'none' || f.form.includes('headcount-target'), f.form).toBe(true);
    expect(noise.some((f) => /ipo/u.test(f.form))).toBe(true);
    expect(noise.some((f) => /headcount-target/u.test(f.form))).toBe(true);
  });

  it('states each figure of a transcript in English and then in its Chinese translation', () => {
    const transcripts = docs.filter((d) => d.kind === 'transcript');
    expect(transcripts.length).toBeGreaterThan(0);
    for (const doc of transcripts) {
      const lines = body(doc).split('\n');
      const en = doc.figures.filter((f) => f.language === 'en');
      const zh = doc.figures.filter((f) => f.language === 'zh');
      expect(zh.map((f) => `${f.metric}|${f.period}|${f.value}`)).toEqual(en.map((f) => `${f.metric}|${f.period}|${f.value}`));
      for (const f of en) {
        const i = lines.indexOf(f.sentence);
        expect(i, f.sentence).toBeGreaterThanOrEqual(0);
        expect(lines[i + 1]).toMatch(/[\u4e00-\u9fff]/u);
      }
    }
  });

  it('resolves relative periods from the document: "this quarter" is the call\'s quarter', () => {
    const thisQuarter = figures.filter((f) => f.form === 'tr.revenue.this-quarter');
    expect(thisQuarter.length).toBeGreaterThan(0);
    for (const f of thisQuarter) {
      const period = parseFrontMatter('x', byId.get(f.doc)!.content);
      expect(period.kind === 'front-matter' && period.data.period).toBe(f.period);
    }
    // "In the first half" without a year means the document's half: nothing before it in its paragraph says otherwise.
    const inTheHalf = figures.filter((f) => f.form === 'en.revenue.in-the-half');
    expect(inTheHalf.length).toBeGreaterThan(0);
    for (const f of inTheHalf) {
      const period = parseFrontMatter('x', byId.get(f.doc)!.content);
      expect(period.kind === 'front-matter' && period.data.period).toBe(f.period);
      expect(body(byId.get(f.doc)!).split('\n').some((line) => line.startsWith(f.sentence))).toBe(true);
    }
    const halves = figures.filter((f) => f.form === 'en.rd.first-half-of-this-year');
    for (const f of halves) expect(f.period).toBe(`H1 ${byId.get(f.doc)!.content.match(/published: (\d{4})/u)![1]}`);
  });
});
