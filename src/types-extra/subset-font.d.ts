/** The part of subset-font (HarfBuzz's subsetter, wasm) newsprint uses. */
declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'truetype' | 'woff' | 'woff2' | 'sfnt'; preserveNameIds?: number[] },
  ): Promise<Buffer>;
}
