/**
 * Markdown pipe tables in cleaned document text, with exact offsets. Every table of a
 * loaded document reaches the text in this form (the loaders turn HTML and PDF tables
 * into it), so this is the one place tables are found.
 */

/** One cell of a table line: `text.slice(start, end)` is its trimmed text. */
export interface TableCell {
  text: string;
  start: number;
  end: number;
  /** Spaces before the text inside its cell, beyond the table's usual padding. */
  indent: number;
}

/** One line of a table: `text.slice(start, end)` is the whole line, trimmed. */
export interface TableLine {
  start: number;
  end: number;
  cells: TableCell[];
}

/** A pipe table: caption line, header line, body lines and the note lines around it. */
export interface PipeTable {
  /** Offsets of the whole table, header to last row. */
  start: number;
  end: number;
  /** The nearest line above the header (a heading or caption), when there is one. */
  caption: { text: string; start: number; end: number } | null;
  header: TableLine;
  rows: TableLine[];
  /** Short lines right above the caption or right below the table ("单位:人民币千元", "Note: ..."). */
  notes: string[];
}

const SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/u;
const MAX_NOTE = 200;

interface RawLine {
  start: number;
  end: number;
  text: string;
}

function lines(text: string): RawLine[] {
  const out: RawLine[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    out.push({ start: at, end: at + line.length, text: line });
    at += line.length + 1;
  }
  return out;
}

const isPipeLine = (line: string) => line.includes('|') && line.trim().length > 1;

/** Cells of one table line, with offsets into the document. */
export function splitCells(line: RawLine): TableLine {
  const raw = line.text;
  let from = 0;
  let to = raw.length;
  while (from < to && /\s/u.test(raw[from]!)) from += 1;
  while (to > from && /\s/u.test(raw[to - 1]!)) to -= 1;
  const body = raw.slice(from, to);
  const lead = body.startsWith('|') ? 1 : 0;
  const trail = body.endsWith('|') && body.length > 1 && !body.endsWith('\\|') ? 1 : 0;
  const cells: TableCell[] = [];
  let cellStart = from + lead;
  const last = to - trail;
  for (let i = cellStart; i <= last; i += 1) {
    if (i < last && (raw[i] !== '|' || raw[i - 1] === '\\')) continue;
    const content = raw.slice(cellStart, i);
    const leading = content.length - content.trimStart().length;
    const trimmed = content.trim();
    const s = line.start + cellStart + leading;
    cells.push({ text: trimmed, start: s, end: s + trimmed.length, indent: Math.max(0, leading - 1) });
    cellStart = i + 1;
  }
  return { start: line.start + from, end: line.start + to, cells };
}

/**
 * Every pipe table of a text: a header line, a separator line (`|---|---|`), then the
 * body lines that carry a pipe. Caption and notes are the short lines right around it.
 */
export function findTables(text: string): PipeTable[] {
  if (!text.includes('|')) return [];
  const all = lines(text);
  const tables: PipeTable[] = [];
  for (let i = 1; i < all.length; i += 1) {
    if (!SEPARATOR.test(all[i]!.text) || !all[i]!.text.includes('-')) continue;
    const headerLine = all[i - 1]!;
    if (!isPipeLine(headerLine.text)) continue;
    const header = splitCells(headerLine);
    const rows: TableLine[] = [];
    let j = i + 1;
    for (; j < all.length && isPipeLine(all[j]!.text) && !SEPARATOR.test(all[j]!.text); j += 1) rows.push(splitCells(all[j]!));
    const lastLine = rows.length ? rows.at(-1)! : splitCells(all[i]!);
    let caption: PipeTable['caption'] = null;
    const notes: string[] = [];
    // The caption: the nearest non-blank line above, at most one blank line away.
    let k = i - 2;
    if (k >= 0 && !all[k]!.text.trim()) k -= 1;
    if (k >= 0 && all[k]!.text.trim() && !isPipeLine(all[k]!.text) && all[k]!.text.trim().length <= MAX_NOTE) {
      const c = all[k]!;
      const lead = c.text.length - c.text.trimStart().length;
      caption = { text: c.text.trim(), start: c.start + lead, end: c.start + lead + c.text.trim().length };
      const above = all[k - 1];
      if (above && above.text.trim() && !isPipeLine(above.text) && above.text.trim().length <= MAX_NOTE) notes.push(above.text.trim());
    }
    let m = j;
    if (m < all.length && !all[m]!.text.trim()) m += 1;
    if (m < all.length && all[m]!.text.trim() && !isPipeLine(all[m]!.text) && all[m]!.text.trim().length <= MAX_NOTE) notes.push(all[m]!.text.trim());
    tables.push({ start: header.start, end: lastLine.end, caption, header, rows, notes });
    i = j;
  }
  return tables;
}

/**
 * A test for "is this offset inside a table", for offsets asked in increasing order (the
 * sentences of a document): it walks the tables once, so a long document with many tables
 * costs one pass.
 */
export function insideTables(tables: readonly PipeTable[]): (offset: number) => boolean {
  let i = 0;
  return (offset) => {
    while (i < tables.length && tables[i]!.end < offset) i += 1;
    const t = tables[i];
    return t !== undefined && offset >= t.start && offset <= t.end;
  };
}

/** Where a table row sits, for the reader: caption or heading, header row, unit note. */
export interface TablePlace {
  caption: string | null;
  header: string;
  note?: string;
}

/**
 * The caption, header and unit note of the table holding the line that starts at
 * `offset`. Reads only the lines around the table (a look-up runs this per quoted figure).
 */
export function tablePlaceAt(text: string, offset: number): TablePlace | null {
  let lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  for (;;) {
    if (lineStart === 0) return null;
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const line = text.slice(prevStart, lineStart - 1);
    if (SEPARATOR.test(line) && line.includes('-')) {
      // Read the table from four lines above its separator to the line after it, with the one finder.
      let windowStart = prevStart;
      for (let k = 0; k < 4 && windowStart > 0; k += 1) windowStart = text.lastIndexOf('\n', windowStart - 2) + 1;
      const lineEnd = (from: number) => {
        const n = text.indexOf('\n', from);
        return n < 0 ? text.length : n;
      };
      let windowEnd = lineEnd(offset);
      while (windowEnd < text.length) {
        const next = lineEnd(windowEnd + 1);
        const nextLine = text.slice(windowEnd + 1, next);
        windowEnd = next;
        if (!isPipeLine(nextLine)) break;
      }
      // A note may follow one blank line.
      if (windowEnd < text.length) windowEnd = lineEnd(windowEnd + 1);
      const table = findTables(text.slice(windowStart, windowEnd)).find((t) => t.start + windowStart <= offset && t.end + windowStart >= offset);
      if (!table) return null;
      const place: TablePlace = { caption: table.caption ? table.caption.text.replace(/^#+\s*/u, '') : null, header: text.slice(table.header.start + windowStart, table.header.end + windowStart) };
      const note = table.notes.find((n) => n !== table.caption?.text && UNIT_NOTE_HINT.test(n));
      if (note) place.note = note;
      return place;
    }
    if (!isPipeLine(line)) return null;
    lineStart = prevStart;
  }
}

// A note line worth showing beside a quoted row: it states units.
const UNIT_NOTE_HINT = /单位|單位|unit|thousand|million|billion|'000|千元|万元|萬元|百万|百萬|亿元|億元|in (?:rmb|us\$|hk\$)/iu;
