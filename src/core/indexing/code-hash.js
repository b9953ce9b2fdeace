// Hash of the core's code and data files. Plain JavaScript so that the build
// (scripts/finish-build.mjs) runs the same function over the sources that the engine runs
// at start: the build stamps the sources' hash into dist/, and an index built by the tsx
// tools is then reused by `npm start`, and the other way round.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Name of the stamp the build writes into the compiled core folder. */
export const CODE_HASH_STAMP = 'code-hash.txt';

/** Hash of every .ts, .js and .yaml file under `dir`, by name and content, in a fixed order. */
export function hashCodeTree(dir) {
  const h = createHash('sha256');
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(?:ts|js|yaml)$/u.test(name)) h.update(name).update(readFileSync(path));
    }
  };
  walk(dir);
  return h.digest('hex').slice(0, 16);
}
