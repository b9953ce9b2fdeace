import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { CompanyRegistry } from '../companies/registry.ts';
import { buildDocuments, type LoadedCorpus, type ReadCorpusFile } from './build-documents.ts';
import { DEFAULT_MAX_PDF_BYTES } from './formats/pdf.ts';
import { FORMAT_BY_EXTENSION, formatOf } from './formats/kinds.ts';
import { readDocumentFile } from './formats/read-document.ts';
import { sidecarName } from './formats/sidecar.ts';

export { buildDocuments, type LoadedCorpus, type ReadCorpusFile } from './build-documents.ts';

/** Extensions read as documents; anything else in the folder is ignored. */
export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(FORMAT_BY_EXTENSION.keys());
/** Text files larger than this are skipped: a 50 MB dump is not a document a person can quote. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export { DEFAULT_MAX_PDF_BYTES } from './formats/pdf.ts';
/** A sidecar is a few lines of YAML; a bigger one is not read. */
const MAX_SIDECAR_BYTES = 64 * 1024;

/** Size limits of one file, by format. */
export interface ReadLimits {
  /** Largest Markdown, text or HTML file read (default `MAX_DOCUMENT_BYTES`). */
  maxDocumentBytes?: number;
  /** Largest PDF read (default `DEFAULT_MAX_PDF_BYTES`): reports carry images and run long. */
  maxPdfBytes?: number;
}

/** The size limit of one file by its format. */
export function limitOf(file: string, limits: ReadLimits): number {
  return formatOf(file) === 'pdf' ? (limits.maxPdfBytes ?? DEFAULT_MAX_PDF_BYTES) : (limits.maxDocumentBytes ?? MAX_DOCUMENT_BYTES);
}

/** A file of the documents folder with its content hash, for change detection. */
export interface CorpusFile {
  path: string;
  file: string;
  bytes: Buffer;
  mtimeMs: number;
  /** sha256 of the file, and of its sidecar when it has one: editing either re-indexes. */
  hash: string;
  /** The `<file>.meta.yaml` beside it, read. */
  sidecar?: { file: string; bytes: Buffer; size: number; mtimeMs: number };
}

/** A sidecar found beside a document file. */
export interface SidecarEntry {
  path: string;
  file: string;
  size: number;
  mtimeMs: number;
  real: string;
}

/** A document file found in the folder, before reading it. */
export interface CorpusFileEntry {
  path: string;
  file: string;
  size: number;
  mtimeMs: number;
  /** The file's real path (links resolved), checked to be inside the documents folder. */
  real: string;
  sidecar?: SidecarEntry;
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
    if (!formatOf(path)) return;
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
    files.push({ path, file, size: st.size, mtimeMs: st.mtimeMs, real, sidecar: sidecarOf(root, dir, path) });
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

/** The sidecar of a document file, when one is there (a link only when it stays inside). */
function sidecarOf(root: string, dir: string, path: string): SidecarEntry | undefined {
  const sidecarPath = sidecarName(path);
  try {
    const real = realpathSync(sidecarPath);
    const st = statSync(real);
    if (!st.isFile() || !isInside(root, real)) return undefined;
    return { path: sidecarPath, file: relative(dir, sidecarPath), size: st.size, mtimeMs: st.mtimeMs, real };
  } catch {
    return undefined;
  }
}

/**
 * Read one listed file through its checked real path, refusing a link put there since
 * it was listed: what is read is what was checked.
 */
function readChecked(entry: { real: string }, limit: number): Buffer {
  // O_NONBLOCK: a pipe put in its place since the listing cannot make the read wait forever.
  const fd = openSync(entry.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error('not a regular file any more');
    if (st.size > limit) throw new Error(`grew over the ${limit / 1048576} MB limit while being read`);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * List and read the document files of a folder (and their sidecars), with content
 * hashes. Only bytes are read here; turning them into text is `readDocuments`.
 */
export function readCorpusFiles(dir: string, limits: ReadLimits = {}): { files: CorpusFile[]; problems: LoadedCorpus['problems'] } {
  const listed = statCorpusFiles(dir);
  const files: CorpusFile[] = [];
  const problems = [...listed.problems];
  for (const entry of listed.files) {
    const limit = limitOf(entry.file, limits);
    if (entry.size > limit) {
      const kind = formatOf(entry.file) === 'pdf' ? 'PDF' : 'document';
      problems.push({
        file: entry.file,
        message: `skipped: ${(entry.size / 1048576).toFixed(1)} MB is over the ${(limit / 1048576).toFixed(limit % 1048576 ? 1 : 0)} MB limit for one ${kind}`,
        skipped: true,
      });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readChecked(entry, limit);
    } catch (error) {
      problems.push({ file: entry.file, message: `cannot read: ${(error as Error).message}`, skipped: true });
      continue;
    }
    const hash = createHash('sha256').update(bytes);
    let sidecar: CorpusFile['sidecar'];
    if (entry.sidecar) {
      try {
        const sidecarBytes = readChecked(entry.sidecar, MAX_SIDECAR_BYTES);
        sidecar = { file: entry.sidecar.file, bytes: sidecarBytes, size: entry.sidecar.size, mtimeMs: entry.sidecar.mtimeMs };
        hash.update('\0sidecar\0').update(sidecarBytes);
      } catch (error) {
        problems.push({ file: entry.sidecar.file, message: `sidecar not read: ${(error as Error).message}; the fields of ${basename(entry.file)} are inferred`, skipped: false });
      }
    }
    files.push({ path: entry.path, file: entry.file, bytes, mtimeMs: entry.mtimeMs, hash: hash.digest('hex'), sidecar });
  }
  return { files, problems };
}

/**
 * Read each file into text by its format (PDF parsing is asynchronous). A file that
 * cannot be read is kept with a skipped read saying why; the others are not affected.
 */
export async function readDocuments(files: CorpusFile[]): Promise<ReadCorpusFile[]> {
  // The same objects, not copies: the snapshot drops their bytes once built, and a copy
  // would keep every file's bytes alive through the whole build.
  const out = files as Array<CorpusFile & Partial<Pick<ReadCorpusFile, 'read'>>>;
  // One at a time: a 300-page PDF's text items are freed before the next file is parsed.
  for (const f of out) f.read = await readDocumentFile(f);
  return out as ReadCorpusFile[];
}

/** Read and build in one step. */
export async function loadCorpus(dir: string, registry: CompanyRegistry, limits: ReadLimits = {}): Promise<LoadedCorpus> {
  const read = readCorpusFiles(dir, limits);
  const built = buildDocuments(await readDocuments(read.files), registry);
  return { documents: built.documents, problems: [...read.problems, ...built.problems] };
}
