import { parsePeriod } from '../periods.ts';
import type { CompanyRegistry } from '../companies/registry.ts';
import { cleanText } from './clean.ts';
import { claimCompany, notACompanyName } from './company-names.ts';
import type { CorpusDocument } from './document.ts';
import type { DocumentRead, ReadProblem } from './formats/document-read.ts';
import { inferCompany, inferLanguage, inferPublished, inferTitle } from './infer.ts';
import { NearDuplicateFinder } from './near-duplicates.ts';

/** What loading a folder produced. */
export interface LoadedCorpus {
  documents: CorpusDocument[];
  /** Problems found; `skipped` ones kept the file out of the corpus. */
  problems: ReadProblem[];
}

/** A file of the folder, read into text by its format (`readDocuments`). */
export interface ReadCorpusFile {
  file: string;
  bytes: Buffer;
  mtimeMs: number;
  hash: string;
  read: DocumentRead;
}

function documentId(file: string): string {
  const name = file.replace(/^.*[\\/]/u, '');
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name)
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/gu, '') || 'document';
}

/**
 * Turn read files into documents: validate front matter, clean, infer what is missing,
 * register companies. A bad file is reported and skipped or loaded as far as is safe;
 * it never stops the rest of the corpus from loading.
 */
export function buildDocuments(files: ReadCorpusFile[], registry: CompanyRegistry): LoadedCorpus {
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
    const read = f.read;
    problems.push(...read.problems);
    if (read.text === null) continue;
    const parsed = read.frontMatter;
    const fm = parsed.kind === 'front-matter' ? parsed.data : null;
    if (parsed.kind === 'invalid') {
      for (const p of parsed.problems) {
        problems.push({ ...p, skipped: false, message: `${p.message}; ${p.field ? 'the field is ignored and inferred from the text' : 'the document is read without its front matter'}` });
      }
    }
    const cleaned = read.cleaned ? read.text : cleanText(read.text).text;
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

    const partial = parsed.kind === 'invalid' ? read.partial : {};
    const inferred: string[] = [];
    // A page's own title (HTML <title>, PDF metadata) is given by the page, not guessed from its text.
    const title = fm?.title ?? partial.title ?? read.meta?.title ?? (inferred.push('title'), inferTitle(cleaned, id));
    const givenName = fm?.company ?? partial.company;
    let company = null;
    if (givenName) {
      const claim = claimCompany(registry, f.file, givenName, fm?.aliases ?? []);
      for (const p of claim.problems) problems.push({ ...p, skipped: false });
      company = claim.company;
    }
    if (!company) {
      // The page's title names the company more often than any sentence does.
      const guess = inferCompany(read.meta?.title ? `${read.meta.title}\n${cleaned}` : cleaned, registry);
      inferred.push('company');
      const guessed = guess && (guess.known || !notACompanyName(guess.name)) ? guess.name : null;
      if (!guessed) problems.push({ file: f.file, field: 'company', message: `no company named in ${read.kind === 'markdown' || read.kind === 'text' ? 'front matter' : 'a .meta.yaml sidecar'} and none recognised in the text; answers will list it under "Unknown company"`, skipped: false });
      company = registry.findExact(guessed ?? '') ?? registry.add(guessed ?? 'Unknown company');
    }
    const published = fm?.published ?? read.meta?.published ?? (inferred.push('published'), inferPublished(cleaned));
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
      kind: read.kind,
      ...(read.pages ? { pages: read.pages } : {}),
    });
  }
  return { documents, problems };
}
