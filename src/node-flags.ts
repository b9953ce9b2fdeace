/**
 * Node flags the bot is served with (`npm start`, `npm run serve`; the benchmark's serving
 * run uses the same list, and a test keeps package.json in step with it).
 *
 * Measured on the 10,000-document benchmark corpus (2 cores, shared machine), the slowest 1%
 * of `/metric` look-ups were not slow code but waits:
 * - for a scavenge of V8's default 16 MB young generation, which over a large heap takes
 *   3–8 ms and ran every hundred or so look-ups: a 64 MB young generation makes it four times
 *   rarer, for at most about 150 MB more memory;
 * - for the cores, taken by the garbage collector's helper threads working for the search
 *   worker while the main thread answered: with the collector on each thread's own time
 *   (`--single-threaded-gc`), `/metric` p99 went from 1.4–3.4 ms to 1.3–1.6 ms over runs.
 */
export const SERVING_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64', '--single-threaded-gc'];
