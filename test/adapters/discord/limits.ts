import type { APIEmbed } from 'discord.js';
import { makeAnswer } from '../../../src/core/answers/make.ts';
import type { Answer, Figure, Source } from '../../../src/core/answer.ts';

/**
 * Discord's limits, written out independently of the adapter's own constants, and
 * synthetic answers (made-up companies and numbers, not corpus figures).
 */

/** Every way a message body breaks Discord's limits. */
export function limitProblems(body: { content?: string | null; embeds?: APIEmbed[] }): string[] {
  const problems: string[] = [];
  const embeds = body.embeds ?? [];
  if ((body.content ?? '').length > 2000) problems.push(`content ${body.content!.length} > 2000`);
  if (embeds.length > 10) problems.push(`${embeds.length} embeds > 10`);
  if (!embeds.length && !body.content) problems.push('empty message');
  let total = 0;
  for (const [i, e] of embeds.entries()) {
    const at = `embed ${i}`;
    if ((e.title ?? '').length > 256) problems.push(`${at} title ${e.title!.length}`);
    if ((e.description ?? '').length > 4096) problems.push(`${at} description ${e.description!.length}`);
    if ((e.footer?.text ?? '').length > 2048) problems.push(`${at} footer`);
    if ((e.fields ?? []).length > 25) problems.push(`${at} has ${e.fields!.length} fields`);
    for (const f of e.fields ?? []) {
      if (!f.name.length || f.name.length > 256) problems.push(`${at} field name ${f.name.length}`);
      if (!f.value.length || f.value.length > 1024) problems.push(`${at} field value ${f.value.length}`);
    }
    if (e.description === '') problems.push(`${at} empty description`);
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length + (e.author?.name ?? '').length;
    for (const f of e.fields ?? []) total += f.name.length + f.value.length;
  }
  if (total > 6000) problems.push(`embeds total ${total} > 6000`);
  return problems;
}

/** A source of a made-up document. */
export function source(quote: string, n = 1): Source {
  return { document: `example-doc-${n}`, title: `Example Report ${n}`, published: `2030-0${(n % 9) + 1}-15`, quote, start: 0, end: quote.length };
}

/** A made-up figure. */
export function figure(period: string, display: string, quote: string, extra: Partial<Figure> = {}): Figure {
  return {
    company: 'example-co',
    companyName: 'Example Co',
    metric: 'revenue',
    metricLabel: 'Revenue',
    period,
    value: 1,
    unit: 'USD',
    display,
    qualifiers: [],
    source: source(quote),
    corroborating: [],
    alternatives: [],
    ...extra,
  };
}

/** A made-up answer with the defaults filled. */
export function answer(fields: Partial<Answer> & Pick<Answer, 'status' | 'message'>): Answer {
  return makeAnswer({ query: 'q', command: 'metric', ...fields });
}
