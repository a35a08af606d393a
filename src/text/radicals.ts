/**
 * Radical code points an extractor may give for ordinary characters: a PDF
 * whose font maps one glyph to both 人 and the Kangxi radical ⼈ (Noto does)
 * can copy out as ⼈⺠⽇报 instead of 人民日报. Kangxi radicals (U+2F00–2FD5)
 * have a Unicode compatibility decomposition (NFKC); radicals-supplement
 * forms (U+2E80–2EF3) mostly do not, so their unified ideograph is listed
 * here, taken from the glyph Noto Serif SC draws for both code points.
 */
const SUPPLEMENT =
  '⺂乛⺃乚⺅亻⺉刂⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺦丬⺨犭⺫罒⺭礻⺯糹⺰纟⺱罓⺲罒⺹耂⺺肀⺾艹' +
  '⻁虎⻂衤⻃覀⻅见⻆角⻈讠⻉贝⻋车⻌辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐' +
  '⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';

const UNIFIED = new Map<string, string>();
{
  const chars = [...SUPPLEMENT];
  for (let i = 0; i + 1 < chars.length; i += 2) UNIFIED.set(chars[i]!, chars[i + 1]!);
}

/** The unified ideograph a radical code point stands for, or null for any other character. */
export function unifiedOf(ch: string): string | null {
  const c = ch.codePointAt(0)!;
  if (c >= 0x2f00 && c <= 0x2fd5) return ch.normalize('NFKC');
  return UNIFIED.get(ch) ?? null;
}

/** `s` with every radical code point replaced, and the offsets (in UTF-16 units) that changed. */
export function unifyRadicals(s: string): { text: string; positions: number[] } {
  let text = '';
  const positions: number[] = [];
  let at = 0;
  for (const ch of s) {
    const u = unifiedOf(ch);
    if (u) positions.push(at);
    text += u ?? ch;
    at += ch.length;
  }
  return { text, positions };
}
