const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** Is y-m-d a real day of the Gregorian calendar? */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `星期一` … `星期日` for a date. */
export function weekdayOf(y: number, m: number, d: number): string {
  return '星期' + WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
}

/** Normalise `周一`, `星期天`, `礼拜一` to the `星期X` form, with `日` for Sunday. */
export function normaliseWeekday(s: string): string | null {
  const m = /(?:星期|周|礼拜)([一二三四五六日天])/.exec(s);
  if (!m) return null;
  return '星期' + (m[1] === '天' ? '日' : m[1]);
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
