import type { Answer, Figure } from '../answer.ts';
import type { Company } from '../companies/registry.ts';
import { periodLabel, periodSortKey, parsePeriod, type Period } from '../periods.ts';
import { lookup } from '../query/lookup.ts';
import type { CorpusSnapshot } from '../snapshot.ts';
import { makeAnswer } from './make.ts';
import { resolveCompany, resolveMetricText, resolvePeriodText } from './resolve.ts';
import { citeLine, figureHeadline } from './text.ts';

/** Arguments of `/compare`, as text from any front end. */
export interface CompareArgs {
  metric: string;
  companies: string[];
  period?: string;
}

/**
 * `/compare <metric> <company> <company> [...] [period]`: side by side, each with its
 * source. Without a period, the latest period every company states; else each one's latest.
 */
export function answerCompare(snapshot: CorpusSnapshot, query: string, args: CompareArgs): Answer {
  const command = 'compare';
  const metric = resolveMetricText(snapshot, args.metric);
  if (!metric.ok) return makeAnswer({ query, command, status: 'not_found', message: metric.message, suggestions: metric.suggestions });
  const companies: Company[] = [];
  const problems: string[] = [];
  const suggestions: string[] = [];
  for (const name of args.companies) {
    const c = resolveCompany(snapshot, name);
    if (c.ok) {
      if (!companies.includes(c.value)) companies.push(c.value);
    } else {
      problems.push(c.message);
      suggestions.push(...c.suggestions);
    }
  }
  if (companies.length < 2 && problems.length) {
    return makeAnswer({ query, command, status: 'not_found', message: problems.join('\n'), suggestions });
  }
  if (companies.length < 2) {
    return makeAnswer({ query, command, status: 'invalid', message: 'Name at least two companies to compare, e.g. /compare revenue <company> <company> 2023.', suggestions });
  }
  const period = resolvePeriodText(args.period);
  if (!period.ok) return makeAnswer({ query, command, status: 'invalid', message: period.message, suggestions: period.suggestions });
  const base = { metric: metric.value.metric, segment: metric.value.segment, adjusted: metric.value.adjusted, forecast: metric.value.forecast };

  let chosen: Period | undefined = period.value.period;
  if (!chosen && !period.value.range) chosen = latestCommonPeriod(snapshot, companies, base);

  const figures: Figure[] = [];
  const lines: string[] = [];
  const known: string[] = [];
  for (const company of companies) {
    const result = lookup(snapshot, { company, ...base, period: chosen, range: period.value.range });
    if (!result.found) {
      const what = chosen ? periodLabel(chosen) : period.value.range ? 'that range' : 'any period';
      lines.push(`${company.name}: not stated for ${what}. ${result.known[0] ?? ''}`.trim());
      known.push(...result.known.slice(0, 1));
      continue;
    }
    // Without a period and no common one, each company's latest figure.
    const shown = chosen || period.value.range ? result.figures : result.figures.slice(-1);
    figures.push(...shown);
    if (shown.length === 1) lines.push(`${figureHeadline(shown[0]!)}\n  Source: ${citeLine(shown[0]!.source)}`);
    else lines.push(`${company.name}:`, ...shown.map((f) => `  ${f.period}: ${f.display}${f.change ? ` (${f.change.display})` : ''}`));
  }
  const multi = figures.length > companies.length;
  if (multi) {
    const seen = new Set<string>();
    lines.push('Sources:');
    for (const f of figures) {
      const key = `${f.source.document}:${f.source.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push(`- ${f.companyName} ${f.period}: ${citeLine(f.source)}`);
    }
  }
  if (problems.length) {
    lines.push(...problems);
    known.push(...problems);
  }
  const status = figures.length ? 'answered' : 'not_found';
  const header = `${metric.value.metric.label} compared${chosen ? `, ${periodLabel(chosen)}` : ''}:`;
  return makeAnswer({
    query,
    command,
    status,
    message: [header, ...lines].join('\n'),
    figures,
    known,
    suggestions,
    context: { metric: metric.value.metric.id, period: chosen ? periodLabel(chosen) : undefined },
    data: { layout: 'comparison', companies: companies.map((c) => c.id) },
  });
}

function latestCommonPeriod(snapshot: CorpusSnapshot, companies: Company[], base: { metric: { id: string }; segment?: string }): Period | undefined {
  let common: Set<string> | undefined;
  for (const c of companies) {
    const labels = new Set(
      snapshot.facts
        .series(c.id, base.metric.id)
        .filter((f) => !f.qualifiers.forecast && Boolean(f.qualifiers.segment) === Boolean(base.segment) && f.period.kind !== 'span')
        .map((f) => periodLabel(f.period)),
    );
    const previous: Set<string> | undefined = common;
    common = previous ? new Set([...previous].filter((l) => labels.has(l))) : labels;
  }
  const periods = [...(common ?? [])].map((l) => parsePeriod(l)).filter((p): p is Period => p !== null);
  periods.sort((a, b) => periodSortKey(a) - periodSortKey(b));
  return periods.at(-1);
}
