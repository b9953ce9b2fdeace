import { describe, expect, it } from 'vitest';
import { datelineDate, readHtml } from '../../../../src/core/corpus/formats/html.ts';
import { HTML_COMPANY, HTML_NOISE, pressReleaseHtml, scriptOnlyHtml } from '../../../helpers/document-fixtures.ts';

/** Saved web pages: main content only, tables as pipe tables, the page's own title and date. */

const bytes = (html: string) => new TextEncoder().encode(html);

describe('HTML documents', () => {
  it('keeps the article and drops navigation, share buttons, scripts, the newsletter box and the footer', async () => {
    const read = await readHtml('press.html', bytes(pressReleaseHtml()));
    const text = read.text!;
    expect(text).toContain(`In the first half of 2025, ${HTML_COMPANY} revenue was RMB 431.6 million, up 18.2% year on year`);
    expect(text).toContain(`HANGZHOU, August 21, 2025 — ${HTML_COMPANY} today announced`);
    for (const noise of HTML_NOISE) expect(text).not.toContain(noise);
    expect(text).not.toContain('dataLayer');
    expect(read.meta).toMatchObject({ title: `${HTML_COMPANY} reports first half 2025 results`, published: '2025-08-21' });
  });

  it('writes a table as a pipe table where it stood, under its heading, merged header cells repeated over their columns', async () => {
    const text = (await readHtml('press.html', bytes(pressReleaseHtml()))).text!;
    expect(text).toContain(
      [
        'Key figures',
        '| Item | Six months ended June 30 H1 2024 | Six months ended June 30 H1 2025 |',
        '|---|---|---|',
        '| Revenue | 365.1 | 431.6 |',
        '| Gross profit | 118.3 | 147.2 |',
        '',
        'RMB in millions',
      ].join('\n'),
    );
  });

  it('keeps a table with empty and merged cells as far as it can be read, and its caption', async () => {
    const html = `<html><body><article><h1>Segment results</h1><p>${'The company reported its results by segment for the year. '.repeat(6)}</p>
<table><caption>Revenue by segment (RMB in thousands)</caption>
<tr><th></th><th colspan="2">Year ended December 31</th></tr>
<tr><th></th><th>2023</th><th>2024</th></tr>
<tr><td>Cloud</td><td>1,200</td><td></td></tr>
<tr><td colspan="3">Discontinued operations</td></tr>
</table></article></body></html>`;
    const text = (await readHtml('segments.html', bytes(html))).text!;
    expect(text).toContain(
      [
        'Revenue by segment (RMB in thousands)',
        '| | Year ended December 31 2023 | Year ended December 31 2024 |',
        '|---|---|---|',
        '| Cloud | 1,200 | |',
        '| Discontinued operations | | |',
      ].join('\n'),
    );
  });

  it('keeps a sentence before a table apart from it: only a heading is taken for its caption', async () => {
    const html = `<html><body><article><p>${'The figures below are unaudited and stated in thousands. '.repeat(5)}</p>
<table><tr><th>Item</th><th>2024</th></tr><tr><td>Revenue</td><td>9,100</td></tr></table></article></body></html>`;
    const text = (await readHtml('plain.html', bytes(html))).text!;
    expect(text).toMatch(/in thousands\.\n\n\| Item \| 2024 \|\n\|---\|---\|\n\| Revenue \| 9,100 \|$/u);
  });

  it('skips a page that is mostly script, saying so', async () => {
    const read = await readHtml('shell.html', bytes(scriptOnlyHtml()));
    expect(read.text).toBeNull();
    expect(read.problems[0]!.message).toMatch(/^skipped: the page is mostly script \(\d+ KB of script, no article text\)/u);
  });

  it('reads a page saved in its own Chinese charset (GBK)', async () => {
    // "本公司2024年营业收入为人民币8.1亿元，同比增长23%。…" encoded as GBK.
    const body = Buffer.from('b1beb9abcbbe32303234c4ead3aad2b5cad5c8ebceaac8cbc3f1b1d2382e31d2dad4aaa3accdacb1c8d4f6b3a4323325a1a3b1beb9abcbbebcccd0f8bcd3b4f3d1d0b7a2cdb6c8eba3acc0a9b4f3cffacadbcdf8c2e7a1a3', 'hex');
    const page = Buffer.concat([Buffer.from('<html><head><meta charset="gbk"></head><body><p>'), body, Buffer.from('</p></body></html>')]);
    const read = await readHtml('gbk.html', page);
    expect(read.text).toContain('本公司2024年营业收入为人民币8.1亿元，同比增长23%。');
  });
});

describe('the date of a page without a date in its head', () => {
  it('is read from the dateline', async () => {
    const html = pressReleaseHtml().replace(/<meta property="article:published_time"[^>]*>/u, '');
    expect((await readHtml('press.html', bytes(html))).meta?.published).toBe('2025-08-21');
    expect(datelineDate('LONDON, 3 March 2026 — Results.')).toBe('2026-03-03');
    expect(datelineDate('Sept. 9, 2025: an update')).toBe('2025-09-09');
    expect(datelineDate('February 30, 2025')).toBeUndefined();
  });
});
