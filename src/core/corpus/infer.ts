import { fold } from '../text/fold.ts';
import type { CompanyRegistry } from '../companies/registry.ts';

/**
 * Inference of the fields a document without front matter does not give. Each guess
 * is recorded in `CorpusDocument.inferred` so `/sources` can say it was a guess.
 */

/** First meaningful line, without markdown heading marks. */
export function inferTitle(text: string, fallback: string): string {
  for (const line of text.split('\n')) {
    const t = line.replace(/^#+\s*/u, '').trim();
    if (t.length >= 4 && /[\p{L}]/u.test(t)) return t.length > 160 ? `${t.slice(0, 157)}...` : t;
  }
  return fallback;
}

/** en, zh-Hans or zh-Hant by the share of Han characters and whether folding changes them. */
export function inferLanguage(text: string): string {
  const sample = text.slice(0, 20_000);
  const han = sample.match(/[\u3400-\u9fff]/gu) ?? [];
  const latin = sample.match(/[A-Za-z]/gu) ?? [];
  if (han.length === 0 || han.length < latin.length / 8) return 'en';
  const traditional = han.filter((ch) => fold(ch) !== ch).length;
  const script = traditional > han.length * 0.04 ? 'zh-Hant' : 'zh-Hans';
  return latin.length > han.length ? `en, ${script}` : script;
}

/** A publication date shown near the top of the text, as YYYY-MM-DD. */
export function inferPublished(text: string): string | null {
  const head = text.slice(0, 600);
  const pad = (n: string) => n.padStart(2, '0');
  let m = head.match(/(?<!\d)(20\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/u);
  if (m) return valid(m[1]!, pad(m[2]!), pad(m[3]!));
  m = head.match(/(20\d{2})年(\d{1,2})月(\d{1,2})日/u);
  if (m) return valid(m[1]!, pad(m[2]!), pad(m[3]!));
  // "03/15 2030" as some article pages print it (month/day year).
  m = head.match(/^(\d{1,2})\/(\d{1,2})\s+(20\d{2})\b/mu);
  if (m) return valid(m[3]!, pad(m[1]!), pad(m[2]!));
  return null;
}

function valid(y: string, m: string, d: string): string | null {
  const iso = `${y}-${m}-${d}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

const EN_COMPANY = /\b([A-Z][\w&]+(?:\s[A-Z][\w&]+){0,2})\s(Technology|Technologies|Cloud|Inc\.?|Group|Holdings|Ltd\.?|Corporation|Corp\.?)\b/gu;
const ZH_COMPANY = /([\u4e00-\u9fff]{2,4}(?:科技|集团|集團|控股|公司))/gu;

/**
 * The company a document is mostly about: the registered company named most often,
 * else the most frequent company-like name ("Foo Technology", "某某科技").
 */
export function inferCompany(text: string, registry: CompanyRegistry): { name: string; known: boolean } | null {
  const counts = new Map<string, number>();
  for (const m of registry.mentions(text)) counts.set(m.company.id, (counts.get(m.company.id) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [id, n] of counts) if (n > bestCount) [best, bestCount] = [id, n];
  if (best) return { name: registry.get(best)!.name, known: true };
  const candidates = new Map<string, number>();
  for (const m of text.matchAll(EN_COMPANY)) {
    const name = `${m[1]} ${m[2]}`.replace(/\.$/u, '');
    candidates.set(name, (candidates.get(name) ?? 0) + 1);
  }
  for (const m of text.matchAll(ZH_COMPANY)) candidates.set(m[1]!, (candidates.get(m[1]!) ?? 0) + 1);
  let name: string | null = null;
  let n = 0;
  for (const [c, k] of candidates) if (k > n) [name, n] = [c, k];
  return name && n >= 2 ? { name, known: false } : null;
}
