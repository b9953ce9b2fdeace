import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer, Figure, Passage } from '../../../src/core/answer.ts';
import { makeAnswer } from '../../../src/core/answers/make.ts';
import { ACTION_MORE_SOURCES, ACTION_POST_TO_CHANNEL, renderAnswer, SLACK_LIMITS } from '../../../src/adapters/slack/render.ts';
import { renderMoreSources } from '../../../src/adapters/slack/render-more.ts';
import { splitText, truncate } from '../../../src/adapters/slack/render-limits.ts';
import { slackBlockProblems } from '../../fakes/fake-slack.ts';
import { blockTexts } from './harness.ts';

/** Block Kit structure of rendered answers, without snapshots: order, limits, escaping. */

function source(quote: string, title = 'Annual report', published: string | null = '2025-04-30') {
  return { document: 'doc-1', title, published, quote, start: 0, end: quote.length };
}

function figure(overrides: Partial<Figure> = {}): Figure {
  return {
    company: 'acme',
    companyName: 'Acme Cloud',
    metric: 'revenue',
    metricLabel: 'Revenue',
    period: 'FY2024',
    value: 123_000_000,
    unit: 'CNY',
    display: 'RMB 123 million',
    qualifiers: [],
    source: source('Revenue was RMB 123 million in 2024.'),
    corroborating: [],
    alternatives: [],
    ...overrides,
  };
}

function answerWith(fields: Partial<Answer>): Answer {
  return makeAnswer({ query: 'acme revenue 2024', command: 'metric', status: 'answered', message: 'Acme Cloud revenue FY2024: RMB 123 million', ...fields });
}

