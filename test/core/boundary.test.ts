import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

describe('platform boundary', () => {
  it('nothing in src/core or commands/ imports a platform package', () => {
    const offenders = [...files(join(root, 'src/core')), ...files(join(root, 'commands'))].filter((f) =>
      /from\s+['"](?:@slack\/|discord\.js|@discordjs\/)|require\(['"](?:@slack\/|discord\.js)/u.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('nothing in src/core or commands/ imports an adapter', () => {
    const offenders = [...files(join(root, 'src/core')), ...files(join(root, 'commands'))].filter((f) => /from\s+['"][./]*(?:src\/)?adapters\//u.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
