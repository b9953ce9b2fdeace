import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-load-order.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share a worker process and its loaded modules (discord.js, Bolt, vega,
    // the core) instead of importing them afresh per file: imports were a third of the
    // suite's time. Tests keep their state in their own objects, servers and temp folders,
    // and the suite passes in any file order (checked with --sequence.shuffle.files).
    isolate: false,
    // Vitest's default is one worker less than the cores: one worker on a 2-core machine,
    // while many tests wait on child processes and sockets. A worker per core.
    maxWorkers: availableParallelism(),
  },
});
