/**
 * The text of an HTML fragment, one block per paragraph: block elements end a line and
 * stand apart from the next by a blank line, `<br>` ends a line, list items start
 * with "- ", and placeholders left for tables are replaced by their pipe tables.
 */

const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'HEADER', 'FOOTER', 'ADDRESS', 'HR']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'FORM', 'NAV']);

/** Text of a DOM subtree as paragraphs (blank-line separated) of lines. */
export function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let line = '';
  let lines: string[] = [];
  const endLine = () => {
    const t = line.replace(/[ \t\f\v\u00a0]+/gu, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const endParagraph = () => {
    endLine();
    if (lines.length) paragraphs.push(lines.join('\n'));
    lines = [];
  };
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      line += (node.textContent ?? '').replace(/\s+/gu, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      endLine();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) endParagraph();
    if (tag === 'LI') line += '- ';
    for (const child of Array.from(el.childNodes)) visit(child);
    if (block) endParagraph();
  };
  visit(root);
  endParagraph();
  return paragraphs.join('\n\n');
}
