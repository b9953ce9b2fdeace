/**
 * Tables of PDF and HTML documents are written into the cleaned text as Markdown pipe
 * tables, the one shape the figure reader and a person reading a quote both know:
 * an optional caption line, the header row, the `|---|` rule, then one line per row.
 */

/** One table as read from a page: header cells, body rows, and a caption when there is one. */
export interface TableCells {
  caption?: string;
  header: string[];
  rows: string[][];
}

// A cell is one line of text; a pipe inside it would open a new column.
function cell(text: string): string {
  return text.replace(/\s+/gu, ' ').replace(/\|/gu, '/').trim();
}

/** The table as Markdown lines; rows are padded to the widest row so every line has the same columns. */
export function pipeTable(table: TableCells): string {
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.length));
  const pad = (row: string[]) => Array.from({ length: width }, (_, i) => cell(row[i] ?? ''));
  const line = (row: string[]) => `| ${pad(row).join(' | ')} |`.replace(/ {2,}\|/gu, ' |');
  const lines: string[] = [];
  const caption = table.caption ? cell(table.caption) : '';
  if (caption) lines.push(caption);
  lines.push(line(table.header));
  lines.push(`|${Array.from({ length: width }, () => '---').join('|')}|`);
  for (const row of table.rows) lines.push(line(row));
  return lines.join('\n');
}
