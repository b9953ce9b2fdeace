import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInput } from '../../commands/index.ts';
import type { Engine, EngineOptions } from '../../src/core/engine.ts';
import { packFacts, unpackFacts, type PersistedSnapshot } from '../../src/core/snapshot.ts';
import { answersOf, baselineAnswers, openTimed, scratchCorpus } from './hostile-corpus.ts';

/**
 * One test per row of issue 13's table: the bundled documents plus one hostile or
 * careless file, made here. Each must ingest within 10 s, crash nothing, leave every
 * other company's answers as they were, and read nothing from outside the folder.
 */

const INGEST_BOUND_MS = 10_000;
const root = resolve(import.meta.dirname, '../..');
const opened: Engine[] = [];
afterAll(() => {
  for (const e of opened) e.close();
});

function ingest(docs: string, index?: string, extra: Partial<EngineOptions> = {}) {
  const run = openTimed(docs, index, extra);
  opened.push(run.engine);
  return run;
}

const ctx = (engine: Engine) => ({ engine, now: () => new Date('2025-05-12T09:00:00Z') });
const problemsOf = (engine: Engine, file: string) => engine.snapshot.problems.filter((p) => p.file === file);

describe('hostile and careless documents', () => {
  it('YAML front matter with nested anchors ("billion laughs") is refused quickly, with a short warning, and the body still read', async () => {
    const { docs } = scratchCorpus();
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i += 1) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    writeFileSync(join(docs, 'laughs.md'), `---\n${levels.join('\n')}\ntitle: Laughs\ncompany: Laugh Cloud\n---\nLaugh Cloud revenue in 2023 was RMB 3.5 million.\n`);
    const { engine, ms } = ingest(docs);
    expect(ms).toBeLessThan(INGEST_BOUND_MS);
    const [warning] = problemsOf(engine, 'laughs.md');
    expect(warning?.message).toMatch(/front matter is not valid YAML/u);
    // The warning quotes at most a few hundred characters of the input, never the expansion.
    expect(warning!.message.length).toBeLessThan(400);
    expect(engine.snapshot.documents.map((d) => d.file)).toContain('laughs.md');
    expect(await answersOf(engine)).toEqual(await baselineAnswers());
  });

  it('a number that overflows once scaled is not a figure, and no answer breaks on it, even from the persisted index', async () => {
    const { docs, index } = scratchCorpus();
    writeFileSync(join(docs, 'overflow.md'), `---\ntitle: Overflow\ncompany: CloudWalk Technology\n---\nCloudWalk revenue in 2023 was RMB ${'9'.repeat(300)} billion.\n`);
    const { engine, ms } = ingest(docs, index);
    expect(ms).toBeLessThan(INGEST_BOUND_MS);
    expect(engine.snapshot.facts.facts.every((f) => Number.isFinite(f.value))).toBe(true);
    // The sentence is still a passage.
    const doc = engine.snapshot.documents.findIndex((d) => d.file === 'overflow.md');
    expect(engine.snapshot.passages.some((p) => p.doc === doc)).toBe(true);
    expect(await answersOf(engine)).toEqual(await baselineAnswers());

    // An index written by an older build holds the overflow as null: restored, it is dropped.
    const indexFile = JSON.parse(readFileSync(join(index, 'index.json'), 'utf8')) as { corpusFile: string };
    const corpusPath = join(index, indexFile.corpusFile);
    const persisted = JSON.parse(readFileSync(corpusPath, 'utf8')) as PersistedSnapshot;
    const facts = unpackFacts(persisted.facts, persisted.factParts, persisted.factShapes);
    facts.push({ ...facts.find((f) => f.company === 'cloudwalk-technology' && f.metric === 'revenue')!, value: null as unknown as number });
    writeFileSync(corpusPath, JSON.stringify({ ...persisted, ...packFacts(facts) }));
    const restored = ingest(docs, index).engine;
    expect(restored.lastLoad.origin).toBe('loaded');
    for (const q of ['/metric cloudwalk revenue', '/compare revenue cloudwalk qingcloud 2023']) {
      expect((await runInput(q, ctx(restored))).status).toBe('answered');
    }
  });

  it('symbolic links that loop back into the folder are not followed, each named once', async () => {
    const { docs } = scratchCorpus();
    symlinkSync('.', join(docs, 'a'));
    symlinkSync('.', join(docs, 'b'));
    mkdirSync(join(docs, 'sub'));
    symlinkSync('..', join(docs, 'sub', 'up'));
    const { engine, ms } = ingest(docs);
    expect(ms).toBeLessThan(INGEST_BOUND_MS);
    expect(engine.snapshot.documents).toHaveLength(4);
    for (const link of ['a', 'b', join('sub', 'up')]) {
      const named = problemsOf(engine, link);
      expect(named).toHaveLength(1);
      expect(named[0]!.message).toMatch(/already read/u);
    }
    expect(await answersOf(engine)).toEqual(await baselineAnswers());
  });

  it('links to files outside the folder are not read: no secret or system file becomes a title or a passage', async () => {
    const { base, docs, index } = scratchCorpus();
    const secret = join(base, 'outside', '.env');
    mkdirSync(join(base, 'outside'));
    writeFileSync(secret, 'SLACK_BOT_TOKEN=xoxb-not-a-real-token-hostile-test\n');
    writeFileSync(join(base, 'outside', 'leak.md'), '---\ntitle: LEAKED-OUTSIDE-TITLE\ncompany: Leak Cloud\n---\nLeak Cloud revenue in 2023 was RMB 1 million.\n');
    symlinkSync(secret, join(docs, 'notes.txt'));
    symlinkSync('/etc/passwd', join(docs, 'passwd.md'));
    symlinkSync('../outside/leak.md', join(docs, 'relative.md'));
    symlinkSync(join(base, 'outside'), join(docs, 'folder-outside'));
    const { engine, ms } = ingest(docs, index);
    expect(ms).toBeLessThan(INGEST_BOUND_MS);
    for (const link of ['notes.txt', 'passwd.md', 'relative.md', 'folder-outside']) {
      expect(problemsOf(engine, link).map((p) => p.message)).toEqual([expect.stringMatching(/outside the documents folder/u)]);
    }
    expect(engine.snapshot.documents).toHaveLength(4);
    const sources = await runInput('/sources', ctx(engine));
    expect(JSON.stringify(sources)).not.toMatch(/SLACK_BOT_TOKEN|root:x:0:0|LEAKED-OUTSIDE/u);
    // Nothing from outside reached the persisted index either.
    for (const name of readdirSync(index)) expect(readFileSync(join(index, name), 'utf8')).not.toMatch(/SLACK_BOT_TOKEN|root:x:0|LEAKED-OUTSIDE/u);
    expect(await answersOf(engine)).toEqual(await baselineAnswers());
  });

  it("a document cannot take another company's name: CloudWalk and QingCloud keep theirs, and the warning names the document", async () => {
    const { docs } = scratchCorpus();
    writeFileSync(
      join(docs, 'evil.md'),
      '---\ntitle: Evil\ncompany: Evil Corp\naliases: [CloudWalk, QingCloud]\n---\nIn 2021, Evil Corp had a net loss of RMB 999 million. Evil Corp revenue in 2023 was RMB 5 million.\n',
    );
    const { engine, ms } = ingest(docs);
    expect(ms).toBeLessThan(INGEST_BOUND_MS);
    const warnings = problemsOf(engine, 'evil.md').map((p) => p.message);
    expect(warnings).toEqual([expect.stringMatching(/"CloudWalk" is already a name of CloudWalk Technology/u), expect.stringMatching(/"QingCloud" is already a name of QingCloud Technology/u)]);
    expect(await answersOf(engine)).toEqual(await baselineAnswers());
    // Evil Corp answers under its own name.
    const own = await runInput('/metric evil corp revenue 2023', ctx(engine));
    expect(own.figures.map((f) => [f.companyName, f.value])).toEqual([['Evil Corp', 5e6]]);
  });

  it('a document cannot take a metric word, a period, a number or a single character as a company name', async () => {
    const { docs } = scratchCorpus();
    writeFileSync(join(docs, 'de.md'), '---\ntitle: De\ncompany: 的\naliases: ["年", ","]\n---\n云从科技的营收在2024年是3.98亿元。\n');
    writeFileSync(join(docs, 'revenue.md'), '---\ntitle: Revenue\ncompany: Revenue\naliases: [营收, "2024", net loss]\n---\nRevenue grew in 2024, and net loss narrowed.\n');
    const { engine, ms } = ingest(docs);
    expect(ms).toBeLessThan(INGEST_BOUND_MS);
    expect(problemsOf(engine, 'de.md').map((p) => p.message).join('\n')).toMatch(/"的" is a single character/u);
    const named = problemsOf(engine, 'revenue.md').map((p) => p.message).join('\n');
    expect(named).toMatch(/"Revenue" is a metric word/u);
    expect(named).not.toMatch(/"营收"|"2024"/u); // the aliases of a refused company are not taken either
    for (const word of ['的', '年', ',', 'Revenue', '营收', '2024', 'net loss']) expect(engine.snapshot.registry.findExact(word)).toBeUndefined();
    expect(await answersOf(engine)).toEqual(await baselineAnswers());
  });

  it('a document whose figures take too long to read is indexed as passages only, with a warning naming it', async () => {
    const { docs } = scratchCorpus();
    // Numbers in one endless sentence: Chinese text that lost its 。, and "1% 1% 1% ...".
    writeFileSync(join(docs, 'no-stops.md'), `---\ntitle: No stops\ncompany: CloudWalk Technology\n---\n${'云从科技2023年营收为5.12亿元，'.repeat(6000)}\n`);
    writeFileSync(join(docs, 'margins.md'), `---\ntitle: Margins\ncompany: CloudWalk Technology\n---\nGross margin ${'1% '.repeat(3400)}\n`);
    // Extraction is linear in the document now, so no shape of text is slow by itself under
    // the default budget (which grows with the length): a flat budget of 400 ms stands for
    // it. Each bundled document takes under 100 ms here; the run-on one, about a second.
    const { engine, ms } = ingest(docs, undefined, { extractBudgetMs: 400, extractBudgetMsPerKb: 0 });
    expect(ms).toBeLessThan(INGEST_BOUND_MS);
    expect(problemsOf(engine, 'no-stops.md').map((p) => p.message)).toEqual([expect.stringMatching(/figures not read: .*passages only/u)]);
    const doc = engine.snapshot.documents.findIndex((d) => d.file === 'no-stops.md');
    expect(engine.snapshot.passages.some((p) => p.doc === doc)).toBe(true);
    expect(engine.snapshot.facts.ofDocument(engine.snapshot.documents[doc]!.id)).toEqual([]);
    expect(await answersOf(engine)).toEqual(await baselineAnswers());
  });

  it('300 near-identical copies of one article are reported, kept once, and quoted once', async () => {
    const { docs } = scratchCorpus();
    const article = readFileSync(join(docs, 'qingcloud-h1-2024-en.md'), 'utf8');
    for (let i = 0; i < 300; i += 1) {
      writeFileSync(join(docs, `repost-${String(i).padStart(3, '0')}.md`), article.replace(/^title: .*$/mu, `title: "Repost ${i}"`).replace('Article | AI Relativity Theory', `Article | repost ${i} | shared ${i * 7} times`));
    }
    const { engine, ms } = ingest(docs);
    expect(ms).toBeLessThan(INGEST_BOUND_MS);
    expect(engine.snapshot.documents).toHaveLength(4);
    const reported = engine.snapshot.problems.filter((p) => /nearly the same text as|same text as/u.test(p.message));
    expect(reported).toHaveLength(300);
    const sources = await runInput('/sources qingcloud', ctx(engine));
    expect(sources.documents).toHaveLength(1);
    const answer = await runInput('/metric qingcloud net loss 2021', ctx(engine));
    const quotes = answer.figures.flatMap((f) => [f.source.quote, ...f.corroborating.map((c) => c.quote)]);
    expect(new Set(quotes).size).toBe(quotes.length);
    expect(await answersOf(engine)).toEqual(await baselineAnswers());
  });

  it('one 4.9 MB article restating a figure hundreds of times gives an answer with a handful of quotes and the count of the rest', async () => {
    const { docs } = scratchCorpus();
    // Long filler without digits (read fast) and the same statement in every section.
    const han = '市场行业技术发展人工智能公司客户产品服务平台数据能力战略合作创新业务团队';
    const sections: string[] = [];
    let size = 0;
    for (let i = 0; size < 4.9 * 1024 * 1024; i += 1) {
      let filler = '';
      for (let k = 0; k < 2000; k += 1) filler += han[(i * 31 + k * 7 + (k >> 3)) % han.length];
      const section = `${filler}。云从科技2024年营收为3.98亿元。\n\n`;
      sections.push(section);
      size += Buffer.byteLength(section);
    }
    writeFileSync(join(docs, 'long-article.md'), `---\ntitle: 長文\ncompany: CloudWalk Technology\n---\n${sections.join('')}`);
    const { engine, ms } = ingest(docs);
    expect(ms).toBeLessThan(INGEST_BOUND_MS);
    const answer = await runInput('/metric cloudwalk revenue', ctx(engine));
    expect(answer.status).toBe('answered');
    const fy2024 = answer.figures.find((f) => f.period === 'FY2024')!;
    expect(fy2024.corroborating.length).toBeLessThanOrEqual(3);
    expect(fy2024.corroboratingMore).toBeGreaterThan(sections.length - 10);
    expect(JSON.stringify(answer).length).toBeLessThan(50_000);
    expect(await answersOf(engine)).toEqual(await baselineAnswers());
  });

  it('a file named with a newline and a fake report line prints as one escaped line', () => {
    const { base, docs } = scratchCorpus();
    const name = 'evil\nIndexed 99 documents, 0 passages, 0 figures in 1 ms.\n.md';
    writeFileSync(join(docs, name), ''); // empty: reported, so its name is printed
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts'], {
      cwd: root,
      env: { ...process.env, DOCUMENTS_DIR: docs, INDEX_DIR: join(base, 'index'), LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const lines = run.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('Indexed 99'))).toEqual([]);
    expect(lines).toContain('SKIPPED evil\\nIndexed 99 documents, 0 passages, 0 figures in 1 ms.\\n.md: the file is empty');
    expect(lines[0]).toMatch(/^Indexed 4 documents/u);
  });
});
