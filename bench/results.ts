import type { IngestResult } from './measure/ingest.ts';
import type { PhasesResult } from './measure/phases.ts';
import type { ServeResult } from './measure/serve.ts';
import type { RecallReport } from './score/recall.ts';
import { median, medianSummary, type LatencySummary } from './stats.ts';

/** The benchmark's result, per corpus size: medians over runs. Shared by run.ts and report.ts. */

/** One corpus size, aggregated over its runs. */
export interface SizeResult {
  documents: number;
  companies: number;
  corpusBytes: number;
  plantedFigures: number;
  runs: number;
  ingest: { ms: number; msRuns: number[]; facts: number; passages: number; problems: number; indexBytes: number; peakRssBytes: number };
  serve: {
    coldStartMs: number;
    coldStartRuns: number[];
    searchReadyMs: number;
    processReadyMs: number;
    queries: number;
    latency: ServeResult['latency'];
    askRatioMedian: number;
    askSearchRatioMedian: number;
    statuses: Record<string, number>;
    errors: ServeResult['errors'];
    peakRssBytes: number;
  };
  phases?: PhasesResult;
  recall?: RecallReport;
}

/** The machine the benchmark ran on. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  totalMemoryBytes: number;
}

/** The whole result (`--json`). */
export interface BenchResult {
  machine: MachineInfo;
  seed: string;
  queries: number;
  /** Runs per size, in the order of `sizes`. */
  runs: number[];
  startedAt: string;
  sizes: SizeResult[];
}

/** Aggregate the runs of one size: medians of every measure. */
export function aggregate(
  corpus: { documents: number; companies: number; bytes: number; figures: number },
  ingests: readonly IngestResult[],
  serves: readonly ServeResult[],
  phases: PhasesResult | undefined,
): SizeResult {
  const first = ingests[0]!;
  const latencyKeys = Object.keys(serves[0]!.latency) as Array<keyof ServeResult['latency']>;
  const latency = Object.fromEntries(latencyKeys.map((k) => [k, medianSummary(serves.map((s) => s.latency[k]))])) as Record<keyof ServeResult['latency'], LatencySummary>;
  const statuses: Record<string, number> = {};
  for (const s of serves) for (const [k, v] of Object.entries(s.statuses)) statuses[k] = (statuses[k] ?? 0) + v / serves.length;
  const out: SizeResult = {
    documents: corpus.documents,
    companies: corpus.companies,
    corpusBytes: corpus.bytes,
    plantedFigures: corpus.figures,
    runs: ingests.length,
    ingest: {
      ms: median(ingests.map((r) => r.ingestMs)),
      msRuns: ingests.map((r) => r.ingestMs),
      facts: first.facts,
      passages: first.passages,
      problems: first.problems,
      indexBytes: median(ingests.map((r) => r.indexBytes)),
      peakRssBytes: median(ingests.map((r) => r.peakRssBytes)),
    },
    serve: {
      coldStartMs: median(serves.map((s) => s.coldStartMs)),
      coldStartRuns: serves.map((s) => s.coldStartMs),
      searchReadyMs: median(serves.map((s) => s.searchReadyMs)),
      processReadyMs: median(serves.map((s) => s.processReadyMs)),
      queries: serves[0]!.queries,
      latency,
      askRatioMedian: median(serves.map((s) => s.askRatioMedian)),
      askSearchRatioMedian: median(serves.map((s) => s.askSearchRatioMedian)),
      statuses,
      errors: serves.flatMap((s) => s.errors),
      peakRssBytes: median(serves.map((s) => s.peakRssBytes)),
    },
  };
  if (phases) out.phases = phases;
  if (first.recall) out.recall = first.recall;
  return out;
}
