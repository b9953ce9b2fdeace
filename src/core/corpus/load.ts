import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { parsePeriod } from '../periods.ts';
import type { CompanyRegistry } from '../companies/registry.ts';
import { cleanText } from './clean.ts';
import type { CorpusDocument } from './document.ts';
import { FIELD_LIMITS, MAX_FRONT_MATTER_CHARS, parseFrontMatter, splitFence, type DocumentProblem } from './front-matter.ts';
import { claimCompany, notACompanyName } from './company-names.ts';
import { NearDuplicateFinder } from './near-duplicates.ts';
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
  /** The file's real path (links resolved), checked to be inside the documents folder. */
  real: string;
}

function isInside(root: string, real: string): boolean {
  return real === root || real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

/**
 * List the document files of a folder (recursively, sorted) without reading them.
 * A link is followed only when it stays inside the folder, and no folder or file is
 * visited twice (links back into the folder make loops); each link skipped is named
 * once, as a problem.
 */
export function statCorpusFiles(dir: string): { files: CorpusFileEntry[]; problems: LoadedCorpus['problems'] } {
  const files: CorpusFileEntry[] = [];
  const problems: LoadedCorpus['problems'] = [];
  let root: string;
  try {
    root = realpathSync(dir);
  } catch (error) {
    throw new Error(`cannot read the documents folder ${dir}: ${(error as Error).message}`);
  }
  const visitedDirs = new Set<string>([root]);
  const seenFiles = new Map<string, string>();
  const skip = (path: string, message: string) => problems.push({ file: relative(dir, path) || '.', message: `skipped: ${message}`, skipped: true });
  // Links are followed after every real file and folder is listed, so a file is read
  // under its own name and a link to it is what gets reported.
  const links: string[] = [];
  // `realParent`: the real path of the folder listed, so an entry that is no link has its
  // real path without asking the file system again (a large folder's listing is cold start).
  const visit = (path: string, followLink: boolean, realParent?: string): void => {
    let st;
    let real: string;
    try {
      const link = lstatSync(path);
      if (link.isSymbolicLink() && !followLink) {
        links.push(path);
        return;
      }
      real = !link.isSymbolicLink() && realParent !== undefined ? join(realParent, basename(path)) : realpathSync(path);
      st = link.isSymbolicLink() ? statSync(real) : link;
    } catch {
      // Removed while listing, or a link to nothing.
      return;
    }
    if (!isInside(root, real)) {
      skip(path, 'a link to a place outside the documents folder; only files inside it are read');
      return;
    }
    if (st.isDirectory()) {
      if (visitedDirs.has(real)) {
        skip(path, 'a link to a folder that is already read');
        return;
      }
      visitedDirs.add(real);
      walk(path, real);
      return;
    }
    if (!DOCUMENT_EXTENSIONS.has(extname(path).toLowerCase())) return;
    if (!st.isFile()) {
      skip(path, 'not a regular file (a pipe, socket or device)');
      return;
    }
    if (basename(real).startsWith('.')) {
      skip(path, 'a link to a hidden file; hidden files are not read');
      return;
    }
    const first = seenFiles.get(real);
    if (first !== undefined) {
      skip(path, `the same file as ${first} (a link)`);
      return;
    }
    const file = relative(dir, path);
    seenFiles.set(real, file);
    files.push({ path, file, size: st.size, mtimeMs: st.mtimeMs, real });
  };
  const walk = (d: string, realD: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(d).sort();
    } catch (error) {
      // The documents folder itself unreadable is not an empty corpus: refuse to index.
      if (d === dir) throw new Error(`cannot read the documents folder ${dir}: ${(error as Error).message}`);
      problems.push({ file: relative(dir, d) || '.', message: `cannot read folder: ${(error as Error).message}`, skipped: true });
      return;
    }
    for (const name of entries) if (!name.startsWith('.')) visit(join(d, name), false, realD);
  };
  walk(dir, root);
  for (let i = 0; i < links.length; i += 1) visit(links[i]!, true);
  return { files, problems };
}

/**
 * Read one listed file through its checked real path, refusing a link put there since
 * it was listed: what is read is what was checked.
 */
function readChecked(entry: CorpusFileEntry): Buffer {
  // O_NONBLOCK: a pipe put in its place since the listing cannot make the read wait forever.
  const fd = openSync(entry.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error('not a regular file any more');
    if (st.size > MAX_DOCUMENT_BYTES) throw new Error(`grew over the ${MAX_DOCUMENT_BYTES / 1048576} MB limit while being read`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
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
      bytes = readChecked(entry);
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
  const nearDuplicates = new NearDuplicateFinder();
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
    const near = nearDuplicates.check(f.file, cleaned);
    if (near) {
      problems.push({
        file: f.file,
        message: `skipped: nearly the same text as ${near.of} (${near.same} of ${near.total} lines and sentences the same); its statements are counted once, from ${near.of}`,
        skipped: true,
      });
      continue;
    }
    let id = documentId(f.file);
    while (seenIds.has(id)) id = `${id}-2`;
    seenIds.add(id);

    const partial = parsed.kind === 'invalid' ? partialFields(content) : {};
    const inferred: string[] = [];
    const title = fm?.title ?? partial.title ?? (inferred.push('title'), inferTitle(cleaned, id));
    const givenName = fm?.company ?? partial.company;
    let company = null;
    if (givenName) {
      const claim = claimCompany(registry, f.file, givenName, fm?.aliases ?? []);
      for (const p of claim.problems) problems.push({ ...p, skipped: false });
      company = claim.company;
    }
    if (!company) {
      const guess = inferCompany(cleaned, registry);
      inferred.push('company');
      const guessed = guess && (guess.known || !notACompanyName(guess.name)) ? guess.name : null;
      if (!guessed) problems.push({ file: f.file, field: 'company', message: 'no company named in front matter and none recognised in the text; answers will list it under "Unknown company"', skipped: false });
      company = registry.findExact(guessed ?? '') ?? registry.add(guessed ?? 'Unknown company');
    }
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
  const fence = splitFence(content);
  return fence?.closed ? fence.body : content;
}

// When some fields are bad, the good `title` and `company` lines are still worth keeping.
function partialFields(content: string): { title?: string; company?: string } {
  const head = splitFence(content)?.yaml.slice(0, MAX_FRONT_MATTER_CHARS) ?? '';
  const lines = head.split('\n');
  const pick = (key: string, max: number) => {
    const line = lines.find((l) => l.startsWith(`${key}:`));
    const value = line?.slice(key.length + 1).trim().replace(/^["']|["']$/gu, '').trim();
    return value && value.length <= max ? value : undefined;
  };
  return { title: pick('title', FIELD_LIMITS.title), company: pick('company', FIELD_LIMITS.company) };
}

/** Read and build in one step. */
export function loadCorpus(dir: string, registry: CompanyRegistry): LoadedCorpus {
  const read = readCorpusFiles(dir);
  const built = buildDocuments(read.files, registry);
  return { documents: built.documents, problems: [...read.problems, ...built.problems] };
}
