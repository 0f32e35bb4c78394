/**
 * Resolves the date phrases of news prose ("last week", "on Tuesday", "in August",
 * "July 25", "days earlier") against the article's date, as a range of days.
 */
import { dayNumber, isoFromDayNumber, monthNumber } from './dates';

export interface DateCue {
  text: string;
  start: number;
  end: number;
  /** First and last day (ISO) the phrase can mean. */
  from: string;
  to: string;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_WORD = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
/** How far back vague words ("recent", "days earlier") reach, in days. */
export const RECENT_DAYS = 30;

interface Rule {
  pattern: RegExp;
  resolve: (m: RegExpExecArray, day: number) => [number, number] | null;
}

/** The most recent occurrence (on or before `day`) of a month/day, as a day number. */
function lastOccurrence(day: number, month: number, dom: number): number {
  const year = new Date(day * 86_400_000).getUTCFullYear();
  const candidate = Date.UTC(year, month - 1, dom) / 86_400_000;
  return candidate <= day ? candidate : Date.UTC(year - 1, month - 1, dom) / 86_400_000;
}

/** One calendar day, "March 29[, 2022]": in the given year, else its last occurrence by `today`. */
function calendarDay(today: number, monthWord: string, dayOfMonth: string, year: string | undefined): [number, number] | null {
  const month = monthNumber(monthWord);
  const dom = Number(dayOfMonth);
  if (!month || dom < 1 || dom > 31) return null;
  const day = year ? Date.UTC(Number(year), month - 1, dom) / 86_400_000 : lastOccurrence(today, month, dom);
  return [day, day];
}

/** Counts written as words in "two years ago". */
const COUNT_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
/** "N units ago": each unit's length in days, and how far either side of it the phrase reaches. */
const AGO_UNITS: Record<string, { days: number; slack: number }> = {
  day: { days: 1, slack: 1 },
  week: { days: 7, slack: 3 },
  month: { days: 30.44, slack: 15 },
  year: { days: 365.25, slack: 183 },
};

/** The first and last day of the month that holds day `day`. */
function monthOf(day: number): [number, number] {
  const date = new Date(day * 86_400_000);
  return [Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 86_400_000, Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / 86_400_000];
}

const RULES: Rule[] = [
  {
    // "last February": the last February before this month (in February, the year before's).
    pattern: new RegExp(`\\blast ${MONTH_WORD}(?! \\d)`, 'g'),
    resolve: (m, d) => {
      const month = monthNumber(m[1]!);
      if (!month) return null;
      let [first, last] = monthOf(lastOccurrence(d, month, 1));
      if (first <= d && d <= last) [first, last] = monthOf(lastOccurrence(first - 1, month, 1));
      return [first, last];
    },
  },
  {
    pattern: /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}) (day|week|month|year)s? ago\b/gi,
    resolve: (m, d) => {
      const n = COUNT_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
      const unit = AGO_UNITS[m[2]!.toLowerCase()]!;
      const back = Math.round(d - n * unit.days);
      return [back - unit.slack, Math.min(d, back + unit.slack)];
    },
  },
  {
    pattern: /\blast year\b/gi,
    resolve: (_, d) => {
      const year = new Date(d * 86_400_000).getUTCFullYear() - 1;
      return [Date.UTC(year, 0, 1) / 86_400_000, Date.UTC(year, 11, 31) / 86_400_000];
    },
  },
  {
    pattern: /\b(?:earlier )?this year\b/gi,
    resolve: (_, d) => [Date.UTC(new Date(d * 86_400_000).getUTCFullYear(), 0, 1) / 86_400_000, d],
  },
  {
    // The Saturday and Sunday before the article's day.
    pattern: /\blast weekend\b/gi,
    resolve: (_, d) => {
      const weekday = new Date(d * 86_400_000).getUTCDay();
      const sunday = d - (weekday === 0 ? 7 : weekday);
      return [sunday - 1, sunday];
    },
  },
  { pattern: /\b(?:last|past) week\b/gi, resolve: (_, d) => [d - 14, d - 1] },
  { pattern: /\bthis week\b/gi, resolve: (_, d) => [d - 7, d + 7] },
  { pattern: /\b(?:last|past) month\b/gi, resolve: (_, d) => [d - 62, d - 1] },
  { pattern: /\byesterday\b/gi, resolve: (_, d) => [d - 1, d - 1] },
  { pattern: /\b(?:days (?:earlier|ago|before)|recent(?:ly)?|earlier this (?:week|month))\b/gi, resolve: (_, d) => [d - RECENT_DAYS, d] },
  {
    pattern: /\b(?:on |last )?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g,
    resolve: (m, d) => {
      const want = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const today = new Date(d * 86_400_000).getUTCDay();
      const back = (today - want + 7) % 7 || 7;
      return [d - back, d - back];
    },
  },
  {
    pattern: new RegExp(`\\b${MONTH_WORD} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`, 'g'),
    resolve: (m, d) => calendarDay(d, m[1]!, m[2]!, m[3]),
  },
  {
    pattern: new RegExp(`\\b(\\d{1,2}) ${MONTH_WORD}(?:,? (\\d{4}))?\\b`, 'g'),
    resolve: (m, d) => calendarDay(d, m[2]!, m[1]!, m[3]),
  },
  {
    pattern: new RegExp(`\\b(?:in |since |last |early |late |mid-)?${MONTH_WORD}(?: (\\d{4}))\\b|\\b[Ii]n ${MONTH_WORD}\\b`, 'g'),
    resolve: (m, d) => {
      const month = monthNumber(m[1] ?? m[3]!);
      if (!month) return null;
      const first = m[2] ? Date.UTC(Number(m[2]), month - 1, 1) / 86_400_000 : lastOccurrence(d, month, 1);
      const date = new Date(first * 86_400_000);
      const last = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0) / 86_400_000;
      return [first, last];
    },
  },
  {
    pattern: /\b(?:[Ii]n|[Ss]ince|[Dd]uring|of) ((?:19|20)\d{2})\b/g,
    resolve: (m) => [Date.UTC(Number(m[1]), 0, 1) / 86_400_000, Date.UTC(Number(m[1]), 11, 31) / 86_400_000],
  },
];

/**
 * Every date phrase in `text` between `start` and `end`, resolved against `articleDate`
 * (YYYY-MM-DD). Returns [] when there is none or the article has no date.
 */
export function findDateCues(text: string, articleDate: string | undefined, start = 0, end = text.length): DateCue[] {
  if (!articleDate) return [];
  const day = dayNumber(articleDate);
  const slice = text.slice(start, end);
  const cues: DateCue[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(slice); m; m = rule.pattern.exec(slice)) {
      const range = rule.resolve(m, day);
      if (!range) continue;
      if (cues.some((c) => c.start <= start + m!.index && start + m!.index < c.end)) continue;
      cues.push({ text: m[0], start: start + m.index, end: start + m.index + m[0].length, from: isoFromDayNumber(range[0]), to: isoFromDayNumber(range[1]) });
    }
  }
  return cues.sort((a, b) => a.start - b.start);
}
