import type { Fact } from '../../src/core/facts/fact.ts';
import { periodLabel } from '../../src/core/periods.ts';
import type { PlantedFigure } from '../generate/planted.ts';
import { judge, recovers, sameValue, type Verdict } from './match.ts';

/**
 * Extraction recall against the ground truth: the share of planted statements (one
 * figure in one sentence of one language) the FactStore holds with the right company,
 * metric, period, value, segment and forecast flag; the same per distinct figure; per
 * sentence form with examples of what was missed; and every extracted fact judged.
 */

/** Why a planted figure was not recovered. */
export type MissReason = 'not extracted' | 'other language only' | 'wrong period' | 'wrong company' | 'wrong metric' | 'wrong qualifier' | 'wrong unit' | 'wrong sign';

/** One missed statement, for the report. */
export interface MissExample {
  doc: string;
  sentence: string;
  planted: string;
  reason: MissReason;
  /** What the store holds for that number instead, if anything. */
  found: string;
}

/** Recall of one sentence form. */
export interface FormRecall {
  form: string;
  planted: number;
  recovered: number;
  reasons: Partial<Record<MissReason, number>>;
  examples: MissExample[];
}

/** A fact attached to the wrong thing, for the report. */
export interface WrongExample {
  verdict: Verdict;
  doc: string;
  fact: string;
  planted: string;
  quote: string;
}

/** The whole recall report. */
export interface RecallReport {
  statements: { planted: number; recovered: number; recall: number };
  figures: { planted: number; recovered: number; recall: number };
  byRole: Record<string, { planted: number; recovered: number }>;
  byForm: FormRecall[];
  facts: number;
  verdicts: Record<Verdict, number>;
  /** Facts carrying a planted value under the wrong company or period. */
  misattributed: number;
  /** Facts matching no planted value, by metric (metrics the generator never plants show up here). */
  unmatchedByMetric: Record<string, number>;
  wrong: WrongExample[];
  noise: { planted: number; taken: number; asForecast: number };
}

/** A planted figure in one line: `revenue FY2024 = 398000000 CNY [segment public cloud]`. */
export function describePlanted(p: PlantedFigure): string {
  const quals = [p.segment ? `segment ${p.segment}` : '', p.forecast ? 'forecast' : ''].filter(Boolean).join(', ');
  return `${p.company} ${p.metric} ${p.period ?? '-'} = ${p.value} ${p.unit}${quals ? ` [${quals}]` : ''} ("${p.numberText}")`;
}

/** A fact in one line. */
export function describeFact(f: Fact): string {
  const q = Object.entries(f.qualifiers)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => (v === true ? k : `${k} ${v}`))
    .join(', ');
  return `${f.company} ${f.metric} ${periodLabel(f.period)} = ${f.value} ${f.unit}${q ? ` [${q}]` : ''} (${f.language}, "${f.numberText}")`;
}

function diagnose(p: PlantedFigure, facts: readonly Fact[]): { reason: MissReason; found: string } {
  const reasonFor = (f: Fact): MissReason => {
    if (f.value !== p.value && sameValue(-f.value, p)) return 'wrong sign';
    if (f.metric !== p.metric) return 'wrong metric';
    if (f.company !== p.company) return 'wrong company';
    if (f.unit !== p.unit) return 'wrong unit';
    if (periodLabel(f.period) !== p.period) return 'wrong period';
    return 'wrong qualifier';
  };
  // What the sentence's own language made of the number comes first, then the other line.
  const sameLanguage = facts.filter((f) => f.language === p.language);
  for (const pool of [sameLanguage, facts]) {
    if (pool === facts && facts.some((f) => recovers(f, p))) return { reason: 'other language only', found: 'recovered from the line in the other language only' };
    const same = pool.filter((f) => sameValue(f.value, p) || sameValue(-f.value, p));
    const best = same.find((f) => f.metric === p.metric && f.company === p.company) ?? same.find((f) => f.metric === p.metric) ?? same[0];
    if (best) return { reason: reasonFor(best), found: describeFact(best) };
  }
  return { reason: 'not extracted', found: '' };
}

const MAX_EXAMPLES = 4;

/**
 * Score the facts of a corpus. `quoteOf` gives a fact's sentence (for the examples of
 * wrong attachments).
 */
