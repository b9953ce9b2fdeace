import type { Company, CompanyMention, CompanyRegistry } from '../companies/registry.ts';
import type { CorpusDocument } from '../corpus/document.ts';
import { fold, foldWithMap } from '../text/fold.ts';
import { associate, type SentenceContext } from './associate.ts';
import type { Fact } from './fact.ts';
import { documentNow, findPeriods, THIS_QUARTER, type TimeContext } from './period-phrases.ts';
import { findNumbers } from './numbers.ts';
import { topicSegment } from './segments.ts';
import { statedValues, statesValue } from './verify.ts';
import { splitSentences } from './sentences.ts';
import { viewSentence, type MetricToken, type SegmentTopic, type SentenceView } from './sentence-view.ts';
import { findMetrics, NOT_A_METRIC } from './metrics.ts';
import { StatementNoter, statementPeriodLabels, type StatementNotes } from './statement-notes.ts';
import { continuedMetric, inheritedMetric, isListItem, itemLabel, soleMetric } from './list-items.ts';
import { periodLabel, type Period } from '../periods.ts';
import { findTables, insideTables } from './tables/find-tables.ts';
import { tableFacts } from './tables/table-facts.ts';

// "人民币150亿元(20.8亿美元)", "RMB121.9 million ($16.9 million)": a convenience translation.
const TRANSLATION_BEFORE = /\d[^()（）,，;；。]{0,14}[(（]\s?(?:约合|约|合|折合|approximately|approx\.?|about)?\s?(?:us\$|\$|rmb|人民币|hk\$|usd|美元)?\s?$/u;
const SAME_PERIODS = /^\s?(?:[-*•]\s?)?(?:同期|同期内|在同一期间|(?:during|in|for|over) the same periods?)/u;

/** Paragraphs a segment topic stays in force (bilingual transcripts alternate languages). */
const TOPIC_REACH = 4;

// A company named after these words is a customer, partner or rival, not the reporter.
const NOT_SUBJECT_BEFORE = /(?:\b(?:from|to|with|for|by|including|such as|like|than|against|versus|vs\.?|and|partners?|customers?|clients?|shareholders?)|来自|向|与|和|跟|对|包括|低于|高于)\s?$/u;

function blankCompanies(folded: string, registry: CompanyRegistry): string {
  let out = folded;
  for (const m of registry.mentionsInFolded(folded)) out = out.slice(0, m.start) + ' '.repeat(m.end - m.start) + out.slice(m.end);
  return out;
}

function defaultCurrency(text: string): SentenceContext['defaultCurrency'] {
  if (/denominated in (?:rmb|renminbi)|in rmb unless|以人民币计价|单位:?\s?(?:人民币|元)/iu.test(text)) return 'CNY';
  if (/denominated in (?:us dollars|usd|u\.s\. dollars)/iu.test(text)) return 'USD';
  return null;
}

function subjectFinder(mentions: CompanyMention[], folded: string, fallback: Company): (pos: number) => Company {
  const subjects = mentions.filter((m) => !NOT_SUBJECT_BEFORE.test(folded.slice(Math.max(0, m.start - 16), m.start)));
  return (pos) => {
    let found: Company | undefined;
    for (const m of subjects) if (m.end <= pos) found = m.company;
    return found ?? fallback;
  };
}

/**
 * Follow a list: an item naming one metric opens it; an item that names only a business line
 * ("- Cloud: $13.6 million …") gets the opening metric, on its label. Returns the metric that
 * governs the next items.
 */
function followList(view: SentenceView, lead: MetricToken | null): MetricToken | null {
  const named = view.metrics.filter((m) => m.metric !== NOT_A_METRIC);
  if (named.length > 0) return new Set(named.map((m) => m.metric.id)).size === 1 ? named[0]! : null;
  const label = itemLabel(view.folded);
  if (!label) return null;
  if (lead) view.metrics.push(inheritedMetric(lead, label));
  return lead;
}

/**
 * Extract every figure a document states, sentence by sentence. Facts carry the
 * sentence as their quote (exact offsets into the cleaned text) and the number as the
 * document writes it.
 */
export function extractFacts(doc: CorpusDocument, registry: CompanyRegistry): Fact[] {
  return extractDocument(doc, registry).facts;
}

/** The figures of a document, and notes of what each of its statements speaks of (statement-notes.ts). */
export function extractDocument(doc: CorpusDocument, registry: CompanyRegistry): { facts: Fact[]; notes: StatementNotes } {
  const noter = new StatementNoter();
  const primary = registry.get(doc.company);
  if (!primary) return { facts: [], notes: noter.notes() };
  const now = documentNow(doc.published, doc.period);
  const currency = defaultCurrency(doc.text);
  const speaksOfThisQuarter = THIS_QUARTER.test(fold(doc.text.slice(0, 200_000)));
  const facts: Fact[] = [];
  const seen = new Set<string>();
  const topics = new Map<'en' | 'zh', { segment: string; paragraph: number }>();
  let paragraph = -1;
  let paragraphPeriod: Period | null = null;
  let periodInDoubt = false;
  let periodList: Period[] | null = null;
  let listLead: MetricToken | null = null;
  let lastPeriodList: Period[] | null = null;
  let listBase: Period | null | undefined;
  let headingPeriod: Period | null = null;
  const docYear = doc.period && doc.period.kind !== 'date' && doc.period.kind !== 'span' ? doc.period.year : null;
  let previousMetric: { token: MetricToken; paragraph: number } | null = null;
  // Table rows are read by the table pass, by column header, never as sentences.
  const tables = findTables(doc.text);
  const inTable = insideTables(tables);

  for (const sentence of splitSentences(doc.text)) {
    if (tables.length && inTable(sentence.start)) continue;
    const source = doc.text.slice(sentence.start, sentence.end);
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph;
      paragraphPeriod = null;
      periodInDoubt = false;
      periodList = null;
      if (listBase !== undefined) listBase = null;
    }
    const language: 'en' | 'zh' = (source.match(/[\u3400-\u9fff]/gu)?.length ?? 0) * 4 > source.length ? 'zh' : 'en';
    const hasDigit = /[\d０-９]/u.test(source);
    const listItem = isListItem(source.toLowerCase());
    if (!listItem) listLead = null;
    // Items of one list are siblings: each speaks of the period given before the list, not of
    // the period the item before it named ("- In Q2, revenue was …" / "- Gross margin was …").
    if (!listItem) listBase = undefined;
    else if (listBase === undefined) listBase = paragraphPeriod;
    else paragraphPeriod = listBase;
    // "Fourth Quarter 2024 Financial Highlights" / "- Revenue was …": a section heading that names
    // one period gives it to the list under it; prose after the list is on its own again.
    if (!listItem) {
      const heading = SECTION_HEADING.test(source.trim()) ? sectionHeadingPeriod(source, { docPeriod: doc.period, now, contextYear: docYear, speaksOfThisQuarter, fiscalYearEnd: primary.yearEnd }) : undefined;
      headingPeriod = heading ?? null;
      if (heading !== undefined) continue;
    } else if (!paragraphPeriod && headingPeriod) {
      paragraphPeriod = headingPeriod;
    }
    const mayOpenTopic = /cloud|service|business|segment|雲|云|業務|业务|服務|服务|對於|对于|至於|至于/iu.test(source);
    if (!hasDigit && !mayOpenTopic && !listItem) continue;
    const { text: foldedLines, map } = foldWithMap(source);
    // A page wraps anywhere, "June 30,\n2023" included: the line breaks of a sentence are spaces.
    // "first-half 2025", "third-quarter": an ordinal period written with a hyphen (same length).
    const folded = foldedLines.replace(/[\n\r]/gu, ' ').replace(/\b(first|second|third|fourth)-(quarter|half)\b/gu, '$1 $2');
    const opened = mayOpenTopic ? topicSegment(blankCompanies(folded, registry)) : null;
    if (opened) topics.set(language, { segment: opened, paragraph });
    if (!hasDigit && !listItem) continue;

    const t = topics.get(language);
    const topic: SegmentTopic | null = t && paragraph - t.paragraph <= TOPIC_REACH ? { segment: t.segment, sameParagraph: t.paragraph === paragraph } : null;
    const paragraphYear = paragraphPeriod && paragraphPeriod.kind !== 'date' && paragraphPeriod.kind !== 'span' ? paragraphPeriod.year : null;
    const time: TimeContext = { docPeriod: doc.period, now, contextYear: paragraphYear ?? docYear, speaksOfThisQuarter, fiscalYearEnd: primary.yearEnd };
    const view = viewSentence(folded, time, registry, topic);
    // Question words too ("lose", "赚"): the notes serve look-ups, which read questions that way.
    if (hasDigit && source.length <= MAX_NOTED_STATEMENT) noter.add(sentence.start, sentence.end, findMetrics(folded, { question: true }).map((m) => m.metric.id), statementPeriodLabels(view.periods, doc.period));
    if (listItem) listLead = followList(view, listLead);
    const continued = continuedMetric(view, previousMetric?.paragraph === paragraph ? previousMetric.token : null);
    if (continued) view.metrics.push(continued);
    const sole = soleMetric(view);
    previousMetric = sole ? { token: sole, paragraph } : null;
    if (view.numbers.length === 0) continue;
    // "同期,经调整净亏损分别为…" opening the next paragraph speaks of the list of periods just given.
    const listOfBefore = periodList ?? (SAME_PERIODS.test(folded) ? lastPeriodList : null);
    const ctx: SentenceContext = { docCompany: primary, docPeriod: doc.period, paragraphPeriod, periodInDoubt, periodList: listOfBefore, defaultCurrency: currency };
    const result = associate(view, ctx, subjectFinder(view.companies, folded, primary));
    if (result.period) paragraphPeriod = result.period;
    // After figures of several periods, the next sentence must name its own.
    if (result.listed) paragraphPeriod = null;
    periodInDoubt = result.listed || (periodInDoubt && !result.period);
    if (result.periodList) periodList = lastPeriodList = result.periodList;

    let statedInSource: number[] | undefined;
    for (const sf of result.facts) {
      const numberStart = map[sf.number.start] ?? 0;
      const numberEnd = map[sf.number.end] ?? source.length;
      const fact: Fact = {
        company: sf.company.id,
        metric: sf.metric.id,
        period: sf.period,
        value: sf.value,
        unit: sf.unit,
        qualifiers: sf.qualifiers,
        doc: doc.id,
        start: sentence.start,
        end: sentence.end,
        numberText: source.slice(numberStart, numberEnd).trim(),
        precision: sf.number.precision,
        confidence: Number(sf.confidence.toFixed(2)),
        language,
      };
      if (sf.range) fact.range = sf.range;
      if (TRANSLATION_BEFORE.test(folded.slice(Math.max(0, sf.number.start - 40), sf.number.start))) fact.translated = true;
      if (sf.change) fact.change = sf.change;
      // Never keep a figure its own sentence does not state.
      const stated = fact.qualifiers.change && sf.number.unit === 'x' ? fact.value / 100 : fact.value;
      statedInSource ??= statedValues(source);
      if (!statesValue(statedInSource, stated, fact.range)) continue;
      const key = `${fact.company}|${fact.metric}|${periodLabel(fact.period)}|${fact.value}|${JSON.stringify(fact.qualifiers)}|${fact.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      facts.push(fact);
    }
  }
  if (tables.length) facts.push(...tableFacts(tables, { docId: doc.id, registry, primary, time: { docPeriod: doc.period, now, contextYear: null }, defaultCurrency: currency, reportPeriod: doc.inferred.includes('period') ? null : doc.period }));
  return { facts, notes: noter.notes() };
}

// A short line that names a section of results: "Fourth Quarter 2024 Financial Highlights", "2030年第三季度业绩摘要".
const SECTION_HEADING = /^(?:#{1,6}\s)?[^.。!?！？:：;；,，]{0,70}(?:highlights|results|outlook|overview|summary|guidance|业绩|摘要|概要|亮点|展望|指引)(?:\s?[:：])?$/iu;

/** The one period a section heading names; null when it names none or several (undefined: not a heading). */
function sectionHeadingPeriod(source: string, time: TimeContext): Period | null | undefined {
  const folded = fold(source);
  const found = findPeriods(folded, time);
  // A heading states no figure: a number outside its period words makes it a sentence.
  if (findNumbers(folded).some((n) => !found.some((p) => n.start >= p.start && n.end <= p.end))) return undefined;
  const periods = found.filter((p) => !p.since && p.ref.type === 'abs');
  const only = periods.length === 1 ? periods[0]!.ref : null;
  return only?.type === 'abs' && only.period.kind !== 'date' && only.period.kind !== 'span' ? only.period : null;
}

/** Longer "statements" are run-on text that lost its full stops: never shown as evidence. */
const MAX_NOTED_STATEMENT = 2000;
