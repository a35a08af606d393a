/**
 * The interactive proof's page: one HTML file with its own script and
 * styles (nothing from the network). Three views of one issue side by side:
 * the extraction's lines with every correction marked, the recovered issue
 * with the editor's actions, and the rebuilt spread with each item's box.
 * Selecting a paragraph, a line, a correction or a box shows the same thing
 * in the other views. Every action is a button, field or list: reachable
 * from the keyboard.
 */

const STYLE = `
* { box-sizing: border-box; }
select, input, button, textarea { font: inherit; }
body { margin: 0; font: 14px/1.6 "np-proof", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; color: #222; }
header { position: sticky; top: 0; z-index: 2; display: flex; gap: .6em; align-items: center; padding: .4em .8em;
  background: #f4f1ea; border-bottom: 1px solid #ccc; }
header h1 { font-size: 15px; margin: 0 1em 0 0; }
#status { margin-left: auto; color: #555; }
#messages { color: #a00; padding: 0 .8em; }
main { display: grid; grid-template-columns: 1fr 1.3fr 1fr; gap: 0; height: calc(100vh - 3em); }
main > section { overflow: auto; padding: .5em .8em; border-right: 1px solid #ddd; }
h2 { font-size: 13px; color: #666; margin: .2em 0 .5em; }
ol.source { margin: 0; padding-left: 3.5em; font-size: 12px; }
ol.source li.corr { background: #fff3c4; }
ol.source li.sel { background: #cfe3ff; }
sup.c { color: #a60; font-size: 10px; margin-left: .3em; }
.item { border: 1px solid #ddd; border-radius: 4px; margin: 0 0 1em; padding: .4em .6em; }
.item.sel { border-color: #3a78d8; box-shadow: 0 0 0 2px #cfe3ff; }
.item h3 { font-size: 13px; margin: 0; color: #666; font-weight: normal; }
.row { display: flex; gap: .4em; align-items: center; margin: .2em 0; flex-wrap: wrap; }
.row input[type=text] { flex: 1; min-width: 8em; font: inherit; }
.para { padding: .2em .3em; margin: .2em 0; border-radius: 3px; cursor: pointer; text-indent: 2em; }
.para:focus, .para.sel { outline: 2px solid #3a78d8; background: #eef5ff; }
.para.subhead { font-weight: bold; }
.tools { margin: .2em 0 .6em 1em; padding: .3em; background: #f7f7f7; border-radius: 3px; }
.tools textarea { width: 100%; height: 6em; font: inherit; }
.removes { color: #a00; }
ul.corrs { margin: .3em 0 0; padding-left: 1.2em; font-size: 12px; }
ul.corrs li.rejected { text-decoration: line-through; color: #888; }
.sheet { position: relative; margin: 0 0 1em; border: 1px solid #ccc; }
.sheet img { display: block; width: 100%; }
.box { position: absolute; border: 1px solid rgba(58,120,216,.35); background: transparent; padding: 0; cursor: pointer; }
.box:focus, .box.sel { border: 2px solid #3a78d8; background: rgba(58,120,216,.08); }
.low { color: #a00; }
button[disabled] { opacity: .5; }
`;

