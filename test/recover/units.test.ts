import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InputError, InvariantError } from '../../src/errors.js';
import {
  hasStraySentenceEnd,
  isDeck,
  isHeadlineCandidate,
  parseByline,
  parseDateline,
  parseSignoff,
  placesOf,
} from '../../src/recover/classify.js';
import { itemConfidence } from '../../src/recover/confidence.js';
import { decodeExtraction } from '../../src/recover/decode.js';
import { introducedPeople } from '../../src/recover/fragments.js';
import { joinHeadlineLines, spansJoin } from '../../src/recover/headlines.js';
import { lineCues, recoverText } from '../../src/recover/index.js';
import { type FragmentCues, type ItemCues, interleave, readingOrder } from '../../src/recover/interleave.js';
import { checkNothingLost } from '../../src/recover/invariants.js';
import { type CleanLine, type DraftCorrection, joinStrayMarks, withWidth } from '../../src/recover/lines.js';
import { parseMasthead } from '../../src/recover/masthead.js';
import { lineMeasures, measuresOfLines } from '../../src/recover/measure.js';
import { joinFragments, NO_CUES, paragraphs } from '../../src/recover/paragraphs.js';
import { glueLines, joinPieces, writesPieces } from '../../src/recover/pieces.js';
import { assignRuns } from '../../src/recover/segment.js';
import { removeExtractionSpaces } from '../../src/recover/spaces.js';
import { undouble, undoublings } from '../../src/recover/undouble.js';
import { speaksFirstPerson } from '../../src/recover/voice.js';
import { hanCounts } from '../../src/text/chars.js';
import { isSimplifiedPage, unifyRadicals } from '../../src/text/radicals.js';
import { jiebaWords } from '../../src/text/segmenter.js';

const line = (raw: string) => ({ no: 1, raw, blankBefore: true });
/** An extracted line as cleaned, at line i + 1 (so `texts.map(cleanLine)` numbers them). */
const cleanLine = (raw: string, i = 0) => withWidth({ no: i + 1, raw, text: raw, removed: [], blankBefore: false });
/** A line as an extractor that keeps what it saw writes it: its raw with indents and gaps, its text without them. */
const spacedLine = (raw: string, i: number) =>
  withWidth({ no: i + 1, raw, text: raw.replace(/[ \u3000]/g, ''), removed: [], blankBefore: false });
/** The articles recovered from a page of invented lines. */
const articlesOf = (page: string[]) => recoverText(page.join('\n'), { file: 't.txt', words: jiebaWords }).articles;
/** Each article recovered from the page: its headline, its byline's name, and its text's last five characters. */
const headlineNameEnd = (page: string[]) =>
  articlesOf(page).map((a) => [a.headline, a.byline?.name, a.paragraphs.join('').slice(-5)]);

test('undouble: runs drawn twice read once', () => {
  assert.equal(undouble('政教专刊部主办政教专刊部主办').text, '政教专刊部主办');
  assert.equal(undouble('电子信箱电子信箱：：llrbzhjb@llrbzhjb@163163.com.com').text, '电子信箱：llrbzhjb@163.com');
  assert.equal(undouble('20242024年年11月月88日日').text, '2024年1月8日');
  assert.equal(undouble('星期一').cost, 3, 'text that was not doubled costs one per character');
  const readings = undoublings('11月月').map((r) => r.text);
  assert.ok(readings.includes('1月') && readings.includes('11月'));
});

test('masthead date: the weekday decides between readings', () => {
  const jan = parseMasthead(
    line('政教专刊部主办政教专刊部主办 20242024年年11月月88日日 星期一星期一 电子信箱电子信箱：：a@a@163163.com.com'),
  );
  assert.equal(jan.masthead?.date, '2024-01-08');
  // Not doubled at all: 11月 is November, and 8 November 2024 is a Friday.
  const nov = parseMasthead(line('文化周刊 2024年11月8日 星期五 电子信箱：b@qq.com'));
  assert.equal(nov.masthead?.date, '2024-11-08');
  assert.equal(nov.masthead?.section, '文化周刊');
  // Doubled digits only where the weekday says so: 2024年1月1日 was a Monday.
  const partly = parseMasthead(line('经济部经济部 2024年11月11日 星期一星期一'));
  assert.equal(partly.masthead?.date, '2024-01-01');
  const wrong = parseMasthead(line('要闻部要闻部 20242024年年11月月88日日 星期三星期三'));
  assert.equal(wrong.masthead?.date, '2024-01-08');
  assert.ok(wrong.warnings.some((w) => w.code === 'masthead-weekday-mismatch'));
});

test('spaces: extraction spaces go, spaces between Latin words stay', () => {
  assert.equal(removeExtractionSpaces('课 题 进 行 监 督 ，不 断 提 升').text, '课题进行监督，不断提升');
  assert.equal(removeExtractionSpaces('2023年11月 24日，全市').text, '2023年11月24日，全市');
  assert.equal(removeExtractionSpaces('引入 Open Data 开放平台').text, '引入Open Data开放平台');
  assert.equal(removeExtractionSpaces('引 入 Open   Data 开 放 平 台 。据').text, '引入Open Data开放平台。据');
  assert.equal(
    removeExtractionSpaces('强化思想引领 开拓新时代人大工作新局面', 'clause-breaks').text,
    '强化思想引领 开拓新时代人大工作新局面',
  );
  // In running text a space between Han is printed white (an em gap), written as two spaces.
  assert.equal(removeExtractionSpaces('倡导“勤俭光荣 浪费可耻”的', 'printed-gaps').text, '倡导“勤俭光荣  浪费可耻”的');
  assert.equal(removeExtractionSpaces('本报北京6 月9 日电   （记者', 'printed-gaps').text, '本报北京6月9日电  （记者');
  assert.equal(removeExtractionSpaces('课 题 进 行 监 督 ，不 断', 'printed-gaps').text, '课题进行监督，不断');
  // A short signature printed letter-spaced keeps its gap; a longer letter-spaced line is the extractor's.
  assert.equal(removeExtractionSpaces('——编 者', 'printed-gaps').text, '——编  者');
  assert.equal(removeExtractionSpaces('——编 者 按 语 说 明', 'printed-gaps').text, '——编者按语说明');
  assert.deepEqual(removeExtractionSpaces('安排 5').removed, [2]);
});

test('bylines, headlines and decks are told from body lines', () => {
  assert.deepEqual(parseByline('□ 兴县人大常委会主任 史小军'), {
    role: '兴县人大常委会主任',
    names: ['史小军'],
    marker: '□',
  });
  assert.equal(parseByline('口 柳林县人大常委会主任 薛平')?.marker, '口');
  assert.deepEqual(parseByline('本报记者  王  明')?.names, ['王明']);
  assert.deepEqual(parseByline('本报记者 李文俊 赵佳琪')?.names, ['李文俊', '赵佳琪']);
  assert.deepEqual(
    parseByline('□本报记者李文俊赵佳琪')?.names,
    ['李文俊', '赵佳琪'],
    'names glued together are cut at surnames',
  );
  assert.deepEqual(parseByline('本报记者王明常青')?.names, ['王明', '常青']);
  assert.equal(parseByline('林秀丽'), null, 'a bare name is a byline only under a headline');
  assert.deepEqual(parseByline('林秀丽', true)?.names, ['林秀丽']);
  // Four characters are a name only after a two-character surname: `安全问题`, a subhead's wrapped end, is none.
  assert.equal(parseByline('安全问题', true), null);
  assert.deepEqual(parseByline('欧阳文静', true)?.names, ['欧阳文静']);
  assert.equal(parseByline('口径统一，标准明确，各项工作有序推进。'), null);
  assert.equal(parseByline('口 岸 建 设 有 序 推 进 ，通 关 效 率 不 断 提 升'), null);
  assert.ok(isHeadlineCandidate('依法履职尽责推动新时'));
  assert.ok(isHeadlineCandidate('如何安全处理一台旧电脑？'));
  assert.ok(!isHeadlineCandidate('对外树起了良好的务实、高效人大形象。'));
  assert.deepEqual(parseDateline('本报东州3月24日电  （记者李文颖、叶传明）近日，东州市'), {
    agency: '本报',
    names: ['李文颖', '叶传明'],
  });
  assert.equal(
    parseSignoff('（作者为东州市农业科学研究院副研究员，本报记者李华采访整理）')?.role,
    '东州市农业科学研究院副研究员',
  );
  assert.equal(parseSignoff('（摘编自《东州日报》）')?.role, '');
  // A second contributor's role among the names: the first role is the role, both names are cues, the rest printed.
  assert.deepEqual(parseByline('□ 本报记者 王明远 通讯员 赵小军'), {
    role: '本报记者',
    names: ['王明远', '赵小军'],
    marker: '□',
    name: '王明远 通讯员 赵小军',
  });
  assert.deepEqual(parseDateline('本报东州3月4日电（记者王明远、通讯员赵小军）近日')?.names, ['王明远', '赵小军']);
  assert.deepEqual(parseDateline('本报东州3月4日电（记者王明远 李华）近日')?.names, ['王明远', '李华']);
  // A local report's dateline: `本报讯`, with no place or date.
  assert.deepEqual(parseDateline('本报讯（记者王明远 通讯员赵小军）近日，东州'), {
    agency: '本报',
    names: ['王明远', '赵小军'],
  });
  assert.ok(isDeck('——全市人大学用习近平总书记关于坚持和完善人民代表大会制度重要思想交流会发言摘要'));
});

