import { Converter as toTraditionalFrom } from 'opencc-js/cn2t';
import { Converter as toSimplifiedFrom } from 'opencc-js/t2cn';
import { resolveCompany, resolveMetricText } from './answers/resolve.ts';
import type { Company } from './companies/registry.ts';
import { METRICS, type MetricDef } from './facts/metrics.ts';
import type { CorpusSnapshot } from './snapshot.ts';
import { fold, isHan } from './text/fold.ts';

/**
 * Completions for a command option being typed, from the snapshot being served, for any
 * front end that offers them (Discord autocomplete today). A company shows its English
 * name and its Chinese name in both scripts, whichever of them the user typed; a metric
 * shows its English and Chinese labels. The value is a name the core resolves back to
 * the same company or metric. Front ends apply their own limits (count, length).
 */

/** Which list an option completes from (`CommandOption.autocomplete`). */
export type CompletionKind = 'company' | 'metric';

/** One completion: what to show, and the text to send back when it is chosen. */
export interface Completion {
  label: string;
  value: string;
}

const toSimplified = toSimplifiedFrom({ from: 't', to: 'cn' });
const toTraditional = toTraditionalFrom({ from: 'cn', to: 'tw' });

/**
 * Completions for `typed`, best first. `others` holds the other options typed so far
 * (a chosen company ranks the metrics it has figures for first).
 */
export function completions(snapshot: CorpusSnapshot, kind: CompletionKind, typed: string, others: Readonly<Record<string, string | undefined>> = {}): Completion[] {
  return kind === 'company' ? companyCompletions(snapshot, typed) : metricCompletions(snapshot, typed, others.company);
}

/** `Simplified / Traditional` of a Chinese name (one form when both are written alike). */
export function bothScripts(name: string): string {
  const hans = toSimplified(name);
  const hant = toTraditional(hans);
  return hans === hant ? hans : `${hans} / ${hant}`;
}

/** How well one of the names matches what was typed: lower is better, null is no match. */
function matchRank(names: readonly string[], typed: string): number | null {
  if (!typed) return 3;
  let best: number | null = null;
  for (const name of names) {
    const f = fold(name);
    const rank = f === typed ? 0 : f.startsWith(typed) ? 1 : f.split(/[\s-]+/u).some((w) => w.startsWith(typed)) ? 2 : f.includes(typed) ? 3 : null;
    if (rank !== null && (best === null || rank < best)) best = rank;
  }
  return best;
}

/** The company's main Chinese name: the first alias written only in Han characters. */
function chineseName(company: Company): string | undefined {
  const names = [company.name, ...company.aliases];
  return names.find((n) => [...n].every(isHan)) ?? names.find((n) => [...n].some(isHan));
}

function companyCompletions(snapshot: CorpusSnapshot, typed: string): Completion[] {
  const q = fold(typed).trim();
  const withFacts = new Set(snapshot.facts.companies());
  const withDocs = new Set(snapshot.documents.map((d) => d.company));
  const scored: Array<{ company: Company; rank: number; weight: number }> = [];
  for (const company of snapshot.registry.all()) {
    const zh = chineseName(company);
    // Typing either script finds the company: match against both forms of its Chinese names.
    const names = [company.name, ...company.aliases, ...company.tickers, ...(zh ? [toSimplified(zh), toTraditional(toSimplified(zh))] : [])];
    const rank = matchRank(names, q);
    if (rank === null) continue;
    scored.push({ company, rank, weight: withFacts.has(company.id) ? 0 : withDocs.has(company.id) ? 1 : 2 });
  }
  scored.sort((a, b) => a.rank - b.rank || a.weight - b.weight || a.company.name.localeCompare(b.company.name));
  return scored.map(({ company }) => {
    const zh = chineseName(company);
    return { label: zh ? `${company.name} · ${bothScripts(zh)}` : company.name, value: company.name };
  });
}

const metricValues = new WeakMap<CorpusSnapshot, Map<string, string>>();

/** The text to send for a metric: the shortest of its names that the core resolves back to it. */
function metricValue(snapshot: CorpusSnapshot, metric: MetricDef): string | undefined {
  let cache = metricValues.get(snapshot);
  if (!cache) metricValues.set(snapshot, (cache = new Map()));
  if (!cache.has(metric.id)) {
    const candidates = [metric.label, ...metric.en, metric.labelZh, ...metric.zh, metric.id];
    const value = candidates.find((c) => {
      const r = resolveMetricText(snapshot, c);
      return r.ok && r.value.metric.id === metric.id && !r.value.segment && !r.value.adjusted && !r.value.forecast;
    });
    cache.set(metric.id, value ?? '');
  }
  return cache.get(metric.id) || undefined;
}

function metricCompletions(snapshot: CorpusSnapshot, typed: string, companyText: string | undefined): Completion[] {
  const q = fold(typed).trim();
  const company = companyText?.trim() ? resolveCompany(snapshot, companyText) : undefined;
  const known = new Set(company?.ok ? snapshot.facts.metricsOf(company.value.id) : []);
  const scored: Array<{ metric: MetricDef; value: string; rank: number; index: number }> = [];
  METRICS.forEach((metric, index) => {
    const rank = matchRank([metric.label, metric.labelZh, toSimplified(metric.labelZh), ...metric.en, ...metric.zh, ...metric.zh.map((z) => toTraditional(z))], q);
    const value = rank === null ? undefined : metricValue(snapshot, metric);
    if (rank !== null && value) scored.push({ metric, value, rank, index });
  });
  // Metrics the chosen company has figures for come first, then the usual order.
  scored.sort((a, b) => a.rank - b.rank || Number(known.has(b.metric.id)) - Number(known.has(a.metric.id)) || a.index - b.index);
  return scored.map(({ metric, value }) => ({ label: `${metric.label} · ${bothScripts(metric.labelZh)}`, value }));
}
