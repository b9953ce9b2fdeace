import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVING_NODE_FLAGS } from '../../src/node-flags.ts';

describe('Node flags the bot is served with', () => {
  const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it.each(['start', 'serve'])('npm run %s starts the bot with every serving flag the benchmark measures', (name) => {
    const command = scripts[name]!;
    expect(SERVING_NODE_FLAGS.length).toBeGreaterThan(0);
    // The flags stand between `node` and the bot's entry point, where Node reads them.
    const words = command.split(/\s+/u);
    const node = words.lastIndexOf('node');
    const entry = words.indexOf('dist/src/main.js');
    expect(node).toBeGreaterThanOrEqual(0);
    expect(entry).toBeGreaterThan(node);
    expect(words.slice(node + 1, entry)).toEqual(expect.arrayContaining([...SERVING_NODE_FLAGS]));
  });
});
