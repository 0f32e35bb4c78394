/**
 * Calendar arithmetic on ISO dates (YYYY, YYYY-MM or YYYY-MM-DD strings), in UTC, so the
 * same article gives the same answer on every machine.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date; a partial date counts from its first day. NaN when unreadable. */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) / DAY_MS;
}

/** The last day covered by a partial date: "2025-08" → day of 2025-08-31. */
export function lastDayNumber(iso: string): number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return Number.NaN;
  if (m[3]) return dayNumber(iso);
  if (m[2]) return Date.UTC(Number(m[1]), Number(m[2]), 0) / DAY_MS;
  return Date.UTC(Number(m[1]), 11, 31) / DAY_MS;
}

/** ISO date (YYYY-MM-DD) of a day number. */
export function isoFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** True when a span with optional `start`/`end` covers `date`; open ends are unbounded. */
export function isActiveOn(span: { start?: string; end?: string }, date: string): boolean {
  const day = dayNumber(date);
  if (span.start !== undefined && dayNumber(span.start) > day) return false;
  if (span.end !== undefined && lastDayNumber(span.end) < day) return false;
  return true;
}

/**
 * Reads a publication date from a string such as "2025-10-22T09:00:00+03:00" or
 * "October 22, 2025"; returns YYYY-MM-DD in the date's own calendar day, or null.
 */
export function parsePublishedDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) return null;
  const d = new Date(parsed);
  return isoFromDayNumber(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
}

/** A date in an address's path: "/2015/03/18/", "/2019-11-20-title", "/20170314/". */
const URL_DATE = /(?:^|[/_-])((?:19|20)\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?=$|[/_.-])/;

/**
 * The publication date that many news sites write into an article's address
 * ("washingtonpost.com/world/…/2015/03/18/00202e76…_story.html"); null when the path holds none
 * or the day does not exist. Only the path is read: a query string's dates are about anything.
 */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = URL_DATE.exec(path);
  if (!m) return null;
  const iso = `${m[1]}-${m[3]}-${m[4]}`;
  return isoFromDayNumber(dayNumber(iso)) === iso ? iso : null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Month number (1-12) of an English month name or its three-letter form; null otherwise. */
export function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w) && (w.length === 3 || w === 'sept')));
  return i === -1 ? null : i + 1;
}

/** English name of a month number (1-12). */
export function monthName(month: number): string {
  const name = MONTHS[month - 1] ?? '';
  return name.charAt(0).toUpperCase() + name.slice(1);
}
