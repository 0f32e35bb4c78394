/**
 * Date formatting for the UI: "15 Aug 2025", always in UTC and English month names, so a
 * date never shifts by a day with the reader's time zone and never depends on the locale.
 * Knowledge-base dates may be partial (YYYY or YYYY-MM); they are shown as precisely as known.
 */
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

/** The parts of a YYYY, YYYY-MM, YYYY-MM-DD or full ISO timestamp; null when unreadable. */
function readDate(iso: string): DateParts | null {
  if (iso.includes('T')) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return null;
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return null;
  const month = match[2] ? Number(match[2]) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  return { year: Number(match[1]), month, day: match[3] ? Number(match[3]) : undefined };
}

function show({ year, month, day }: DateParts, withYear = true): string {
  const parts = [day, month ? MONTHS_SHORT[month - 1] : undefined, withYear ? year : undefined];
  return parts.filter((p) => p !== undefined).join(' ');
}

/** "15 Aug 2025", "Aug 2025" or "2025"; '' for no date; the input itself when unreadable. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = readDate(iso);
  return parts ? show(parts) : iso;
}

/** "15–16 Aug 2025", "30 Jul – 2 Aug 2025", or one date when there is no distinct end. */
export function formatDateRange(start: string, end?: string | null): string {
  const a = readDate(start);
  const b = end ? readDate(end) : null;
  if (!a || !b || end === start) return formatDate(start);
  if (a.day && b.day && a.year === b.year) {
    if (a.month === b.month) return `${a.day}–${show(b)}`;
    return `${show(a, false)} – ${show(b)}`;
  }
  return `${show(a)} – ${show(b)}`;
}

/** The month (YYYY-MM) or, for a year-only date, the year an event falls in. */
export function monthKey(iso: string): string {
  return iso.slice(0, /^\d{4}-\d{2}/.test(iso) ? 7 : 4);
}

/** "August 2025" for "2025-08", "2025" for "2025". */
export function formatMonthHeading(key: string): string {
  const parts = readDate(key);
  if (!parts) return key;
  return parts.month ? `${MONTHS_LONG[parts.month - 1]} ${parts.year}` : String(parts.year);
}

export interface MonthGroup<T> {
  key: string;
  heading: string;
  items: T[];
}

/**
 * Groups dated items by month, newest month first (oldest first with `newestFirst` false,
 * for what happened next); items keep their order within a month.
 */
export function groupByMonth<T extends { date: string }>(items: readonly T[], newestFirst = true): MonthGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = monthKey(item.date);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === b ? 0 : (a < b) === newestFirst ? 1 : -1))
    .map(([key, grouped]) => ({ key, heading: formatMonthHeading(key), items: grouped }));
}

/** A size in bytes for people: "812 KB", "1.4 GB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 || value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
