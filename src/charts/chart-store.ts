import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ChartSchema, type Chart } from '../core/answer.ts';

/**
 * Charts on disk, content-addressed: the file name is a hash of everything that decides
 * the picture, so an equal chart reuses its file and a changed one never overwrites
 * another's. Beside each PNG, a JSON file keeps the `Chart` (the data drawn), which is
 * also what a cache hit returns without rendering again.
 */

/** Bumped whenever the look of charts changes, so old files are not reused. */
export const CHART_RENDER_VERSION = 1;

/** The content hash of a chart's inputs. */
export function chartKey(inputs: unknown): string {
  return createHash('sha256').update(JSON.stringify({ v: CHART_RENDER_VERSION, inputs })).digest('hex').slice(0, 32);
}

/** Where the PNG of a key lives. */
export function chartPngPath(dir: string, key: string): string {
  return join(resolve(dir), `chart-${key}.png`);
}

const StoredSchema = ChartSchema.omit({ path: true });

/** The stored chart of a key, if both its PNG and its data are there and readable. */
export async function readStoredChart(dir: string, key: string): Promise<Chart | undefined> {
  const png = chartPngPath(dir, key);
  const meta = png.replace(/\.png$/u, '.json');
  if (!existsSync(png) || !existsSync(meta)) return undefined;
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(await readFile(meta, 'utf8')));
    return parsed.success ? { path: png, ...parsed.data } : undefined;
  } catch {
    return undefined;
  }
}

async function writeAtomic(path: string, data: string | Buffer): Promise<void> {
  // Readers must never see half a file: write aside, then rename over.
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Store a rendered chart under its key; returns the `Chart` with the PNG's path. */
export async function storeChart(dir: string, key: string, png: Buffer, chart: Omit<Chart, 'path'>): Promise<Chart> {
  await mkdir(resolve(dir), { recursive: true });
  const path = chartPngPath(dir, key);
  await writeAtomic(path, png);
  // Written second: its presence means the PNG is complete.
  await writeAtomic(path.replace(/\.png$/u, '.json'), `${JSON.stringify(chart, null, 2)}\n`);
  return { path, ...chart };
}
