import { describe, expect, it } from 'vitest';
import { cycles, importGraph } from '../helpers/import-graph.ts';

/**
 * The layers of the code, checked from its own import statements: the core answers
 * questions and knows no front end, command, scheduler or database; nothing imports in
 * a circle (type-only imports count: they still tie two modules together).
 */

const graph = importGraph(['src', 'commands']);

/** Imports from a folder into folders it must not reach. */
function crossings(from: RegExp, forbidden: RegExp): string[] {
  return [...graph].filter(([file]) => from.test(file)).flatMap(([file, deps]) => deps.filter((d) => forbidden.test(d)).map((d) => `${file} -> ${d}`));
}

describe('import layers', () => {
  it('reads the imports it checks (static, type-only, dynamic and worker URLs)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('commands/registry.ts')).toContain('commands/metric.ts');
    expect(graph.get('src/core/search/search-index.ts')).toContain('src/core/search/search-worker.js');
    expect(graph.get('src/core/indexing/run-build.ts')).toEqual(expect.arrayContaining(['src/core/indexing/worker-boot.js', 'src/core/indexing/index-worker.ts']));
    // A type-only import is an edge too.
    expect(graph.get('src/core/subscriptions.ts')).toContain('src/core/channel.ts');
  });

  it('finds a cycle when there is one, and names its path', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(g)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    expect(cycles(new Map([['a.ts', ['a.ts']]]))).toEqual([['a.ts', 'a.ts']]);
    expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
  });

  it('src/ and commands/ import nothing in a circle', () => {
    expect(cycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('the core imports no command, adapter, scheduler or store module', () => {
    expect(crossings(/^src\/core\//u, /^(?:commands\/|src\/(?:adapters|scheduler|store)\/)/u)).toEqual([]);
  });

  it('the scheduler and the commands import no adapter (they talk to a front end through `post`)', () => {
    expect(crossings(/^(?:src\/scheduler|commands)\//u, /^src\/adapters\//u)).toEqual([]);
  });
});
