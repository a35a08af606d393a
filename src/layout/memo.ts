/**
 * Memos for the process: the make-up sets the same texts at many sizes and
 * widths, and a rebuild (`proof --serve`) sets them again. Each memo forgets
 * everything past MAX_KEYS keys, so a process laying out issue after issue
 * (a batch worker) stays small.
 */
const MAX_KEYS = 20_000;

/** The value for a key, computed the first time it is asked for. */
export type Memo<K, V> = (key: K, compute: () => V) => V;

export function memo<K, V>(): Memo<K, V> {
  const values = new Map<K, V>();
  return (key, compute) => {
    let v = values.get(key);
    if (v === undefined) {
      if (values.size >= MAX_KEYS) values.clear();
      values.set(key, (v = compute()));
    }
    return v;
  };
}

/** A memo per owner (a face's metrics, a segmenter): made on first use, gone with its owner. */
export function memoPer<O extends object, K, V>(): (owner: O) => Memo<K, V> {
  const memos = new WeakMap<O, Memo<K, V>>();
  return (owner) => {
    let m = memos.get(owner);
    if (!m) memos.set(owner, (m = memo()));
    return m;
  };
}