test('a headline over two lines: a clause break keeps a space, a word broken in two joins', () => {
  assert.equal(
    joinHeadlineLines('拓展深化人大代表工作', '更好发挥代表主体作用', jiebaWords).text,
    '拓展深化人大代表工作 更好发挥代表主体作用',
  );
  assert.equal(
    joinHeadlineLines('让村里老人少', '跑腿、多办事', jiebaWords).text,
    '让村里老人少跑腿、多办事',
    'a two-character piece cut off by a clause mark runs on from the line above',
  );
  assert.equal(
    joinHeadlineLines('依法履职尽责推动新时', '代人大工作迈上新台阶', jiebaWords).text,
    '依法履职尽责推动新时代人大工作迈上新台阶',
  );
  assert.equal(
    joinHeadlineLines('强化思想引领 开拓新时', '代人大工作', jiebaWords).text,
    '强化思想引领 开拓新时代人大工作',
  );
  assert.equal(
    joinHeadlineLines('东州市发布一批社区服务优秀', '案例', jiebaWords).text,
    '东州市发布一批社区服务优秀案例',
    'a second line of two characters is what did not fit on the first, no clause of its own',
  );
  // Broken between two words: a clause break, unless the body runs the words either side together (the line was
  // only too narrow for the phrase). Invented text.
  const body = '东州港去年完成吞吐量一亿吨，今年推动港口服务提质，新开三条航线。';
  assert.equal(joinHeadlineLines('东州推动港口', '服务提质增效', jiebaWords, body).text, '东州推动港口服务提质增效');
  assert.equal(joinHeadlineLines('东州推动港口', '服务提质增效', jiebaWords).text, '东州推动港口 服务提质增效');
  assert.equal(
    joinHeadlineLines('东州港完成吞吐量一亿吨', '新开三条航线', jiebaWords, body).text,
    '东州港完成吞吐量一亿吨 新开三条航线',
    'the body has both clauses, never run together',
  );
});

test('run assignment: bodies go to the anchor whose names they carry, headline before or after', () => {
  const para = (text: string, newMeasure = false) => ({
    text,
    newMeasure: newMeasure ? 1 : 0,
    dateline: null,
    signoff: false,
    firstPerson: false,
    soft: false,
    inBlock: false,
    words: new Set<string>(),
  });
  const paras = [
    para('青山县推进老旧小区改造。', true),
    para('完善公共服务。'),
    para('做好帮扶工作。'),
    para('白水县加快补齐短板。', true),
    para('白水坚持创新。'),
    para('形成工作格局。'),
  ];
  const anchor = (at: number, names: string[]) => ({ at, lead: false, names, headlineWords: [] });
  // Both headlines after both bodies (grouped, as on the sample).
  const after = assignRuns(paras, [anchor(6, ['青山县', '李强']), anchor(6, ['白水县', '白水', '王芳'])]);
  assert.deepEqual(
    after.runs.map((r) => [r.from, r.to, r.after]),
    [
      [0, 3, true],
      [3, 6, true],
    ],
  );
  // Each headline before its body (reading order).
  const before = assignRuns(paras, [anchor(0, ['李强']), anchor(3, ['王芳'])]);
  assert.deepEqual(
    before.runs.map((r) => [r.from, r.to, r.after]),
    [
      [0, 3, false],
      [3, 6, false],
    ],
  );
  // A module read between another module's bodies and the headlines set at its foot (side by side, as pdftotext
  // reads them): the headlines after take the bodies before the module between, which keeps the text under it.
  const nested = assignRuns(
    [...paras, para('东州港发布航运指数。', true), para('东州港指数每季更新一回。')],
    [anchor(6, ['东州港', '赵清远']), anchor(8, ['青山县', '李强']), anchor(8, ['白水县', '白水', '王芳'])],
  );
  assert.deepEqual(
    nested.runs.map((r) => [r.from, r.to, r.after]),
    [
      [6, 8, false],
      [0, 3, true],
      [3, 6, true],
    ],
  );
  assert.deepEqual(placesOf('石楼县人大常委会主任'), ['石楼县', '石楼']);
  assert.deepEqual(placesOf('兴县人大常委会主任'), ['兴县']);
  assert.deepEqual(placesOf('本报记者'), []);
});

test('run assignment: where the voice changes from a report to an author speaking as 我, one article ends', () => {
  const para = (text: string) => ({
    text,
    newMeasure: 0,
    dateline: null,
    signoff: false,
    firstPerson: speaksFirstPerson(text),
    soft: false,
    inBlock: false,
    words: new Set<string>(),
  });
  // Two bodies read one after the other, their headlines grouped after them; no name, word or measure tells where
  // the report ends. (A lone 我 inside it, quoted, and 我国, do not count.)
  const paras = [
    para('东州港去年吞吐量再创新高。'),
    para('“我每天都来码头。”一位船员说。'),
    para('我国港口建设持续推进。'),
    para('码头作业效率明显提升。'),
    para('我在西湾教了三十年书。'),
    para('那时我常带学生去海边。'),
    para('如今我已退休，仍常回学校看看。'),
  ];
  const anchor = (names: string[]) => ({ at: 7, lead: false, names, headlineWords: [] });
  const runs = assignRuns(paras, [anchor(['赵清远']), anchor(['李清和'])]).runs;
  assert.deepEqual(
    runs.map((r) => [r.from, r.to]),
    [
      [0, 4],
      [4, 7],
    ],
  );
  assert.equal(speaksFirstPerson('“我们一起干。”他说。'), false);
  assert.equal(speaksFirstPerson('“我来了，'), false, 'a quotation running on over paragraphs');
  assert.equal(speaksFirstPerson('我们要坚持创新。'), false, 'the collective');
  assert.equal(speaksFirstPerson('笔者曾到东州调研。'), true);
});

test('decode: GB18030, UTF-16 with BOM, CRLF; binary and empty refused', () => {
  const text = '政教专刊\r\n第二行\r\n';
  const gb = new Uint8Array([0xd5, 0xfe, 0xbd, 0xcc, 0xd7, 0xa8, 0xbf, 0xaf, 0x0a]); // 政教专刊 in GBK
  assert.deepEqual(decodeExtraction(gb, 'gb.txt'), { text: '政教专刊\n', encoding: 'gb18030' });
  const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  assert.deepEqual(decodeExtraction(u16, 'u16.txt'), { text: '政教专刊\n第二行\n', encoding: 'utf-16le' });
  assert.throws(
    () => decodeExtraction(new Uint8Array(0), 'empty.txt'),
    (e: InputError) => e.oneLine().startsWith('empty.txt: the file is empty'),
  );
  assert.throws(() => decodeExtraction(new Uint8Array([0, 1, 2, 0xff, 0xfe, 3, 0, 0x80]), 'bin.dat'), /binary/);
});

test('the no-loss check bites: a dropped character fails loudly', () => {
  const text = '□ 本报记者 张三\n';
  const issue = recoverText('第一段正文内容在这里，很长很长很长很长很长。\n第一行标题\n□ 本报记者 张三\n', {
    file: 'x.txt',
  });
  assert.equal(issue.articles.length, 1);
  const input = hanCounts('第一段正文内容在这里，很长很长很长很长很长。第一行标题' + text);
  assert.doesNotThrow(() => checkNothingLost(input, issue, 'x.txt'));
  const broken = structuredClone(issue);
  broken.articles[0]!.paragraphs[0] = broken.articles[0]!.paragraphs[0]!.replace('正文', '');
  assert.throws(
    () => checkNothingLost(input, broken, 'x.txt'),
    (e: InvariantError) => /正-1/.test(e.message) && /文-1/.test(e.message),
  );
});

test('pages without masthead or headlines: what can be recovered is, with warnings', () => {
  const issue = recoverText(
    '这是一段没有标题的正文，它的内容必须完整保留下来。\n第二行也是正文，同样不能丢失任何一个字。\n',
    { file: 'plain.txt' },
  );
  assert.equal(issue.masthead, null);
  assert.ok(issue.warnings.some((w) => w.code === 'no-masthead'));
  assert.ok(issue.warnings.some((w) => w.code === 'no-headline'));
  assert.equal(issue.articles.length, 1);
  assert.equal(
    issue.articles[0]!.paragraphs.join(''),
    '这是一段没有标题的正文，它的内容必须完整保留下来。第二行也是正文，同样不能丢失任何一个字。',
  );
});

test('radicals: code points for ideographs are unified, 戶 read as 户 only on a simplified page', () => {
  assert.equal(unifyRadicals('⼈⺠⽇报').text, '人民日报');
  // Noto SC draws ⼾ with 户's glyph; its NFKC (what pdf.js gives) is the traditional 戶.
  const simplifiedPage = '这是我们国家的经济发展，对时代来说很重要。';
  assert.ok(isSimplifiedPage(simplifiedPage));
  assert.ok(!isSimplifiedPage('這是我們國家的經濟發展，對時代來說很重要。'));
  assert.ok(!isSimplifiedPage('门户'), 'too little text to tell');
  assert.deepEqual(unifyRadicals('办理过戶，⼾口', true), { text: '办理过户，户口', positions: [3, 5] });
  assert.equal(unifyRadicals('办理過戶，⼾口', false).text, '办理過戶，戶口', 'a traditional page keeps 戶');
  const issue = recoverText(`${simplifiedPage.repeat(2)}\n\n标题在这里\n\n商戶招牌`, { file: 't.txt' });
  assert.ok(issue.corrections.some((c) => c.kind === 'radical-unified'));
  assert.ok(!JSON.stringify([issue.lead, issue.articles]).includes('商戶'));
});

