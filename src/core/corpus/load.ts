import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parsePeriod } from '../periods.ts';
import type { CompanyRegistry } from '../companies/registry.ts';
import { cleanText } from './clean.ts';
import type { CorpusDocument } from './document.ts';
import { parseFrontMatter, type DocumentProblem } from './front-matter.ts';
import { inferCompany, inferLanguage, inferPublished, inferTitle } from './infer.ts';

/** Extensions read as documents; anything else in the folder is ignored. */
export const DOCUMENT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
/** Files larger than this are skipped: a 50 MB dump is not a document a person can quote. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** What loading a folder produced. */
export interface LoadedCorpus {
  documents: CorpusDocument[];
  /** Problems found; `skipped` ones kept the file out of the corpus. */
  problems: Array<DocumentProblem & { skipped: boolean }>;
}

/** A file of the documents folder with its content hash, for change detection. */
export interface CorpusFile {
  path: string;
  file: string;
  bytes: Buffer;
  mtimeMs: number;
  hash: string;
}

/** A document file found in the folder, before reading it. */
export interface CorpusFileEntry {
  path: string;
  file: string;
  size: number;
  mtimeMs: number;
}

/** List the document files of a folder (recursively, sorted) without reading them. */
export function statCorpusFiles(dir: string): { files: CorpusFileEntry[]; problems: LoadedCorpus['problems'] } {
  const files: CorpusFileEntry[] = [];
  const problems: LoadedCorpus['problems'] = [];
  const walk = (d: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(d).sort();
    } catch (error) {
      // The documents folder itself unreadable is not an empty corpus: refuse to index.
      if (d === dir) throw new Error(`cannot read the documents folder ${dir}: ${(error as Error).message}`);
      problems.push({ file: relative(dir, d) || '.', message: `cannot read folder: ${(error as Error).message}`, skipped: true });
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const path = join(d, name);
      let st;
      try {
        st = statSync(path);
      } catch {
        continue; // removed while listing
      }
      if (st.isDirectory()) {
        walk(path);
        continue;
      }
      if (!st.isFile() || !DOCUMENT_EXTENSIONS.has(extname(name).toLowerCase())) continue;
      files.push({ path, file: relative(dir, path), size: st.size, mtimeMs: st.mtimeMs });
    }
  };
  walk(dir);
  return { files, problems };
}

/** List and read the document files of a folder, with content hashes. */
export function readCorpusFiles(dir: string): { files: CorpusFile[]; problems: LoadedCorpus['problems'] } {
  const listed = statCorpusFiles(dir);
  const files: CorpusFile[] = [];
  const problems = [...listed.problems];
  for (const entry of listed.files) {
    if (entry.size > MAX_DOCUMENT_BYTES) {
      problems.push({
        file: entry.file,
        message: `skipped: ${(entry.size / 1048576).toFixed(1)} MB is over the ${MAX_DOCUMENT_BYTES / 1048576} MB limit for one document`,
        skipped: true,
      });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(entry.path);
    } catch (error) {
      problems.push({ file: entry.file, message: `cannot read: ${(error as Error).message}`, skipped: true });
      continue;
    }
    files.push({ path: entry.path, file: entry.file, bytes, mtimeMs: entry.mtimeMs, hash: createHash('sha256').update(bytes).digest('hex') });
  }
  return { files, problems };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function documentId(file: string): string {
  return basename(file, extname(file))
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/gu, '') || 'document';
}

/**
 * Turn files into documents: decode, validate front matter, clean, infer what is missing,
 * register companies. A bad file is reported and skipped or loaded as far as is safe;
 * it never stops the rest of the corpus from loading.
 */
