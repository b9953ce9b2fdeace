/** Bumped whenever extraction rules change, so persisted indexes are rebuilt. */
export const EXTRACTION_VERSION = 2;
