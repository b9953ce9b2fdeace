import type { TableCells } from './pipe-table.ts';

/**
 * An HTML `<table>` as cells: spans are expanded (a merged header cell repeats over the
 * columns it covers, a row-spanning cell fills the rows below it), header rows stacked
 * into one header, and empty cells left empty.
 */

function text(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/gu, ' ').trim();
}

function span(el: Element, name: string): number {
  const n = Number.parseInt(el.getAttribute(name) ?? '1', 10);
  // A span of thousands is a broken page, not a table that wide.
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 50) : 1;
}

/** The rows of this table (not of tables nested in it), as a grid of cells. */
function grid(table: Element): { cells: string[][]; headerRows: number } {
  const rows = Array.from(table.querySelectorAll('tr')).filter((tr) => tr.closest('table') === table);
  const cells: string[][] = [];
  const pendingDown: Array<{ col: number; text: string; left: number }> = [];
  let headerRows = 0;
  let inHeader = true;
  rows.forEach((tr, r) => {
    const row: string[] = [];
    for (const down of pendingDown) if (down.left > 0) row[down.col] = down.text;
    const own = Array.from(tr.children).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    let col = 0;
    for (const c of own) {
      while (row[col] !== undefined) col += 1;
      const value = text(c);
      const across = span(c, 'colspan');
      const isHeader = c.tagName === 'TH' || tr.parentElement?.tagName === 'THEAD';
      for (let k = 0; k < across; k += 1) row[col + k] = k === 0 || isHeader ? value : '';
      const downRows = span(c, 'rowspan');
      if (downRows > 1) for (let k = 0; k < across; k += 1) pendingDown.push({ col: col + k, text: k === 0 || isHeader ? value : '', left: downRows });
      col += across;
    }
    for (const down of pendingDown) down.left -= 1;
    for (let i = pendingDown.length - 1; i >= 0; i -= 1) if (pendingDown[i]!.left <= 0 || pendingDown[i]!.left === undefined) pendingDown.splice(i, 1);
    // Rows only of <th> (or in <thead>) at the top are the header.
    const allHeader = own.length > 0 && own.every((c) => c.tagName === 'TH' || tr.parentElement?.tagName === 'THEAD');
    if (inHeader && allHeader) headerRows = r + 1;
    else inHeader = false;
    cells.push(Array.from({ length: row.length }, (_, i) => row[i] ?? ''));
  });
  return { cells, headerRows };
}

/** The caption of a table: its `<caption>`. A heading just before it stays in the text above it. */
export function htmlTable(table: Element): TableCells | null {
  const { cells, headerRows } = grid(table);
  const rows = cells.filter((r) => r.some((c) => c));
  if (rows.length < 1) return null;
  const top = headerRows > 0 ? cells.slice(0, headerRows) : rows.slice(0, 1);
  const body = headerRows > 0 ? cells.slice(headerRows).filter((r) => r.some((c) => c)) : rows.slice(1);
  const width = Math.max(...cells.map((r) => r.length));
  // Stacked header rows read as one: "Year ended 31 December" over "2024" is "Year ended 31 December 2024".
  const header = Array.from({ length: width }, (_, i) => [...new Set(top.map((r) => r[i] ?? '').filter(Boolean))].join(' '));
  const captionEl = Array.from(table.children).find((c) => c.tagName === 'CAPTION');
  const caption = captionEl ? text(captionEl) : undefined;
  return { caption: caption || undefined, header, rows: body };
}
