/**
 * A list of strings stored as one string and the offsets into it. IndexedDB (structured
 * clone) copies one long string and one typed array far faster than an array of 100k small
 * strings, so stored lookup data keeps its ids this way and reads them one at a time.
 */
export interface StringList {
  blob: string;
  /** String i is blob.slice(start[i], start[i + 1]). */
  start: Int32Array;
}

export function toStringList(items: readonly string[]): StringList {
  const start = new Int32Array(items.length + 1);
  let at = 0;
  items.forEach((item, i) => {
    start[i] = at;
    at += item.length;
  });
  start[items.length] = at;
  return { blob: items.join(''), start };
}

export function stringCount(list: StringList): number {
  return list.start.length - 1;
}

export function stringAt(list: StringList, i: number): string {
  return list.blob.slice(list.start[i], list.start[i + 1]);
}

/** String i compared with `value` by code units (as `<` and the default sort order them), without copying it out. */
function compareAt(list: StringList, i: number, value: string): number {
  const from = list.start[i]!;
  const length = list.start[i + 1]! - from;
  const n = Math.min(length, value.length);
  for (let k = 0; k < n; k++) {
    const difference = list.blob.charCodeAt(from + k) - value.charCodeAt(k);
    if (difference) return difference;
  }
  return length - value.length;
}

/** Index of `value` in a list sorted by code units; -1 when absent. */
export function sortedIndexOf(list: StringList, value: string): number {
  let lo = 0;
  let hi = stringCount(list) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const order = compareAt(list, mid, value);
    if (order === 0) return mid;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
