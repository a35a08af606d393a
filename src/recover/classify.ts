/**
 * What one line (or paragraph) of a page can be, read from its text alone:
 * a byline, a deck, a dateline, a sign-off, furniture, a box label, a
 * headline candidate. Pure predicates; the structure model decides from
 * these and from where the lines stand.
 */
import { CLOSING, emWidth, endsSentence, isHan } from '../text/chars.js';
import { isLetterSpaced, removeExtractionSpaces } from './spaces.js';

/** Headlines and bylines are short: no line of one is wider than this (ems). */
export const MAX_HEADLINE_EM = 40;
/** A personal name is two to four Han characters (compound surnames included). */
const NAME = /^\p{Script=Han}{2,4}$/u;
/**
 * Common Chinese surnames (the most frequent few hundred, which cover nearly
 * everyone). A bare name printed as a byline must start with one: it keeps
 * `问题`, `链接` or `核心阅读` standing under a headline-like line from being read as a name.
 */
const SURNAMES = new Set([
  ...('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈' +
    '姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
    '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季' +
    '裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦' +
    '戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻' +
    '苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练' +
    '廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿' +
    '鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由'),
]);
const COMPOUND_SURNAMES =
  /^(欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|端木|令狐|澹台|万俟|轩辕)/;
/** A person's name: a surname, then one or two characters (four only after a two-character surname: 欧阳, 司马…). */
export const looksLikeName = (s: string): boolean =>
  NAME.test(s) && (COMPOUND_SURNAMES.test(s) || (SURNAMES.has(s[0]!) && [...s].length < 4));
/** Words that make a byline token a role rather than a name. */
const ROLE_WORD = /(记者|通讯员|评论员|特约|撰稿|编辑|作者|摄影|实习生|专栏)/;
const MARKER = /^[□■◆◇]/;
/** Starts with a byline mark (`□ 本报记者 王明远`). */
export const startsWithMark = (raw: string): boolean => MARKER.test(raw.trim());

/** Spaces out, for matching patterns whatever the extractor did to spacing. */
export const compact = (s: string): string => s.replace(/[\s\u3000]+/g, '');

export interface BylineParts {
  role: string;
  /** Names, as printed, joined back when the extractor letter-spaced them. */
  names: string[];
  /** Printed with a byline mark (□, or 口 misread for it). */
  marker: '□' | '口' | '';
  /** What follows the role where a second role stands among the names (`王明远 通讯员 赵小军`). */
  name?: string;
}

/** A second contributor's role inside a byline or a dateline, before their names: `通讯员`, `实习生`. */
const INNER_ROLE_WORD = '(?:本报)?(?:特约记者|记者|通讯员|实习生)';
const INNER_ROLE = new RegExp(`^${INNER_ROLE_WORD}$`);
/** What parts a dateline's names: marks, spaces, and a second contributor's role (`王明远、通讯员赵小军`). */
const INNER_SPLIT = new RegExp(`[、，,\\s]+|${INNER_ROLE_WORD}`);

/**
 * Single-character tokens are letter-spaced names: `王  沛` is 王沛,
 * `李 清 和` is 李清和; a run of four is two two-character names.
 */
function joinNames(tokens: string[]): string[] | null {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    if ([...tokens[i]!].length > 1) {
      out.push(tokens[i++]!);
      continue;
    }
    let j = i;
    while (j < tokens.length && [...tokens[j]!].length === 1) j++;
    const run = tokens.slice(i, j);
    if (run.length < 2) return null;
    if (run.length === 3) out.push(run.join(''));
    else for (let k = 0; k < run.length; k += 2) out.push(run.slice(k, k + 2).join(''));
    i = j;
  }
  return out.every((n) => NAME.test(n) && !ROLE_WORD.test(n)) ? out : null;
}

/**
 * Names printed (or extracted) without a space between them: `王明远李清和` is 王明远 and 李清和, `张华陈东` is
 * 张华 and 陈东. A run of four or more is cut into names that each start with a surname, three-character
 * names tried before two-character ones at each cut (the commoner length); four characters with no such
 * cut, or with a compound surname (`欧阳小明`), are one name.
 */
