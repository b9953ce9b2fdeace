// The second half of `npm run build`, after tsc: copy the data files the compiled code
// reads beside itself (the vocabulary's YAML, read through `new URL(..., import.meta.url)`)
// and stamp the hash of the core's sources, so the compiled engine reuses an index built
// from the same sources by the tsx tools (see src/core/indexing/corpus-build.ts).
// Usage: node scripts/finish-build.mjs [outDir]   (default dist)
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CODE_HASH_STAMP, hashCodeTree } from '../src/core/indexing/code-hash.js';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, process.argv[2] ?? 'dist');

/** Files tsc does not emit that the code reads at run time. */
const DATA_FILE = /\.(?:ya?ml|json)$/u;

function copyData(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) copyData(path);
    else if (DATA_FILE.test(name)) {
      const target = join(out, relative(root, path));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(path, target);
    }
  }
}

for (const top of ['src', 'commands']) copyData(join(root, top));
mkdirSync(join(out, 'src/core'), { recursive: true });
writeFileSync(join(out, 'src/core', CODE_HASH_STAMP), `${hashCodeTree(join(root, 'src/core'))}\n`);
