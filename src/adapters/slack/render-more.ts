import type { types } from '@slack/bolt';
import type { Answer } from '../../core/answer.ts';
import { escapeMrkdwn } from './markup.ts';
import { context, fitMessage, header, section, type SlackMessage } from './render-limits.ts';
import { metricName, quoteText, valueLine } from './render-sources.ts';

/**
 * "More sources": for each figure, every statement behind it: the source, the other
 * documents that agree, the statement a computed change was measured against, and any
 * that disagree.
 */
export function renderMoreSources(answer: Answer): SlackMessage {
  const blocks: types.KnownBlock[] = [header('More sources')];
  for (const f of answer.figures) {
    blocks.push(section(`*${escapeMrkdwn(f.companyName)}* · ${escapeMrkdwn(metricName(f))} · ${escapeMrkdwn(f.period)}: ${valueLine(f)}\n${quoteText(f.source)}`));
    for (const c of f.corroborating) blocks.push(section(`_Also stated in:_\n${quoteText(c)}`));
    if (f.change?.against) {
      blocks.push(section(`_Change measured against ${escapeMrkdwn(f.change.against.period)}:_\n${quoteText(f.change.against.source)}`));
    }
    for (const a of f.alternatives) blocks.push(section(`:warning: _A different value, *${escapeMrkdwn(a.display)}*, is stated in:_\n${quoteText(a.source)}`));
  }
  if (blocks.length === 1) blocks.push(context(['No further sources for this answer.']));
  const text = `More sources for: ${escapeMrkdwn(answer.query || answer.command)}`;
  return fitMessage({ text, blocks });
}
