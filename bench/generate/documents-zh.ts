import { periodLabel } from '../../src/core/periods.ts';
import { drawStatements, finishFigures, frontMatter, paragraphs, type GeneratedDocument } from './compose.ts';
import { fillerPairs, newsPairs } from './filler.ts';
import { addReadings, doublePunctuation } from './noise.ts';
import type { WriteContext } from './planted.ts';
import { toTraditional, type ZhScript } from './script.ts';
import { ZH_ARTICLE_FORMS } from './templates-zh.ts';

/**
 * Chinese articles in Simplified or Traditional script. Traditional ones are written
 * like the bundled republished article: ASCII commas, a breadcrumb header, image
 * placeholders, and in some of them pinyin readings and doubled punctuation.
 */

const SOURCES_HANS = ['智能财经', '云计算观察', '芯智讯', '科创板日报'];
const SOURCES_HANT = ['芯智訊, republished by 電子技術應用', '科技財經網', '雲端產業觀察'];

// Traditional text as the bundled article prints it: ASCII commas, colons and parentheses.
function hant(text: string): string {
  return toTraditional(text).replace(/，/gu, ',').replace(/：/gu, ':').replace(/（/gu, '(').replace(/）/gu, ')');
}

/** A Chinese article; `noisy` adds the scraping noise (Traditional only). */
export function zhArticle(ctx: WriteContext, id: string, script: ZhScript, noisy: boolean): GeneratedDocument {
  const convert = script === 'zh-Hant' ? hant : (s: string) => s;
  const statements = drawStatements(ctx, ZH_ARTICLE_FORMS, ctx.rng.int(6, 11));
  const Cz = ctx.company.zhHans;
  const filler = [...fillerPairs(ctx.rng, ctx.rng.int(8, 16), ctx.company.name, Cz), ...newsPairs(ctx.rng, ctx.rng.int(6, 12))].map(([, zh]) => zh);
  const year = ctx.docPeriod?.year ?? 2024;
  const title = convert(ctx.rng.pick([`${Cz}${year}年业绩：营收承压 亏损待解`, `${Cz}裁员求生`, `${Cz}的困境与突围`, `解读${Cz}${year}年财报`]));
  const texts = statements.map((s) => convert(s.text));
  const body = paragraphs(ctx.rng, texts, filler.map(convert), '');
  const lines: string[] = [];
  if (script === 'zh-Hant') {
    lines.push('《電子技術應用》', `您所在的位置:首頁 > 人工智能 > 業界動態 > ${title}`, '', title, '', ctx.published ?? '', `來源:${ctx.rng.pick(SOURCES_HANT)}`, `關鍵詞: ${convert(Cz)} AI 財報`, '');
  } else {
    lines.push(title, '', `${ctx.published ?? ''} 来源：${ctx.rng.pick(SOURCES_HANS)}`, '');
  }
  body.forEach((p, i) => {
    lines.push(noisy ? addReadings(ctx.rng, doublePunctuation(ctx.rng, p)) : p, '');
    if (script === 'zh-Hant' && i % 3 === 1) lines.push(`${i + 1}.png`, '');
  });
  if (script === 'zh-Hant') lines.push('本站內容除特別聲明的原創文章之外,轉載內容只為傳遞更多信息,並不代表本網站贊同其觀點。');
  const source = script === 'zh-Hant' ? ctx.rng.pick(SOURCES_HANT) : ctx.rng.pick(SOURCES_HANS);
  const content =
    frontMatter({ title, company: ctx.company, published: ctx.published, period: ctx.docPeriod ? periodLabel(ctx.docPeriod) : null, source, language: script }) + lines.join('\n') + '\n';
  return {
    id,
    file: `${id}.md`,
    kind: 'zh-article',
    language: script,
    company: ctx.company.id,
    content,
    figures: statements.flatMap((s) => finishFigures(id, s, 'zh', convert)),
  };
}
