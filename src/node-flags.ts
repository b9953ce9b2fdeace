/**
 * Node flags the bot is served with (`npm start`, `npm run serve`; the benchmark's serving
 * run uses the same list, and a test keeps package.json in step with it).
 *
 * A look-up allocates a little (about 0.1 MB); with V8's default 16 MB young generation a
 * scavenge runs every hundred or so look-ups and, over a heap of a large corpus, takes 3–8 ms:
 * the slowest 1% of `/metric` answers were those that waited for one. A 64 MB young
 * generation makes the pauses four times rarer for about 150 MB more memory at most.
 */
export const SERVING_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
