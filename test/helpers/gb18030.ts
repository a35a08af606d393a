/** A GB18030 encoder through the TextDecoder's table, built for the characters needed (Node has no encoder). */
export function encodeGb18030(text: string): number[] {
  const need = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let hi = 0x81; hi <= 0xfe && table.size < need.size; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (need.has(ch) && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  return [...text].flatMap((c) => {
    if (c.charCodeAt(0) <= 0x7f) return [c.charCodeAt(0)];
    const code = table.get(c);
    if (!code) throw new Error(`no two-byte GB18030 code for ${c}`);
    return code;
  });
}
