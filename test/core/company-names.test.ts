import { describe, expect, it } from 'vitest';
import { CompanyRegistry } from '../../src/core/companies/registry.ts';
import { claimCompany, notACompanyName } from '../../src/core/corpus/company-names.ts';

describe('company names a document may give', () => {
  it.each([
    ['的', 'a single character'],
    [',', 'a single character'],
    ['Revenue', 'a metric word'],
    ['net loss', 'a metric word'],
    ['营收', 'a metric word'],
    ['Gross margin', 'a metric word'],
    ['2024', 'a period'],
    ['FY2024', 'a period'],
    ['Q4 2022', 'a period'],
    ['99', 'a number'],
  ])('%s is refused as %s', (name, reason) => {
    expect(notACompanyName(name)).toBe(reason);
  });

  it.each(['CloudWalk', 'Kingsoft Cloud Holdings', 'Face++', 'KC', '云从科技', 'Revenue Cloud Inc', '688327'])('%s is a name', (name) => {
    expect(notACompanyName(name)).toBeNull();
  });

  it('a stock code is an alias, never a company name on its own', () => {
    expect(notACompanyName('688327', { primary: true })).toBe('a number');
  });

  it('the company list and earlier documents keep their names', () => {
    const registry = new CompanyRegistry();
    registry.add('CloudWalk Technology', ['CloudWalk', '云从科技']);
    const first = claimCompany(registry, 'zeta.md', 'Zeta AI', ['Zeta']);
    expect(first.problems).toEqual([]);
    const later = claimCompany(registry, 'evil.md', 'Evil Corp', ['CloudWalk', 'Zeta', 'Evil']);
    expect(later.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^"CloudWalk" is already a name of CloudWalk Technology/u),
      expect.stringMatching(/^"Zeta" is already a name of Zeta AI/u),
    ]);
    expect(later.problems.every((p) => p.file === 'evil.md' && p.field === 'aliases')).toBe(true);
    expect(registry.findExact('CloudWalk')!.name).toBe('CloudWalk Technology');
    expect(registry.findExact('Zeta')!.name).toBe('Zeta AI');
    expect(registry.findExact('Evil')!.name).toBe('Evil Corp');
  });

  it("a document about a known company may repeat that company's own names", () => {
    const registry = new CompanyRegistry();
    registry.add('CloudWalk Technology', ['CloudWalk']);
    const claim = claimCompany(registry, 'cw.md', 'CloudWalk Technology', ['CloudWalk', '雲從科技']);
    expect(claim.problems).toEqual([]);
    expect(registry.findExact('雲從科技')!.name).toBe('CloudWalk Technology');
  });

  it('a refused company name leaves the company to be inferred', () => {
    const claim = claimCompany(new CompanyRegistry(), 'r.md', 'Revenue', ['营收']);
    expect(claim.company).toBeNull();
    expect(claim.problems).toHaveLength(1);
  });
});
