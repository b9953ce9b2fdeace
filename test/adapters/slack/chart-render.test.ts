import { describe, expect, it } from 'vitest';
import type { Answer, Chart, Figure } from '../../../src/core/answer.ts';
import { makeAnswer } from '../../../src/core/answers/make.ts';
import { chartImageBlock, IMAGE_BLOCK_LIMITS } from '../../../src/adapters/slack/chart-block.ts';
import { renderAnswer, SLACK_LIMITS } from '../../../src/adapters/slack/render.ts';
import { slackBlockProblems } from '../../fakes/fake-slack.ts';

/** The chart's image block in a rendered answer: where it goes, its texts, and the 50-block limit. Invented figures. */

function figure(i: number): Figure {
  const quote = `Revenue was RMB ${100 + i} million in ${2000 + i}.`;
  return {
    company: 'acme',
    companyName: 'Acme Cloud',
    metric: 'revenue',
    metricLabel: 'Revenue',
    period: `FY${2000 + i}`,
    value: (100 + i) * 1_000_000,
    unit: 'CNY',
    display: `RMB ${100 + i} million`,
    qualifiers: [],
    source: { document: `doc-${i}`, title: 'Annual report', published: '2025-04-30', quote, start: 0, end: quote.length },
    corroborating: [],
    alternatives: [],
  };
}

const chart: Chart = {
  path: '/tmp/chart-0000.png',
  width: 1600,
  height: 900,
  title: 'Revenue, RMB million',
  series: [{ company: 'acme', label: 'Acme Cloud', points: [{ period: 'FY2001', value: 101, computed: false }] }],
  note: 'FY2003 is computed from other figures.',
};

function seriesAnswer(count: number): Answer {
  return makeAnswer({ query: 'acme revenue', command: 'metric', status: 'answered', message: 'Acme Cloud revenue', figures: Array.from({ length: count }, (_, i) => figure(i + 1)), chart });
}

describe('the chart image block', () => {
  it('names the uploaded file, with the title and an alt text of title, companies and note', () => {
    const block = chartImageBlock(chart, 'F0123456789');
    expect(block).toMatchObject({ type: 'image', slack_file: { id: 'F0123456789' }, title: { type: 'plain_text', text: 'Revenue, RMB million' } });
    expect(block.alt_text).toContain('Revenue, RMB million');
    expect(block.alt_text).toContain('Acme Cloud');
    expect(block.alt_text).toContain('FY2003 is computed from other figures.');
    expect(slackBlockProblems([block])).toEqual([]);
  });

  it('keeps the alt text within 2,000 characters however long the note', () => {
    const block = chartImageBlock({ ...chart, note: 'x '.repeat(3_000) }, 'F0123456789');
    expect(block.alt_text.length).toBeLessThanOrEqual(IMAGE_BLOCK_LIMITS.altText);
    expect(slackBlockProblems([block])).toEqual([]);
  });

  it('goes right after the header of a figure answer, and after the "shared by" line when shared', () => {
    const image = chartImageBlock(chart, 'F0123456789');
    const own = renderAnswer(seriesAnswer(4), { chartImage: image, postToChannel: 'v' }).blocks;
    expect(own[0]!.type).toBe('header');
    expect(own[1]).toEqual(image);
    const shared = renderAnswer(seriesAnswer(4), { chartImage: image, sharedBy: { userId: 'U1', query: '/metric acme revenue' } }).blocks;
    expect(shared.map((b) => b.type).slice(0, 3)).toEqual(['context', 'header', 'image']);
  });

  it('survives the 50-block limit: a long series keeps its image and its buttons', () => {
    const image = chartImageBlock(chart, 'F0123456789');
    const message = renderAnswer(seriesAnswer(70), { chartImage: image, postToChannel: 'v', moreSources: 'v' });
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(message.blocks.filter((b) => b.type === 'image')).toEqual([image]);
    expect(message.blocks.at(-1)!.type).toBe('actions');
    expect(JSON.stringify(message.blocks)).toContain('not shown');
    expect(slackBlockProblems(message.blocks)).toEqual([]);
  });

  it('is absent when there is no uploaded file', () => {
    const message = renderAnswer(seriesAnswer(4), { postToChannel: 'v' });
    expect(message.blocks.some((b) => b.type === 'image')).toBe(false);
  });
});
