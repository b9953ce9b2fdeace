import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCompanySeeds } from '../../src/core/engine.ts';
import { seedRegistry } from '../../src/core/snapshot.ts';
import { BUNDLED_COMPANIES } from '../helpers/engine.ts';

describe('the company list', () => {
  it("carries a fiscal year end into the company's registry entry", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'finqa-seeds-')), 'companies.yaml');
    writeFileSync(file, '- name: Omega Commerce\n  year_end: "03-31"\n- name: Zeta Cloud\n');
    const registry = seedRegistry(readCompanySeeds(file).seeds);
    expect(registry.get('omega-commerce')?.yearEnd).toBe('03-31');
    expect(registry.get('zeta-cloud')?.yearEnd).toBeUndefined();
  });

  it('refuses a malformed year end, saying so, and keeps going without the list', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'finqa-seeds-')), 'companies.yaml');
    writeFileSync(file, '- name: Omega Commerce\n  year_end: "March"\n');
    const errors: string[] = [];
    const { seeds } = readCompanySeeds(file, { info() {}, warn() {}, error: (o: object) => errors.push(JSON.stringify(o)) });
    expect(seeds).toEqual([]);
    expect(errors.join(' ')).toMatch(/year_end is MM-DD/u);
  });

  it('the bundled list is valid', () => {
    expect(readCompanySeeds(BUNDLED_COMPANIES).seeds.length).toBeGreaterThan(10);
  });
});
