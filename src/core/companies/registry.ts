import { fold } from '../text/fold.ts';
import { distance } from 'fastest-levenshtein';

/** A company the bot knows, with every name it goes by. */
export interface Company {
  /** Stable id derived from the English name, e.g. `cloudwalk-technology`. */
  id: string;
  name: string;
  /** Other names: short English names, Simplified and Traditional Chinese. */
  aliases: string[];
  /** Ticker symbols; matched in questions only, never in document text. */
  tickers: string[];
  /** Fiscal year end, MM-DD, when not 31 December: "the year ended March 31, 2025" is its FY2025. */
  yearEnd?: string;
}

/** A company name found in a text. */
export interface CompanyMention {
  company: Company;
  /** Offsets in the folded text searched (same as source offsets for cleaned text). */
  start: number;
  end: number;
}

/** Slug used as a company id. */
export function companyId(name: string): string {
  const slug = fold(name)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return slug || 'unknown';
}

const LATIN = /[a-z0-9]/u;
const WORD = /[\p{L}\p{N}]/u;

interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: AliasEntry;
}

interface AliasEntry {
  folded: string;
  company: Company;
  ticker: boolean;
}

/**
 * Companies and their names in both scripts. Resolution folds case, width and script,
 * prefers the longest name ("Alibaba Cloud" over "Alibaba") and needs word boundaries
 * around Latin names so "Meta" does not match "metadata".
 */
export class CompanyRegistry {
  private readonly byId = new Map<string, Company>();
  private aliases: AliasEntry[] = [];
  private exact = new Map<string, AliasEntry>();
  /** Question-only short forms ("horizon"), each owned by one company; rebuilt with the index. */
  private shorts = new Map<string, Company>();
  /** The Chinese short forms as one pattern: Chinese has no spaces to find words by. */
  private cjkShorts: RegExp | null = null;
  private trie: TrieNode = { next: new Map() };
  private dirty = false;
  /**
   * Exact names kept up to date on every add, so `add` and `findExact` never rebuild the
   * name index (restoring a snapshot adds every company once: a rebuild per company made
   * that quadratic). Among companies sharing a name, the one added first owns it, as in
   * the rebuilt index.
   */
  private readonly owners = new Map<string, Company>();
  private readonly order = new Map<Company, number>();

  /** Add a company, or merge names into the one that already has one of them. */
  add(name: string, aliases: readonly string[] = [], tickers: readonly string[] = []): Company {
    const names = [name, ...aliases].map((n) => n.trim()).filter(Boolean);
    let existing: Company | undefined = this.byId.get(companyId(name));
    for (const n of names) {
      if (existing) break;
      existing = this.findExact(n);
    }
    const company: Company = existing ?? { id: companyId(name), name: name.trim(), aliases: [], tickers: [] };
    // Re-adding known names (every document of a company names it again) changes nothing: the
    // name index is rebuilt only when a name is new, so loading many documents stays linear.
    let changed = !existing;
    for (const n of names) {
      if (n !== company.name && !company.aliases.includes(n)) {
        company.aliases.push(n);
        changed = true;
      }
    }
    for (const t of tickers) {
      if (t && !company.tickers.includes(String(t))) {
        company.tickers.push(String(t));
        changed = true;
      }
    }
    this.byId.set(company.id, company);
    if (changed) {
      this.dirty = true;
      if (!this.order.has(company)) this.order.set(company, this.order.size);
      for (const n of [company.name, ...company.aliases, ...company.tickers]) this.own(fold(n), company);
    }
    return company;
  }

  private own(folded: string, company: Company): void {
    if (!folded) return;
    const holder = this.owners.get(folded);
    if (!holder || this.order.get(company)! < this.order.get(holder)!) this.owners.set(folded, company);
  }

