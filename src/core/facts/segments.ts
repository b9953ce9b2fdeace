import { SEGMENT_HEAD_EN, SEGMENT_HEAD_ZH } from './qualifier-cues.ts';

/**
 * Business segments. A segment's revenue ("public cloud revenue", "企業雲收入",
 * "revenues from this business") must never answer a question about total revenue, so
 * every way a document names a segment is caught here, including a topic set by an
 * earlier sentence ("Turning to our storage business. Revenue grew ...").
 */

const ZH_TERMS: Array<[RegExp, string]> = [
  [/非网络营销|非在线营销/u, 'non online marketing'],
  [/网络营销|在线营销|线上营销/u, 'online marketing'],
  [/公有云|公共云/u, 'public cloud'],
  [/企业云/u, 'enterprise cloud'],
  [/私有云/u, 'private cloud'],
  [/混合云/u, 'hybrid cloud'],
  [/管理云/u, 'management cloud'],
  [/智能计算|智算/u, 'intelligent computing'],
  [/算力/u, 'computing power'],
  [/人工智能|ai/u, 'ai'],
  [/云智能/u, 'cloud intelligence'],
  [/中国/u, 'china'],
  [/国际/u, 'international'],
  [/数字商业/u, 'digital commerce'],
  [/电商|电子商务/u, 'ecommerce'],
  [/即时零售/u, 'quick commerce'],
  [/本地生活/u, 'local services'],
  [/智能汽车/u, 'smart auto'],
  [/汽车/u, 'auto'],
  [/广告|营销/u, 'marketing'],
  [/游戏/u, 'games'],
];
// Words that lead into a business line's name without being part of it: "主要受惠云智能集团收入".
const LEAD_IN = /^.*(?:受惠于|受惠|受益于|受益|得益于|带动|推动|由于|来自|包括|其中|对于|至于|主要|以及)/u;

/** One name per segment across languages and wordings ("公有雲服務" and "public cloud services"). */
export function canonicalSegment(raw: string): string {
  let s = raw.toLowerCase().replace(/云端/gu, '云').replace(/\be-commerce\b/gu, 'ecommerce').replace(/^[^a-z0-9\u4e00-\u9fff]+/u, '').trim();
  s = s.replace(/^(?:(?:with|while|and|including|plus|from|of|our|the|its|their)\s+)+/u, '').replace(/\s+/gu, ' ');
  s = s.replace(/(?:\s|^|-)(?:services?|business(?:es)?|segments?|revenues?|lines?|brand|branded(?: business| segment)?)$/u, '').trim();
  const named = s;
  s = s.replace(/(?:服务|业务|板块|收入|品牌)+$/u, '');
  // "授权及服务业务": the last of two lines named together is part of the name.
  if (/[及和与、]$/u.test(s)) s = named.replace(/(?:业务|板块|收入|品牌)+$/u, '');
  if (/[\u4e00-\u9fff]/u.test(s)) {
    s = s.replace(LEAD_IN, '').replace(/^(?:本集团|集团|本公司|公司)/u, '').replace(/集团$/u, '') || s;
    // Named in the order the words come: "中国电商" is "china ecommerce".
    // Each term takes its words once, longest terms first: "非网络营销" is not "网络营销".
    const parts: Array<{ at: number; en: string }> = [];
    let rest = s;
    for (const [re, en] of ZH_TERMS) {
      const m = rest.match(re);
      if (!m) continue;
      parts.push({ at: m.index ?? 0, en });
      rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice((m.index ?? 0) + m[0].length);
    }
    // Only a name the terms cover whole is translated: "智慧生活" stays as written.
    if (parts.length && !/[\u4e00-\u9fff]/u.test(rest.replace(/云/gu, ''))) return [...new Set(parts.sort((a, b) => a.at - b.at).map((p) => p.en))].join(' ');
  }
  return s.trim() || 'unnamed segment';
}

// Words that end a noun phrase naming a business line (src/core/vocabulary/qualifiers.yaml).
const SEGMENT_HEAD = `(?:${SEGMENT_HEAD_EN})`;
// "云业务", "AI业务": a one-word line named with 业务 right before the metric.
const ZH_SHORT_SEGMENT = /(?:^|[^\u4e00-\u9fffa-z])([\u4e00-\u9fffa-z]{1,3}业务)$/u;
const ZH_SEGMENT = new RegExp(`([\\u4e00-\\u9fffa-z]{2,12}?(?:${SEGMENT_HEAD_ZH}))(?:之|的)?[:：]?$`, 'u');
const NOT_SEGMENT = /^(?:total|operating|net|gross|quarterly|annual|overall|incremental|potential|our|the|its|company|group|consolidated|\d)/u;

