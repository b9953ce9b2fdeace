import { randomBytes } from 'node:crypto';
import type { DocumentRead, PageMeta } from './document-read.ts';
import { skippedRead } from './document-read.ts';
import { htmlTable } from './html-table.ts';
import { blockText } from './html-text.ts';
import { pipeTable } from './pipe-table.ts';

/**
 * Saved web pages: parsed by `linkedom` (a real HTML parser), the main content picked
 * by Mozilla's Readability (the engine of Firefox's reader view), so navigation,
 * scripts, share buttons and footers never become passages. Tables are set aside
 * before Readability and written back as pipe tables where they stood.
 */

/** Elements that are never content, dropped before anything else reads the page. */
const NEVER_CONTENT = 'script, style, noscript, template, iframe, svg, canvas, form, button, select, input, textarea, nav, aside, footer, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]';
/** Least article text a page must have to be read (a sentence; Chinese says much in few characters). */
const MIN_TEXT_CHARS = 20;

function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Chinese pages are often saved in their page's own charset (GBK, Big5).
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const charset = head.match(/<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu)?.[1];
    if (!charset) return null;
    try {
      return new TextDecoder(charset.toLowerCase()).decode(bytes);
    } catch {
      return null;
    }
  }
}

function isoDate(value: string | null | undefined): string | undefined {
  const m = value?.trim().match(/^(\d{4})-(\d{2})-(\d{2})/u);
  if (!m) return undefined;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(m[0]) ? m[0] : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The date of a press release's dateline ("HANGZHOU, August 21, 2025 —", "21 August 2025"),
 * near the top of its text. Numeric and Chinese dates are read by `inferPublished` later.
 */
export function datelineDate(text: string): string | undefined {
  const head = text.slice(0, 400);
  const month = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
  const monthFirst = head.match(new RegExp(`\\b${month}\\s+(\\d{1,2}),?\\s+(20\\d{2})\\b`, 'iu'));
  const dayFirst = head.match(new RegExp(`\\b(\\d{1,2})\\s+${month}\\s+(20\\d{2})\\b`, 'iu'));
  const [m, d, y] = monthFirst ? [monthFirst[1]!, monthFirst[2]!, monthFirst[3]!] : dayFirst ? [dayFirst[2]!, dayFirst[1]!, dayFirst[3]!] : [];
  if (!m || !d || !y) return undefined;
  const n = MONTHS.indexOf(m.slice(0, 3).toLowerCase()) + 1;
  return isoDate(`${y}-${String(n).padStart(2, '0')}-${d.padStart(2, '0')}`);
}

function metaOf(document: Document): PageMeta {
  const content = (selector: string) => document.querySelector(selector)?.getAttribute('content')?.replace(/\s+/gu, ' ').trim() || undefined;
  const title = content('meta[property="og:title"]') ?? (document.querySelector('title')?.textContent?.replace(/\s+/gu, ' ').trim() || undefined);
  const published =
    isoDate(content('meta[property="article:published_time"]')) ??
    isoDate(content('meta[name="pubdate"]')) ??
    isoDate(content('meta[name="publishdate"]')) ??
    isoDate(content('meta[name="date"]')) ??
    isoDate(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  return { title: title?.slice(0, 300), published };
}

/** Read a saved web page. */
export async function readHtml(file: string, bytes: Uint8Array): Promise<DocumentRead> {
  // Loaded on first use: only the indexing worker reads web pages.
  const [{ Readability }, { parseHTML }] = await Promise.all([import('@mozilla/readability'), import('linkedom')]);
  const html = decode(bytes);
  if (html === null) return skippedRead('html', file, 'not valid UTF-8 and no readable charset declared; save the page as UTF-8 and it will be read');
  const { document } = parseHTML(html);
  const meta = metaOf(document);
  const scriptChars = Array.from(document.querySelectorAll('script')).reduce((n, s) => n + (s.textContent?.length ?? 0), 0);
  for (const el of Array.from(document.querySelectorAll(NEVER_CONTENT))) el.remove();
  // Tables are set aside behind a token Readability keeps as a paragraph of text.
  const nonce = randomBytes(4).toString('hex');
  const tables = new Map<string, { text: string; captioned: boolean }>();
  const outerTables = Array.from(document.querySelectorAll('table')).filter((t) => !t.parentElement?.closest('table'));
  for (const table of outerTables) {
    const cells = htmlTable(table);
    if (!cells) {
      table.remove();
      continue;
    }
    const token = `tbl${nonce}x${tables.size}`;
    tables.set(token, { text: pipeTable(cells), captioned: Boolean(cells.caption) });
    const p = document.createElement('p');
    p.textContent = token;
    table.replaceWith(p);
  }
  let main: Node | null = null;
  let publishedTime: string | undefined;
  try {
    const article = new Readability(document.cloneNode(true) as Document, { charThreshold: 200 }).parse();
    if (article?.content) {
      main = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body;
      publishedTime = isoDate(article.publishedTime);
    }
  } catch {
    // Readability gives up on some pages; the page's body without its chrome is read instead.
  }
  if (!main || !/[\p{L}\p{N}]/u.test(main.textContent ?? '')) {
    for (const el of Array.from(document.querySelectorAll('header'))) el.remove();
    main = document.body ?? document.documentElement;
  }
  let text = blockText(main!);
  for (const [token, table] of tables) {
    // Without a <caption>, the heading just before the table is its caption: it goes on the
    // line directly above, as a PDF table's caption does (a sentence before it stays apart).
    const headed = table.captioned ? null : text.match(new RegExp(`(^|\\n)([^\\n]{1,200})\\n\\n${token}$`, 'mu'));
    if (headed && !/[.。!?！？;；,，]$/u.test(headed[2]!)) text = text.replace(`${headed[2]}\n\n${token}`, () => `${headed[2]}\n${table.text}`);
    else text = text.replace(new RegExp(`^${token}$`, 'mu'), () => table.text);
  }
  // A table Readability dropped was part of the chrome; its token must not stay behind.
  text = text.replace(new RegExp(`^tbl${nonce}x\\d+$`, 'gmu'), '');
  const letters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  if (letters < MIN_TEXT_CHARS) {
    const why = scriptChars > 1000 ? `the page is mostly script (${Math.round(scriptChars / 1024)} KB of script, no article text): it was saved before its content loaded; save it again once the page shows, or print it to PDF` : 'no article text on the page';
    return skippedRead('html', file, why);
  }
  return {
    kind: 'html',
    text,
    cleaned: false,
    frontMatter: { kind: 'plain', body: '' },
    partial: {},
    meta: { ...meta, published: meta.published ?? publishedTime ?? datelineDate(text) },
    problems: [],
  };
}