/** Runs in the browser: state from the server, actions sent back as the whole list of edits. */
const SCRIPT = String.raw`
const TOKEN = document.body.dataset.token;
let state = null;
let selected = null; // { item, paragraph? }
const $ = (s) => document.querySelector(s);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'text') e.textContent = v;
    else if (v !== false && v != null) e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids) if (k != null) e.append(k);
  return e;
};
const starts = (text) => [...text].slice(0, 12).join('');
const hanCount = (s) => { const m = new Map(); for (const c of s) if (/\p{Script=Han}/u.test(c)) m.set(c, (m.get(c) || 0) + 1); return m; };
function removed(before, after) {
  const a = hanCount(before), b = hanCount(after), out = [];
  for (const [c, n] of a) for (let k = 0; k < n - (b.get(c) || 0); k++) out.push(c);
  return out.join('');
}
async function api(path, body) {
  const r = await fetch(path, { method: body ? 'POST' : 'GET', headers: { 'x-newsprint-token': TOKEN, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  const j = await r.json();
  if (!r.ok) throw new Error(j.error || r.statusText);
  return j;
}
function busy(on, what) {
  document.body.setAttribute('aria-busy', on ? 'true' : 'false');
  for (const b of document.querySelectorAll('header button')) b.disabled = on;
  if (on) $('#status').textContent = what;
}
async function change(edits) {
  busy(true, 'rebuilding…');
  try { state = await api('/api/edits', { edits }); draw(); }
  catch (e) { $('#messages').textContent = e.message; }
  finally { busy(false); status(); }
}
const push = (edit) => change([...state.edits, edit]);
function status(extra) {
  $('#status').textContent = (extra ? extra + ' · ' : '') + state.edits.length + ' edit(s), ' + (state.saved ? 'saved' : 'not saved') + ' · rebuilt in ' + state.rebuildMs + ' ms';
  $('#undo').disabled = state.edits.length === 0;
}
const items = () => [...(state.issue.lead ? [{ id: 'lead', ...state.issue.lead }] : []), ...state.issue.articles];
function select(sel, from) {
  selected = sel;
  draw();
  const target = sel.paragraph != null ? document.getElementById('p-' + sel.item + '-' + sel.paragraph) : document.getElementById('item-' + sel.item);
  if (target && from !== 'issue') target.scrollIntoView({ block: 'nearest' });
  const line = [...document.querySelectorAll('ol.source li.sel')][0];
  if (line && from !== 'source') line.scrollIntoView({ block: 'center' });
}
function linesOf(sel) {
  const it = items().find((i) => i.id === sel.item);
  if (!it) return [];
  if (sel.paragraph != null) return it.source.paragraphs[sel.paragraph] || [];
  return [...it.source.headline, ...it.source.paragraphs.flat()];
}
function drawSource() {
  const corrLines = new Map();
  for (const c of state.corrections) for (const n of c.lines) corrLines.set(n, [...(corrLines.get(n) || []), c.id]);
  const sel = new Set(selected ? linesOf(selected) : []);
  const owner = new Map();
  for (const it of items()) {
    for (const n of it.source.headline) owner.set(n, { item: it.id });
    it.source.paragraphs.forEach((ls, p) => ls.forEach((n) => owner.set(n, { item: it.id, paragraph: p })));
  }
  const ol = el('ol', { class: 'source' });
  state.source.forEach((text, i) => {
    const n = i + 1;
    const cs = corrLines.get(n);
    const li = el('li', { id: 'L' + n, class: [cs ? 'corr' : '', sel.has(n) ? 'sel' : ''].join(' ').trim() || false, onclick: () => owner.has(n) && select(owner.get(n), 'source') }, text || '\u00a0');
    if (cs) li.append(el('sup', { class: 'c', text: cs.join(' ') }));
    ol.append(li);
  });
  $('#source').replaceChildren(el('h2', { text: 'Extraction: ' + state.file }), ol);
}
function paragraphTools(it, p, text) {
  const others = items().filter((o) => o.id !== it.id);
  const ref = { item: it.id, paragraph: p, starts: starts(text) };
  const move = el('select', { id: 'move-to', 'aria-label': 'move to' }, ...others.map((o) => el('option', { value: o.id, text: o.id + ' ' + (o.headline || '(no headline)') })));
  const where = el('select', { id: 'move-where', 'aria-label': 'where in it' }, el('option', { value: 'end', text: 'at its end' }), el('option', { value: 'start', text: 'at its start' }));
  const splitAt = el('input', { type: 'number', min: 1, max: [...text].length - 1, value: Math.floor([...text].length / 2), 'aria-label': 'split after character', style: 'width:6em' });
  const newHead = el('input', { type: 'text', 'aria-label': 'headline of the new article' });
  const kind = el('select', { 'aria-label': 'kind of furniture' }, ...['folio', 'running-head', 'jump', 'paper', 'credit', 'email'].map((k) => el('option', { value: k, text: k })));
  const isSubhead = (it.subheads || []).includes(p);
  const sub = el('input', { type: 'checkbox', id: 'subhead-' + it.id + '-' + p, checked: isSubhead, onchange: () => push({ op: 'mark-subhead', paragraph: ref, subhead: sub.checked }) });
  const area = el('textarea', { 'aria-label': 'paragraph text' });
  area.value = text;
  const warn = el('span', { class: 'removes' });
  area.addEventListener('input', () => { const r = removed(text, area.value); warn.textContent = r ? 'removes: ' + r : ''; });
  return el('div', { class: 'tools' },
    el('div', { class: 'row' }, 'Move to', move, where, el('button', { id: 'move-btn', onclick: () => push({ op: 'move-paragraph', paragraph: ref, to: move.value, ...(where.value === 'start' ? { at: 0 } : {}) }) }, 'Move'),
      el('button', { onclick: () => push({ op: 'join-paragraphs', paragraph: ref }), disabled: p + 1 >= it.paragraphs.length }, 'Join with next'),
      'Split after', splitAt, el('button', { onclick: () => push({ op: 'split-paragraph', paragraph: ref, at: Number(splitAt.value) }) }, 'Split')),
    area,
    el('div', { class: 'row' }, el('button', { onclick: () => area.value !== text && push({ op: 'edit-paragraph', paragraph: ref, text: area.value }) }, 'Apply text'), warn),
    el('div', { class: 'row' }, 'New article from here, headline', newHead,
      el('button', { onclick: () => newHead.value && push({ op: 'new-article', paragraph: ref, headline: newHead.value }) }, 'New article'),
      'Furniture:', kind, el('button', { onclick: () => push({ op: 'mark-furniture', paragraph: ref, kind: kind.value }) }, 'Mark as furniture')),
    el('div', { class: 'row' }, sub, el('label', { for: 'subhead-' + it.id + '-' + p, text: 'subhead (set bold)' })));
}
function drawItem(it) {
  const isLead = it.id === 'lead';
  const sec = el('section', { class: 'item' + (selected && selected.item === it.id ? ' sel' : ''), id: 'item-' + it.id });
  const conf = it.confidence === undefined ? '' : ' · confidence ' + it.confidence;
  sec.append(el('h3', { class: it.confidence < 0.6 ? 'low' : false, text: it.id + conf + (it.reviewed ? ' · reviewed' : '') }));
  const head = el('input', { type: 'text', value: it.headline, 'aria-label': 'headline of ' + it.id, id: 'headline-' + it.id });
  sec.append(el('div', { class: 'row' }, head, el('button', { id: 'set-headline-' + it.id, onclick: () => head.value && head.value !== it.headline && push({ op: 'set-headline', item: it.id, text: head.value }) }, 'Set headline')));
  if (isLead) {
    const kicker = el('input', { type: 'text', value: it.kicker || '', 'aria-label': 'kicker' });
    sec.append(el('div', { class: 'row' }, kicker, el('button', { onclick: () => push({ op: 'set-kicker', text: kicker.value || null }) }, 'Set kicker')));
    const deck = el('input', { type: 'text', value: it.deck || '', 'aria-label': 'deck' });
    sec.append(el('div', { class: 'row' }, deck, el('button', { onclick: () => push({ op: 'set-deck', text: deck.value || null }) }, 'Set deck')));
  } else {
    const role = el('input', { type: 'text', value: it.byline ? it.byline.role : '', 'aria-label': 'byline role of ' + it.id });
    const name = el('input', { type: 'text', value: it.byline ? it.byline.name : '', 'aria-label': 'byline name of ' + it.id });
    sec.append(el('div', { class: 'row' }, role, name, el('button', { onclick: () => push({ op: 'set-byline', item: it.id, byline: name.value ? { role: role.value, name: name.value } : null }) }, 'Set byline')));
  }
  const rev = el('input', { type: 'checkbox', id: 'rev-' + it.id, checked: !!it.reviewed, onchange: () => push({ op: 'mark-reviewed', item: it.id, reviewed: rev.checked }) });
  const others = items().filter((o) => o.id !== it.id);
  const into = el('select', { 'aria-label': 'join into' }, ...others.map((o) => el('option', { value: o.id, text: o.id + ' ' + (o.headline || '') })));
  sec.append(el('div', { class: 'row' }, rev, el('label', { for: 'rev-' + it.id, text: 'reviewed' }),
    isLead || !others.length ? null : el('span', {}, ' · join this article to ', into, el('button', { onclick: () => push({ op: 'join-articles', item: it.id, into: into.value }) }, 'Join'))));
  it.paragraphs.forEach((text, p) => {
    const on = selected && selected.item === it.id && selected.paragraph === p;
    const subhead = (it.subheads || []).includes(p);
    sec.append(el('div', { class: 'para' + (on ? ' sel' : '') + (subhead ? ' subhead' : ''), id: 'p-' + it.id + '-' + p, tabindex: 0, role: 'button', 'aria-pressed': on ? 'true' : 'false',
      onclick: () => select({ item: it.id, paragraph: p }, 'issue'),
      onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select({ item: it.id, paragraph: p }, 'issue'); } } }, text));
    if (on) sec.append(paragraphTools(it, p, text));
  });
  const corrs = state.corrections.filter((c) => c.item === it.id && c.rejectable);
  if (corrs.length) {
    const ul = el('ul', { class: 'corrs' });
    for (const c of corrs)
      ul.append(el('li', { class: c.rejected ? 'rejected' : false, id: 'corr-' + c.id },
        el('a', { href: '#L' + c.lines[0], onclick: (e) => { e.preventDefault(); select({ item: it.id }, 'issue'); document.getElementById('L' + c.lines[0]).scrollIntoView({ block: 'center' }); } }, c.id),
        ' ' + c.kind + ': ' + starts(c.from.replace(/\n/g, '⏎')) + ' → ' + starts(c.to) + ' ',
        c.rejected ? null : el('button', { id: 'reject-' + c.id, onclick: () => push({ op: 'reject-correction', correction: c.id, to: c.to }) }, 'Reject')));
    const open = selected && selected.item === it.id;
    sec.append(el('details', { open }, el('summary', { text: corrs.length + ' correction(s) that can be rejected' }), ul));
  }
  return sec;
}
function drawSpread() {
  const out = [el('h2', { text: 'Spread (rebuilt)' })];
  state.pages.forEach((pg, i) => {
    const sheet = el('div', { class: 'sheet' }, el('img', { src: '/page/' + (i + 1) + '.png?token=' + TOKEN + '&v=' + state.version, alt: 'page ' + (i + 1) }));
    for (const b of pg.boxes) {
      if (b.item === 'page' || b.item === 'masthead') continue;
      const pct = (v, of) => (100 * v / of) + '%';
      sheet.append(el('button', { class: 'box' + (selected && selected.item === b.item ? ' sel' : ''), 'aria-label': 'item ' + b.item + ' on page ' + (i + 1),
        style: 'left:' + pct(b.x, pg.width) + ';top:' + pct(b.y, pg.height) + ';width:' + pct(b.w, pg.width) + ';height:' + pct(b.h, pg.height),
        onclick: () => select({ item: b.item }, 'spread') }));
    }
    out.push(sheet);
  });
  $('#spread').replaceChildren(...out);
}
function draw() {
  $('#messages').textContent = state.warnings.join(' · ');
  drawSource();
  $('#issue').replaceChildren(el('h2', { text: 'Recovered issue' }), ...items().map(drawItem));
  drawSpread();
  status();
}
$('#undo').addEventListener('click', () => change(state.edits.slice(0, -1)));
$('#save').addEventListener('click', async () => {
  busy(true, 'saving…');
  try { state = await api('/api/save', { edits: state.edits }); draw(); status('wrote ' + state.wrote); }
  catch (e) { $('#messages').textContent = e.message; }
  finally { busy(false); }
});
api('/api/state').then((s) => { state = s; draw(); document.body.dataset.ready = 'true'; }, (e) => { $('#messages').textContent = e.message; });
`;

export function proofPage(token: string, fontCss = ''): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>newsprint proof</title><link rel="icon" href="data:,">
<style>${fontCss}${STYLE}</style></head>
<body data-token="${token}">
<header><h1>newsprint proof</h1>
<button id="undo" type="button">Undo</button>
<button id="save" type="button">Save edits</button>
<span id="status" role="status">loading…</span></header>
<div id="messages" role="alert"></div>
<main><section id="source" aria-label="extraction"></section>
<section id="issue" aria-label="recovered issue"></section>
<section id="spread" aria-label="spread"></section></main>
<script>${SCRIPT}</script>
</body></html>
`;
}
