import { pipeTable } from './pipe-table.ts';

/**
 * Laying out one PDF page's text items as lines: items on one baseline make a line,
 * wide gaps split a line into cells, lines whose cells line up make a table (written
 * as a pipe table), and a taller gap between lines is a paragraph break. Reading order
 * is top to bottom, left to right; a two-column page is read across its columns.
 */

/** A text item of a page, in PDF units (y grows upwards). */
export interface PositionedText {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (height of the item). */
  size: number;
}

/** One cell of a line: text and its horizontal extent. */
export interface LineCell {
  text: string;
  x0: number;
  x1: number;
}

/** One visual line of a page. */
export interface PageLine {
  y: number;
  size: number;
  cells: LineCell[];
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/u;
/** A gap this many font sizes wide separates cells (word spaces are a quarter of one). */
const CELL_GAP = 1.5;
/** A vertical step this many font sizes tall is a paragraph break (line spacing is about 1.2). */
const PARAGRAPH_GAP = 1.8;

/** Group a page's text items into lines and cells. */
export function pageLines(items: readonly PositionedText[]): PageLine[] {
  // pdf.js fills gaps with blank items as wide as the gap; the gap itself is what tells cells apart.
  const sorted = items.filter((i) => i.str.trim().length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PositionedText[][] = [];
  for (const item of sorted) {
    const group = groups[groups.length - 1];
    const head = group?.[0];
    if (group && head && Math.abs(head.y - item.y) <= Math.max(head.size, item.size, 1) * 0.4) group.push(item);
    else groups.push([item]);
  }
  const lines: PageLine[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    const size = Math.max(...group.map((g) => g.size), 1);
    const cells: LineCell[] = [];
    for (const item of group) {
      const last = cells[cells.length - 1];
      const gap = last ? item.x - last.x1 : 0;
      if (!last || gap > size * CELL_GAP) {
        cells.push({ text: item.str, x0: item.x, x1: item.x + item.width });
        continue;
      }
      const glue = gap > size * 0.15 && !/\s$/u.test(last.text) && !/^\s/u.test(item.str) && !(CJK.test(last.text.slice(-1)) && CJK.test(item.str[0]!)) ? ' ' : '';
      last.text += glue + item.str;
      last.x1 = Math.max(last.x1, item.x + item.width);
    }
    for (const c of cells) c.text = c.text.replace(/\s+/gu, ' ').trim();
    const kept = cells.filter((c) => c.text);
    if (kept.length) lines.push({ y: group[0]!.y, size, cells: kept });
  }
  return lines;
}

/** The text of a line read as prose (its cells joined). */
export function lineText(line: PageLine): string {
  return line.cells.map((c) => c.text).join(' ');
}

/**
 * Columns of a run of table lines, from the line with the most cells; every cell goes to
 * the column whose centre is nearest its own (headers sit centred over right-aligned numbers).
 */
function tableRows(run: readonly PageLine[]): string[][] {
  const widest = run.reduce((a, b) => (b.cells.length > a.cells.length ? b : a));
  const centres = widest.cells.map((c) => (c.x0 + c.x1) / 2);
  return run.map((line) => {
    const row: string[] = centres.map(() => '');
    for (const c of line.cells) {
      const mid = (c.x0 + c.x1) / 2;
      let best = 0;
      let bestDistance = Infinity;
      centres.forEach((centre, i) => {
        const d = Math.abs(centre - mid);
        if (d < bestDistance) [best, bestDistance] = [i, d];
      });
      // A row's first cell starting within the label column is its label, however wide.
      if (line.cells[0] === c && c.x0 <= widest.cells[0]!.x1) best = 0;
      row[best] = row[best] ? `${row[best]} ${c.text}` : c.text;
    }
    return row;
  });
}

/** Where the prose of a document starts and ends on the line. */
export interface TextMargins {
  left: number;
  right: number;
}

/**
 * The text margins of a document, from all its prose lines: a page with only a caption
 * on it must not take the caption's end for its right margin.
 */
export function textMargins(pages: ReadonlyArray<readonly PageLine[]>): TextMargins {
  const prose = pages.flatMap((p) => p.filter((l) => l.cells.length === 1)).map((l) => l.cells[0]!);
  if (!prose.length) return { left: 0, right: 0 };
  const ends = prose.map((c) => c.x1).sort((a, b) => a - b);
  // The 90th percentile: most lines of running text reach the margin; a stray wide line does not move it.
  return { left: Math.min(...prose.map((c) => c.x0)), right: ends[Math.floor((ends.length - 1) * 0.9)]! };
}

/** True when a line runs to the right margin, so the sentence on it goes on in the next line. */
function wraps(line: PageLine, left: number, right: number): boolean {
  const last = line.cells[line.cells.length - 1]!;
  return right - left > 0 && last.x1 >= left + (right - left) * 0.85;
}

/** Join a wrapped line and its continuation: no space inside Chinese text or after a hyphen. */
function joinWrapped(previous: string, next: string): string {
  if (CJK.test(previous.slice(-1)) && CJK.test(next[0] ?? '')) return previous + next;
  if (/[A-Za-z]-$/u.test(previous) && /^[a-z]/u.test(next)) return previous + next;
  return `${previous} ${next}`;
}

/**
 * A page's lines as text: the lines of a paragraph joined where they wrapped (a line
 * that runs to the right margin goes on in the next), short lines (headings, captions,
 * notes) kept as lines of their own, a blank line between paragraphs, and runs of two
 * or more lines of several cells as pipe tables.
 */
export function renderPage(lines: readonly PageLine[], margins: TextMargins = textMargins([lines])): string {
  const { left, right } = margins;
  const out: string[] = [];
  let i = 0;
  let previous: PageLine | null = null;
  let joinNext = false;
  while (i < lines.length) {
    const line = lines[i]!;
    let end = i;
    while (end < lines.length && lines[end]!.cells.length >= 2) end += 1;
    if (end - i >= 2) {
      const rows = tableRows(lines.slice(i, end));
      // A table stands apart from the prose after it; the line just above stays as its caption.
      if (previous && previous.y - line.y > previous.size * PARAGRAPH_GAP * 1.6 && out.length && out[out.length - 1] !== '') out.push('');
      out.push(pipeTable({ header: rows[0]!, rows: rows.slice(1) }), '');
      previous = lines[end - 1]!;
      joinNext = false;
      i = end;
      continue;
    }
    const gap = previous !== null && previous.y - line.y > previous.size * PARAGRAPH_GAP;
    if (gap && out.length && out[out.length - 1] !== '') out.push('');
    const text = lineText(line);
    if (joinNext && !gap && out.length && out[out.length - 1] !== '') out[out.length - 1] = joinWrapped(out[out.length - 1]!, text);
    else out.push(text);
    joinNext = line.cells.length === 1 && wraps(line, left, right);
    previous = line;
    i += 1;
  }
  return out.join('\n').replace(/\n{3,}/gu, '\n\n').trim();
}

// Up to three digits: a lone "2024" at the top of a cover is a year, not a page number.
const PAGE_NUMBER = /^(?:(?:page|p\.)\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$|^第\s*\d{1,4}\s*[页頁](?:\s*[,，/]?\s*共\s*\d{1,4}\s*[页頁])?$|^[-–—]?\s*[ivxlc]{1,6}\s*[-–—]?$/iu;

function shape(line: PageLine): string {
  return lineText(line).replace(/\d+/gu, '#').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * Drop running headers and footers: a line among the first or last two of a page that
 * (digits aside) repeats on most pages, and bare page numbers at the top or bottom.
 */
export function dropPageFurniture(pages: PageLine[][]): PageLine[][] {
  const edge = (lines: PageLine[]) => [...new Set([...lines.slice(0, 2), ...lines.slice(-2)])];
  const counts = new Map<string, number>();
  for (const lines of pages) for (const s of new Set(edge(lines).map(shape))) counts.set(s, (counts.get(s) ?? 0) + 1);
  const withText = pages.filter((p) => p.length > 0).length;
  const repeated = (s: string) => withText >= 3 && (counts.get(s) ?? 0) >= Math.max(3, Math.ceil(withText * 0.6));
  return pages.map((lines) => {
    const edges = new Set(edge(lines));
    return lines.filter((line) => !edges.has(line) || (!PAGE_NUMBER.test(lineText(line).trim()) && !repeated(shape(line))));
  });
}