// Time words between a line's name and its metric: "智慧商业业务今年上半年收入".
const TIME_TAIL = /(?:(?:今年|去年|本年|上年|同期|期内|年内|(?:19|20)\d{2}年)?(?:上半年|下半年|全年|前三季度|第?[一二三四1-4]季度?|首季|中期|年度)?|期内|年内|今年|去年|(?:上|本|当|该|同|单)季度?|季内|年初至今|报告期内?)$/u;
// What may stand right before a bare 收入 without naming a line: verbs, totals, the company, time.
const NOT_A_LINE = /^(?:营业|主营业务|主营|营业总|总|整体|全部|合计|公司|集团|本公司|其|该|此|本|净|利息|其他|营业外|投资|经营|销售|实现|录得|取得|带来|贡献|创造|期内|季度|年度|同期|单季|当季|全年|上半年|下半年|业务|主要|核心业务|相关|单客户|每股|人均|平均)$|(?:实现|录得|取得|带来|贡献|创造|带动|推动|令|使|致|及|和|与|的)$/u;

/**
 * "智慧生活收入": a name of two to eight characters right before a bare 收入 is a line of business,
 * whether or not it ends in a word like 业务; verbs, totals and time words are not names.
 */
function bareChineseLine(plain: string): string | null {
  const m = plain.match(/([\u4e00-\u9fffa-z]{2,12})$/u);
  if (!m) return null;
  // "智能汽车及智慧城市收入" names two lines together: kept whole, so neither line takes it.
  const name = m[1]!.replace(/^.*(?:实现|录得|取得|带来|贡献|创造|带动|推动|受惠|受益|得益于|其中|包括|的|就|而|但|惟|则|亦|也)/u, '');
  // "该业务收入", "其收入": a word pointing back names no line of its own (the topic may).
  if (name.length < 2 || NOT_A_LINE.test(name) || /^(?:该|此|这|本|其|上述|前述|相关)/u.test(name)) return null;
  return name;
}

/** Segment named right before a revenue phrase: "public cloud revenue", "公有云服务收入". */
export function segmentBefore(folded: string, metricStart: number, phrase = ''): string | null {
  const before = folded.slice(Math.max(0, metricStart - 60), metricStart).replace(TIME_TAIL, '');
  const en = before.match(new RegExp(`((?:[a-z&-]+\\s){0,4}?[a-z&-]*${SEGMENT_HEAD})\\s$`, 'u'));
  if (en && !NOT_SEGMENT.test(en[1]!)) return canonicalSegment(en[1]!);
  // "第一季企业云服务收入": the period words before the segment name are not part of it.
  // "泽塔国际数字商业(ZIDC)收入": the name before its abbreviation.
  const plain = before.replace(/[(（][a-z0-9&.\s-]{1,12}[)）]$/u, '');
  const zh = plain.replace(/^.*(?:季度?|年度?|月|的|,|，|。|;|；|\s|[)）])/u, '').match(ZH_SEGMENT) ?? plain.match(ZH_SHORT_SEGMENT);
  // "该业务收入" refers back to a topic.
  if (zh && !/^(?:该|此|这|本|总|营业|整体|集团|公司)/u.test(zh[1]!) && !/^(?:公司|集团)$/u.test(zh[1]!)) return canonicalSegment(zh[1]!);
  // Right after a company's name ("泽塔云智能收入"), the words finish the name: no line.
  // "云订阅年经常性收入(ARR)": a line's recurring revenue is named the same way as its revenue.
  if ((phrase === '收入' || /经常性收入$/u.test(phrase)) && !/\s[\u4e00-\u9fffa-z]{1,4}$/u.test(plain)) {
    const line = bareChineseLine(plain.replace(/^.*(?:季度?|年度?|月|,|，|。|;|；|\s|[)）])/u, ''));
    if (line) return canonicalSegment(line);
  }
  return null;
}

const PHRASE_STOP = new Set(
  'was were is are increased decreased declined rose fell grew remained reached amounted came totaled totalled stood in of to by at and while which that with accounted represented'.split(' '),
);

/** Segment named right after a revenue phrase: "revenue from public cloud services", "revenue for the 3 verticals". */
export function segmentAfter(folded: string, metricEnd: number): string | null {
  const after = folded.slice(metricEnd, metricEnd + 100);
  const lead = after.match(/^\s(?:from|for|generated by|contributed by)\s(?:our\s|the\s|its\s)?/u);
  if (!lead) return null;
  const words: string[] = [];
  for (const token of after.slice(lead[0].length).split(/\s+/u)) {
    const word = token.replace(/[,.;:)]+$/u, '');
    if (!word || PHRASE_STOP.has(word) || !/^[a-z0-9&-]+$/u.test(word)) break;
    words.push(word);
    if (token !== word || words.length >= 8) break;
  }
  const phrase = words.join(' ');
  // "revenue from 2022 to 2025" is a period, "revenue from customers" not a segment.
  if (!phrase || /^(?:\d|rmb|us|usd|this|that|last|the same|same|each|every|customers?|clients?|six|three|nine|twelve|first|second|third|fourth|previous|prior|current|corresponding)/u.test(phrase)) return null;
  if (/\b(?:year|years|quarter|quarters|half|fy|q[1-4]|h[12]|(?:19|20)\d{2})\b/u.test(phrase)) return null;
  return canonicalSegment(phrase);
}