test('a sentence of one to three characters is the end of one printed elsewhere', () => {
  assert.ok(hasStraySentenceEnd('支持村里开展培训、评比表彰等。少。李大爷借来10多把铁锹和锄头。'));
  assert.ok(hasStraySentenceEnd('少。李大爷借来10多把铁锹和锄头。'));
  assert.ok(!hasStraySentenceEnd('学生们学得十分认真。老师们每周集中备课。'));
  assert.ok(!hasStraySentenceEnd('“对。”他说，这件事要办好。'));
});

test('confidence: doubts leave a share of the trust, and a wrong-looking body is never trusted to 0.9', () => {
  const para = (text: string, doubts = 0) => ({ lines: [], text, newMeasure: false, measure: 20, doubts });
  const body = [para('去年以来，老街完成了改造。'), para('居民们纷纷点赞。')];
  assert.equal(itemConfidence(1, body, 1), 1);
  assert.ok(itemConfidence(1, body, 2) < 0.9, 'a headline read from two lines');
  assert.ok(itemConfidence(1, body, 1, false) < 0.9, 'no byline, dateline or sign-off names who wrote it');
  assert.ok(itemConfidence(1, [body[0]!, para('居民们纷纷点赞，')], 1) < 0.9, 'a body that stops mid-sentence');
  assert.ok(itemConfidence(1, [body[0]!, para('等。少。居民们纷纷点赞。')], 1) < 0.9, 'a stray sentence end');
  // Text after a sign-off belongs to another article.
  assert.ok(itemConfidence(1, [body[0]!, para('（作者为县教育局干部）'), body[1]!], 1) < 0.9);
  assert.equal(
    itemConfidence(1, [...body, para('（作者为县教育局干部）')], 1),
    1,
    'a sign-off at the end is as it should be',
  );
});

/** A fragment's cues for the interleave tests: neutral but for what a test sets; `words` its topic. */
const fragment = (label: number, words: string[], cues: Partial<FragmentCues> = {}): FragmentCues => ({
  label,
  start: 0,
  end: 'either',
  signedOff: false,
  topic: new Map(words.map((w) => [w, 1])),
  names: new Set(),
  dateline: null,
  measure: null,
  people: new Set(),
  ...cues,
});
const item = (word: string, sure: number): ItemCues => ({ topic: new Map([[word, 1]]), sure });
const placed = (frags: FragmentCues[], items: ItemCues[]) => interleave(frags, items, () => false).labels;

test('interleave: a column set to another measure than its run goes back to the module of its measure', () => {
  // The lead's last columns (measure 28) read after an article's body (56). Their words lean to the lead, too
  // weakly to move them alone; their measure tips it.
  const items = [item('公路', 1), item('书房', 1)];
  const page = (m: (w: number) => number | null) => [
    fragment(0, ['山村', '公路', '班车', '竹篓', '雾气'], { measure: m(28) }),
    fragment(0, ['山货', '打工', '老人', '担架', '急病'], { measure: m(28) }),
    fragment(1, ['山村', '修路', '石料', '路基', '出工'], { measure: m(28) }),
    fragment(1, ['山货', '农家乐', '回乡', '加工厂', '腰包'], { measure: m(28.5) }),
    fragment(1, ['书房', '社区', '借阅', '图书', '亲子'], { measure: m(56) }),
  ];
  assert.deepEqual(
    placed(
      page(() => null),
      items,
    ),
    [0, 0, 1, 1, 1],
    'words alone',
  );
  assert.deepEqual(
    placed(
      page((w) => w),
      items,
    ),
    [0, 0, 0, 0, 1],
    'with measures',
  );
  // Measures an extractor shows only roughly (a paragraph to a line: 37-40 em for one column) are one.
  assert.deepEqual(
    placed(
      page((w) => (w < 50 ? 37 + w / 10 : 40)),
      items,
    ),
    [0, 0, 1, 1, 1],
    'rough measures',
  );
});

test("interleave: a column read past another article's sign-off goes back to the article it continues", () => {
  // Article 0's last column, read after article 1's sign-off (`（摘编自《某某日报》）`): it starts mid-paragraph
  // and its words say nothing of either; the sign-off says article 1 had ended.
  const items = [item('减负', 0.8), item('走访', 0.8)];
  const page = (signedOff: boolean) => [
    fragment(0, ['减负', '基层', '台账', '报表', '考核']),
    fragment(1, ['走访', '企业', '调研', '打卡', '服务'], { end: 'closed', signedOff }),
    fragment(1, ['口号', '文件', '层面', '填报', '怪圈'], { start: 0.5 }),
  ];
  assert.deepEqual(placed(page(false), items), [0, 1, 1], 'a paragraph end only');
  assert.deepEqual(placed(page(true), items), [0, 1, 0], 'a sign-off');
});

test('interleave: a column opening on one character and a stop goes on from a column, not from a clause mark', () => {
  // Article 1's first column ends at `…会议、`; the column read after it opens `性。开展了…`, the end of article 0's
  // `…针对性和实效` / `性。`: after `、` it would be a clause of one character. Its words say nothing of either.
  const words = ['监督', '代表', '工作', '会议'];
  const page = (stub: boolean) => [
    fragment(0, words, { start: -0.7, opens: true }),
    fragment(1, words, { start: -0.7, end: 'open', opens: true, atMark: true }),
    fragment(1, words, { start: 0.5, end: 'closed', stub }),
    fragment(1, words, { start: 0.5, end: 'closed' }),
  ];
  const items = [item('监督', 0.8), item('代表', 0.8)];
  assert.deepEqual(placed(page(false), items), [0, 1, 1, 1], 'the shape of its first line only');
  assert.deepEqual(placed(page(true), items), [0, 1, 0, 1], 'a clause of one character');
});

test('people: a story introduces a person by title and comes back to them; a fragment naming them goes home', () => {
  // Invented text. Names follow a title and come before a verb, a mark or a second title; `村民利益` names nobody.
  const texts = ['县政协秘书长周华委员建议，加强宣传。', '村党支部书记郑国强说，关乎村民利益的事都公开。', '周华表示'];
  assert.deepEqual(introducedPeople(texts).sort(), ['周华', '郑国强'].sort());
  // The lead's last column (naming 周华, whom its first columns introduce) read after the next article's first:
  // its words lean to the lead too weakly to move it; the person it names tips it.
  const items = [item('粮食', 0.8), item('竹笛', 0.8)];
  const page = [
    fragment(0, ['粮食', '进口', '大国', '人口', '五谷'], { people: new Set(['周华']) }),
    fragment(0, ['餐饮', '浪费', '奖惩', '机制', '考核'], { people: new Set(['周华']) }),
    fragment(1, ['竹笛', '学校', '宣讲', '演奏', '传承'], { people: new Set(['林小雨']) }),
    fragment(1, ['浪费', '宣传', '校园', '氛围', '意识'], { people: new Set(['周华']) }),
    fragment(1, ['走访', '孩子', '竹笛', '乐器', '舞台'], { people: new Set(['林小雨']) }),
  ];
  assert.deepEqual(placed(page, items), [0, 0, 1, 0, 1]);
  const unnamed = page.map((f) => ({ ...f, people: new Set<string>() }));
  assert.deepEqual(placed(unnamed, items), [0, 0, 1, 1, 1], 'words alone');
});

test('people: a column naming someone goes to the article that introduces them, not one that names them', () => {
  assert.deepEqual(introducedPeople(['“果王”名叫李清和（见图），']), ['李清和']);
  // Invented page: an article's last column, read in two pieces after the article above, names 李清和 twice (the
  // two pieces name a person each other names); the article under them introduces him (`名叫李清和`).
  const items = [item('港口', 0.8), item('刺绣', 0.8)];
  const page = (introduced: boolean) => [
    fragment(0, ['港口', '航线', '货运', '码头'], { start: -0.7, end: 'closed' }),
    fragment(0, ['港口', '集装箱', '吞吐', '航线'], { start: 0.5, end: 'closed' }),
    fragment(0, ['作品', '设计', '年轻人', '喜爱'], { start: -0.7, end: 'open', people: new Set(['李清和']) }),
    fragment(0, ['作品', '手表', '首饰', '生活'], { start: 0.5, people: new Set(['李清和']) }),
    fragment(1, ['刺绣', '绣娘', '小镇', '工作室'], {
      start: -0.7,
      end: 'open',
      opens: true,
      people: new Set(['李清和']),
      ...(introduced ? { introduces: new Set(['李清和']) } : {}),
    }),
    fragment(1, ['刺绣', '母亲', '丝线', '作品'], { start: 0.5, end: 'closed', people: new Set(['李清和']) }),
  ];
  assert.deepEqual(placed(page(true), items), [0, 0, 1, 1, 1, 1]);
  assert.deepEqual(placed(page(false), items), [0, 0, 0, 0, 1, 1], 'named on both sides, introduced on neither');
});

test("interleave: an article read on both sides of another article's column gets both sides back", () => {
  // The lead's column cut mid-title (open) and its end (it closes the title) read around the next article's
  // only column: moving that column into the lead is the first step uphill, moving the two pieces is the right one.
  const items = [item('创新', 0.6), item('博物馆', 0.6), item('苏绣', 0.6)];
  const frags = [
    fragment(0, ['电影', '特效', '创新', '文化'], { start: -0.7, end: 'closed', measure: 38 }),
    fragment(0, ['创新', '基因', '探索', '科研'], { start: -0.7, end: 'closed', measure: 38 }),
    fragment(1, ['人才', '评价', '改革', '科研'], { start: 0, end: 'open' }),
    fragment(1, ['博物馆', '春节', '观众', '文物'], { start: -0.7, end: 'closed', measure: 58 }),
    fragment(1, ['政策', '科研', '人才', '创业'], { start: 1, end: 'closed', measure: 38 }),
    fragment(2, ['苏绣', '刺绣', '绣娘', '工作室'], { start: 0.5, end: 'closed', measure: 56 }),
  ];
  assert.deepEqual(placed(frags, items), [0, 0, 0, 1, 0, 2]);
});

