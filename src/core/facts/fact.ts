import type { Unit } from '../answer.ts';
import type { Period } from '../periods.ts';

/** Qualifiers that make a figure something other than the plain reported total. */
export interface FactQualifiers {
  adjusted?: boolean;
  nonGaap?: boolean;
  /** Attributable to the owners of the parent (归母, 股东应占, "attributable to shareholders"). */
  attributable?: boolean;
  /** Excluding non-recurring gains and losses (扣非). */
  exclNonrecurring?: boolean;
  /** The figure is a stated change of the metric, not its level: `yoy` growth, `qoq`, `hoh`. */
  change?: 'yoy' | 'qoq' | 'hoh' | 'prior';
  /** Business segment ("public cloud"); a segment figure never answers a total. */
  segment?: string;
  /** Forecast, guidance or target: not a reported result. */
  forecast?: boolean;
  /** Sum over a span of periods. */
  cumulative?: boolean;
  /** Stated as "about", "around", "roughly". */
  approximate?: boolean;
  /** "over", "more than" (at_least) or "under", "less than" (at_most). */
  bound?: 'at_least' | 'at_most';
  /** A what-if figure that excludes stated one-off items. */
  excludingItems?: boolean;
  /** No period in the sentence: taken from the paragraph or the document's reporting period. */
  periodInferred?: boolean;
}

/** A change stated next to a figure ("down 12.34% year on year"). */
export interface StatedChange {
  value: number;
  unit: '%' | 'pp';
  basis: 'yoy' | 'qoq' | 'hoh' | 'prior';
}

/** One figure extracted from one statement of one document. */
export interface Fact {
  company: string;
  /** Canonical metric id. */
  metric: string;
  period: Period;
  /** Value in base units: yuan (not millions), percent as a number (41.27), counts. */
  value: number;
  unit: Unit;
  qualifiers: FactQualifiers;
  range?: { low: number; high: number };
  change?: StatedChange;
  /** Document id. */
  doc: string;
  /** Offsets of the quote (the clause or sentence) in the cleaned document text. */
  start: number;
  end: number;
  /** The number exactly as written, e.g. `6.34億元`, `RMB 4,321 million`. */
  numberText: string;
  /** Significant digits of the number as written: `RMB 510 million` 2, `RMB 512.3 million` 4. */
  precision: number;
  /** How directly the text ties company, metric and period to the number (0-1). */
  confidence: number;
  /** Language of the statement. */
  language: 'en' | 'zh';
  /** The same figure in another currency, in brackets after the one reported ("RMB 150亿元 (20.8亿美元)"). */
  translated?: boolean;
  /** Where the figure was read: a sentence of prose (default) or a table row. */
  origin?: 'sentence' | 'table';
}
