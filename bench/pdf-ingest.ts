/**
 * PDF ingest benchmark: `npm run bench:pdf [-- --runs 3 --pages 300]`.
 *
 * Writes a long results report as a PDF (prose on every page, a results table every
 * few pages; invented company and figures), then ingests it from nothing in a fresh
 * process per run (PDF parsing, layout, extraction, search index, persisted index) and
 * prints the median ingest time and peak RSS. Not a test: the figures depend on the
 * machine. Exits non-zero when a median is over its target.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resultsPdf } from '../test/helpers/document-fixtures.ts';
import { median } from './stats.ts';

const TARGET_MS = 15_000;
const TARGET_RSS_BYTES = 500 * 1024 * 1024;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, pages: { type: 'string', default: '300' } } });
const runs = Math.max(1, Number(values.runs) || 3);
const pages = Math.max(5, Number(values.pages) || 300);

const root = mkdtempSync(join(tmpdir(), 'finqa-bench-pdf-'));
const documentsDir = join(root, 'documents');
mkdirSync(documentsDir);
const pdfPath = join(documentsDir, 'annual-report.pdf');
const generated = performance.now();
writeFileSync(pdfPath, await resultsPdf({ extraPages: pages - 4, tableEvery: 4, dense: true }));
writeFileSync(`${pdfPath}.meta.yaml`, 'title: Annual report 2024\ncompany: Brightwater Robotics\npublished: 2025-03-20\n');
process.stdout.write(`Generated a ${pages}-page PDF (${(statSync(pdfPath).size / 1048576).toFixed(1)} MB) in ${Math.round(performance.now() - generated)} ms.\n`);

interface Run {
  ingestMs: number;
  peakRssBytes: number;
  pages: number;
  chars: number;
  passages: number;
  facts: number;
  problems: string[];
}
const results: Run[] = [];
const repo = resolve(import.meta.dirname, '..');
for (let i = 0; i < runs; i += 1) {
  const indexDir = join(root, `index-${i}`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/measure/pdf-ingest-child.ts', '--documents', documentsDir, '--index', indexDir], { cwd: repo, encoding: 'utf8', timeout: 300_000 });
  if (child.status !== 0) throw new Error(`run ${i + 1} failed: ${child.stderr}`);
  const run = JSON.parse(child.stdout.trim().split('\n').pop()!) as Run;
  results.push(run);
  process.stdout.write(`run ${i + 1}: ${Math.round(run.ingestMs)} ms, peak RSS ${(run.peakRssBytes / 1048576).toFixed(0)} MB, ${run.pages} pages, ${run.passages} passages, ${run.facts} figures\n`);
  rmSync(indexDir, { recursive: true, force: true });
}
rmSync(root, { recursive: true, force: true });
const ms = median(results.map((r) => r.ingestMs));
const rss = median(results.map((r) => r.peakRssBytes));
const last = results[results.length - 1]!;
if (last.problems.length) process.stdout.write(`problems: ${last.problems.join(' | ')}\n`);
process.stdout.write(
  `median of ${runs}: ingest ${(ms / 1000).toFixed(2)} s (target <= ${TARGET_MS / 1000} s), peak RSS ${(rss / 1048576).toFixed(0)} MB (target <= ${TARGET_RSS_BYTES / 1048576} MB)\n`,
);
if (ms > TARGET_MS || rss > TARGET_RSS_BYTES) process.exitCode = 1;