export function scoreRecall(planted: readonly PlantedFigure[], facts: readonly Fact[], quoteOf: (f: Fact) => string = () => ''): RecallReport {
  const plantedByDoc = new Map<string, PlantedFigure[]>();
  for (const p of planted) {
    let list = plantedByDoc.get(p.doc);
    if (!list) plantedByDoc.set(p.doc, (list = []));
    list.push(p);
  }
  const factsByDoc = new Map<string, Fact[]>();
  for (const f of facts) {
    let list = factsByDoc.get(f.doc);
    if (!list) factsByDoc.set(f.doc, (list = []));
    list.push(f);
  }

  const forms = new Map<string, FormRecall>();
  const byRole: RecallReport['byRole'] = {};
  const figureKeys = new Map<string, boolean>();
  let plantedCount = 0;
  let recoveredCount = 0;
  const noise = { planted: 0, taken: 0, asForecast: 0 };
  for (const p of planted) {
    if (p.expect !== 'fact') {
      noise.planted += 1;
      continue;
    }
    const docFacts = factsByDoc.get(p.doc) ?? [];
    const ok = docFacts.some((f) => f.language === p.language && recovers(f, p));
    plantedCount += 1;
    if (ok) recoveredCount += 1;
    const role = (byRole[p.role] ??= { planted: 0, recovered: 0 });
    role.planted += 1;
    if (ok) role.recovered += 1;
    const key = `${p.doc}|${p.company}|${p.metric}|${p.period}|${p.segment ?? ''}|${p.forecast ? 'f' : ''}`;
    figureKeys.set(key, (figureKeys.get(key) ?? false) || ok || docFacts.some((f) => recovers(f, p)));
    let form = forms.get(p.form);
    if (!form) forms.set(p.form, (form = { form: p.form, planted: 0, recovered: 0, reasons: {}, examples: [] }));
    form.planted += 1;
    if (ok) {
      form.recovered += 1;
      continue;
    }
    const { reason, found } = diagnose(p, docFacts);
    form.reasons[reason] = (form.reasons[reason] ?? 0) + 1;
    if (form.examples.length < MAX_EXAMPLES && !form.examples.some((e) => e.reason === reason && e.sentence === p.sentence)) {
      form.examples.push({ doc: p.doc, sentence: p.sentence, planted: describePlanted(p), reason, found });
    }
  }

  const verdicts = { correct: 0, 'wrong-company': 0, 'wrong-period': 0, 'wrong-metric': 0, 'wrong-qualifier': 0, 'wrong-unit': 0, 'noise-taken': 0, 'noise-as-forecast': 0, unmatched: 0 } satisfies Record<Verdict, number>;
  const wrong: WrongExample[] = [];
  const unmatchedByMetric: Record<string, number> = {};
  const shownPerVerdict = new Map<Verdict, number>();
  let judged = 0;
  for (const [doc, docFacts] of factsByDoc) {
    const inDoc = plantedByDoc.get(doc) ?? [];
    for (const f of docFacts) {
      judged += 1;
      const { verdict, against } = judge(f, inDoc);
      verdicts[verdict] += 1;
      if (verdict === 'unmatched') unmatchedByMetric[f.metric] = (unmatchedByMetric[f.metric] ?? 0) + 1;
      if (verdict === 'noise-taken') noise.taken += 1;
      if (verdict === 'noise-as-forecast') noise.asForecast += 1;
      if (verdict === 'correct' || verdict === 'noise-as-forecast') continue;
      const shown = shownPerVerdict.get(verdict) ?? 0;
      if (shown >= MAX_EXAMPLES) continue;
      shownPerVerdict.set(verdict, shown + 1);
      wrong.push({ verdict, doc, fact: describeFact(f), planted: against ? describePlanted(against) : '', quote: quoteOf(f) });
    }
  }

  const figuresPlanted = figureKeys.size;
  const figuresRecovered = [...figureKeys.values()].filter(Boolean).length;
  const ratio = (a: number, b: number) => (b ? a / b : 1);
  return {
    statements: { planted: plantedCount, recovered: recoveredCount, recall: ratio(recoveredCount, plantedCount) },
    figures: { planted: figuresPlanted, recovered: figuresRecovered, recall: ratio(figuresRecovered, figuresPlanted) },
    byRole,
    byForm: [...forms.values()].sort((a, b) => b.planted - b.recovered - (a.planted - a.recovered) || a.form.localeCompare(b.form)),
    facts: judged,
    verdicts,
    misattributed: verdicts['wrong-company'] + verdicts['wrong-period'],
    unmatchedByMetric,
    wrong,
    noise,
  };
}
