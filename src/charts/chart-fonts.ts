import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The fonts charts are drawn with, bundled from registry packages so that a chart reads
 * the same on every machine (system fonts are never loaded). Noto Sans draws Latin text;
 * Noto Sans S Chinese (which also covers the traditional characters of the corpus)
 * draws Chinese names by glyph fallback. Latin comes first, and the CJK font reaches
 * the rasterizer only as a subset of the characters a chart shows: resvg reads the font
 * file again for every glyph it draws, about 1 ms a glyph for the 8 MB original.
 */

/** Family named in every chart's SVG. */
export const CHART_FONT_FAMILY = 'Noto Sans';

const FONT_FILES: ReadonlyArray<{ pkg: string; file: string }> = [
  { pkg: '@embedpdf/fonts-latin', file: 'NotoSans-Regular.ttf' },
  { pkg: '@embedpdf/fonts-latin', file: 'NotoSans-Bold.ttf' },
  { pkg: '@embedpdf/fonts-sc', file: 'NotoSansHans-Regular.otf' },
];

/** The font files and the versions of the packages they come from. */
export interface ChartFonts {
  latinRegular: string;
  latinBold: string;
  /** The full CJK font; the rasterizer gets a subset of it (see font-subset.ts). */
  cjk: string;
  /** `@embedpdf/fonts-latin@1.0.0 ...`: part of a chart's cache key. */
  fingerprint: string;
}

let cached: ChartFonts | undefined;

/** Locate the bundled font files. Throws naming the package to install when one is missing. */
export function chartFonts(): ChartFonts {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const files: string[] = [];
  const versions = new Set<string>();
  for (const { pkg, file } of FONT_FILES) {
    let root: string;
    try {
      // The packages export only their index; their font folder sits beside dist/.
      root = join(dirname(require.resolve(pkg)), '..');
    } catch {
      throw new Error(`Chart font package ${pkg} is not installed; run npm install.`);
    }
    const path = join(root, 'fonts', file);
    if (!existsSync(path)) throw new Error(`Chart font ${file} is missing from ${pkg}; reinstall it with npm install.`);
    files.push(path);
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
    versions.add(`${pkg}@${version ?? '?'}`);
  }
  const [latinRegular, latinBold, cjk] = files as [string, string, string];
  cached = { latinRegular, latinBold, cjk, fingerprint: [...versions].join(' ') };
  return cached;
}
