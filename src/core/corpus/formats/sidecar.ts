import { FIELD_LIMITS, MAX_FRONT_MATTER_CHARS, parseFrontMatter, splitFence, type ParsedFile } from '../front-matter.ts';

/**
 * Front matter for files that cannot carry it (PDF, HTML, text): `<file>.meta.yaml`
 * beside the file, with the same fields, schema and limits as Markdown front matter.
 */

/** The sidecar's file name for a document file. */
export function sidecarName(file: string): string {
  return `${file}.meta.yaml`;
}

/** Parse a sidecar's YAML as front matter; problems name the sidecar file. */
export function parseSidecar(sidecarFile: string, yaml: string): ParsedFile {
  const parsed = parseFrontMatter(sidecarFile, `---\n${yaml.replace(/^\uFEFF/u, '')}\n---\n`);
  return { ...parsed, body: '' } as ParsedFile;
}

/** When some fields are bad, the good `title` and `company` lines are still worth keeping. */
export function partialFields(content: string): { title?: string; company?: string } {
  const head = splitFence(content)?.yaml.slice(0, MAX_FRONT_MATTER_CHARS) ?? '';
  const lines = head.split('\n');
  const pick = (key: string, max: number) => {
    const line = lines.find((l) => l.startsWith(`${key}:`));
    const value = line?.slice(key.length + 1).trim().replace(/^["']|["']$/gu, '').trim();
    return value && value.length <= max ? value : undefined;
  };
  return { title: pick('title', FIELD_LIMITS.title), company: pick('company', FIELD_LIMITS.company) };
}

/** The sidecar's YAML wrapped as a fenced block, for `partialFields`. */
export function sidecarAsFence(yaml: string): string {
  return `---\n${yaml}\n---\n`;
}