test('pieces: a printed line written in pieces is put back where the pieces add up to a line', () => {
  // Invented text in a 20-em measure. An extractor that writes each justified run on a line of its own.
  const texts = [
    '去年以来，沿河各村把清理河道当作头等大事',
    '来抓，村民自发组成巡河队，每天早晚各走一',
    '遍。',
    '如今的小河水清岸绿，',
    '鱼虾成群，',
    '傍晚时',
    '分，散步的村民络绎不绝，河边成了大家最爱',
    '去的地方。',
    '“过去河边堆满了垃圾，',
    '现在好了。”',
  ];
  const lines = texts.map(cleanLine);
  const corrections: DraftCorrection[] = [];
  const joined = joinPieces(lines, corrections).map((l) => l.text);
  // Three pieces make the paragraph's indented first line; a last line (`遍。`) is never glued to what follows,
  // nor are two pieces that make no line (`“过去…垃圾，` and `现在好了。”`: 17 em).
  assert.deepEqual(joined, [texts[0], texts[1], texts[2], '如今的小河水清岸绿，鱼虾成群，傍晚时', ...texts.slice(6)]);
  assert.deepEqual(
    corrections.map((c) => c.lines),
    [[4, 5, 6]],
  );
  // Lines set whole (most full, a few last lines) are no pieced extraction; most lines short and open are.
  assert.equal(writesPieces(lines.filter((l) => l.width >= 18 || l.text.endsWith('。'))), false);
  assert.equal(writesPieces(lines.slice(3, 9)), true);
});

test('pieces: where only first lines are whole, the measure is an indent wider; a closing mark is glued on', () => {
  // Invented text in a 20-em measure, written as Typst's pages come through pdftotext -raw: paragraphs' first lines
  // whole (18 em, their indent short), every other line in pieces, so the full lines look 18 em wide.
  const texts = [
    '西湾镇今年新修乡村道路十条，全长八十',
    '公里，',
    '沿路的十几个村子都通上了公交，',
    '村民',
    '进城再也不用走半天了。',
    '镇上在路边修了三座停车场和两处公厕，',
    '方便外地游客停车，',
    '周末的时候车位常常不够',
    '用，镇里打算明年再修两座。',
    '“路修好了，出门方便了。',
    '”王明远说。',
  ];
  const lines = texts.map(cleanLine);
  const corrections: DraftCorrection[] = [];
  const joined = joinPieces(lines, corrections).map((l) => l.text);
  assert.deepEqual(joined, [
    texts[0],
    '公里，沿路的十几个村子都通上了公交，村民',
    texts[4],
    texts[5],
    '方便外地游客停车，周末的时候车位常常不够',
    texts[8],
    // No printed line starts with a closing quote: the extractor cut a line there, however short it is.
    '“路修好了，出门方便了。”王明远说。',
  ]);
  assert.deepEqual(
    corrections.map((c) => c.lines),
    [
      [2, 3, 4],
      [7, 8],
      [10, 11],
    ],
  );
});

test('pieces: a semicolon ends no paragraph, an open quotation is no heading, a full line takes a last piece', () => {
  // Invented text in a 20-em measure, written in pieces as Typst's pages come through pdftotext -raw.
  const texts = [
    '东州的清晨，王明远早早吃过早饭，换上一身',
    '旧军装，沿着新修的大路一直走到了村口车站',
    '在路边等头班车。',
    '西湾镇今年新修了乡村道路十条，沿路的',
    // A line cut after `；` before a piece that reads like a heading: one line, not a paragraph's end and a subhead.
    '村子都通上了公交；',
    '东州开展服务',
    '“一站通”',
    '试点，',
    '方便村民就近办事，',
    '也方便游客问路。',
    // A question, then a quotation the line leaves open: a paragraph's first line, not a subhead of its own.
    '王明远为什么这样高兴？',
    '“路修到了家门',
    '口，出门方便多了。”',
    '有人问：',
    '“跑这一趟图',
    // Full as counted, it ends mid-sentence; its marks shrunk, `“我` is its end (我|是: a printed line's end).
    '什么？”面对追问，王明远总是笑着回答：',
    '“我',
    '是西湾人，修路是我该做的事。”',
  ];
  const joined = joinPieces(texts.map(cleanLine), [], lineCues(jiebaWords)).map((l) => l.text);
  assert.deepEqual(joined, [
    ...texts.slice(0, 4),
    '村子都通上了公交；东州开展服务“一站通”',
    '试点，方便村民就近办事，也方便游客问路。',
    '王明远为什么这样高兴？“路修到了家门',
    '口，出门方便多了。”有人问：“跑这一趟图',
    '什么？”面对追问，王明远总是笑着回答：“我',
    texts.at(-1),
  ]);
});

test('paragraphs: a sentence closing a quotation with its speaker ends its paragraph, even at a full line', () => {
  // Invented text in a 20-em measure, every line whole, indents dropped: the one-line paragraph after `…”王明远说。`
  // reads as that paragraph's last line by the shapes alone.
  const texts = [
    '东州的清晨，王明远早早吃过早饭，换上一身',
    '旧军装走到村口：“路修到了门口，出门方便',
    '多了，村里再也不怕下雨天了。”王明远说。',
    '西湾镇今年新修了乡村道路十条。',
    '镇上在路边修了停车场和两处公厕，方便',
    '外地游客。',
  ];
  assert.deepEqual(
    paragraphs(texts.map(cleanLine)).map((p) => p.lines.length),
    [3, 1, 2],
  );
});

test('glued lines: a line set whole but cut before a closing mark is mended, then joins the piece before it', () => {
  // Invented text in a 20-em measure, written as Chromium's pages come through pdftotext -raw: a printed line cut
  // where a stop meets a quote and again before the closing quote (`”王明远`, which no printed line starts with).
  const texts = [
    '东州的清晨，王明远早早吃过早饭，换上一身',
    '旧军装坐定。',
    '“我们那时就是这样。',
    '”王明远',
    '指着胸前的一枚旧徽章，说那是他一辈子最',
    '珍贵的东西。他说，这枚徽章陪他走过了很',
    '多地方。',
  ];
  const lines = texts.map(cleanLine);
  // Read as they come, the middle piece ends a sentence, so nothing joins it to a line.
  assert.deepEqual(
    joinFragments(lines, []).map((l) => l.text),
    texts,
  );
  const corrections: DraftCorrection[] = [];
  const mended = joinFragments(glueLines(lines, corrections), corrections).map((l) => l.text);
  assert.deepEqual(mended, [texts[0], '旧军装坐定。“我们那时就是这样。”王明远', ...texts.slice(4)]);
  // A line cut in three: once its first cut is glued, a short piece that ends no sentence and makes it up to the
  // measure is its end, where the next line is full; not where the next line is short (a paragraph's last).
  const three = [
    '东州今年新建了三座公园，王明远笑着说：“新',
    '公园修到了家门口”',
    '。他每天傍晚都去，',
    '“真',
    '是方便多了。”李清和也说，这几座新公园让',
    '东州的夏天更好过了。',
    '西湾镇也在建设公园，明年就能对市民开放，',
    '到时候又多了一个去处。',
  ];
  const glued = (texts: string[]) => glueLines(texts.map(cleanLine), []).map((l) => l.text);
  assert.deepEqual(glued(three).slice(0, 3), [three[0], '公园修到了家门口”。他每天傍晚都去，“真', three[4]]);
  const short = three.map((t, i) => (i === 4 ? '是方便多了。”' : t));
  assert.deepEqual(glued(short).slice(1, 3), ['公园修到了家门口”。他每天傍晚都去，', '“真']);
  // Pieces that together overrun the measure are left as the page broke them.
  const overrun = [texts[0]!, '“我们那时穿的就是这个样子，一点没变。', '”王明远说。'].map(cleanLine);
  assert.equal(glueLines(overrun, []).length, 3);
});

