import { companyId } from '../../src/core/companies/registry.ts';
import { fold } from '../../src/core/text/fold.ts';
import { Rng } from './prng.ts';
import { toTraditional } from './script.ts';

/**
 * Invented companies: an English name, Simplified and Traditional Chinese names built
 * from the same parts ("Skybridge Technology" / 天桥科技 / 天橋科技), and tickers.
 * Names are unique and no name is another's alias, so the registry never merges two.
 */

/** What a company's business is; cloud companies report public and enterprise cloud segments. */
export type Sector = 'cloud' | 'ai' | 'data' | 'software';

/** One invented company. */
export interface SyntheticCompany {
  /** The id the engine's registry derives from the English name. */
  id: string;
  name: string;
  /** English short name ("Skybridge"). */
  short: string;
  zhHans: string;
  zhHant: string;
  /** Exchange codes: six digits (Shanghai, Shenzhen), four (Hong Kong), letters (Nasdaq). */
  tickers: string[];
  sector: Sector;
  /** Currency the company reports in; Nasdaq-only companies report in US dollars. */
  currency: 'CNY' | 'USD';
}

// First and second halves of a name, each with its Chinese character.
const FIRST: ReadonlyArray<readonly [string, string]> = [
  ['Sky', '天'], ['Star', '星'], ['Bright', '明'], ['Deep', '深'], ['Swift', '迅'], ['Blue', '蓝'],
  ['Peak', '峰'], ['Wise', '睿'], ['Far', '远'], ['Grand', '宏'], ['Ever', '恒'], ['Nova', '新'],
  ['Sea', '海'], ['Light', '光'], ['Dragon', '龙'], ['Jade', '玉'], ['Pine', '松'], ['Rock', '磐'],
  ['River', '江'], ['Spring', '泉'], ['Sun', '阳'], ['Moon', '月'], ['Crane', '鹤'], ['Maple', '枫'],
];
const SECOND: ReadonlyArray<readonly [string, string]> = [
  ['bridge', '桥'], ['wave', '波'], ['core', '芯'], ['mind', '思'], ['link', '联'], ['path', '途'],
  ['gate', '门'], ['stone', '石'], ['way', '道'], ['sight', '视'], ['point', '点'], ['stream', '流'],
  ['forge', '铸'], ['scale', '衡'], ['view', '景'], ['wing', '翼'], ['shield', '盾'], ['ridge', '岭'],
  ['beam', '辉'], ['field', '原'],
];
const KINDS: ReadonlyArray<{ en: string; zh: string; sector: Sector }> = [
  { en: 'Technology', zh: '科技', sector: 'software' },
  { en: 'Cloud', zh: '云', sector: 'cloud' },
  { en: 'Intelligence', zh: '智能', sector: 'ai' },
  { en: 'Data', zh: '数据', sector: 'data' },
  { en: 'Software', zh: '软件', sector: 'software' },
  { en: 'Computing', zh: '计算', sector: 'cloud' },
  { en: 'AI', zh: '智算', sector: 'ai' },
];

/** How many name combinations exist: the most companies one corpus can have. */
export const MAX_COMPANIES = FIRST.length * SECOND.length;

// Letters without vowels, so a ticker never spells a word a question might contain.
const TICKER_LETTERS = 'BCDFGHJKLMNPQRSTVWXZ';

function ticker(rng: Rng, kind: 'sse' | 'szse' | 'hk' | 'us', taken: Set<string>): string {
  for (;;) {
    let t: string;
    if (kind === 'sse') t = `${rng.pick(['688', '603'])}${String(rng.int(1, 999)).padStart(3, '0')}`;
    else if (kind === 'szse') t = `${rng.pick(['300', '002'])}${String(rng.int(1, 999)).padStart(3, '0')}`;
    // Hong Kong codes stay clear of 1900-2199 so a year in a question never reads as one.
    else if (kind === 'hk') t = String(rng.int(6000, 9899));
    else t = Array.from({ length: rng.int(3, 4) }, () => rng.pick([...TICKER_LETTERS])).join('');
    if (!taken.has(t)) {
      taken.add(t);
      return t;
    }
  }
}

/** `n` companies for a seed (at most MAX_COMPANIES). */
export function generateCompanies(seed: number | string, n: number): SyntheticCompany[] {
  if (n > MAX_COMPANIES) throw new Error(`at most ${MAX_COMPANIES} companies can be named`);
  const rng = new Rng(seed, 'companies');
  const pairs = rng.shuffle(FIRST.flatMap((f) => SECOND.map((s) => [f, s] as const)));
  const takenTickers = new Set<string>();
  const out: SyntheticCompany[] = [];
  for (const [first, second] of pairs) {
    if (out.length >= n) break;
    const kind = rng.pick(KINDS);
    const short = `${first[0]}${second[0]}`;
    const name = `${short} ${kind.en}`;
    const zhHans = `${first[1]}${second[1]}${kind.zh}`;
    const zhHant = toTraditional(zhHans);
    // The engine folds Traditional to Simplified; a name that does not fold back is skipped.
    if (fold(zhHant) !== zhHans) continue;
    const listing = rng.weighted({ sse: 4, szse: 3, hk: 2, us: 1, hkus: 1 });
    const tickers =
      listing === 'hkus' ? [ticker(rng, 'us', takenTickers), ticker(rng, 'hk', takenTickers)] : [ticker(rng, listing, takenTickers)];
    out.push({ id: companyId(name), name, short, zhHans, zhHant, tickers, sector: kind.sector, currency: listing === 'us' ? 'USD' : 'CNY' });
  }
  return out;
}

/**
 * The names a document's front matter lists as `aliases`: the short and Chinese names
 * and, as the bundled documents do, a six-digit A-share code. Shorter codes go only
 * into the company list's `tickers`: front matter aliases are matched in document text,
 * where a four-digit code would match inside amounts such as `6453.37万元`.
 */
export function aliasesOf(c: SyntheticCompany): string[] {
  return [c.short, c.zhHans, c.zhHant, ...c.tickers.filter((t) => /^\d{6}$/u.test(t))];
}
