/**
 * Fake-bold text is drawn twice, so an extractor reads every run twice:
 * `政教专刊部主办政教专刊部主办`, `20242024年年11月月`. Undoubling splits a
 * token into runs `r r` and keeps one of each. Runs that were not doubled
 * are kept as single characters at a cost, so partly doubled text still reads.
 */

export interface Undoubling {
  text: string;
  /** Characters kept single (not found doubled); 0 means a clean undoubling. */
  cost: number;
}

/** The cheapest undoubling of `token` (fewest single characters; ties: longest runs first). */
export function undouble(token: string): Undoubling {
  const s = [...token];
  const n = s.length;
  const best: Array<Undoubling | null> = new Array(n + 1).fill(null);
  best[n] = { text: '', cost: 0 };
  for (let i = n - 1; i >= 0; i--) {
    let choice: Undoubling | null = null;
    for (let len = Math.floor((n - i) / 2); len >= 1; len--) {
      if (!sameRun(s, i, len)) continue;
      const rest = best[i + 2 * len]!;
      if (!choice || rest.cost < choice.cost)
        choice = { text: s.slice(i, i + len).join('') + rest.text, cost: rest.cost };
    }
    const single = best[i + 1]!;
    if (!choice || single.cost + 1 < choice.cost) choice = { text: s[i] + single.text, cost: single.cost + 1 };
    best[i] = choice;
  }
  return best[0]!;
}

/**
 * Every distinct reading of `token` with its cost (doubled runs free, single
 * characters 1 each). Used for short, ambiguous spans such as a date, where
 * the weekday then decides. Bounded: tokens longer than 24 characters give
 * only the cheapest reading.
 */
export function undoublings(token: string): Undoubling[] {
  const s = [...token];
  if (s.length > 24) return [undouble(token)];
  const memo = new Map<number, Map<string, number>>();
  const from = (i: number): Map<string, number> => {
    const hit = memo.get(i);
    if (hit) return hit;
    const out = new Map<string, number>();
    const add = (text: string, cost: number) => {
      const old = out.get(text);
      if (old === undefined || cost < old) out.set(text, cost);
    };
    if (i === s.length) add('', 0);
    else {
      for (const [rest, cost] of from(i + 1)) add(s[i] + rest, cost + 1);
      for (let len = 1; i + 2 * len <= s.length; len++) {
        if (!sameRun(s, i, len)) continue;
        const run = s.slice(i, i + len).join('');
        for (const [rest, cost] of from(i + 2 * len)) add(run + rest, cost);
      }
    }
    memo.set(i, out);
    return out;
  };
  return [...from(0)]
    .map(([text, cost]) => ({ text, cost }))
    .sort((a, b) => a.cost - b.cost || (a.text < b.text ? -1 : 1));
}

function sameRun(s: string[], i: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (s[i + k] !== s[i + len + k]) return false;
  return true;
}
