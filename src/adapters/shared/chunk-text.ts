/**
 * Split text into chunks of at most `max` UTF-16 units, for platforms that refuse a
 * longer text block: at line breaks where possible, else at a space near the end of a
 * long line. A cut never falls inside a surrogate pair (half an emoji) or inside an
 * HTML entity such as `&amp;` (Slack's escaping).
 */
export function chunkText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const pieces = line.length > max ? splitLongLine(line, max) : [line];
    for (const piece of pieces) {
      if (!current) current = piece;
      else if (current.length + 1 + piece.length <= max) current = `${current}\n${piece}`;
      else {
        chunks.push(current);
        current = piece;
      }
    }
  }
  if (current.trim()) chunks.push(current);
  return chunks;
}

function splitLongLine(line: string, max: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max * 0.6) cut = max;
    if (/[\ud800-\udbff]/u.test(rest[cut - 1] ?? '')) cut -= 1;
    const tail = rest.slice(Math.max(0, cut - 5), cut);
    const amp = tail.lastIndexOf('&');
    if (amp >= 0 && !tail.slice(amp).includes(';')) cut = Math.max(1, cut - tail.length + amp);
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}
