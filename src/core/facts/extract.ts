import type { CompanyRegistry } from '../companies/registry.ts';
import type { CorpusDocument } from '../corpus/document.ts';
import type { Fact } from './fact.ts';

/** Extract every figure a document states. */
export function extractFacts(_doc: CorpusDocument, _registry: CompanyRegistry): Fact[] {
  return [];
}
