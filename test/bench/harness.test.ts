import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../commands/index.ts';
import type { BenchQuery } from '../../bench/generate/queries.ts';
import { readGroundTruth, writeCorpus, type CorpusPaths } from '../../bench/generate/write.ts';
import { runChild } from '../../bench/measure/child.ts';
import type { IngestResult } from '../../bench/measure/ingest.ts';
import type { PhasesResult } from '../../bench/measure/phases.ts';
import type { ServeResult } from '../../bench/measure/serve.ts';
import { Engine } from '../../src/core/engine.ts';

const DOCS = 60;
const QUERIES = 240;
let root: string;
let paths: CorpusPaths;
let engine: Engine;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'finqa-bench-test-'));
  paths = writeCorpus(join(root, 'corpus'), { seed: 'harness', documents: DOCS, queries: QUERIES }).paths;
  engine = Engine.open({ documentsDir: paths.documentsDir, companiesFile: paths.companiesFile, indexDir: join(root, 'index-test') });
});

afterAll(() => {
  engine?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('benchmark corpus in the engine', () => {
  it('loads every generated document without a problem and registers every company by all its names', () => {
    const snapshot = engine.snapshot;
    expect(snapshot.documents).toHaveLength(DOCS);
    expect(snapshot.problems).toEqual([]);
    const yaml = readFileSync(paths.companiesFile, 'utf8');
    const names = [...yaml.matchAll(/- name: "([^"]+)"\n {2}aliases: \[([^\]]+)\]/gu)];
    expect(names.length).toBeGreaterThan(10);
    for (const [, name, aliases] of names) {
      const company = snapshot.registry.findExact(name!);
      expect(company, name).toBeDefined();
      for (const alias of JSON.parse(`[${aliases}]`) as string[]) expect(snapshot.registry.findExact(alias)?.id, alias).toBe(company!.id);
    }
    const truth = readGroundTruth(paths.groundTruthFile);
    for (const f of truth) expect(snapshot.registry.get(f.company), f.company).toBeDefined();
    expect(new Set(truth.map((f) => f.doc))).toEqual(new Set(snapshot.documents.map((d) => d.id)));
  });

  it('builds queries that name companies the engine recognises, and none of them errs', async () => {
    const queries = JSON.parse(readFileSync(paths.queriesFile, 'utf8')) as BenchQuery[];
    expect(queries).toHaveLength(QUERIES);
    expect(new Set(queries.map((q) => q.command))).toEqual(new Set(['metric', 'compare', 'ask']));
    const ctx = { engine, now: () => new Date('2025-12-01T09:00:00Z') };
    for (const q of queries) {
      const answer = await runCommand(q.command, { text: q.text }, ctx);
      expect(answer.status, q.text).not.toBe('error');
      if (q.command === 'metric' && q.kind !== 'missing') {
        expect(answer.status, q.text).not.toBe('invalid');
        expect(answer.context?.company, q.text).toBe(q.company);
      }
    }
  });
});

describe('measuring children', () => {
  it('ingest and serve in fresh processes and report what they measured', async () => {
    const indexDir = join(root, 'index-child');
    const args = ['--corpus', paths.dir, '--index', indexDir];
    const ingest = await runChild<IngestResult>('ingest.ts', [...args, '--recall'], 120_000);
    expect(ingest.documents).toBe(DOCS);
    expect(ingest.facts).toBe(engine.snapshot.facts.size);
    expect(ingest.indexBytes).toBeGreaterThan(10_000);
    expect(ingest.peakRssBytes).toBeGreaterThan(20 * 1048576);
    const planted = readGroundTruth(paths.groundTruthFile).filter((f) => f.expect === 'fact').length;
    expect(ingest.recall?.statements.planted).toBe(planted);
    expect(ingest.recall!.statements.recall).toBeGreaterThanOrEqual(0);

    const serve = await runChild<ServeResult>('serve.ts', [...args, '--queries', '100'], 120_000);
    expect(serve.queries).toBe(100);
    expect(serve.latency.metric.n + serve.latency.compare.n + serve.latency.ask.n).toBe(100);
    expect(serve.latency.miniSearch.n).toBe(serve.latency.ask.n);
    expect(serve.coldStartMs).toBeGreaterThan(0);
    expect(serve.searchReadyMs).toBeGreaterThanOrEqual(serve.coldStartMs);
    expect(serve.errors).toEqual([]);
    // The child refuses an index folder that is not empty: ingest always starts from nothing.
    await expect(runChild('ingest.ts', args, 60_000)).rejects.toThrow(/not empty/u);

    const phases = await runChild<PhasesResult>('phases.ts', ['--corpus', paths.dir], 120_000);
    for (const key of ['readMs', 'documentsMs', 'extractMs', 'indexMs', 'serializeMs', 'parseMs', 'loadSearchIndexMs', 'restoreMs'] as const) expect(phases[key], key).toBeGreaterThan(0);
    expect(phases.searchIndexBytes).toBeGreaterThan(0);
    expect(phases.searchIndexBytes).toBeLessThan(phases.serializedBytes);
  }, 300_000);
});
