import { METRIC_BY_ID } from '../facts/metrics.ts';
import { periodLabel } from '../periods.ts';
import type { CorpusSnapshot } from '../snapshot.ts';

/**
 * Example commands drawn from what the corpus actually knows, so help and suggestions
 * always show commands that answer.
 */
export function exampleCommands(snapshot: CorpusSnapshot, limit = 3): string[] {
  const out: string[] = [];
  const companies = snapshot.facts.companies();
  for (const id of companies) {
    const company = snapshot.registry.get(id);
    if (!company) continue;
    for (const metric of ['revenue', 'net_income', ...snapshot.facts.metricsOf(id)]) {
      const facts = snapshot.facts.series(id, metric).filter((f) => !f.qualifiers.segment && !f.qualifiers.forecast && f.period.kind !== 'span' && f.period.kind !== 'date');
      const last = facts.at(-1);
      if (!last) continue;
      const label = METRIC_BY_ID.get(metric)?.label.toLowerCase().replace(/ \(loss\)$/u, '') ?? metric;
      const short = company.aliases.find((a) => /^[A-Za-z][\w ]+$/u.test(a) && a.length < company.name.length) ?? company.name;
      out.push(`/metric ${short.toLowerCase()} ${label} ${periodLabel(last.period)}`);
      break;
    }
    if (out.length >= limit) break;
  }
  return out;
}
