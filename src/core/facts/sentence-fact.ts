import type { Company } from '../companies/registry.ts';
import type { Period } from '../periods.ts';
import type { FactQualifiers, StatedChange } from './fact.ts';
import type { MetricDef } from './metrics.ts';
import type { NumberToken } from './numbers.ts';

/** A figure found in a sentence, before it gets its document and quote. */
export interface SentenceFact {
  company: Company;
  metric: MetricDef;
  period: Period;
  value: number;
  unit: 'CNY' | 'USD' | 'HKD' | '%' | 'count';
  qualifiers: FactQualifiers;
  range?: { low: number; high: number };
  change?: StatedChange;
  number: NumberToken;
  confidence: number;
}

/** What the sentence inherits from its paragraph and document. */
export interface SentenceContext {
  docCompany: Company;
  docPeriod: Period | null;
  /** Period established by an earlier sentence of the same paragraph. */
  paragraphPeriod: Period | null;
  /**
   * An earlier sentence of the paragraph gave figures for several periods ("2018年至2021年…分别为"):
   * a figure with no period of its own after it has no period the text ties it to.
   */
  periodInDoubt?: boolean;
  /** Periods of the last list an earlier sentence of the paragraph paired ("2022年、2023年及2024年…分别为"). */
  periodList?: Period[] | null;
  /** Companies named in the document by default currency (amounts written "X million"). */
  defaultCurrency: 'CNY' | 'USD' | 'HKD' | null;
}