const texts = (blocks: any[]) => blockTexts(blocks);
const buttons = (blocks: any[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements);

describe('a single figure', () => {
  const f = figure({
    change: { value: 12.5, unit: '%', basis: 'yoy', display: 'up 12.5% year on year', computed: false },
    qualifiers: ['adjusted', 'non-GAAP'],
  });
  const message = renderAnswer(answerWith({ figures: [f] }), { postToChannel: 'v1', moreSources: 'v1' });

  it('comes first: a header naming company, metric, period and value, then the value with its change', () => {
    const [first, second] = message.blocks as any[];
    expect(first.type).toBe('header');
    expect(first.text.text).toContain('Acme Cloud');
    expect(first.text.text).toContain('Revenue');
    expect(first.text.text).toContain('FY2024');
    expect(first.text.text).toContain('RMB 123 million');
    expect(second.text.text).toContain('*RMB 123 million*');
    expect(second.text.text).toContain('up 12.5% year on year');
  });

  it('quotes the source as a block quote with title and date, and lists qualifiers in a context line', () => {
    const quote = (message.blocks as any[]).find((b) => b.type === 'section' && b.text.text.startsWith('>'));
    expect(quote.text.text).toContain('>Revenue was RMB 123 million in 2024.');
    expect(quote.text.text).toContain('_Annual report_, 2025-04-30');
    const ctx = (message.blocks as any[]).find((b) => b.type === 'context');
    expect(ctx.elements[0].text).toContain('adjusted · non-GAAP');
  });

  it('offers Post to channel, and More sources only when there is more to show', () => {
    expect(buttons(message.blocks).map((b: any) => b.action_id)).toEqual([ACTION_POST_TO_CHANNEL]);
    const withMore = renderAnswer(answerWith({ figures: [figure({ corroborating: [source('Also RMB 123 million.', 'Press release')] })] }), { postToChannel: 'v', moreSources: 'v' });
    expect(buttons(withMore.blocks).map((b: any) => b.action_id)).toEqual([ACTION_POST_TO_CHANNEL, ACTION_MORE_SOURCES]);
    expect(texts(withMore.blocks)).toContain('also stated in 1 other source');
  });

  it('warns when another source states a different value', () => {
    const m = renderAnswer(answerWith({ figures: [figure({ alternatives: [{ value: 125_000_000, display: 'RMB 125 million', source: source('RMB 125 million', 'Wire story') }] })] }));
    expect(texts(m.blocks)).toMatch(/Another source states \*RMB 125 million\* \(Wire story/u);
  });

  it('has a fallback text for notifications', () => {
    expect(message.text).toContain('RMB 123 million');
  });
});

describe('limits', () => {
  it('shortens a very long quote inside the section limit and says so', () => {
    const long = `Revenue ${'grew strongly across every segment and region '.repeat(200)}`;
    const m = renderAnswer(answerWith({ figures: [figure({ source: source(long) })] }));
    expect(slackBlockProblems(m.blocks)).toEqual([]);
    const quote = (m.blocks as any[]).find((b) => b.type === 'section' && b.text.text.startsWith('>'));
    expect(quote.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(quote.text.text).toContain('quote shortened');
    expect(quote.text.text).toContain('_Annual report_');
  });

  it('keeps a many-figure answer within 50 blocks, buttons last, and notes what was left out', () => {
    const figures = Array.from({ length: 120 }, (_, i) => figure({ period: `FY${1900 + i}`, display: `RMB ${i} million`, source: source(`Revenue was RMB ${i} million. ${'Detail. '.repeat(50)}`) }));
    const m = renderAnswer(answerWith({ figures, data: { layout: 'series' } }), { postToChannel: 'v', moreSources: 'v' });
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(slackBlockProblems(m.blocks)).toEqual([]);
    expect(m.blocks.at(-1)!.type).toBe('actions');
    expect(texts(m.blocks)).toMatch(/more parts? of this answer not shown/u);
    expect(texts(m.blocks)).toContain('RMB 0 million');
  });

  it('splits a long list into several sections rather than one over-long block', () => {
    const documents = Array.from({ length: 400 }, (_, i) => ({
      document: `d${i}`,
      title: `Quarterly report number ${i} with a fairly long descriptive title`,
      company: 'acme',
      companyName: 'Acme Cloud',
      published: '2024-01-01',
      period: 'Q4 2023',
      language: 'en',
      source: null,
      facts: i,
    }));
    const m = renderAnswer(answerWith({ command: 'sources', message: '400 documents:', documents }));
    expect(slackBlockProblems(m.blocks)).toEqual([]);
    expect(m.blocks.filter((b) => b.type === 'section').length).toBeGreaterThan(2);
    expect(m.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
  });

  it('trims a header over 150 characters and repeats the label in the section', () => {
    const m = renderAnswer(answerWith({ figures: [figure({ companyName: 'A'.repeat(200) })] }));
    const head = m.blocks[0] as any;
    expect(head.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    expect((m.blocks[1] as any).text.text).toContain('FY2024');
  });

  it('never cuts inside an entity when truncating or splitting escaped text', () => {
    expect(truncate('ab&amp;cd', 5, '…')).toBe('ab…');
    const parts = splitText(`${'x'.repeat(2998)}&amp;tail`, 3000);
    expect(parts[0]!.endsWith('&')).toBe(false);
    expect(parts.join('')).toBe(`${'x'.repeat(2998)}&amp;tail`);
  });

  it('holds for any answer: property test over random figures, passages and messages', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '億', '<', '>', '&', '*', '\n', ' ', '9'), maxLength: 5000 });
    const arbFigure = fc.record({ companyName: text, display: text, quote: text, title: text, qualifiers: fc.array(text, { maxLength: 5 }) }).map((r) =>
      figure({ companyName: r.companyName, display: r.display || 'x', qualifiers: r.qualifiers, source: source(r.quote, r.title) }),
    );
    const arbPassage = fc.record({ quote: text, title: text }).map((r): Passage => ({ ...source(r.quote, r.title), score: 1 }));
    fc.assert(
      fc.property(fc.array(arbFigure, { maxLength: 70 }), fc.array(arbPassage, { maxLength: 70 }), text, fc.array(text, { maxLength: 12 }), (figures, passages, message, known) => {
        const answer = answerWith({ figures, passages, message, known, suggestions: known });
        for (const m of [renderAnswer(answer, { postToChannel: 'v', moreSources: 'v' }), renderMoreSources(answer)]) {
          expect(slackBlockProblems(m.blocks)).toEqual([]);
          expect(m.text.length).toBeGreaterThan(0);
          expect(m.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('escaping', () => {
  it('escapes &, < and > from documents and users so they cannot form links or mentions', () => {
    const hostile = '<!channel> R&D <https://evil.example|click> <@U999>';
    const m = renderAnswer(answerWith({ figures: [figure({ source: source(hostile, 'Q&A <draft>') })] }), { sharedBy: { userId: 'U1', query: '/ask <!here> & more' } });
    const all = texts(m.blocks) + m.text;
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<https://evil');
    expect(all).not.toContain('<!here>');
    expect(all).toContain('&lt;!channel&gt; R&amp;D &lt;https://evil.example|click&gt; &lt;@U999&gt;');
    expect(all).toContain('Q&amp;A &lt;draft&gt;');
    expect(all).toContain('&lt;!here&gt; &amp; more');
    // Our own attribution is a real mention.
    expect(all).toContain('<@U1> shared');
  });
});

describe('answers without figures', () => {
  it('not_found shows what is known and the suggestions', () => {
    const m = renderAnswer(
      makeAnswer({
        query: 'acme revenue 2030',
        command: 'metric',
        status: 'not_found',
        message: 'Not found: the corpus does not state Acme Cloud revenue for FY2030.',
        known: ['Acme Cloud revenue is stated for: FY2023, FY2024.'],
        suggestions: ['/metric acme revenue FY2024'],
      }),
      { postToChannel: 'v' },
    );
    const shown = texts(m.blocks);
    expect(shown).toContain('does not state Acme Cloud revenue for FY2030');
    expect(shown).toContain('stated for: FY2023, FY2024');
    expect(shown).toContain('`/metric acme revenue FY2024`');
    // Nothing worth sharing: no Post to channel button.
    expect(buttons(m.blocks)).toEqual([]);
  });

  it('an error shows the apology with its reference id', () => {
    const m = renderAnswer(makeAnswer({ query: 'x', command: 'ask', status: 'error', message: 'Sorry, something went wrong while answering. If it happens again, give this reference to the team: ab12cd34.', errorId: 'ab12cd34' }));
    expect(texts(m.blocks)).toContain('ab12cd34');
    expect(m.text).toContain('ab12cd34');
  });

  it('passages are numbered block quotes with title and date', () => {
    const passages: Passage[] = [{ ...source('First passage.', 'Report A', '2024-01-02'), score: 2 }, { ...source('Second passage.', 'Report B', null), score: 1 }];
    const m = renderAnswer(makeAnswer({ query: 'q', command: 'ask', status: 'answered', message: 'From the documents:\n1. ...', passages }));
    const shown = texts(m.blocks);
    expect(shown).toContain('>First passage.\n— _Report A_, 2024-01-02');
    expect(shown).toContain('>Second passage.\n— _Report B_, undated');
  });
});

describe('More sources', () => {
  it('lists every statement behind each figure: source, agreeing, change basis and disagreeing', () => {
    const f = figure({
      corroborating: [source('Also 123.', 'Press release')],
      alternatives: [{ value: 1, display: 'RMB 125 million', source: source('It was 125.', 'Wire') }],
      change: {
        value: 5,
        unit: '%',
        basis: 'yoy',
        display: 'up 5% year on year',
        computed: true,
        against: { period: 'FY2023', value: 117, source: source('Revenue was RMB 117 million in 2023.', 'Old report') },
      },
    });
    const m = renderMoreSources(answerWith({ figures: [f] }));
    const shown = texts(m.blocks);
    for (const q of ['Revenue was RMB 123 million in 2024.', 'Also 123.', 'It was 125.', 'Revenue was RMB 117 million in 2023.']) expect(shown).toContain(`>${q}`);
    expect(shown).toContain('Change measured against FY2023');
    expect(shown).toContain('A different value, *RMB 125 million*');
  });
});
