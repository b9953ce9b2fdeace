import * as vega from 'vega';
import { cjkFace, latinFaces } from './font-faces.ts';

/**
 * Text widths from the bundled fonts' own advance widths, for vega's layout. Without a
 * canvas vega guesses 0.8 em per character, which is too wide for Latin and too narrow
 * for Chinese, so legends overlap and `autosize: fit` shrinks the plot for text that is
 * not there. vega lets an embedder replace `textMetrics.width` (vl-convert does the same).
 */

/** True for the weights vega writes that the rasterizer draws with the bold face. */
function isBold(weight: unknown): boolean {
  if (typeof weight === 'number') return weight >= 600;
  return weight === 'bold' || weight === 'bolder' || (typeof weight === 'string' && Number(weight) >= 600);
}

/**
 * Width in pixels of a line of text as the rasterizer draws it: runs the Latin font
 * covers are measured with it (kerning included), the rest with the CJK fallback.
 */
export function measureText(text: string, fontSize: number, bold = false): number {
  const fonts = latinFaces();
  const primary = bold ? fonts.bold : fonts.regular;
  let width = 0;
  let run = '';
  const flush = () => {
    if (run) width += primary.getAdvanceWidth(run, fontSize);
    run = '';
  };
  for (const ch of text) {
    if (primary.charToGlyphIndex(ch) > 0) {
      run += ch;
      continue;
    }
    flush();
    const fallback = cjkFace();
    const glyph = fallback.charToGlyph(ch);
    width += ((glyph.index > 0 ? (glyph.advanceWidth ?? fallback.unitsPerEm) : fallback.unitsPerEm) / fallback.unitsPerEm) * fontSize;
  }
  flush();
  return width;
}

/** The part of vega-scenegraph's `textMetrics` used here (vega exports it at run time; its typings omit it). */
interface VegaTextMetrics {
  width: (item: { fontSize?: number; fontWeight?: unknown }, text?: unknown) => number;
}

let installed = false;

/** Make vega measure text with the bundled fonts. Idempotent. */
export function installTextMetrics(): void {
  if (installed) return;
  installed = true;
  const textMetrics = (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;
  // Untruncated width on purpose: vega truncates to a label limit by calling this on prefixes.
  textMetrics.width = (item, text) => {
    const line = text == null ? '' : String(text).trim();
    if (!line) return 0;
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    return size <= 0 ? 0 : measureText(line, size, isBold(item.fontWeight));
  };
}
