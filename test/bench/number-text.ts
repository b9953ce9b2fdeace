/**
 * An independent reader of the number texts the generator writes, used only to check
 * that the ground truth says what the text says. Deliberately separate from both the
 * generator and the engine's extractor.
 */
export function readNumberText(text: string): number | null {
  const t = text.replace(/,/gu, '');
  let m = t.match(/^(?:RMB |US\$)(\d+(?:\.\d+)?) (million|billion)$/u) ?? t.match(/^(\d+(?:\.\d+)?) (million|billion) yuan$/u);
  if (m) return Number(m[1]) * (m[2] === 'billion' ? 1e9 : 1e6);
  m = t.match(/^(?:人民[币幣])?(-?\d+(?:\.\d+)?)([亿億万萬])(?:元|美元)(?:人民[币幣])?$/u);
  if (m) return Number(m[1]) * (/[亿億]/u.test(m[2]!) ? 1e8 : 1e4);
  m = t.match(/^(-?\d+(?:\.\d+)?)%$/u);
  if (m) return Number(m[1]);
  m = t.match(/^(\d+)人?$/u);
  if (m) return Number(m[1]);
  return null;
}
