/** Types for subset-font (the package ships none): the part the charts use. */
declare module 'subset-font' {
  /** Options of `subsetFont`; see the package README. */
  export interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2';
    preserveNameIds?: number[];
    keepFeatures?: string[];
    noLayoutClosure?: boolean;
    noHinting?: boolean;
  }
  /** A subset of `font` with the glyphs of the characters of `text`. */
  export default function subsetFont(font: Buffer, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}
