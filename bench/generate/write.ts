import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusPlan, companiesYaml, type CorpusOptions } from './corpus.ts';
import type { PlantedFigure } from './planted.ts';
import { buildQueries } from './queries.ts';

/**
 * Writing a corpus to disk: `documents/`, `companies.yaml`, `ground-truth.jsonl` (one
 * planted figure per line), `queries.json` and `manifest.json`. A folder whose manifest
 * matches the options and the generator's source is reused as it is.
 */

/** Where a written corpus lives. */
export interface CorpusPaths {
  dir: string;
  documentsDir: string;
  companiesFile: string;
  groundTruthFile: string;
  queriesFile: string;
  manifestFile: string;
}

/** What `manifest.json` records. */
export interface CorpusManifest {
  seed: number | string;
  documents: number;
  companies: number;
  figures: number;
  queries: number;
  bytes: number;
  /** Documents by kind and language, e.g. `zh-article zh-Hant`. */
  kinds: Record<string, number>;
  /** Hash of the generator's source files: a changed generator regenerates. */
  generator: string;
}

/** Paths of a corpus folder. */
export function corpusPaths(dir: string): CorpusPaths {
  return {
    dir,
    documentsDir: join(dir, 'documents'),
    companiesFile: join(dir, 'companies.yaml'),
    groundTruthFile: join(dir, 'ground-truth.jsonl'),
    queriesFile: join(dir, 'queries.json'),
    manifestFile: join(dir, 'manifest.json'),
  };
}

/** Hash of the files under bench/generate, so a corpus made by older code is not reused. */
export function generatorHash(): string {
  const here = import.meta.dirname;
  const h = createHash('sha256');
  for (const name of readdirSync(here).filter((n) => n.endsWith('.ts')).sort()) h.update(name).update(readFileSync(join(here, name)));
  return h.digest('hex').slice(0, 16);
}

/** Read the ground truth of a written corpus. */
export function readGroundTruth(file: string): PlantedFigure[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PlantedFigure);
}

/**
 * Generate and write a corpus (or reuse the one already there). Documents are written
 * as they are generated, so a 10,000-document corpus never sits in memory whole.
 */
export function writeCorpus(dir: string, options: CorpusOptions & { queries: number }, log: (msg: string) => void = () => {}): { paths: CorpusPaths; manifest: CorpusManifest; reused: boolean } {
  const paths = corpusPaths(dir);
  const generator = generatorHash();
  if (existsSync(paths.manifestFile)) {
    const old = JSON.parse(readFileSync(paths.manifestFile, 'utf8')) as CorpusManifest;
    if (old.generator === generator && String(old.seed) === String(options.seed) && old.documents === options.documents && old.queries === options.queries) {
      return { paths, manifest: old, reused: true };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(paths.documentsDir, { recursive: true });
  const plan = new CorpusPlan(options);
  writeFileSync(paths.companiesFile, companiesYaml(plan.companies));
  const truth = openSync(paths.groundTruthFile, 'w');
  const figures: PlantedFigure[] = [];
  const kinds: Record<string, number> = {};
  let bytes = 0;
  try {
    for (let i = 0; i < options.documents; i += 1) {
      const doc = plan.document(i);
      writeFileSync(join(paths.documentsDir, doc.file), doc.content);
      bytes += Buffer.byteLength(doc.content);
      const kind = `${doc.kind} ${doc.language}`;
      kinds[kind] = (kinds[kind] ?? 0) + 1;
      if (doc.figures.length) writeSync(truth, `${doc.figures.map((f) => JSON.stringify(f)).join('\n')}\n`);
      figures.push(...doc.figures);
      if ((i + 1) % 2000 === 0) log(`  generated ${i + 1}/${options.documents} documents`);
    }
  } finally {
    closeSync(truth);
  }
  const queries = buildQueries(options.seed, plan.companies, figures, options.queries);
  writeFileSync(paths.queriesFile, JSON.stringify(queries, null, 1));
  const manifest: CorpusManifest = {
    seed: options.seed,
    documents: options.documents,
    companies: plan.companies.length,
    figures: figures.length,
    queries: queries.length,
    bytes,
    kinds,
    generator,
  };
  writeFileSync(paths.manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return { paths, manifest, reused: false };
}
