import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AnswerSchema, type Answer, type Figure } from '../../../src/core/answer.ts';
import { buildDigest, type Digest } from '../../../src/core/digest/digest.ts';
import { digestAnswer } from '../../../src/core/digest/digest-answer.ts';
import { lastFullWeekBefore, weekOfDate } from '../../../src/core/digest/week.ts';
import { Engine } from '../../../src/core/engine.ts';
import type { CorpusSnapshot } from '../../../src/core/snapshot.ts';
import { BUNDLED_COMPANIES, bundledEngine } from '../../helpers/engine.ts';

const RESULTS = 'cloudwalk-2024-results-zh-hant';
const RESULTS_TITLE = '8年累計虧45.8億元 云從科技裁員求生';
const QINGCLOUD_H1 = 'qingcloud-h1-2024-en';
const CLOUDWALK = 'cloudwalk-technology';
const QINGCLOUD = 'qingcloud-technology';

const snapshot = (): CorpusSnapshot => bundledEngine().snapshot;
const week = (date: string, zone = 'UTC') => weekOfDate(date, zone)!;
const digestOf = (a: Answer) => (a.data as { digest: Digest }).digest;

function expectExactQuote(s: CorpusSnapshot, f: Figure): void {
  const doc = s.byId.get(f.source.document);
  expect(doc, f.source.document).toBeDefined();
  expect(doc!.text.slice(f.source.start, f.source.end)).toBe(f.source.quote);
}

describe('weeks', () => {
  it('run Monday 00:00 to the next Monday 00:00 in the zone', () => {
    const w = week('2025-05-08', 'Asia/Shanghai');
    expect(w).toMatchObject({ monday: '2025-05-05', sunday: '2025-05-11', timeZone: 'Asia/Shanghai' });
    expect(w.start.toISOString()).toBe('2025-05-04T16:00:00.000Z');
    expect(w.end.toISOString()).toBe('2025-05-11T16:00:00.000Z');
    expect(week('2025-05-11').monday).toBe('2025-05-05');
    expect(week('2025-05-12').monday).toBe('2025-05-12');
  });

  it('refuses dates that do not exist', () => {
    for (const d of ['2025-02-30', '2025-13-01', '2025-5', 'May 5', '']) expect(weekOfDate(d, 'UTC')).toBeNull();
  });

  it('the last full week before an instant depends on the zone', () => {
    // Monday 2025-05-12 01:00 UTC is still Sunday evening in New York.
    const at = new Date('2025-05-12T01:00:00Z');
    expect(lastFullWeekBefore(at, 'UTC').monday).toBe('2025-05-05');
    expect(lastFullWeekBefore(at, 'America/New_York').monday).toBe('2025-04-28');
  });
});