/** "revenues from this business", "该业务收入": refers back to the topic segment. */
export function refersToTopic(folded: string, metricStart: number, metricEnd: number): boolean {
  const around = folded.slice(Math.max(0, metricStart - 16), metricEnd + 24);
  return /(?:this|that|the same) (?:business|segment|division)|(?:该|此|这项|这个|本)(?:业务|板块|部门)/u.test(around);
}

const TOPIC_EN = new RegExp(
  `(?:moving on to|move on to|turning to|turn to|starting with|start with|let's look at|let me turn to|now to|as for|coming to)\\s+(?:our\\s+|the\\s+)?((?:[a-z&-]+\\s){0,4}?[a-z&-]*${SEGMENT_HEAD})`,
  'u',
);
const TOPIC_ZH = /(?:转向|转到|先从|至于|关于)([\u4e00-\u9fffa-z]{2,10}?(?:云|云端|业务|服务))(?:开始|方面)?/u;
// "对于受市场关注的即时零售,上季收入…": the clause's topic is the line named before the comma.
const TOPIC_ZH_CLAUSE = new RegExp(`^[^,，。;；]{0,12}?(?:对于|至于|关于)[^,，。;；]{0,40}?的?([\\u4e00-\\u9fffa-z]{2,10}?(?:${SEGMENT_HEAD_ZH}))(?:方面)?[,，]`, 'u');

/**
 * A sentence that opens a segment as the topic of what follows. Company names must be
 * blanked out first: "关于某某云" is about a company, not a business line.
 */
export function topicSegment(folded: string): string | null {
  const en = folded.match(TOPIC_EN);
  if (en) return canonicalSegment(en[1]!);
  const zh = folded.match(TOPIC_ZH);
  if (zh && /云|业务|服务/u.test(zh[1]!)) return canonicalSegment(zh[1]!);
  const clause = folded.match(TOPIC_ZH_CLAUSE);
  if (clause) return canonicalSegment(clause[1]!.replace(/^.*的/u, ''));
  return null;
}

// "X和Y(面向高端市场的主要产品)今年上半年新签304家客户;期内实现收入…": a sentence whose subject is a
// product or brand speaks of its figures, never of the company's.
const PRODUCT_SUBJECT = /^\s?(?:[-*•]\s?)?([^,，;；。:：()（）]{2,40}?)\s?[(（][^()（）]{0,24}(?:产品|品牌|平台|products?|brands?|platforms?)[^()（）]{0,8}[)）]/u;

/** The product or brand a sentence is about, when it opens with one ("苍穹(主要产品)…"). */
export function productSubject(folded: string, metricStart: number): string | null {
  const m = folded.match(PRODUCT_SUBJECT);
  if (!m || m[0].length > metricStart) return null;
  // Company names are blanked out: "泽塔云・远图" leaves "云远图" whole.
  const name = m[1]!.replace(/[・·•]/gu, '').replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/gu, '').replace(/\s+/gu, ' ').trim();
  return name.length >= 2 ? canonicalSegment(name) : null;
}

// "(二)汽车解决方案:营业额增长…": a list item headed by a business line speaks of that line.
const HEADING_ZH = new RegExp(`^\\s?(?:[-*•]\\s?)?(?:[(（][一二三四五六七八九十\\d]{1,3}[)）]|\\d{1,2}[.、])?\\s?([\\u4e00-\\u9fffa-z][\\u4e00-\\u9fffa-z\\s]{1,14}?(?:${SEGMENT_HEAD_ZH}))\\s?[:：]`, 'u');
const HEADING_EN = new RegExp(`^\\s?(?:[-*•]\\s?)?(?:\\(?[a-z\\d]{1,3}[.)]\\s)?((?:[a-z&-]+\\s){0,4}?[a-z&-]*${SEGMENT_HEAD})\\s?:`, 'u');

/** A business line the clause opens with as its heading ("汽车解决方案:…", "Cloud services: …"). */
export function headingSegment(folded: string, metricStart: number): string | null {
  const m = folded.match(HEADING_ZH) ?? folded.match(HEADING_EN);
  if (!m || (m.index ?? 0) + m[0].length > metricStart) return null;
  if (/^(?:总|整体|集团|total|overall|group)/u.test(m[1]!.trim())) return null;
  return canonicalSegment(m[1]!);
}
