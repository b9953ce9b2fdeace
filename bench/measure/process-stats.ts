import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Measurements of the measuring process itself. */

/** Peak resident set size of this process so far, in bytes (Linux reports KiB). */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Total size of the files under a folder, in bytes. */
export function dirBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    total += st.isDirectory() ? dirBytes(path) : st.size;
  }
  return total;
}
