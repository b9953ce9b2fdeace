/**
 * Generate one synthetic corpus without measuring anything, to read it or feed it to
 * the bot: `npx tsx bench/generate-cli.ts --size 1000 --seed 7 --out var/bench/corpus`.
 * Then `DOCUMENTS_DIR=<out>/documents COMPANIES_FILE=<out>/companies.yaml npm start`.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCorpus } from './generate/write.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    queries: { type: 'string', default: '3000' },
    out: { type: 'string' },
  },
});
const size = Number(values.size);
const queries = Number(values.queries);
if (!Number.isInteger(size) || size < 1 || !Number.isInteger(queries) || queries < 1) {
  console.error('usage: tsx bench/generate-cli.ts --size <documents> [--seed <seed>] [--queries <n>] [--out <dir>]');
  process.exit(2);
}
const dir = resolve(values.out ?? `var/bench/corpus-${size}-seed${values.seed}`);
const started = performance.now();
const { paths, manifest, reused } = writeCorpus(dir, { seed: values.seed!, documents: size, queries }, (m) => console.error(m));
console.log(
  `${reused ? 'reused' : 'wrote'} ${manifest.documents} documents (${(manifest.bytes / 1048576).toFixed(1)} MB), ${manifest.companies} companies, ${manifest.figures} planted figures, ${manifest.queries} queries in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
console.log(`documents: ${paths.documentsDir}\ncompanies: ${paths.companiesFile}\nground truth: ${paths.groundTruthFile}`);