export function buildDocuments(files: CorpusFile[], registry: CompanyRegistry): LoadedCorpus {
  const documents: CorpusDocument[] = [];
  const problems: LoadedCorpus['problems'] = [];
  const seenHashes = new Map<string, string>();
  const seenIds = new Set<string>();
  for (const f of files) {
    if (f.bytes.length === 0) {
      problems.push({ file: f.file, message: 'skipped: the file is empty', skipped: true });
      continue;
    }
    if (f.bytes.subarray(0, 8192).includes(0)) {
      problems.push({ file: f.file, message: 'skipped: binary content (NUL bytes), not a text document', skipped: true });
      continue;
    }
    let content: string;
    try {
      content = utf8.decode(f.bytes);
    } catch {
      problems.push({ file: f.file, message: 'skipped: not valid UTF-8 text; save it as UTF-8 and it will be read', skipped: true });
      continue;
    }
    const parsed = parseFrontMatter(f.file, content);
    const fm = parsed.kind === 'front-matter' ? parsed.data : null;
    let body = parsed.body;
    if (parsed.kind === 'invalid') {
      for (const p of parsed.problems) {
        problems.push({ ...p, skipped: false, message: `${p.message}; ${p.field ? 'the field is ignored and inferred from the text' : 'the document is read without its front matter'}` });
      }
      if (!parsed.problems.some((p) => p.field)) body = stripUnparsedFrontMatter(content);
    }
    const cleaned = cleanText(body).text;
    if (!/[\p{L}\p{N}]/u.test(cleaned)) {
      problems.push({ file: f.file, message: 'skipped: no text left after cleaning', skipped: true });
      continue;
    }
    const duplicateOf = seenHashes.get(cleaned);
    if (duplicateOf) {
      problems.push({ file: f.file, message: `skipped: same text as ${duplicateOf}`, skipped: true });
      continue;
    }
    seenHashes.set(cleaned, f.file);
    let id = documentId(f.file);
    while (seenIds.has(id)) id = `${id}-2`;
    seenIds.add(id);

    const partial = parsed.kind === 'invalid' ? partialFields(content) : {};
    const inferred: string[] = [];
    const title = fm?.title ?? partial.title ?? (inferred.push('title'), inferTitle(cleaned, id));
    let companyName = fm?.company ?? partial.company;
    const aliases = fm?.aliases ?? [];
    if (!companyName) {
      const guess = inferCompany(cleaned, registry);
      inferred.push('company');
      companyName = guess?.name ?? 'Unknown company';
      if (!guess) problems.push({ file: f.file, field: 'company', message: 'no company named in front matter and none recognised in the text; answers will list it under "Unknown company"', skipped: false });
    }
    const company = registry.add(companyName, aliases);
    const published = fm?.published ?? (inferred.push('published'), inferPublished(cleaned));
    const periodText = fm?.period;
    const language = fm?.language ?? (inferred.push('language'), inferLanguage(cleaned));
    documents.push({
      id,
      file: f.file,
      title,
      company: company.id,
      published,
      period: periodText ? parsePeriod(periodText) : null,
      source: fm?.source ?? null,
      language,
      text: cleaned,
      hash: f.hash,
      addedAt: new Date(f.mtimeMs).toISOString(),
      inferred,
    });
  }
  return { documents, problems };
}

function stripUnparsedFrontMatter(content: string): string {
  const m = content.match(/^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/u);
  return m ? content.slice(m[0].length) : content;
}

// When some fields are bad, the good `title` and `company` lines are still worth keeping.
function partialFields(content: string): { title?: string; company?: string } {
  const head = content.match(/^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---/u)?.[1] ?? '';
  const pick = (key: string) => head.match(new RegExp(`^${key}:\\s*["']?([^"'\\n]+?)["']?\\s*$`, 'mu'))?.[1];
  return { title: pick('title'), company: pick('company') };
}

/** Read and build in one step. */
export function loadCorpus(dir: string, registry: CompanyRegistry): LoadedCorpus {
  const read = readCorpusFiles(dir);
  const built = buildDocuments(read.files, registry);
  return { documents: built.documents, problems: [...read.problems, ...built.problems] };
}