test('split printed lines: a letter-spaced or indented line is whole; a join nothing forces leaves a doubt', () => {
  // Invented text in 12-em columns: `傍晚时` / `分，散步的村民络` is one printed line split at a wide gap.
  const page = (second: string) =>
    ['河边成了大家最爱去的地方', '傍晚时', second, '绎不绝，河边成了大家都爱', '去的地方。'].map(spacedLine);
  const joined = (second: string) => joinFragments(page(second), []);
  const whole = joined('分，散步的村民络');
  assert.equal(whole.length, 4);
  assert.equal(whole[1]!.text, '傍晚时分，散步的村民络');
  assert.equal(whole[1]!.doubtfulJoin, true, 'nothing says `傍晚时` runs on');
  // Split where a stop meets an opening quote: the pair was set 1.5 em wide, so the pieces count half an em over.
  const pair = joinFragments(
    ['河边成了大家最爱去的地方', '散步的村民。', '“大家都说好，', '绎不绝，河边成了大家都爱', '去的地方。'].map(
      spacedLine,
    ),
    [],
  );
  assert.equal(pair[1]!.text, '散步的村民。“大家都说好，');
  // Also when the line after is the paragraph's last: a short line after the stop that ends mid-sentence is no
  // paragraph's first line (it would fill its line) nor its last. Not a bracket after the stop: a sign-off.
  const beforeLast = (second: string) =>
    joinFragments(['河边成了大家最爱去的地方', '散步的村民。', second, '去的地方。'].map(spacedLine), []).length;
  assert.equal(beforeLast('“大家都说好，'), 3);
  assert.equal(beforeLast('（本报记者王'), 4);
  // Typst leaves up to two ems where a stop meets an opening mark: `散步的村民。` and `“大家都` fill 10 of 12.
  assert.equal(pair.length, 4);
  const gap = joinFragments(
    ['河边成了大家最爱去的地方', '散步的村民。', '“大家都', '绎不绝，河边成了大家都爱'].map(spacedLine),
    [],
  );
  assert.equal(gap[1]!.text, '散步的村民。“大家都');
  // But a sign-off is a paragraph of its own, however short the line above it.
  const signoff = ['河边成了大家最爱去的地方', '都说好。', '（本报记者王明远）', '河边成了大家最爱去的地方'];
  assert.equal(joinFragments(signoff.map(spacedLine), []).length, 4);
  // Nor only where it ends on its first line: `（作者为…` opens one over three lines.
  const opened = [
    '河边成了大家最爱去的地方',
    '都说好。',
    '（作者为东州农业',
    '科学院研究员，本报记者王',
    '明远采访整理）',
  ];
  assert.equal(joinFragments(opened.map(spacedLine), []).length, 5);
  // Spelled out character by character (pdf.js on a loose line), or indented: a line of its own.
  assert.equal(joined('分 ， 散 步 的 村 民 络').length, 5);
  assert.equal(joined('\u3000\u3000分，散步的村民络').length, 5);
});

test('soft paragraphs: a sentence ending at a full line is kept apart for a cut, joined again in one item', () => {
  // Invented text in 20-em columns: `…推广开来。` fills its line, and the line after could be full (its four marks
  // compressed) or a first line (indented): the lines say no break, narrowly.
  const lines = [
    '充电柜装好以后，楼道里再也看不到电动',
    '自行车了，消防通道畅通了，居民们都说这件',
    '事办到了大家的心坎上，值得全市推广开来。',
    '周末，新华街道图书馆里，“小读者”们坐满',
    '了阅览室，有的翻看绘本，有的趴在桌上写作',
    '业，还有的跟着志愿者学做手工。',
  ].map(cleanLine);
  const ps = paragraphs(lines);
  assert.deepEqual(
    ps.map((p) => [p.lines.length, p.soft === true]),
    [
      [3, false],
      [3, true],
    ],
  );
  // With no headline to cut at, recovery gives the one paragraph the lines show.
  const issue = recoverText(['冬季供暖全面启动', '□ 本报记者 张明', ...lines.map((l) => l.raw)].join('\n'), {
    file: 't.txt',
    words: jiebaWords,
  });
  assert.deepEqual(issue.articles[0]?.paragraphs, [lines.map((l) => l.text).join('')]);
});

test('topic words: words common in the language (jieba idf under 6) are no topic, rare ones are', () => {
  const common = jiebaWords.common!;
  for (const w of ['作为', '我们', '发展']) assert.ok(common(w), w);
  for (const w of ['肥胖', '人工智能', '东州市新华街道']) assert.ok(!common(w), w);
});

test('reading order: from the column under the headline when others were read before it, or a fresh start', () => {
  const f = (start: number, end: FragmentCues['end'], opens = false) =>
    fragment(0, [], { start, end, ...(opens ? { opens } : {}) });
  // A module's last two columns read before its headline (2025-04-15-19's round trip through pdftotext): its
  // text reads whole from the column under the headline, the two columns read early going at the end.
  const early = [f(-0.7, 'open'), f(0.5, 'closed'), f(0.5, 'either', true), f(-0.7, 'open'), f(0.5, 'closed')];
  assert.deepEqual(readingOrder(early, [0, 1, 2, 3, 4]), [2, 3, 4, 0, 1]);
  // Nothing under a headline and no sentence left open at the end: the extractor's order stands.
  const plain = early.map((c) => ({ ...c, opens: false }));
  assert.deepEqual(readingOrder(plain, [0, 1, 2, 3, 4]), [0, 1, 2, 3, 4]);
  // The last column under the headline, the first after it (starting afresh, ending mid-sentence): the first first.
  assert.deepEqual(readingOrder([f(0.5, 'closed', true), f(-0.7, 'open')], [0, 1]), [1, 0]);
  // A full-width module's last column read among its first ones, its column before it read after them (a round
  // trip of a page whose modules stand under a full-width one): the column that signs the article off goes last.
  const middle = [f(-0.7, 'open'), { ...f(0.8, 'closed'), signedOff: true }, f(0.5, 'open')];
  assert.deepEqual(readingOrder(middle, [0, 1, 2]), [0, 2, 1]);
  // A column that only ends a sentence says less: the extractor's order stands.
  assert.deepEqual(readingOrder([f(-0.7, 'open'), f(0.8, 'closed'), f(0.5, 'open')], [0, 1, 2]), [0, 1, 2]);
});

test('stray marks: a closing mark alone goes back up to its line, an opening mark alone down to its line', () => {
  const src = (raw: string, i: number) => ({ no: i + 1, raw, blankBefore: false });
  const { lines } = joinStrayMarks(
    ['巡河队每天早晚各走一遍。', '“', '‘小河长’每天都', '来巡查，河边再也没有垃圾', '”'].map(src),
  );
  assert.deepEqual(
    lines.map((l) => l.raw),
    ['巡河队每天早晚各走一遍。', '“‘小河长’每天都', '来巡查，河边再也没有垃圾”'],
  );
});

test('pieces: a short piece that stops at a pause is no printed line: it joins the pieces of its line', () => {
  // Invented text in a 20-em measure: `大家都说好。` / `《西湾晚报》的记者、` / `《星河` make a paragraph's first line
  // (18 em), `3》的导演…` its last. Read apart, the second stops at a pause well short of the measure, which no
  // printed line does (paragraphs and headings end elsewhere).
  const texts = [
    '去年以来，沿河各村把清理河道当作头等大事',
    '来抓，村民自发组成巡河队，每天早晚各走一',
    '遍，河水一天比一天清，鱼虾也越来越多了。',
    '大家都说好。',
    '《西湾晚报》的记者、',
    '《星河',
    '3》的导演都来村里采访过这件事情。',
    '如今的小河水清岸绿，傍晚时分散步的村民络',
    '绎不绝，河边成了大家最爱去的地方，热闹得',
    '很。',
  ];
  const joined = joinPieces(texts.map(cleanLine), []).map((l) => l.text);
  assert.deepEqual(joined, [...texts.slice(0, 3), '大家都说好。《西湾晚报》的记者、《星河', ...texts.slice(6)]);
});

test('pieces: a short piece that ends on a binding word (`与以往的`) is no subhead: it runs on', () => {
  const cues = lineCues(jiebaWords);
  assert.equal(cues.heading(cleanLine('河长制落实以后', 0)), true);
  assert.equal(cues.heading(cleanLine('与以往的', 0)), false);
  assert.equal(cues.heading(cleanLine('明确工作目的', 0)), true, '目的 is a word, not the particle');
  // Invented text in a 20-em measure, written a piece per clause: after a sentence's end, the pieces of one line.
  const full = '去年以来，沿河各村把清理河道当作头等大事';
  const pieces = ['来抓。', '与以往的', '“走过场”', '相比，', '巡河队每天'].map(cleanLine);
  assert.deepEqual(
    joinPieces([cleanLine(full, 0), ...pieces, cleanLine(full, 6)], [], cues).map((l) => l.text),
    [full, '来抓。与以往的“走过场”相比，巡河队每天', full],
  );
});

test("pieces: an editor's signature stands alone, and a label in lenticular brackets opens a paragraph", () => {
  // Invented text in a 20-em measure. `——编者` signs an editor's note: the piece after it, though the two make a
  // first line's width, starts the report. `【点评】` opens the comment, though it would fill the line above.
  const piecesOf = (texts: string[]) => joinPieces(texts.map(cleanLine), [], lineCues(jiebaWords)).map((l) => l.text);
  const full = '去年以来，沿河各村把清理河道当作头等大事';
  assert.deepEqual(piecesOf([full, '来抓，村民自发组成巡河队。', '——编者', '“每天早晚各走一遍的巡河队员', full]), [
    full,
    '来抓，村民自发组成巡河队。',
    '——编者',
    '“每天早晚各走一遍的巡河队员',
    full,
  ]);
  assert.equal(piecesOf([full, '来抓，村民自发组成巡河队。', '【点评】巡河队', full]).length, 4);
});

test('pieces: a question after a sentence is no subhead where the line after it could be no first line', () => {
  // Invented text in a 20-em measure: three questions and the start of a fourth make one printed line. The second,
  // after a sentence's end, looks like a subhead; but then `这一探`, which ends its printed line between two
  // ideographs, would be a paragraph's first line 17 ems short.
  const piecesOf = (texts: string[]) => joinPieces(texts.map(cleanLine), [], lineCues(jiebaWords)).map((l) => l.text);
  const full = '去年以来，沿河各村把清理河道当作头等大事';
  const next = '索解决了什么问题？村民们说起这些变化都很';
  assert.deepEqual(piecesOf([full, '东州的河为何变清了？', '西湾难在哪里？', '这一探', next, full]), [
    full,
    '东州的河为何变清了？西湾难在哪里？这一探',
    next,
    full,
  ]);
});

