import { readFileSync, statSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../commands/index.ts';
import type { Answer, Chart } from '../../../src/core/answer.ts';
import { ACTION_POST_TO_CHANNEL } from '../../../src/adapters/slack/render.ts';
import { deliver, formBody, imageFileIds, interactionBody, slackBlockProblems, type ResponseCall, type UploadFailure } from '../../fakes/fake-slack.ts';
import { bundledContext } from '../../helpers/engine.ts';
import { BOT_TOKEN, blockTexts, chartsSetup, expectedSnippets, fixture, SIGNING_SECRET, startHarness, type ChartsSetup, type Harness } from './harness.ts';

/**
 * Charts end to end in HTTP mode: the real Bolt with a real chart attacher (PNG files in
 * a temp folder) against the fake Slack, which implements the files upload flow, takes
 * a while to process each file (as Slack does) and refuses image blocks naming a file it
 * does not have ready.
 */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PROCESSING_MS = 300;

let h: Harness;
let charts: ChartsSetup;
let seq = 0;

beforeAll(async () => {
  charts = chartsSetup();
  h = await startHarness('http', { chartUpload: { readyWaitMs: 1_500, pollMs: 50 } }, charts.context);
  h.fake.fileProcessingMs = PROCESSING_MS;
});

afterEach(() => {
  h.fake.uploadFailure = undefined;
  h.fake.fileProcessingMs = PROCESSING_MS;
});

afterAll(async () => {
  await h?.close();
});

/** The answer and chart the bot should send, drawn into the same folder the bot draws into. */
async function expectedChart(command: string, text: string): Promise<{ answer: Answer; chart: Chart; png: Buffer }> {
  const answer = await runCommand(command, { text }, bundledContext({ charts: charts.attacher }));
  // The test is only meaningful for an answer that has a chart.
  expect(answer.chart, `/${command} ${text} should come with a chart`).toBeDefined();
  return { answer, chart: answer.chart!, png: readFileSync(answer.chart!.path) };
}

function slashCommand(command: string, text: string, user?: string) {
  const n = ++seq;
  const id = `chart-${n}`;
  const fields = { ...fixture('slash-command.json'), command, text, user_id: user ?? `UC${n}`, trigger_id: `${n}.0002.${id}`, response_url: h.fake.responseUrl(id) };
  return { id, body: formBody(fields) };
}

async function ask(command: string, text: string, user?: string): Promise<ResponseCall> {
  const cmd = slashCommand(command, text, user);
  const ack = await deliver(h.eventsUrl, SIGNING_SECRET, cmd.body, 'form');
  expect(ack.status).toBe(200);
  return h.fake.waitFor(`the answer at ${cmd.id}`, () => h.fake.responsesTo(cmd.id).find((r) => r.status === 200), 15_000);
}

const uploadCount = () => ({
  getUrl: h.fake.calls('files.getUploadURLExternal').length,
  bytes: h.fake.uploads.length,
  complete: h.fake.calls('files.completeUploadExternal').length,
});

describe('charts on Slack', () => {
  it('uploads the chart of a series through the files upload flow and shows it in the private answer', async () => {
    const expected = await expectedChart('metric', 'cloudwalk revenue');
    const before = uploadCount();
    const reply = await ask('/metric', 'cloudwalk revenue');

    // 1. files.getUploadURLExternal, with the bot token, the file name and its length.
    const getUrl = h.fake.calls('files.getUploadURLExternal')[before.getUrl]!;
    expect(getUrl).toBeDefined();
    expect(getUrl.token).toBe(BOT_TOKEN);
    expect(getUrl.params.filename).toMatch(/\.png$/u);
    expect(Number(getUrl.params.length)).toBe(statSync(expected.chart.path).size);

    // 2. The bytes, POSTed to the upload URL: the PNG on disk, and no token.
    const [fileId] = imageFileIds(reply.body.blocks);
    expect(fileId).toBeDefined();
    const upload = h.fake.uploads.find((u) => u.fileId === fileId)!;
    expect(upload).toBeDefined();
    expect(upload.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(upload.bytes.length).toBe(statSync(expected.chart.path).size);
    expect(upload.bytes.equals(expected.png)).toBe(true);
    expect(upload.authorization).toBeUndefined();

    // 3. files.completeUploadExternal with the chart's title, and no channel: private to the bot.
    const complete = h.fake.calls('files.completeUploadExternal').find((c) => c.params.files?.[0]?.id === fileId)!;
    expect(complete).toBeDefined();
    expect(complete.params.files).toEqual([{ id: fileId, title: expected.chart.title }]);
    expect(complete.params.channel_id).toBeUndefined();
    expect(complete.params.thread_ts).toBeUndefined();
    // It waited for Slack to process the file (the fake refuses the image block before).
    expect(h.fake.calls('files.info').some((c) => c.params.file === fileId)).toBe(true);

    // The private answer: the figures and their quotes, with the image right after the header.
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.status).toBe(200);
    expect(h.fake.responses.filter((r) => r.id === reply.id)).toHaveLength(1);
    expect(slackBlockProblems(reply.body.blocks)).toEqual([]);
    const blocks = reply.body.blocks as any[];
    expect(blocks[0].type).toBe('header');
    expect(blocks[1]).toMatchObject({ type: 'image', slack_file: { id: fileId }, title: { type: 'plain_text', text: expected.chart.title } });
    expect(blocks[1].alt_text).toContain(expected.chart.title);
    const shown = blockTexts(blocks);
    for (const snippet of expectedSnippets(expected.answer).slice(0, 6)) expect(shown).toContain(snippet);
    expect(uploadCount()).toEqual({ getUrl: before.getUrl + 1, bytes: before.bytes + 1, complete: before.complete + 1 });
  }, 30_000);

  it('Post to channel shares the answer with the same image, without uploading it again', async () => {
    await expectedChart('metric', 'qingcloud net loss');
    const reply = await ask('/metric', 'qingcloud net loss', 'UCSHARE');
    const [fileId] = imageFileIds(reply.body.blocks);
    expect(fileId).toBeDefined();
    const after = uploadCount();

    const button = reply.body.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements : [])).find((e: any) => e.action_id === ACTION_POST_TO_CHANNEL);
    const clickId = `chart-click-${++seq}`;
    const base = fixture('block-actions.json');
    const payload = { ...base, user: { ...base.user, id: 'UCSHARE' }, response_url: h.fake.responseUrl(clickId), actions: [{ ...base.actions[0], value: button.value, action_ts: `1715501400.${seq}` }] };
    expect((await deliver(h.eventsUrl, SIGNING_SECRET, interactionBody(payload), 'form')).status).toBe(200);
    const shared = await h.fake.waitFor('the shared answer', () => h.fake.responsesTo(clickId).find((r) => r.body.response_type === 'in_channel'), 15_000);
    expect(shared.status).toBe(200);
    expect(imageFileIds(shared.body.blocks)).toEqual([fileId]);
    expect(blockTexts(shared.body.blocks)).toContain('<@UCSHARE> shared');
    await h.fake.waitFor('the private copy removed', () => h.fake.responsesTo(clickId).find((r) => r.body.delete_original === true));
    expect(uploadCount()).toEqual(after);
  }, 30_000);

  it('shows the chart of a comparison asked in a mention, in the answer posted to the thread', async () => {
    const expected = await expectedChart('compare', 'revenue cloudwalk qingcloud 2019-2023');
    const mention = fixture('app-mention.json');
    const n = ++seq;
    const event = { ...mention, event_id: `EvC${n}`, event: { ...mention.event, user: 'UCMENTION', text: '<@UBOT> /compare revenue cloudwalk qingcloud 2019-2023', ts: `1715501500.${n}`, event_ts: `1715501500.${n}` } };
    expect((await deliver(h.eventsUrl, SIGNING_SECRET, JSON.stringify(event), 'json')).status).toBe(200);
    const post = await h.fake.waitFor(
      'the answer in the thread',
      () => h.fake.calls('chat.postMessage').find((c) => c.params.thread_ts === event.event.ts),
      15_000,
    );
    const [fileId] = imageFileIds(post.params.blocks);
    expect(fileId).toBeDefined();
    expect(h.fake.blockProblems(post.params.blocks)).toEqual([]);
    expect(h.fake.uploads.find((u) => u.fileId === fileId)!.bytes.equals(expected.png)).toBe(true);
    // Shown by the image block, not shared to the channel as a file message of its own.
    expect(h.fake.files.get(fileId!)).toMatchObject({ title: expected.chart.title, channelId: undefined, threadTs: undefined });
    expect(h.fake.calls('chat.postMessage').filter((c) => c.params.thread_ts === event.event.ts)).toHaveLength(1);
  }, 30_000);

  it('uploads nothing for a single figure', async () => {
    const single = await runCommand('metric', { text: 'cloudwalk revenue 2024' }, bundledContext({ charts: charts.attacher }));
    expect(single.figures).toHaveLength(1);
    expect(single.chart).toBeUndefined();
    const before = uploadCount();
    const reply = await ask('/metric', 'cloudwalk revenue 2024');
    await h.fake.settle(300);
    expect(imageFileIds(reply.body.blocks)).toEqual([]);
    expect(blockTexts(reply.body.blocks)).toContain(expectedSnippets(single)[0]);
    expect(uploadCount()).toEqual(before);
  }, 30_000);

  const failures: Array<[string, UploadFailure, string, string]> = [
    ['getUploadURLExternal answers ok: false', { step: 'getUploadURLExternal', error: 'internal_error' }, 'metric', 'cloudwalk net loss'],
    ['the upload URL answers HTTP 500', { step: 'upload', status: 500 }, 'metric', 'qingcloud revenue'],
    ['completeUploadExternal answers ok: false', { step: 'completeUploadExternal', error: 'internal_error' }, 'metric', 'qingcloud net loss 2019-2024'],
  ];

  it.each(failures)('when %s, still answers, without the image, and logs the failure', async (_name, failure, command, text) => {
    const expected = await expectedChart(command, text);
    h.fake.uploadFailure = failure;
    const logStart = h.logs.lines.length;
    const reply = await ask(`/${command}`, text);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(imageFileIds(reply.body.blocks)).toEqual([]);
    const shown = blockTexts(reply.body.blocks);
    for (const snippet of expectedSnippets(expected.answer).slice(0, 6)) expect(shown).toContain(snippet);
    const lines = h.logs.lines.slice(logStart);
    const failed = lines.filter((l) => l.includes('slack chart upload failed'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain(`"step":"${failure.step}"`);
    expect(failed[0]).toContain('"level":"warn"');
    // Neither the token nor the one-time upload URL is in what we log about it.
    expect(failed[0]).not.toContain('/upload/');
    expect(lines.join('')).not.toContain(BOT_TOKEN);

    // A failure is not remembered: once Slack works again, the same question gets its chart.
    h.fake.uploadFailure = undefined;
    const again = await ask(`/${command}`, text);
    expect(imageFileIds(again.body.blocks)).toHaveLength(1);
  }, 30_000);

  it('sends the answer again without the image when Slack refuses the message showing it', async () => {
    const expected = await expectedChart('compare', 'net loss cloudwalk qingcloud 2019-2023');
    // Slack never finishes processing the file in time: the image block is refused.
    h.fake.fileProcessingMs = 60_000;
    const logStart = h.logs.lines.length;
    const cmd = slashCommand('/compare', 'net loss cloudwalk qingcloud 2019-2023');
    expect((await deliver(h.eventsUrl, SIGNING_SECRET, cmd.body, 'form')).status).toBe(200);
    const posts = await h.fake.waitFor('the refused answer and the one without the image', () => {
      const r = h.fake.responsesTo(cmd.id);
      return r.length >= 2 ? r : undefined;
    }, 15_000);
    expect(posts[0]!.status).toBe(400);
    expect(imageFileIds(posts[0]!.body.blocks)).toHaveLength(1);
    expect(posts[1]!.status).toBe(200);
    expect(imageFileIds(posts[1]!.body.blocks)).toEqual([]);
    for (const snippet of expectedSnippets(expected.answer).slice(0, 6)) expect(blockTexts(posts[1]!.body.blocks)).toContain(snippet);
    expect(h.logs.lines.slice(logStart).join('')).toContain('slack refused the answer with its chart');
  }, 30_000);

  it('never wrote a token to the log', () => {
    expect(h.logs.text).not.toContain('xoxb-1111111111');
    expect(h.logs.text).not.toContain(SIGNING_SECRET);
  });
});