describe('digest over the bundled corpus', () => {
  it('the week of 2025-05-05 lists the CloudWalk 2024 results article with its date and figures', () => {
    const s = snapshot();
    const answer = digestAnswer(s, { week: week('2025-05-05', 'Asia/Shanghai') });
    expect(AnswerSchema.parse(answer)).toEqual(answer);
    expect(answer).toMatchObject({ command: 'summary', status: 'answered' });
    const d = digestOf(answer);
    expect(d.quiet).toBe(false);
    const doc = d.documents.find((x) => x.document === RESULTS);
    expect(doc).toMatchObject({ title: RESULTS_TITLE, published: '2025-05-08', reason: 'published', company: CLOUDWALK });
    expect(answer.documents?.map((x) => x.document)).toContain(RESULTS);
    expect(answer.message).toContain(`${RESULTS_TITLE} (CloudWalk Technology; published 2025-05-08)`);

    const revenue = doc!.figures.find((f) => f.metric === 'revenue' && f.period === 'FY2024');
    expect(revenue).toMatchObject({ company: CLOUDWALK, value: 398_000_000, unit: 'CNY' });
    expect(revenue!.source.quote).toContain('3.98億元');
    expect(answer.message).toMatch(/CloudWalk Technology revenue FY2024: RMB 398 million/u);
    for (const f of doc!.figures) expectExactQuote(s, f);
    // The results of the period the article reports on come before its history.
    expect(doc!.figures.slice(0, 3).map((f) => `${f.metric} ${f.period}`)).toEqual(['revenue FY2024', 'net_income FY2024', 'gross_margin FY2024']);
  });

  it('shows each followed company’s latest headline figures with the change and the quote', () => {
    const s = snapshot();
    const answer = digestAnswer(s, { week: week('2025-05-05'), companies: [CLOUDWALK] });
    const [entry] = digestOf(answer).watchlist;
    expect(entry!.company).toBe(CLOUDWALK);
    const revenue = entry!.figures.find((f) => f.metric === 'revenue');
    expect(revenue).toMatchObject({ period: 'FY2024', value: 398_000_000 });
    expect(revenue!.change).toMatchObject({ value: -36.69, unit: '%' });
    expect(revenue!.source.document).toBe(RESULTS);
    const margin = entry!.figures.find((f) => f.metric === 'gross_margin');
    expect(margin).toMatchObject({ period: 'FY2024', value: 35.81, unit: '%' });
    expect(entry!.figures.map((f) => f.metric)).toEqual(expect.arrayContaining(['revenue', 'net_income', 'gross_margin']));
    for (const f of answer.figures) expectExactQuote(s, f);
    expect(answer.message).toContain(`Source: "${revenue!.source.quote}"`);
  });

  it('never shows a figure published after the week (the watchlist is as of its end)', () => {
    const s = snapshot();
    const before = digestOf(digestAnswer(s, { week: week('2025-04-28'), companies: [CLOUDWALK] }));
    const figures = before.watchlist[0]!.figures;
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((f) => f.source.document !== RESULTS)).toBe(true);
    expect(figures.every((f) => f.corroborating.every((c) => c.document !== RESULTS))).toBe(true);
    expect(figures.some((f) => f.period === 'FY2024')).toBe(false);
  });

  it('the week of 2024-11-04 lists the QingCloud H1 2024 article, with the H1 2024 figures in the watchlist', () => {
    const d = digestOf(digestAnswer(snapshot(), { week: week('2024-11-07'), companies: [QINGCLOUD] }));
    expect(d.documents.map((x) => x.document)).toEqual([QINGCLOUD_H1]);
    const revenue = d.watchlist[0]!.figures.find((f) => f.metric === 'revenue');
    expect(revenue).toMatchObject({ period: 'H1 2024', value: 144_000_000 });
  });

  it('a quiet week says so and still shows the watchlist', () => {
    const answer = digestAnswer(snapshot(), { week: week('2020-01-08') });
    const d = digestOf(answer);
    expect(d.quiet).toBe(true);
    expect(d.documents).toEqual([]);
    expect(answer.status).toBe('answered');
    expect(answer.message).toContain('Quiet week: no document was published or added.');
    expect(d.watchlist.map((w) => w.company)).toEqual(expect.arrayContaining([CLOUDWALK, QINGCLOUD, 'kingsoft-cloud']));
    expect(answer.message).toMatch(/Watchlist[^\n]*\nCloudWalk Technology:/u);
    expect(answer.message).toContain('QingCloud Technology:\n  - no headline figures known yet');
  });

  it('following some companies leaves out documents about others', () => {
    const d = digestOf(digestAnswer(snapshot(), { week: week('2025-05-05'), companies: [QINGCLOUD] }));
    expect(d.following).toEqual([QINGCLOUD]);
    expect(d.documents).toEqual([]);
    expect(d.quiet).toBe(true);
    expect(d.watchlist.map((w) => w.company)).toEqual([QINGCLOUD]);
  });

  it('does not depend on when it is built, only on the week', () => {
    const s = snapshot();
    const w = week('2025-05-05');
    const a = buildDigest(s, { week: w, now: new Date('2025-05-12T09:00:00Z') });
    const b = buildDigest(s, { week: w, now: new Date('2027-01-01T00:00:00Z') });
    expect(b).toEqual(a);
    expect(buildDigest(s, { week: w, now: new Date('2025-05-09T00:00:00Z') }).inProgress).toBe(true);
  });

  it('marks a late digest with the slot it was due at', () => {
    const answer = digestAnswer(snapshot(), { week: week('2025-05-05', 'Europe/Berlin'), lateFor: new Date('2025-05-12T07:00:00Z') });
    expect(digestOf(answer).lateFor).toBe('2025-05-12T07:00:00.000Z');
    expect(answer.message).toContain('Late: this digest was due Monday 2025-05-12 09:00 Europe/Berlin');
  });
});

describe('documents added to the corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'finqa-digest-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an undated document counts in the week its file was added, in the subscription zone', () => {
    const file = join(dir, 'added-note.md');
    writeFileSync(file, '---\ntitle: A note added without a date\ncompany: QingCloud Technology\n---\nQingCloud Technology held a product event.\n');
    // Sunday 2025-06-01 20:00 UTC is Monday 04:00 in Shanghai.
    const added = new Date('2025-06-01T20:00:00Z');
    utimesSync(file, added, added);
    const engine = Engine.open({ documentsDir: dir, companiesFile: BUNDLED_COMPANIES });
    try {
      const inShanghai = buildDigest(engine.snapshot, { week: week('2025-06-02', 'Asia/Shanghai') });
      expect(inShanghai.documents).toMatchObject([{ document: 'added-note', reason: 'added', published: null, addedAt: added.toISOString() }]);
      expect(buildDigest(engine.snapshot, { week: week('2025-06-02', 'UTC') }).quiet).toBe(true);
      expect(buildDigest(engine.snapshot, { week: week('2025-05-26', 'UTC') }).documents.map((d) => d.document)).toEqual(['added-note']);
    } finally {
      engine.close();
    }
  });
});