test('pieces: a stop may end a piece mid-line, but a sign-off and a subhead stand alone', () => {
  // Invented text in a 20-em measure, written in pieces where a stop meets a quote.
  const piecesOf = (texts: string[]) =>
    joinPieces(texts.map(cleanLine), [], {
      heading: (l) => l.text === '河长制落实以后',
      opens: (l) => l.text.startsWith('（摘编'),
      complete: (t) => t.startsWith('（摘编'),
    }).map((l) => l.text);
  const full = '去年以来，沿河各村把清理河道当作头等大事';
  // `…巡河队。` and `“每天早晚各走` make one line; read apart, the second is short and stops mid-sentence.
  assert.deepEqual(piecesOf([full, '来抓，村民自发组成巡河队。', '“每天早晚各走', full]), [
    full,
    '来抓，村民自发组成巡河队。“每天早晚各走',
    full,
  ]);
  const signoff = piecesOf([full, '（摘编自《东州日报》）', '河长制落实以后村里', full]);
  assert.equal(signoff[1], '（摘编自《东州日报》）');
  const subhead = piecesOf([full, '来抓，村民自发组成巡河队。', '河长制落实以后', full]);
  assert.equal(subhead[1], '来抓，村民自发组成巡河队。');
  // Pieces that meet between two ideographs meet at a printed line's end (extractors split a line at the gaps
  // justification opens, at marks, numbers and Latin), even where they would add up to a line.
  assert.deepEqual(piecesOf([full, '来抓，村民自发组成巡河', '队，每天早晚各走一遍。', full]).length, 4);
  assert.deepEqual(piecesOf([full, '来抓，村民自发组成巡河', '，每天早晚各走一遍。', full]).length, 3);
});

test("paragraphs: where the extractor keeps every first line's indent, a line without one starts none", () => {
  // Invented text in 12-em columns, as MuPDF writes it: `社区中心里，开放到八点。` fills its line and the next is 2 em
  // short, the shape of a first line; but every line after a clear paragraph end is indented, and this one is not.
  const lines = [
    '\u3000\u3000东州市今年新建了三座',
    '便民服务站，居民办事更方',
    '便了。',
    '\u3000\u3000新华街道的服务站设在',
    '社区中心里，开放到八点。',
    '工作人员每周上门走访',
    '两次，收集意见及时答复',
    '居民。',
    '\u3000\u3000周末的服务站也不休息，',
    '志愿者轮流值班。',
    '\u3000\u3000明年还将再建五座服务',
    '站。',
  ].map(spacedLine);
  const shape = (ps: ReturnType<typeof paragraphs>) => ps.map((p) => p.lines.length);
  assert.deepEqual(shape(paragraphs(lines)), [3, 5, 2, 2]);
  assert.deepEqual(
    shape(paragraphs(lines, undefined, { indentsKept: false })),
    [3, 2, 3, 2, 2],
    'judged by the shape alone',
  );
});

test('paragraphs: where the extractor keeps indents, an indented line ends a one-line heading before it', () => {
  // Invented text in 11-em columns, as MuPDF writes it: a one-line paragraph that ends no sentence (a subhead set
  // as a paragraph, indented) and an indented line after it that falls 2 em short: against a paragraph of one line
  // that ends no sentence and stops just short of its room, the indent says the next paragraph starts.
  const lines = [
    '\u3000\u3000东州市今年新建了三',
    '座便民服务站，居民办事',
    '更方便了。',
    '\u3000\u3000指引社区建设方向',
    '\u3000\u3000《规划》提出便民、',
    '就近、普惠三项原则，服',
    '务站要开到家门口。',
  ].map(spacedLine);
  assert.deepEqual(
    paragraphs(lines, undefined, { indentsKept: true }).map((p) => p.lines.length),
    [3, 1, 3],
  );
});

test('paragraphs: a long line before a short last line that ends a sentence is no heading but its first line', () => {
  // Invented text in 22-em columns, indents dropped: `在此之前，西湾孩子上学路有三条，都不好` (a first line 3 em short,
  // ending no sentence, worded as a headline may be) and `走。`, its paragraph's last line, not a paragraph's first.
  const lines = [
    '村里的电梯是山谷公园的附属工程，前年建成以后',
    '免费对村民开放。',
    '在此之前，西湾孩子上学路有三条，都不好',
    '走。',
    '一条路叫牛道，是过去村民赶牛的路，坡度缓',
    '但路途远，要绕行二十来里到山顶。',
  ].map(cleanLine);
  assert.deepEqual(
    paragraphs(lines, lineCues(jiebaWords)).map((p) => p.text),
    [
      '村里的电梯是山谷公园的附属工程，前年建成以后免费对村民开放。',
      '在此之前，西湾孩子上学路有三条，都不好走。',
      '一条路叫牛道，是过去村民赶牛的路，坡度缓但路途远，要绕行二十来里到山顶。',
    ],
  );
});

test('paragraphs: a line an indent shorter than the full lines either side, ending no sentence, starts one', () => {
  // Invented text in 12-em columns, indents dropped: a standfirst that ends no sentence on a full line, and a first
  // line 2 em short that ends none either, before a full line: no middle line is that short and no last line ends so.
  const lines = [
    '东州市今年新建了三座',
    '便民服务站，让居民办事更',
    '方便快捷也离家更近更省心',
    '新华街道的服务站设在',
    '社区中心里每天开放到晚上',
    '八点。',
  ].map(cleanLine);
  assert.deepEqual(
    paragraphs(lines).map((p) => p.lines.length),
    [3, 3],
  );
  // A line above whose marks, compressed, leave it less than an em longer at its least: a typesetter that compresses
  // marks mid-line sets full lines that differ so much, so the short line may be a full one (Typst: 27 and 29 ems).
  const compressed = lines.map((l, i) => (i === 2 ? cleanLine('方便，快捷、离家近，省心', 2) : l));
  assert.deepEqual(
    paragraphs(compressed).map((p) => p.lines.length),
    [6],
  );
});

test('line width: a number counts a quarter-em gap on each side where it meets Han across a space', () => {
  const width = (raw: string) =>
    withWidth({ no: 1, raw, text: raw.replace(/ /g, ''), removed: [], blankBefore: false }).width;
  // 截至(2) 10(1) 月底(2) ，(1) 包括(2): 8 em, and the two gaps a typesetter opened around the number.
  assert.equal(width('截至 10 月底，包括'), 8.5);
  assert.equal(width('截至10月底，包括'), 8);
  assert.equal(width('截至 10 月底'), 5.5, 'Han on both sides, spaced: two gaps');
  assert.equal(width('4 岁习武，8 岁评上国家'), 10.5, 'the line edge and a comma show nothing: one gap each');
  assert.equal(width('截止 2023年底，包括'), 9, 'a space before the number only is the extractor’s guess');
  assert.equal(width('止 2023年'), 4, 'touching Han on one side: the space is the extractor’s guess');
});

test('split printed lines: a short last line and the next first line, its indent dropped, stay two lines', () => {
  // Invented text in 12-em columns: `散步的村民。` (6 em) and `傍晚时分河边` (6 em) add up to the measure, but the first
  // ends a sentence where no opening mark follows: a paragraph's end, not a printed line split at a gap.
  const page = [
    '河边成了大家最爱去的地方',
    '散步的村民。',
    '傍晚时分河边',
    '绎不绝，河边成了大家都爱',
    '去的地方。',
  ].map(cleanLine);
  assert.equal(joinFragments(page, []).length, 5);
});

test('split printed lines: a subhead between a short last line and an indented first line stands alone', () => {
  // Invented text in 16-em columns. `量再创新高。` (6 em) and `“东州样板”这样炼成` (10 em) fit one line with the pair
  // where they meet compressed, but the line after them is a first line (2 em short, no sentence's end): the short
  // line between is a subhead standing alone, not the second piece of a printed line.
  const full = '东州港今年新开三条航线，货物吞吐';
  const page = [
    full,
    full,
    '量再创新高。',
    '“东州样板”这样炼成',
    '东州港的码头上，一排排集装箱',
    full,
    '整齐地排列着，等待装船。',
  ];
  assert.equal(joinFragments(page.map(cleanLine), []).length, page.length);
});

test('paragraphs: a last line three ems short ends its paragraph even without a sentence end', () => {
  // Invented text in 12-em columns, indents dropped: `服务沿线企业和群众` (9 em) ends no sentence (a heading-like
  // paragraph), but stops 3 em short, and the line after it is 2 em short (its indent): a paragraph starts there.
  const lines = [
    '西湾港码头今年新建了',
    '三座仓库和两条铁路专线，',
    '服务沿线企业和群众',
    '王明远说这些项目让港',
    '口的货物吞吐量稳步增长，',
    '群众办事也更方便了。',
  ].map(cleanLine);
  assert.deepEqual(
    paragraphs(lines, NO_CUES).map((p) => p.lines.length),
    [3, 3],
  );
});

test('printed gaps: a single character between two gaps is a loose line the extractor split, not a gap', () => {
  assert.equal(removeExtractionSpaces('东州港 与 西湾港的航线', 'printed-gaps').text, '东州港与西湾港的航线');
  assert.equal(removeExtractionSpaces('东州风光 西湾新貌', 'printed-gaps').text, '东州风光  西湾新貌');
  // Nor is a space inside a word (a loose line's first character and the rest of its word).
  const inWord = (a: string, b: string) => spansJoin(a, b, jiebaWords);
  assert.equal(removeExtractionSpaces('图 书馆里坐满了小读者，', 'printed-gaps').text, '图  书馆里坐满了小读者，');
  assert.equal(
    removeExtractionSpaces('图 书馆里坐满了小读者，', 'printed-gaps', inWord).text,
    '图书馆里坐满了小读者，',
  );
  assert.equal(removeExtractionSpaces('东州风光 西湾新貌', 'printed-gaps', inWord).text, '东州风光  西湾新貌');
});

