import { PDFDocument, PDFHexString, PDFName, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * Documents written at test time: a results PDF (prose, a results table, a page with no
 * text), its broken variants, and a saved press-release page with navigation noise.
 * The companies and figures are invented; none is from the corpus.
 */

export const PDF_COMPANY = 'Brightwater Robotics';
export const HTML_COMPANY = 'Lumenfield Cloud';

/** Words that appear only in the noise around a page's content. */
export const HTML_NOISE = ['Subscribe to our newsletter', 'Share on Twitter', 'Investors Careers Contact', 'trackVisitor', 'All rights reserved by Lumenfield'];

const A4: [number, number] = [595, 842];

function furniture(page: PDFPage, font: PDFFont, n: number, of: number): void {
  page.drawText(`${PDF_COMPANY} Annual Results 2024`, { x: 50, y: 805, size: 9, font });
  page.drawText(`Page ${n} of ${of}`, { x: 270, y: 30, size: 9, font });
}

function lines(page: PDFPage, font: PDFFont, text: string[], top: number, size = 11): number {
  let y = top;
  for (const line of text) {
    if (line === '') {
      y -= size * 1.2;
      continue;
    }
    page.drawText(line, { x: 50, y, size, font });
    y -= size * 1.35;
  }
  return y;
}

/** Options of the results PDF. */
export interface ResultsPdfOptions {
  /** Pages of filler prose added after the results (for size and speed). */
  extraPages?: number;
  /** A results table on every this many filler pages. */
  tableEvery?: number;
  /** Fill filler pages to the bottom margin, as a report's pages are. */
  dense?: boolean;
}

/**
 * A results announcement: a cover page, the results in prose on page 2, the results
 * table (RMB in thousands, with a forecast column) on page 3, and a page with only a
 * drawn rectangle (no text layer) on page 4.
 */
export async function resultsPdf(options: ResultsPdfOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${PDF_COMPANY} Annual Results Announcement 2024`);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const extra = options.extraPages ?? 0;
  const total = 4 + extra;
  const cover = doc.addPage(A4);
  furniture(cover, font, 1, total);
  lines(cover, font, [`${PDF_COMPANY} Limited`, '', 'Announcement of annual results for the year ended December 31, 2024'], 700, 16);

  const prose = doc.addPage(A4);
  furniture(prose, font, 2, total);
  lines(prose, font, [
    'Financial highlights',
    '',
    `For the year ended December 31, 2024, ${PDF_COMPANY} recorded revenue of`,
    'RMB 812.4 million, an increase of 23.5% compared with the previous year, driven by',
    'deliveries of warehouse robots to logistics customers.',
    '',
    `The net loss of ${PDF_COMPANY} for 2024 was RMB 96.7 million, narrowing from the`,
    'previous year as gross margin improved.',
  ], 760);

  const table = doc.addPage(A4);
  furniture(table, font, 3, total);
  drawTable(table, font, 760);

  const blank = doc.addPage(A4);
  blank.drawRectangle({ x: 100, y: 300, width: 300, height: 200, color: rgb(0.6, 0.6, 0.6) });

  for (let i = 0; i < extra; i += 1) {
    const page = doc.addPage(A4);
    furniture(page, font, 5 + i, total);
    const paragraph = [
      `Section ${i + 1}. The warehouse automation market continued to grow during the year, and the`,
      'group expanded its service network to new provinces while keeping operating expenses under',
      'control. Research and development focused on navigation, grasping and fleet scheduling.',
      '',
    ];
    const withTable = options.tableEvery !== undefined && i % options.tableEvery === 0;
    const count = options.dense ? (withTable ? 6 : 9) : 3;
    let y = lines(page, font, Array.from({ length: count }, () => paragraph).flat(), 760);
    if (withTable) y = drawTable(page, font, y - 20);
    lines(page, font, paragraph, y - 10);
  }
  return doc.save();
}

function drawTable(page: PDFPage, font: PDFFont, top: number): number {
  page.drawText('Consolidated statement of results', { x: 50, y: top, size: 11, font });
  page.drawText('RMB in thousands', { x: 50, y: top - 15, size: 9, font });
  const columns = [300, 390, 480];
  const right = (p: PDFPage, text: string, x: number, y: number) => p.drawText(text, { x: x - font.widthOfTextAtSize(text, 10), y, size: 10, font });
  let y = top - 40;
  ['2023', '2024', '2025E'].forEach((h, i) => right(page, h, columns[i]!, y));
  const rows: Array<[string, string[]]> = [
    ['Revenue', ['657,800', '812,400', '1,020,000']],
    ['Gross profit', ['190,200', '268,100', '357,000']],
    ['Net loss', ['(131,500)', '(96,700)', '(45,000)']],
  ];
  for (const [label, values] of rows) {
    y -= 16;
    page.drawText(label, { x: 50, y, size: 10, font });
    values.forEach((v, i) => right(page, v, columns[i]!, y));
  }
  return y;
}

/** A PDF whose pages are only drawn shapes: what a scan looks like to a text reader. */
export async function scanPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 2; i += 1) doc.addPage(A4).drawRectangle({ x: 40, y: 40, width: 500, height: 700, color: rgb(0.9, 0.9, 0.9) });
  return doc.save();
}

/**
 * An encrypted PDF: pdf-lib cannot encrypt, so the standard security handler's entry is
 * written into the trailer by hand, with a user password check no empty password passes.
 */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage(A4).drawText('Confidential board minutes.', { x: 50, y: 700, size: 12, font });
  const encrypt = doc.context.obj({
    Filter: PDFName.of('Standard'),
    V: 1,
    R: 2,
    O: PDFHexString.of('5a'.repeat(32)),
    U: PDFHexString.of('c3'.repeat(32)),
    P: -44,
  });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))]);
  return doc.save({ useObjectStreams: false });
}

/** A press release saved from the web: header, navigation, share buttons, scripts, footer, and a table. */
export function pressReleaseHtml(): string {
  return `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>${HTML_COMPANY} reports first half 2025 results | Lumenfield Investor Relations</title>
<meta property="og:title" content="${HTML_COMPANY} reports first half 2025 results">
<meta property="og:site_name" content="Lumenfield Investor Relations">
<meta property="article:published_time" content="2025-08-21T08:00:00+08:00">
<script>function trackVisitor(){ window.dataLayer = window.dataLayer || []; dataLayer.push({ event: 'view' }); }</script>
<style>.share{display:flex}</style>
</head><body>
<header class="site-header"><a href="/">Lumenfield</a>
<nav><ul><li><a href="/investors">Investors Careers Contact</a></li><li><a href="/news">News</a></li></ul></nav></header>
<div class="share-bar social"><button>Share on Twitter</button><a href="#">Share on LinkedIn</a></div>
<main><article>
<h1>${HTML_COMPANY} reports first half 2025 results</h1>
<p class="dateline">HANGZHOU, August 21, 2025 — ${HTML_COMPANY} today announced its unaudited results for the six months ended June 30, 2025.</p>
<p>In the first half of 2025, ${HTML_COMPANY} revenue was RMB 431.6 million, up 18.2% year on year, as enterprise customers moved more workloads to its platform.</p>
<p>Gross margin improved to 34.1%, and the company expects revenue growth to continue in the second half as new data centres come online.</p>
<h2>Key figures</h2>
<table>
<thead><tr><th rowspan="2">Item</th><th colspan="2">Six months ended June 30</th></tr>
<tr><th>H1 2024</th><th>H1 2025</th></tr></thead>
<tbody>
<tr><td>Revenue</td><td>365.1</td><td>431.6</td></tr>
<tr><td>Gross profit</td><td>118.3</td><td>147.2</td></tr>
</tbody></table>
<p>RMB in millions</p>
<p>About ${HTML_COMPANY}: ${HTML_COMPANY} provides cloud infrastructure to manufacturers and retailers across China.</p>
</article></main>
<aside><h3>Subscribe to our newsletter</h3><form><input type="email"><button>Subscribe</button></form></aside>
<footer><p>All rights reserved by Lumenfield. Privacy Terms</p></footer>
<script>trackVisitor();</script>
</body></html>`;
}

/** A page saved before its content loaded: a shell and a large script. */
export function scriptOnlyHtml(): string {
  const script = `var app = ${JSON.stringify({ routes: Array.from({ length: 200 }, (_, i) => `/section/${i}`) })};\n`.repeat(4);
  return `<!doctype html><html><head><title>Loading</title><script>${script}</script></head><body><div id="root"></div><script>${script}</script></body></html>`;
}
