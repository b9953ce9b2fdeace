import { describe, expect, it } from 'vitest';
import { MAX_FRONT_MATTER_CHARS, parseFrontMatter, splitFence } from '../../src/core/corpus/front-matter.ts';

const laughs = (levels: number) => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i += 1) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  return `---\n${lines.join('\n')}\ntitle: T\ncompany: C Cloud\n---\nbody\n`;
};

describe('front matter read with limits', () => {
  it('refuses nested YAML aliases ("billion laughs") at once, quoting little of the input', () => {
    const started = performance.now();
    const parsed = parseFrontMatter('laughs.md', laughs(9));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind !== 'invalid') return;
    expect(parsed.problems[0]!.message).toMatch(/not valid YAML: .*alias/iu);
    expect(parsed.problems[0]!.message.length).toBeLessThan(300);
  });

  it('still reads a few honest anchors and aliases', () => {
    const parsed = parseFrontMatter('ok.md', '---\nname: &n Zeta AI\ntitle: *n\ncompany: *n\n---\ntext\n');
    expect(parsed.kind).toBe('front-matter');
    if (parsed.kind === 'front-matter') expect(parsed.data.company).toBe('Zeta AI');
  });

  it('caps each field and says so without repeating the value', () => {
    const parsed = parseFrontMatter('big.md', `---\ntitle: ${'T'.repeat(5000)}\ncompany: ${'C'.repeat(5000)}\naliases: [${Array(50).fill('x1').join(', ')}]\n---\nbody\n`);
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind !== 'invalid') return;
    expect(parsed.problems.map((p) => p.field)).toEqual(['title', 'company', 'aliases']);
    for (const p of parsed.problems) expect(p.message.length).toBeLessThan(300);
  });

  it('refuses a front matter block over the size limit, and one that never closes', () => {
    const big = parseFrontMatter('big.md', `---\ntitle: T\ncompany: C Cloud\nnotes: "${'x'.repeat(MAX_FRONT_MATTER_CHARS)}"\n---\nbody\n`);
    expect(big.kind === 'invalid' && big.problems[0]!.message).toMatch(/over the 16 KB limit/u);
    const open = parseFrontMatter('open.md', '---\ntitle: T\ncompany: C Cloud\nbody with no fence\n');
    expect(open.kind === 'invalid' && open.problems[0]!.message).toMatch(/no closing/u);
  });

  it('refuses YAML tags, and does not read `---js` as front matter', () => {
    const tagged = parseFrontMatter('tag.md', '---\ntitle: !!js/function "function(){return 1}"\ncompany: C Cloud\n---\nbody\n');
    expect(tagged.kind).toBe('invalid');
    expect(parseFrontMatter('js.md', '---js\n{ title: "x" }\n---\nbody\n').kind).toBe('plain');
  });

  it('splits the fence by itself: body unchanged, BOM and CRLF handled, an empty block allowed', () => {
    expect(splitFence('---\r\ntitle: T\r\n---\r\nBody\r\n')).toEqual({ yaml: 'title: T', body: 'Body\r\n', closed: true });
    expect(splitFence('\uFEFF---\ntitle: T\n---\n\n# Head\n---\nnot a fence')).toEqual({ yaml: 'title: T', body: '\n# Head\n---\nnot a fence', closed: true });
    expect(splitFence('---\n---\nBody')).toEqual({ yaml: '', body: 'Body', closed: true });
    expect(splitFence('Body\n---\n')).toBeNull();
  });
});
