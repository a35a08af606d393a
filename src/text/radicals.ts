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

/**
 * Kangxi radicals whose compatibility form (NFKC) is a traditional character but which a
 * simplified-Chinese font draws with the simplified glyph: Noto SC maps ⼾ (U+2F3E) and 户
 * to one glyph, while NFKC gives 戶.
 */
const KANGXI_SIMPLIFIED = new Map([['⼾', '户']]);

/**
 * Characters an extractor that applies NFKC itself (pdf.js does) gives for those radicals:
 * on a page set in simplified characters they stand for the simplified form.
 */
const NFKC_OF_SIMPLIFIED = new Map(
  [...KANGXI_SIMPLIFIED].map(([radical, simplified]) => [radical.normalize('NFKC'), simplified]),
);

/**
 * Frequent characters that exist in only one script, pairwise (simplified, traditional):
 * enough to tell a page set in simplified characters from one in traditional.
 */
const SCRIPT_PAIRS = '这這们們国國说說时時对對会會发發经經为為来來个個开開关關长長东東见見还還进進过過';
const SIMPLIFIED_ONLY = new Set([...SCRIPT_PAIRS].filter((_, i) => i % 2 === 0));
const TRADITIONAL_ONLY = new Set([...SCRIPT_PAIRS].filter((_, i) => i % 2 === 1));
/** Simplified-only characters needed, and how many times the traditional-only ones they must outnumber. */
const SIMPLIFIED_MIN = 5;
const SIMPLIFIED_RATIO = 10;

/** The page is set in simplified characters: its frequent one-script characters are simplified. */
export function isSimplifiedPage(text: string): boolean {
  let simplified = 0;
  let traditional = 0;
  for (const ch of text) {
    if (SIMPLIFIED_ONLY.has(ch)) simplified++;
    else if (TRADITIONAL_ONLY.has(ch)) traditional++;
  }
  return simplified >= SIMPLIFIED_MIN && simplified >= SIMPLIFIED_RATIO * traditional;
}

const UNIFIED = new Map<string, string>();
{
  const chars = [...SUPPLEMENT];
  for (let i = 0; i + 1 < chars.length; i += 2) UNIFIED.set(chars[i]!, chars[i + 1]!);
}

/** The unified ideograph a radical code point stands for, or null for any other character. */
export function unifiedOf(ch: string, simplified = false): string | null {
  const c = ch.codePointAt(0)!;
  if (simplified && KANGXI_SIMPLIFIED.has(ch)) return KANGXI_SIMPLIFIED.get(ch)!;
  if (c >= 0x2f00 && c <= 0x2fd5) return ch.normalize('NFKC');
  if (simplified && NFKC_OF_SIMPLIFIED.has(ch)) return NFKC_OF_SIMPLIFIED.get(ch)!;
  return UNIFIED.get(ch) ?? null;
}

/**
 * `s` with every radical code point replaced, and the offsets (in UTF-16 units) that changed.
 * `simplified`: the page is set in simplified characters (see isSimplifiedPage).
 */
export function unifyRadicals(s: string, simplified = false): { text: string; positions: number[] } {
  let text = '';
  const positions: number[] = [];
  let at = 0;
  for (const ch of s) {
    const u = unifiedOf(ch, simplified);
    if (u) positions.push(at);
    text += u ?? ch;
    at += ch.length;
  }
  return { text, positions };
}
