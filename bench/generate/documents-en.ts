import { periodLabel } from '../../src/core/periods.ts';
import { drawStatements, finishFigures, frontMatter, paragraphs, type GeneratedDocument } from './compose.ts';
import { fillerPairs, newsPairs } from './filler.ts';
import type { WriteContext } from './planted.ts';
import { EN_ARTICLE_FORMS } from './templates-en.ts';

/**
 * English documents: news articles about a half year or a year (dated, with a reporting
 * period, relative periods allowed) and company profiles (no date, no period, like the
 * bundled profile, so every period is stated outright).
 */

const SOURCES = ['AI Relativity Theory', 'Cloud Insight Weekly', 'TechFinance Review', 'China Tech Ledger', 'Compute Markets Daily'];

function titleFor(ctx: WriteContext): string {
  const C = ctx.company.name;
  const p = ctx.docPeriod ? periodLabel(ctx.docPeriod) : '';
  return ctx.rng.pick([
    `${C}'s Dilemma: Consecutive Losses, Unable to Break the Stalemate`,
    `${C} ${p} results: what the numbers say`,
    `Can ${C} turn the corner in intelligent computing?`,
    `${C}: growth, losses and the cost of R&D`,
  ]);
}

/** A dated English article with a reporting period. */
export function enArticle(ctx: WriteContext, id: string): GeneratedDocument {
  const statements = drawStatements(ctx, EN_ARTICLE_FORMS, ctx.rng.int(7, 12));
  const filler = [...fillerPairs(ctx.rng, ctx.rng.int(10, 18), ctx.company.name, ctx.company.zhHans), ...newsPairs(ctx.rng, ctx.rng.int(6, 14))].map(([en]) => en);
  const title = titleFor(ctx);
  const [y, m, d] = (ctx.published ?? '2024-01-01').split('-');
  const body = [
    `${m}/${d} ${y} ${ctx.rng.int(100, 999)}`,
    `Article | ${ctx.rng.pick(SOURCES)}`,
    ...paragraphs(ctx.rng, statements.slice(0, Math.ceil(statements.length / 2)), filler.slice(0, filler.length / 2), ' '),
    title,
    ...paragraphs(ctx.rng, statements.slice(Math.ceil(statements.length / 2)), filler.slice(filler.length / 2), ' '),
    'Conclusion',
    `In summary, ${ctx.company.name}'s path is not easy.`,
  ];
  const content = frontMatter({ title, company: ctx.company, published: ctx.published, period: ctx.docPeriod ? periodLabel(ctx.docPeriod) : null, source: ctx.rng.pick(SOURCES), language: 'en' }) + body.join('\n') + '\n';
  return { id, file: `${id}.md`, kind: 'en-article', language: 'en', company: ctx.company.id, content, figures: statements.flatMap((s) => finishFigures(id, s, 'en')) };
}

/** An undated English company profile. */
export function enProfile(ctx: WriteContext, id: string): GeneratedDocument {
  const statements = drawStatements(ctx, EN_ARTICLE_FORMS, ctx.rng.int(4, 7));
  const filler = fillerPairs(ctx.rng, ctx.rng.int(3, 6), ctx.company.name, ctx.company.zhHans).map(([en]) => en);
  const C = ctx.company.name;
  const intro = `[${C}](https://www.example.com/) is a company focused on cloud computing and artificial intelligence applications, dedicated to providing customers with efficient, secure, and intelligent AI solutions.`;
  const body = [`# ${C}`, '', intro, '', ...paragraphs(ctx.rng, statements, filler, ' ').flatMap((p) => [p, ''])];
  const content = frontMatter({ title: C, company: ctx.company, source: `${C} company profile (web article)`, language: 'en' }) + body.join('\n');
  return { id, file: `${id}.md`, kind: 'en-profile', language: 'en', company: ctx.company.id, content, figures: statements.flatMap((s) => finishFigures(id, s, 'en')) };
}