  /**
   * Short forms people type in questions ("Zeta" for Zeta Robotics, "Blue Lotus" for
   * Blue Lotus Technologies), each owned by one company only; never used on documents.
   */
  shortFormMentions(folded: string): CompanyMention[] {
    this.ensureBuilt();
    const found: CompanyMention[] = [];
    const words = [...folded.matchAll(/(?<![a-z0-9])[a-z][a-z0-9.&-]*/gu)].map((m) => ({ text: m[0], start: m.index ?? 0 }));
    for (let i = 0; i < words.length; i += 1) {
      const word = words[i]!;
      const next = words[i + 1];
      // Two words first ("blue lotus"), then the first word alone ("zeta").
      const pair = next && /^\s+$/u.test(folded.slice(word.start + word.text.length, next.start)) ? `${word.text} ${next.text}` : null;
      if (pair && this.shorts.has(pair)) {
        found.push({ company: this.shorts.get(pair)!, start: word.start, end: next!.start + next!.text.length });
        i += 1;
      } else if (this.shorts.has(word.text)) {
        found.push({ company: this.shorts.get(word.text)!, start: word.start, end: word.start + word.text.length });
      }
    }
    if (this.cjkShorts) for (const m of folded.matchAll(this.cjkShorts)) found.push({ company: this.shorts.get(m[0])!, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
    return found.sort((a, b) => a.start - b.start);
  }

  get(id: string): Company | undefined {
    return this.byId.get(id);
  }

  all(): Company[] {
    return [...this.byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The company whose name or alias equals the text (folded). */
  findExact(text: string): Company | undefined {
    return this.owners.get(fold(text).trim());
  }

  /**
   * All company names in a folded text, longest name first at each position, without
   * overlaps. Offsets are into the folded text given.
   */
  mentionsInFolded(folded: string, options: { tickers?: boolean } = {}): CompanyMention[] {
    this.ensureBuilt();
    const found: CompanyMention[] = [];
    let i = 0;
    while (i < folded.length) {
      const hit = this.longestAt(folded, i, options.tickers === true);
      if (hit) {
        found.push({ company: hit.company, start: i, end: i + hit.length });
        i += hit.length;
      } else {
        i += 1;
      }
    }
    return found;
  }

  /** All company names in a text (folded first). */
  mentions(text: string, options: { tickers?: boolean } = {}): CompanyMention[] {
    return this.mentionsInFolded(fold(text), options);
  }

  private longestAt(folded: string, at: number, tickers: boolean): { company: Company; length: number } | null {
    let node = this.trie;
    let best: { company: Company; length: number } | null = null;
    for (let j = at; j < folded.length; j += 1) {
      const next = node.next.get(folded[j]!);
      if (!next) break;
      node = next;
      const entry = node.entry;
      if (!entry || (entry.ticker && !tickers)) continue;
      const end = j + 1;
      const f = entry.folded;
      // A Latin name ends where the Latin word ends; Chinese may touch a name of four letters
      // or more ("母公司Zeta"), never a short one ("API接口" is not a ticker).
      const edge = f.length >= 4 ? LATIN : WORD;
      if (LATIN.test(f[0]!) && at > 0 && edge.test(folded[at - 1]!)) continue;
      if (LATIN.test(f.at(-1)!) && end < folded.length && edge.test(folded[end]!)) continue;
      best = { company: entry.company, length: end - at };
    }
    return best;
  }

  /** Names close to a misspelt one, for "did you mean". */
  nearest(text: string, limit = 3): Company[] {
    this.ensureBuilt();
    const f = fold(text).trim();
    if (!f) return [];
    const scored: Array<{ company: Company; distance: number }> = [];
    for (const entry of this.aliases) {
      if (entry.ticker) continue;
      const target = entry.folded;
      const budget = Math.max(1, Math.floor(Math.max(f.length, target.length) / 3));
      const prefix = target.startsWith(f) && f.length >= 3;
      // Names whose lengths differ by more than the budget cannot be within it.
      if (!prefix && Math.abs(f.length - target.length) > budget) continue;
      const d = prefix ? 1 : distance(f, target);
      if (d <= budget) scored.push({ company: entry.company, distance: d });
    }
    scored.sort((a, b) => a.distance - b.distance);
    const out: Company[] = [];
    for (const s of scored) if (!out.includes(s.company)) out.push(s.company);
    return out.slice(0, limit);
  }


  private ensureBuilt(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const entries: AliasEntry[] = [];
    for (const company of this.byId.values()) {
      for (const n of [company.name, ...company.aliases]) entries.push({ folded: fold(n), company, ticker: false });
      for (const t of company.tickers) entries.push({ folded: fold(t), company, ticker: true });
    }
    this.aliases = entries.filter((e) => e.folded.length > 0).sort((a, b) => b.folded.length - a.folded.length);
    this.exact = new Map();
    for (const e of this.aliases) if (!this.exact.has(e.folded)) this.exact.set(e.folded, e);
    const owners = new Map<string, Company | null>();
    for (const company of this.byId.values()) {
      for (const short of [...shortForms(company.name), ...company.aliases.flatMap(chineseShortForms)]) {
        if (this.exact.has(short)) continue;
        owners.set(short, owners.has(short) && owners.get(short) !== company ? null : company);
      }
    }
    this.shorts = new Map([...owners].filter((e): e is [string, Company] => e[1] !== null));
    const cjk = [...this.shorts.keys()].filter((k) => /^[\u4e00-\u9fff]+$/u.test(k)).sort((a, b) => b.length - a.length);
    this.cjkShorts = cjk.length ? new RegExp(cjk.join('|'), 'gu') : null;
    const root: TrieNode = { next: new Map() };
    for (const entry of this.aliases) {
      let node = root;
      for (let k = 0; k < entry.folded.length; k += 1) {
        const ch = entry.folded[k]!;
        let next = node.next.get(ch);
        if (!next) node.next.set(ch, (next = { next: new Map() }));
        node = next;
      }
      // Names win over tickers spelled the same; among names the first added wins.
      if (!node.entry || (node.entry.ticker && !entry.ticker)) node.entry = entry;
    }
    this.trie = root;
  }
}

// Words too common to stand for a company on their own.
const GENERIC_WORDS = new Set(['china', 'chinese', 'cloud', 'group', 'technology', 'technologies', 'tech', 'holdings', 'holding', 'smart', 'data', 'digital', 'global', 'international', 'the', 'new', 'ai', 'inc', 'ltd', 'limited', 'company', 'corp', 'corporation', 'networks', 'network', 'software', 'systems', 'robotics', 'intelligence', 'intelligent', 'black', 'white', 'red', 'blue', 'green', 'golden', 'great', 'first', 'united', 'national', 'telecom', 'mobile', 'bank']);

// What a Chinese company name ends with and people leave out: "泽塔智能" is called "泽塔".
const CHINESE_SUFFIX = /(?:智能|科技|集团|控股|股份|网络|信息|技术|软件|有限公司|公司)$/u;

/** "泽塔智能" -> "泽塔", "欧米科技" -> "欧米": a name of four or more characters less its generic ending. */
function chineseShortForms(name: string): string[] {
  const f = fold(name).trim();
  if (!/^[\u4e00-\u9fff]{4,}$/u.test(f) || !CHINESE_SUFFIX.test(f)) return [];
  const short = f.replace(CHINESE_SUFFIX, '');
  return short.length >= 2 ? [short] : [];
}

/** "Zeta Robotics" -> "zeta"; "Blue Lotus Technologies" -> "blue lotus". */
function shortForms(name: string): string[] {
  const words = fold(name).split(/\s+/u).filter(Boolean);
  if (words.length < 2 || !words.every((w) => /^[a-z][a-z0-9.&-]*$/u.test(w))) return [];
  const out: string[] = [];
  if (words[0]!.length >= 4 && !GENERIC_WORDS.has(words[0]!)) out.push(words[0]!);
  if (words.length >= 3 && !GENERIC_WORDS.has(words[1]!)) out.push(`${words[0]} ${words[1]}`);
  return out;
}
