import { fold } from './fold.ts';
import { tokenizeFolded } from './tokenize.ts';

/**
 * A small bilingual glossary of financial and business words. An English question
 * about a Chinese article (or the reverse) is expanded with the other language's
 * words, so "why did revenue fall" reaches "營收下滑的主要原因". Vocabulary only:
 * no company or figure belongs here.
 */
const CONCEPTS: ReadonlyArray<readonly [english: readonly string[], chinese: readonly string[]]> = [
  [['revenue', 'revenues', 'sales', 'turnover', 'income'], ['营收', '营业收入', '收入', '总收入']],
  [['profit', 'profits', 'profitable', 'profitability', 'earnings'], ['利润', '盈利', '净利润']],
  [['loss', 'losses', 'lose', 'lost', 'losing', 'unprofitable'], ['亏损', '净亏损', '亏']],
  [['why', 'reason', 'reasons', 'because', 'cause', 'caused', 'explain', 'explained', 'explains'], ['原因', '由于', '解释', '导致']],
  [['fall', 'fell', 'falls', 'decline', 'declined', 'drop', 'dropped', 'decrease', 'decreased', 'down', 'shrink', 'shrank'], ['下滑', '下降', '下跌', '减少', '收缩', '锐减']],
  [['rise', 'rose', 'grow', 'grew', 'growth', 'increase', 'increased', 'up'], ['增长', '上升', '提升', '增加', '扩大']],
  [['layoff', 'layoffs', 'laid', 'cuts', 'redundancies', 'downsizing', 'fired'], ['裁员', '裁撤', '减少']],
  [['employees', 'employee', 'staff', 'headcount', 'workforce', 'personnel'], ['员工', '人员', '员工人数']],
  [['r&d', 'research', 'development'], ['研发']],
  [['cash'], ['现金', '货币资金', '现金流']],
  [['margin', 'margins'], ['毛利率', '利润率']],
  [['gross'], ['毛利']],
  [['funding', 'financing', 'raise', 'raised', 'fundraising'], ['融资', '募资']],
  [['ipo', 'listing', 'listed'], ['上市', 'ipo', '招股书']],
  [['forecast', 'forecasts', 'expected', 'expects', 'guidance', 'outlook', 'prospectus'], ['预计', '预测', '预期', '招股书']],
  [['customers', 'customer', 'clients'], ['客户']],
  [['orders', 'contracts', 'backlog'], ['订单', '合同']],
  [['competition', 'competitors', 'compete', 'competitive'], ['竞争', '同行', '挤压']],
  [['model', 'models', 'llm', 'gpt'], ['大模型', '模型']],
  [['market'], ['市场']],
  [['strategy', 'strategic'], ['战略', '策略']],
  [['debt', 'loan', 'loans'], ['贷款', '债务']],
  [['cost', 'costs', 'expenses', 'expense', 'spending'], ['成本', '费用', '开支']],
  [['cumulative', 'total', 'accumulated'], ['累计', '总']],
  [['hybrid', 'mixed'], ['混合云']],
  [['public'], ['公有云']],
  [['private'], ['私有云']],
  [['enterprise'], ['企业云', '企业']],
  [['computing', 'compute'], ['算力', '计算', '运算']],
  [['intelligent'], ['智算', '智能']],
  [['employees', 'workforce'], ['员工']],
  [['debt', 'loans'], ['债务', '贷款']],
  [['valuation', 'capitalization'], ['市值']],
  [['sponsor', 'sponsors', 'underwriter', 'bookrunner'], ['保荐人', '保荐', '承销商']],
  [['rating', 'ratings', 'recommendation', 'buy', 'overweight'], ['评级', '买入', '增持']],
  [['analyst', 'analysts', 'broker', 'brokers'], ['分析师', '券商', '研报']],
  [['smartphone', 'smartphones', 'phone', 'phones', 'handset', 'handsets'], ['手机', '智能手机']],
  [['partner', 'partners', 'partnership', 'partnerships', 'joined', 'cooperation'], ['合作', '伙伴', '加入']],
  [['driver', 'drivers', 'drive', 'drove', 'driven', 'engine'], ['驱动', '推动', '带动', '动力', '引擎']],
  [['inference', 'reasoning'], ['推理']],
  [['accelerate', 'accelerated', 'accelerating', 'acceleration', 'momentum'], ['加速', '提速', '增速']],
  [['milestone', 'milestones', 'first'], ['里程碑', '首次', '首个']],
  [['results', 'earnings', 'performance'], ['业绩', '财报', '季绩']],
  [['mark', 'marks', 'marked', 'signal', 'signals'], ['标志', '意味']],
  [['decline', 'slowdown', 'slowed', 'slip', 'slipped'], ['下滑', '放缓', '回落']],
  [['opportunity', 'opportunities'], ['机会', '机遇']],
  [['proceeds', 'raise', 'raised', 'raising'], ['募集', '募资', '所得款项']],
  [['outsource', 'outsourced', 'outsourcing', 'subcontract', 'subcontracting'], ['外包', '分包', '委托']],
  [['segment', 'segments', 'business', 'businesses'], ['业务', '板块', '分部']],
  [['ceo', 'chairman', 'founder', 'management'], ['首席执行官', '董事长', '创始人', '管理层', '总裁']],
  [['loss-making', 'unprofitable'], ['亏损']],
  [['dividend', 'dividends'], ['股息', '派息', '分红']],
  [['shares', 'share'], ['股', '股份']],
  [['year'], ['年']],
  [['quarter'], ['季度', '季']],
];

const englishToChinese = new Map<string, string[]>();
const chineseToEnglish = new Map<string, string[]>();
for (const [en, zh] of CONCEPTS) {
  const zhTokens = zh.map((w) => fold(w));
  for (const e of en) englishToChinese.set(e, [...(englishToChinese.get(e) ?? []), ...zhTokens]);
  for (const z of zhTokens) chineseToEnglish.set(z, [...(chineseToEnglish.get(z) ?? []), ...en]);
}

/** Words of the other language for the tokens of a folded query. */
export function crossLanguageTerms(foldedQuery: string): string[] {
  const extra = new Set<string>();
  const words = foldedQuery.match(/[a-z&]+/gu) ?? [];
  for (const w of words) for (const zh of englishToChinese.get(w) ?? []) for (const t of tokenizeFolded(zh)) extra.add(t);
  for (const [zh, en] of chineseToEnglish) if (foldedQuery.includes(zh)) for (const e of en) extra.add(e);
  return [...extra];
}
