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

  it('the container starts the bot with them too', () => {
    const dockerfile = readFileSync(new URL('../../deploy/Dockerfile', import.meta.url), 'utf8');
    const cmd = JSON.parse(dockerfile.match(/^CMD (\[.*\])$/mu)![1]!) as string[];
    expect(cmd[0]).toBe('node');
    expect(cmd.at(-1)).toBe('dist/src/main.js');
    expect(cmd.slice(1, -1)).toEqual(expect.arrayContaining([...SERVING_NODE_FLAGS]));
  });
});