test("interleave: a module's last column read right before its headline goes back to it on a close call", () => {
  // An article's body, then a column of the next article that pdftotext read before that article's headline
  // (set above its body), then the article under its headline. Its words lean to the next article, too weakly alone.
  const items = [item('书屋', 0.6), item('刺绣', 0.6)];
  const page = (cue: Partial<FragmentCues>) => [
    fragment(0, ['书屋', '借阅', '图书'], { end: 'closed' }),
    fragment(0, ['读者', '社区', '书屋'], { end: 'closed' }),
    fragment(0, ['作品', '展览'], { start: -0.7, end: 'closed', ...cue }),
    fragment(1, ['刺绣', '绣娘', '针法'], { start: -0.7, end: 'closed', opens: true }),
    fragment(1, ['刺绣', '展览', '订单'], { start: -0.7, end: 'closed' }),
  ];
  assert.deepEqual(placed(page({}), items), [0, 0, 0, 1, 1], 'words alone');
  assert.deepEqual(placed(page({ beforeHeadline: 1 }), items), [0, 0, 1, 1, 1]);
});

test('paragraphs: a heading wrapped over two lines is one paragraph, not two headings', () => {
  // Invented text in 12-em columns whose full lines squeeze a mark in (13 characters), indents dropped:
  // `东州港建设为全市发展` fills an indented first line and ends mid-sentence; `带来新的机遇` under it is short and ends
  // no sentence: one subhead's two lines, then a paragraph.
  const lines = [
    '东州市今年，新建了三座便民',
    '服务站，居民办事更加方便。',
    '东州港建设为全市发展',
    '带来新的机遇',
    '今年港口新开了三条航',
    '线，货运量增长了两成，西湾',
    '港也在扩建码头。',
  ].map(cleanLine);
  const cues = { ...NO_CUES, heading: (l: { text: string }) => !/。$/.test(l.text) };
  assert.deepEqual(
    paragraphs(lines, cues, { indentsKept: false }).map((p) => p.text),
    [
      '东州市今年，新建了三座便民服务站，居民办事更加方便。',
      '东州港建设为全市发展带来新的机遇',
      '今年港口新开了三条航线，货运量增长了两成，西湾港也在扩建码头。',
    ],
  );
});

test('measure: full lines without a mark to squeeze show it, not the lines that squeezed one in', () => {
  // Invented 12-em column: four full lines hold a squeezed mark (13 characters), three have none (12): the measure
  // is 12, and a 12-character line is full, not one short.
  const lines = [
    '东州市今年，新建了三座便民',
    '服务站，居民办事更加方便，',
    '新华街道的服务站设在社区',
    '中心里，开放到晚上八点，周',
    '末也不休息志愿者轮流值班',
    '明年还将再建五座服务站点',
    '东州港今年，新开三条航线。',
  ].map(cleanLine);
  assert.deepEqual(new Set(measuresOfLines(lines)), new Set([12]));
});

test('measure: first lines an indent short do not pull it down where every full line squeezed marks in', () => {
  // Line shapes of a 16-em column of short paragraphs, set by a typesetter that compresses marks: every full line
  // holds three (16 ems counted at full width, 14.5 at least), none is solid, and lines an indent short (first lines,
  // one-line paragraphs, now and then a loose line) outnumber them. The measure is still 16, not 14.
  const first = { width: 14, minWidth: 12.5, endsParagraph: false };
  const full = { width: 16, minWidth: 14.5, endsParagraph: false };
  const loose = { width: 14, minWidth: 13, endsParagraph: false };
  const last = { width: 6, minWidth: 5.5, endsParagraph: true };
  const oneLine = { width: 14, minWidth: 13, endsParagraph: true };
  const block = [first, full, last, oneLine, oneLine, first, loose, full, last];
  assert.deepEqual(new Set(lineMeasures([...block, ...block, ...block, ...block])), new Set([16]));
});

test('measure: a paragraph whose first line lost its indent stays in its block, not the wider one after it', () => {
  // Invented: a 13-em column, then a paragraph of it (first line 11 em: its indent dropped; last line short), then a
  // 20-em block. Both ways its two lines are short of a measure but for the indent: they are the column's.
  const lines = [
    '东州市今年新建了三座便民服',
    '务站，居民办事更加方便快捷',
    '新华街道的服务站就设在社区',
    '中心里，开放到晚上八点钟，',
    '周末也不休息，志愿者们轮流',
    '值班，帮助老人办理各种业务',
    '和缴费，很受社区居民的欢迎',
    '街道负责人说这是一件好事。',
    '明年还将再建五座服务站',
    '点。',
    '西湾港第二条集装箱航线日前开通，首班货轮满载',
    '电子产品和农产品驶向东南亚的多个港口，港口负',
    '责人介绍新航线每周往返两班，将降低物流成本。',
  ];
  assert.deepEqual(measuresOfLines(lines.map(cleanLine)), [...Array(10).fill(13), ...Array(3).fill(22)]);
  // A quote's close written on a line of its own (pdftotext -raw of Typst) ends the column's paragraph, not the block
  // after it: the measure does not change at the stop before it.
  const quoted = [...lines.slice(0, 7), '“街道负责人说这是一件好', '事。', '”他说。', ...lines.slice(10)].map((l) =>
    cleanLine(l),
  );
  assert.deepEqual(measuresOfLines(quoted), [...Array(10).fill(13), ...Array(3).fill(22)]);
});

test('paragraphs: none ends inside a word, however short its line', () => {
  // Invented text in a 20-em measure: `…科学研究` is short and `所的专家…` looks indented, but `研究所` is one word
  // (an extractor that wrote a printed line in pieces left its end there).
  const full = '河边成了大家最爱去的地方，散步的村民络绎';
  const lines = [full, full, '东州市农业科学研究', '所的专家介绍，今年试验田长势很好，产', full].map(cleanLine);
  const joined = { ...NO_CUES, joined: (a: CleanLine, b: CleanLine) => spansJoin(a.text, b.text, jiebaWords) };
  assert.equal(paragraphs(lines, NO_CUES).length, 2, 'the shapes alone say a paragraph ends');
  assert.equal(paragraphs(lines, joined).length, 1);
});

test('subheads: a heading line between paragraphs is kept as a subhead of its article', () => {
  // Invented article in 13-em columns: `书屋为何受欢迎？` stands alone between two paragraphs.
  const page = [
    '东州新华街道建起社区书屋',
    '□ 本报记者 王明远',
    '\u3000\u3000新华街道今年建成了三座',
    '社区书屋，藏书过万册，居民',
    '借阅十分方便。每到傍晚，书',
    '屋里坐满了读书的居民和放学',
    '的孩子。',
    '书屋为何受欢迎？',
    '\u3000\u3000书屋每天开放到晚上八点',
    '钟，周末也有志愿者值班，孩',
    '子们放学后常来这里读书、写',
    '作业。志愿者还组织读书会和',
    '手工课，深受居民欢迎。',
  ];
  const a = articlesOf(page)[0]!;
  assert.equal(a.paragraphs.length, 3);
  assert.deepEqual(
    a.subheads?.map((k) => a.paragraphs[k]),
    ['书屋为何受欢迎？'],
  );
  // A line split where a title mark meets a bracket is no heading, though the piece before the split looks like one:
  // the two fit one printed line, where a heading and the next paragraph's first line would not (20-em measure).
  const full = '河边成了大家最爱去的地方，散步的村民络绎';
  const lines = [full, '不绝。', '街道印发《河道办法》', '（下称《办法》）。', full, full].map(cleanLine);
  const heading = { ...NO_CUES, heading: (l: CleanLine) => l.text === '街道印发《河道办法》' };
  const texts = paragraphs(lines, heading).map((p) => p.text);
  assert.ok(!texts.includes('街道印发《河道办法》'), texts.join(' / '));
  assert.ok(
    texts.some((t) => t.startsWith('街道印发《河道办法》（下称《办法》）。')),
    texts.join(' / '),
  );
});

test('subheads: a heading stands alone above a first line set tight; a wrapped one ends with its second line', () => {
  // Invented text in a 16-em measure. `“灯塔不能灭…”老` falls only 1 em short of the measure, yet its quotes and stops,
  // compressed, leave room for a first line's indent: the heading above it is a paragraph of its own.
  const full = '东州港今年新开三条航线，货物吞吐';
  const tight = '“灯塔不能灭，船才能回家。”老';
  const cues = lineCues(jiebaWords);
  const texts = (lines: string[]) => paragraphs(lines.map(cleanLine), cues).map((p) => p.text);
  const after = [tight, '王说，他在岛上已经守了三十多年，', '如今已是满头白发。'];
  const body = `${tight}王说，他在岛上已经守了三十多年，如今已是满头白发。`;
  const alone = texts([full, full, '量再创新高。', '“我要守好这座灯塔”', ...after]);
  assert.deepEqual(alone.slice(1), ['“我要守好这座灯塔”', body]);
  // A heading wrapped over two lines (the first fills a first line's room) ends with its second line, though that is
  // only 3 em short and the line after it tight.
  const heading = ['港口为何能够吸引众多航运公司', '前来落户并扎根东州港的发展'];
  const wrapped = texts([full, full, '量再创新高。', ...heading, ...after]);
  assert.deepEqual(wrapped.slice(1), [heading.join(''), body]);
});

