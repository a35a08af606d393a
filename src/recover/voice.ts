/**
 * Who a paragraph speaks as. A report speaks of others (`本报记者…`): it says
 * `我` only inside the quotes of the people it quotes. A signed column or an
 * essay (`（作者为…）`, a bare name under the headline) speaks as its author,
 * `我在西湾教了三十年书`. Where the voice changes between paragraphs read one after
 * the other, one article has most likely ended and another begun.
 */

const OPENS = new Set(['“', '「', '『']);
const CLOSES = new Set(['”', '」', '』']);

/**
 * `我` before these is the collective of an institution or a place (`我国`, `我省`, `我市`, `我院`): reports write it
 * in their own voice.
 */
const COLLECTIVE = new Set([...'国省市区县州乡镇村军党校院所厂局部委司行社台馆']);

/**
 * The paragraph speaks in the first person singular outside quotation marks: `我` (not `我国` and the like), `笔者`.
 * Not `我们`: commentary and theory speak as the collective in their own voice (`我们要坚持…`), which
 * moved a cut inside a theory page's lead.
 * A paragraph that opens a quote it never closes is a quotation running on over paragraphs (each re-opened), all of it
 * inside.
 */
export function speaksFirstPerson(text: string): boolean {
  const cs = [...text];
  let depth = 0;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (OPENS.has(c)) depth++;
    else if (CLOSES.has(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const next = cs[i + 1] ?? '';
      if (c === '我' && !COLLECTIVE.has(next) && next !== '们') return true;
      if (c === '笔' && next === '者') return true;
    }
  }
  return false;
}
