import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { chartFonts } from './chart-fonts.ts';
import { latinCovers } from './font-faces.ts';

/**
 * The font files the rasterizer gets for one chart: Noto Sans, and when the chart shows
 * characters Noto Sans lacks (Chinese names, titles), a subset of the CJK font with just
 * those characters. resvg re-reads a font file for every glyph it draws, so drawing from
 * the 8 MB original costs about 1 ms a glyph; from a 5 kB subset, microseconds. The
 * glyphs are the original's, so the picture is the same.
 */

/** Folder of the subsets, shared by processes: names are content hashes and writes are atomic. */
export const SUBSET_DIR = join(tmpdir(), 'fin-qa-bot-chart-fonts');

let original: Promise<Buffer> | undefined;
const pending = new Map<string, Promise<string>>();

/** Characters of the SVG's text that the Latin font does not draw, sorted and unique. */
export function charsNeedingFallback(svg: string): string[] {
  // Tag contents are ASCII (names, numbers); only text between tags can hold other characters.
  const text = svg.replace(/<[^>]*>/gu, '');
  const out = new Set<string>();
  for (const ch of text) if (!/\s/u.test(ch) && !latinCovers(ch)) out.add(ch);
  return [...out].sort();
}

async function writeSubset(path: string, chars: string): Promise<string> {
  original ??= readFile(chartFonts().cjk);
  const subset = await subsetFont(await original, chars, { targetFormat: 'sfnt', preserveNameIds: [16, 17] });
  await mkdir(SUBSET_DIR, { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, subset);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return path;
}

/** The subset of the CJK font for these characters, made once and then reused. */
export async function cjkSubsetFile(chars: readonly string[]): Promise<string> {
  const text = chars.join('');
  const key = createHash('sha256').update(`${chartFonts().fingerprint}\u0000${text}`).digest('hex').slice(0, 24);
  const path = join(SUBSET_DIR, `cjk-${key}.otf`);
  if (existsSync(path)) return path;
  let job = pending.get(key);
  if (!job) {
    job = writeSubset(path, text).finally(() => pending.delete(key));
    pending.set(key, job);
  }
  return job;
}

/** Font files to rasterize this SVG with. */
export async function rasterFontFiles(svg: string): Promise<string[]> {
  const { latinRegular, latinBold } = chartFonts();
  const chars = charsNeedingFallback(svg);
  return chars.length ? [latinRegular, latinBold, await cjkSubsetFile(chars)] : [latinRegular, latinBold];
}
