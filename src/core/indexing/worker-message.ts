import type { ExtractedFigures } from '../snapshot.ts';
import type { BuildResult } from './corpus-build.ts';

// Its own module so the worker and its parent (run-build.ts, which starts the worker)
// share the protocol without importing each other.

/** Messages from the indexing worker. */
export type WorkerMessage =
  | { type: 'extract'; file: string | null; chars: number; at: number }
  | { type: 'extracted'; file: string; figures: ExtractedFigures }
  /** `heapBytes`: the worker's heap after the build, garbage included (it decides whether the worker is kept). */
  | { type: 'result'; result: BuildResult; heapBytes?: number }
  | { type: 'failed'; message: string };
