import { readFileSync } from 'node:fs';
import opentype, { type Font } from 'opentype.js';
import { chartFonts } from './chart-fonts.ts';

/**
 * The bundled fonts parsed for their metrics and character coverage (not for drawing:
 * resvg draws). Parsed once per process, the CJK font only when a chart needs it.
 */

let latin: { regular: Font; bold: Font } | undefined;
let cjk: Font | undefined;

function load(file: string): Font {
  const data = readFileSync(file);
  // lowMemory parses glyphs on demand: widths and coverage only need cmap and hmtx.
  return opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength), { lowMemory: true });
}

/** Noto Sans, regular and bold. */
export function latinFaces(): { regular: Font; bold: Font } {
  const { latinRegular, latinBold } = chartFonts();
  latin ??= { regular: load(latinRegular), bold: load(latinBold) };
  return latin;
}

/** Noto Sans S Chinese, the fallback for every character Noto Sans lacks. */
export function cjkFace(): Font {
  cjk ??= load(chartFonts().cjk);
  return cjk;
}

/** True when the Latin font has a glyph for the character. */
export function latinCovers(ch: string): boolean {
  return latinFaces().regular.charToGlyphIndex(ch) > 0;
}