test('paragraphs: a line too short to justify ends its paragraph, though it ends no sentence', () => {
  // Invented text in a 10-em measure: `新高港口繁忙有序` stops 2 em short, which would open 0.29 em between its characters
  // set full: a paragraph's last line (a pull quote ends without a stop), and the next line is indented.
  const lines = [
    '东州港今年新开了三条',
    '航线，货物吞吐量再创',
    '新高港口繁忙有序',
    '港口负责人王明远',
    '介绍，新航线开通以后',
    '企业纷纷前来。',
  ];
  assert.deepEqual(
    paragraphs(lines.map(cleanLine)).map((p) => p.text),
    ['东州港今年新开了三条航线，货物吞吐量再创新高港口繁忙有序', '港口负责人王明远介绍，新航线开通以后企业纷纷前来。'],
  );
});

test("interleave: four columns of one article read after another's first go back together", () => {
  // Article 0's column stops mid-sentence; article 1's first column follows (pdftotext read the module beside it),
  // then article 0's next four columns, each going on where the one before stopped. Moved three at a time, the
  // fourth would be left alone in article 1, so no move gained enough.
  const items = [item('港口', 0.6), item('书屋', 0.6)];
  const port = ['港口', '航线', '码头', '货轮'];
  const frags = [
    // Each first column stands under its headline and names its byline's place.
    fragment(0, ['港口', ...port], { end: 'open', start: -0.7, opens: true, names: new Set([0]) }),
    fragment(1, ['书屋', '借阅', '图书', '读者'], { end: 'closed', start: -0.7, opens: true, names: new Set([1]) }),
    fragment(1, [...port, '吞吐'], { start: 1, end: 'open' }),
    fragment(1, [...port, '集装箱'], { start: 0.5, end: 'open' }),
    fragment(1, [...port, '泊位'], { start: 0.5, end: 'open' }),
    fragment(1, [...port, '堆场'], { start: 0.5, end: 'closed' }),
  ];
  assert.deepEqual(placed(frags, items), [0, 1, 0, 0, 0, 0]);
});

test('headlines of modules side by side, read one above another over the first byline, go one to each byline', () => {
  // Invented page as pdfminer reads two modules set side by side: both headlines (each a block of its own), then
  // each byline over its body. The second byline has no headline of its own above it.
  const page = [
    '东州港新开三条国际货运航线',
    '',
    '西湾区社区书屋藏书突破十万册',
    '',
    '□ 本报记者 王明远',
    '\u3000\u3000本报东州3月2日电  （记者王明远）东',
    '州港今年新开三条国际货运航线，货物吞吐',
    '量再创新高，港口运转繁忙有序。',
    '\u3000\u3000港口负责人介绍，新航线开通以后，更多',
    '企业选择从东州港出海，港区正在扩建泊位。',
    '',
    '□ 本报记者 李华',
    '\u3000\u3000本报西湾3月2日电  （记者李华）西湾',
    '区社区书屋藏书日前突破十万册，居民借阅',
    '十分方便，每到傍晚，书屋里坐满了读书的',
    '居民和放学的孩子。',
    '\u3000\u3000街道负责人说，明年还将再建五座书屋，',
    '让更多居民在家门口读书。',
  ];
  assert.deepEqual(
    articlesOf(page).map((a) => [a.headline, a.byline?.name, a.paragraphs.length]),
    [
      ['东州港新开三条国际货运航线', '王明远', 2],
      ['西湾区社区书屋藏书突破十万册', '李华', 2],
    ],
  );
});

test('a headline read among the columns beside it, cutting their sentence, heads the article of its byline', () => {
  // Invented page as pdfminer reads two modules: each byline over its body's first column, each headline read
  // where it stands beside the first article's columns, between two lines of one of its sentences.
  const page = [
    '□ 王明远',
    '\u3000\u3000东州港今年新开三条国际货',
    '运航线，货物吞吐量再创新高，',
    '港口运转繁忙有序。港口负责',
    '',
    '东州港新开三条航线',
    '',
    '人介绍，新航线开通以后，更',
    '多企业选择从东州港出海，港',
    '区正在扩建泊位，货运量还将',
    '',
    '西湾社区书屋藏书破十万册',
    '',
    '继续增长。他说，今年港口还',
    '将开通两条新航线，连接更多',
    '海外港口。',
    '',
    '□ 本报记者 李华',
    '\u3000\u3000西湾区社区书屋藏书日前',
    '突破十万册，居民借阅十分方',
    '便，每到傍晚，书屋里坐满了',
    '读书的居民和放学的孩子。',
  ];
  assert.deepEqual(headlineNameEnd(page), [
    ['东州港新开三条航线', '王明远', '海外港口。'],
    ['西湾社区书屋藏书破十万册', '李华', '学的孩子。'],
  ]);
});

test('where the extractor writes indents, a headline read between two sentences of one paragraph cuts it', () => {
  // Invented page as pdfminer reads it, first lines indented: the second article's headline stands between two
  // sentences of the first one's paragraph (at a full line's end), and the line under it goes on unindented.
  const page = [
    '□ 王明远',
    '\u3000\u3000东州港今年新开三条国际',
    '货运航线，货物吞吐量再创新',
    '高。',
    '\u3000\u3000港口运转繁忙有序，码头',
    '上货轮进出不断。',
    '',
    '东州港新开三条航线',
    '',
    '\u3000\u3000港口负责人介绍，新航线',
    '开通以后，更多企业选择从东',
    '州港出海，港区在扩建泊位。',
    '',
    '西湾社区书屋藏书破十万册',
    '',
    '他说，今年港口还将开通两条',
    '新航线，连接更多海外港口。',
    '货运量还将增长。',
    '\u3000\u3000港口明年还将扩建码头，',
    '吞吐能力再提升。',
    '',
    '□ 本报记者 李华',
    '\u3000\u3000西湾区社区书屋藏书日前',
    '突破十万册。',
    '\u3000\u3000每到傍晚，书屋里坐满了',
    '读书的居民和孩子。',
    '\u3000\u3000街道说，明年再建五座。',
  ];
  assert.deepEqual(headlineNameEnd(page), [
    ['东州港新开三条航线', '王明远', '力再提升。'],
    ['西湾社区书屋藏书破十万册', '李华', '再建五座。'],
  ]);
});

test('a question headline over another headline, both read above the first byline, goes to the first byline', () => {
  // Invented page as pdfminer reads two modules side by side: both headlines, the first a question (which nothing
  // above joins), then each byline over its body. The headlines stand in the bylines' order.
  const page = [
    '东州港为何能留住货轮？',
    '',
    '西湾区社区书屋藏书破十万册',
    '',
    '□ 本报记者 王明远',
    '\u3000\u3000东州港今年新开三条国际货',
    '运航线，货物吞吐量再创新高，',
    '港口运转繁忙有序。',
    '',
    '□ 本报记者 李华',
    '\u3000\u3000西湾区社区书屋藏书日前',
    '突破十万册，居民借阅十分方',
    '便，每到傍晚，书屋里坐满了',
    '读书的居民和放学的孩子。',
  ];
  assert.deepEqual(
    articlesOf(page).map((a) => [a.headline, a.byline?.name]),
    [
      ['东州港为何能留住货轮？', '王明远'],
      ['西湾区社区书屋藏书破十万册', '李华'],
    ],
  );
});

test('paragraphs: a line that ends no sentence, well short of its room, joined to the next is a doubt', () => {
  const full = '东州城东的幸福里社区是一个建成三十多年的老小区';
  const last = '社区办起了老年食堂，还请来志愿者上门理发。';
  const doubts = (first: string) => {
    const ps = paragraphs([first, full, full, last].map(cleanLine), NO_CUES, { indentsKept: false });
    assert.equal(ps.length, 1);
    return ps[0]!.doubts;
  };
  // Nothing in the lines ends the standfirst: it stays joined, and the join is one more doubt than a full line's.
  assert.equal(doubts('在服务中多一些耐心，让老人更舒心'), doubts(full) + 1);
});

test('a headline of two lines set apart, read away from its byline, keeps its second line no body names', () => {
  // The second line (`合力推进开放`) could be another article's grouped headline; no body claims it, so it stays with
  // the first, not run on into the body above the block.
  const articles = articlesOf([
    '东州晚报  2025年3月4日  星期二',
    '',
    '南湖公园今日开放',
    '□ 本报记者 李清和',
    '南湖公园位于东州城南，占地三百余亩，经过两年改造，今天起向市民免费开放。公园新建步道',
    '八公里，种植树木两万余株，并设有儿童游乐区和健身广场。',
    '市园林局负责人介绍，公园开放后将实行错峰管理，节假日游客较多时将提前发布预约信息。',
    '',
    '东州建设港口',
    '合力推进开放',
    '',
    '西湾小学新校区投用',
    '□ 本报记者 赵文静',
    '西湾小学新校区今秋正式投入使用，可容纳学生两千四百人。新校区设有图书馆、科学实验室和',
    '室内体育馆，教室全部配备新风系统。',
    '区教育局表示，新校区投用后将有效缓解西湾片区入学压力。',
    '',
    '□ 本报记者 王明远',
    '东州港口二期工程昨日开工，新建泊位六个，预计明年建成投用。工程建成后，港口年吞吐能力将',
    '提高三成，物流园区也将同步扩建。',
    '据介绍，二期工程总投资四十亿元，建设期间将带动就业岗位三千余个。',
  ]);
  assert.deepEqual(
    articles.map((a) => [a.headline, a.byline?.name, a.paragraphs.at(-1)!.slice(-4)]),
    [
      ['南湖公园今日开放', '李清和', '约信息。'],
      ['西湾小学新校区投用', '赵文静', '学压力。'],
      ['东州建设港口 合力推进开放', '王明远', '千余个。'],
    ],
  );
});
