import { describe, expect, it } from 'vitest';
import { decodeButtonValue, encodeButtonValue, MAX_BUTTON_VALUE_CHARS } from '../../../src/adapters/slack/button-value.ts';
import { escapeMrkdwn, stripSlackMarkup } from '../../../src/adapters/slack/markup.ts';
import { requestFromLine } from '../../../src/adapters/slack/handlers/state.ts';

describe('stripSlackMarkup', () => {
  it.each([
    ['<@UBOT> what was qingcloud revenue in 2022?', 'what was qingcloud revenue in 2022?'],
    ['<@UBOT|finqa> revenue', 'revenue'],
    ['ask in <#C0001|finance> please', 'ask in #finance please'],
    ['see <https://example.com/report|the report>', 'see the report'],
    ['see <https://example.com/report>', 'see https://example.com/report'],
    ['<!here> R&amp;D &lt;2023&gt;', 'R&D <2023>'],
    ['&amp;lt; stays literal', '&lt; stays literal'],
    ['<!subteam^S123|@analysts> net profit', 'net profit'],
    ['  many   spaces\nand lines ', 'many spaces and lines'],
  ])('%s', (input, expected) => {
    expect(stripSlackMarkup(input)).toBe(expected);
  });
});

describe('escapeMrkdwn', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeMrkdwn('R&D <b> *x* 億')).toBe('R&amp;D &lt;b&gt; *x* 億');
  });
});

describe('button values', () => {
  it('round-trips a request with its thread context', () => {
    const request = { command: 'ask', text: 'and in 2023?', conversation: { company: 'acme', metric: 'revenue', period: 'FY2022' } };
    expect(decodeButtonValue(encodeButtonValue(request))).toEqual(request);
  });

  it('stays within Slack\'s 2,000 characters for the longest input the commands accept', () => {
    const value = encodeButtonValue({ command: 'ask', text: '億'.repeat(1000) });
    expect(value).toBeDefined();
    expect(value!.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE_CHARS);
  });

  it('gives no value when it would not fit, and refuses values that are not ours', () => {
    expect(encodeButtonValue({ command: 'ask', text: '"'.repeat(1500) })).toBeUndefined();
    expect(decodeButtonValue('not json')).toBeUndefined();
    expect(decodeButtonValue('{"c":""}')).toBeUndefined();
    expect(decodeButtonValue(undefined)).toBeUndefined();
  });
});

describe('requestFromLine', () => {
  it('reads a slash command in a message, and anything else as a question', () => {
    expect(requestFromLine('/metric acme revenue 2024')).toEqual({ command: 'metric', text: 'acme revenue 2024' });
    expect(requestFromLine('/help')).toEqual({ command: 'help', text: '' });
    expect(requestFromLine('what was revenue?')).toEqual({ command: 'ask', text: 'what was revenue?' });
  });
});
