import { describe, expect, it } from 'vitest';
import { completions } from '../../src/core/completions.ts';
import { resolveCompany, resolveMetricText } from '../../src/core/answers/resolve.ts';
import { METRICS } from '../../src/core/facts/metrics.ts';
import { bundledEngine } from '../helpers/engine.ts';

/** The core's completions, which any front end (Discord today) cuts to its own limits. */
describe('completions', () => {
  const snapshot = bundledEngine().snapshot;

  it('finds a company by either Chinese script and its value resolves back to it', () => {
    for (const typed of ['云从', '雲從', 'cloudw']) {
      const [first] = completions(snapshot, 'company', typed);
      expect(first?.label).toContain('云从科技');
      expect(first?.label).toContain('雲從科技');
      const back = resolveCompany(snapshot, first!.value);
      expect(back.ok && back.value.id).toBe('cloudwalk-technology');
    }
  });

  it('applies no front-end limit: every metric is offered when nothing is typed, each resolving back', () => {
    const all = completions(snapshot, 'metric', '');
    expect(all.length).toBe(METRICS.filter((m) => all.some((c) => c.label.startsWith(m.label))).length);
    expect(all.length).toBeGreaterThan(25);
    for (const c of all) {
      const r = resolveMetricText(snapshot, c.value);
      expect(r.ok, c.value).toBe(true);
    }
  });

  it('ranks the metrics a chosen company has first', () => {
    const known = new Set(snapshot.facts.metricsOf('cloudwalk-technology'));
    const list = completions(snapshot, 'metric', '', { company: 'cloudwalk' });
    const firstUnknown = list.findIndex((c) => !METRICS.some((m) => known.has(m.id) && c.label.startsWith(m.label)));
    expect(firstUnknown).toBe(known.size);
  });

  it('offers nothing for text matching no name', () => {
    expect(completions(snapshot, 'company', 'zzzzqqq')).toEqual([]);
  });
});