export function splitGluedNames(s: string): string[] | null {
  const chars = [...s];
  if (chars.length < 4 || COMPOUND_SURNAMES.test(s)) return NAME.test(s) ? [s] : null;
  const cut = (from: number): string[] | null => {
    if (from === chars.length) return [];
    for (const len of [3, 2, 4]) {
      const name = chars.slice(from, from + len).join('');
      if (from + len > chars.length || !looksLikeName(name) || (len === 4 && !COMPOUND_SURNAMES.test(name))) continue;
      const rest = cut(from + len);
      if (rest) return [name, ...rest];
    }
    return null;
  };
  return cut(0) ?? (NAME.test(s) ? [s] : null);
}

/** Two letter-spaced two-character names (`耿  磊  李  明`) are the most single characters a byline has. */
const MAX_SPACED_BYLINE_TOKENS = 4;

/**
 * A byline line: `□ 本报记者 王明远`, `本报记者  王  明`, `本报东州分社记者 李华`,
 * `口 兴县人大常委会主任 史小军`; with `nameOnly`, also a bare `李清和` or
 * `王明远 李清和` (only where it stands under a headline).
 */
export function parseByline(raw: string, nameOnly = false): BylineParts | null {
  let s = raw.trim();
  if (!s || emWidth(s) > MAX_HEADLINE_EM || /[，。；！？,;!?：:“”"《》]/.test(s)) return null;
  let marker: BylineParts['marker'] = '';
  if (MARKER.test(s)) {
    marker = '□';
    s = s.slice(1).trim();
  } else if (s.startsWith('口') && (/^口[\s\u3000]/.test(s) || ROLE_WORD.test(s.slice(1, 12)))) {
    if (isLetterSpaced(s)) return null;
    marker = '口';
    s = s.slice(1).trim();
  }
  const tokens = s.split(/[\s\u3000]+/).filter(Boolean);
  if (tokens.length === 0 || !tokens.every((t) => /^[\p{Script=Han}·、]+$/u.test(t))) return null;
  // Every character apart: a loose column line an extractor spelled out (`人 员 责 任 虚 化 等`), not the two
  // letter-spaced names of a byline (`耿  磊`).
  if (tokens.length > MAX_SPACED_BYLINE_TOKENS && tokens.every((t) => [...t].length === 1)) return null;
  // `本报记者王明远`: role and name printed together.
  if (tokens.length === 1) {
    const m =
      /^(.*(?:记者|通讯员|评论员|撰稿人?|主任|主席|书记|局长|院长|校长|部长|委员|代表))(\p{Script=Han}{2,12})$/u.exec(
        tokens[0]!,
      );
    const names = m ? splitGluedNames(m[2]!) : null;
    // Glued, a role must say so plainly: a headline can end in `…代表工作` too.
    if (m && names && (marker || /(记者|通讯员|评论员|撰稿人?)$/.test(m[1]!))) return { role: m[1]!, names, marker };
    if (marker && NAME.test(tokens[0]!)) return { role: '', names: [tokens[0]!], marker };
    if (nameOnly && looksLikeName(tokens[0]!) && !isBoxLabel(tokens[0]!))
      return { role: '', names: [tokens[0]!], marker };
    return null;
  }
  // Two roles, each with its names (`本报记者 王明远 通讯员 赵小军`): the first is the role, the rest as printed.
  const inner = tokens.findIndex((t, k) => k > 1 && INNER_ROLE.test(t));
  if (inner > 0) {
    const first = parseByline(tokens.slice(0, inner).join(' '));
    const second = joinNames(tokens.slice(inner + 1));
    if (first?.role && second)
      return {
        role: first.role,
        names: [...first.names, ...second],
        marker,
        name: [...first.names, tokens[inner]!, ...second].join(' '),
      };
  }
  // Role: the leading tokens up to the last one that is not a name.
  for (let split = 0; split < tokens.length; split++) {
    const names = joinNames(tokens.slice(split));
    if (!names || names.length > 4) continue;
    const role = tokens.slice(0, split).join(' ');
    // A role of name length (`副研究员 林秋实`) reads as a name first: try it as the role.
    if (role === '' && !marker && !(nameOnly && names.every(looksLikeName))) continue;
    if (role !== '' && !marker && !(ROLE_WORD.test(role) || /[员长任席]$/.test(role))) return null;
    return { role, names, marker };
  }
  return null;
}

/**
 * A sentence of one to three characters (`…考核办法等。少。王明远借来…`) is the end of a sentence printed
 * elsewhere: the extractor put another column's rest here. (Short sentences of speech are quoted: `“对。”`.)
 */
export const hasStraySentenceEnd = (text: string): boolean => /(?:^|[。！？])\p{Script=Han}{1,3}[。！？]/u.test(text);

/** A deck printed under a headline: `——全市人大…`. */
export function isDeck(raw: string): boolean {
  // A dash line that leaves a bracket open runs on into the next line: a sentence of a column
  // (`…专门机构` / `——东州县水利管理站（东州市河湖管理中心` / `前身）在此成立`), no subtitle.
  return /^\s*(——|－－|--|—)/.test(raw) && !leavesOpen(raw);
}

/** Who files a dateline: the paper itself (`本报`) or an agency. */
export const AGENCY = '本报|新华社|中新社|中新网|人民网|央视网|光明日报|经济日报';
/** A dateline's place and date end at `电`; a local report's at `讯` (`本报讯（记者…）`), with neither. */
const FILED = '(?:[^，。（(]{0,16}?电|讯)';
const DATELINE_START = new RegExp(`^(?:${AGENCY})${FILED}`);

/**
 * A dateline opening an article: `本报北京1月7日电（记者李清和）…`,
 * `新华社北京3月1日电（记者…）`, `本报讯（记者…）`. Gives the agency and the reporters' names.
 */
export function parseDateline(text: string): { agency: string; names: string[] } | null {
  const m = new RegExp(`^(${AGENCY})${FILED}[（(](?:本报)?记者([^）)]{2,40})[）)]`).exec(compact(text));
  if (!m) return null;
  // Parted at marks, spaces and a second contributor's role; names the extractor glued together cut apart.
  const names = m[2]!
    .split(INNER_SPLIT)
    .flatMap((part) => (part ? (splitGluedNames(part) ?? []) : []))
    .filter((n) => NAME.test(n));
  return names.length ? { agency: m[1]!, names } : null;
}

/** Starts like a dateline, reporters named or not (`本报北京1月7日电`). */
export function isDatelineStart(text: string): boolean {
  return DATELINE_START.test(compact(text));
}

/** Opens a sign-off: `（作者为…`, `（本报记者…`, `（摘编自…`, `（来源：…` (the rest may be on the lines after). */
const SIGNOFF_START = /^[（(〔](作者|本报记者|摘编|来源)/;

/** Opens a labelled part of a commentary or a box: `【事件】…`, `【点评】`. */
const LABEL_START = /^【[^【】]{1,6}】/;

/** Always starts a paragraph: a dateline, a sign-off's first line, a label in lenticular brackets. */
export const opensParagraph = (text: string): boolean =>
  isDatelineStart(text) || SIGNOFF_START.test(text) || LABEL_START.test(text);

/**
 * A sign-off closing an article: `（作者为…）`, `（本报记者某某采访整理）`,
 * `〔作者系…〕`, `（摘编自《…》）`. Gives the author's role when it names one.
 */
export function parseSignoff(text: string): { role: string } | null {
  const s = compact(text);
  const m = /^[（(〔]([^（）()〔〕]*(?:作者|记者|整理|摘编|来源|编者)[^（）()〔〕]*)[）)〕]$/.exec(s);
  if (!m) return null;
  const role = /^作者(?:为|系)([^，,]+)/.exec(m[1]!)?.[1] ?? '';
  return { role };
}

/** Box labels and standing heads that open a box inside an article, never a headline: `核心阅读`, `编者按`. */
const BOX_LABELS = /^(核心阅读|编者按|相关链接|链接|延伸阅读|背景链接|数据来源|记者手记|短评|点评|专家点评|小贴士)$/;
export function isBoxLabel(raw: string): boolean {
  return BOX_LABELS.test(compact(raw));
}

/**
 * A line that can be (part of) a headline, a kicker or a subhead: short,
 * with Han text, not ending in a comma or a full stop, not starting with a
 * closing mark. Body lines mid-paragraph look the same, so where a
 * candidate stands decides what it is.
 */
export function isHeadlineCandidate(raw: string, maxEm = MAX_HEADLINE_EM): boolean {
  // Opening with an indent of ideographic spaces: a paragraph's first line (a short subhead wrapped in a narrow
  // column, `　　勾画西湾发展` / `蓝图`), never a headline.
  if (/^\u3000{2}/.test(raw)) return false;
  const s = raw.trim();
  if (!s || emWidth(s) > maxEm || isDeck(s) || parseByline(s) || isBoxLabel(s)) return false;
  const text = removeExtractionSpaces(s, 'clause-breaks').text;
  const han = [...text].filter(isHan).length;
  if (han < 2 || CLOSING.has([...text][0]!) || /^[，。、；：！？,.;:]/.test(text)) return false;
  // A bracket closed but not opened: the end of a bracket begun on an earlier line, as in a sign-off broken
  // over narrow columns. (A quote may close on a headline's second line: `headlineAbove` sees to those.)
  if (isDatelineStart(text) || parseSignoff(text) || closesUnopened(text, BRACKETS)) return false;
  // Headlines carry no full stop or semicolon anywhere: a line with one inside is running text; so is one
  // with a comma and a question or exclamation mark inside.
  if (/[。；;]./.test(text) || (/[，,]/.test(text) && /[！？!?][^”’」』）)]/.test(text))) return false;
  return !/[，、：,:；;。]$/.test(text) && !(endsSentence(text) && /[。]$/.test(text.replace(/[”’』」）)]+$/, '')));
}

const BRACKETS = ['（(《', '）)》'] as const;
const BRACKETS_AND_QUOTES = ['（(《“‘', '）)》”’'] as const;

/** A closing mark with no opening one before it: the end of something begun on an earlier line. */
export function closesUnopened(text: string, marks: readonly [string, string] = BRACKETS_AND_QUOTES): boolean {
  let depth = 0;
  for (const c of text) {
    if (marks[0].includes(c)) depth++;
    else if (marks[1].includes(c) && --depth < 0) return true;
  }
  return false;
}

/** Round brackets left open after `text`, counting from `depth` open before it (a stray closing one is ignored). */
export function bracketDepth(text: string, depth = 0): number {
  for (const ch of text)
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
  return depth;
}

/** More round brackets opened than closed: what follows continues the bracket (`（作者为东州市政协` …). */
export const leavesOpen = (text: string): boolean => bracketDepth(text) > 0;

/**
 * More quotations opened than closed (`“路修到了家门`): a heading standing on one line closes what it quotes,
 * so such a line is a quotation running on, not a subhead.
 */
export const leavesQuoteOpen = (text: string): boolean => text.split('“').length > text.split('”').length;

/** A byline role starts with the place it speaks for: `兴县人大常委会主任` → 兴县, `石楼县…` → 石楼县 and 石楼. */
export function placesOf(role: string): string[] {
  const m = /^(\p{Script=Han}{1,6}?[省市县区州盟旗镇乡])/u.exec(role);
  if (!m) return [];
  const place = m[1]!;
  const short = place.slice(0, -1);
  return [...place].length > 2 && [...short].length >= 2 ? [place, short] : [place];
}
