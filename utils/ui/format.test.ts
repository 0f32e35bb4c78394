import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatMonthHeading, groupByMonth, monthKey } from './format';

describe('formatDate', () => {
  it.each([
    ['2025-08-15', '15 Aug 2025'],
    ['2025-01-05', '5 Jan 2025'],
    ['2025-08', 'Aug 2025'],
    ['2018', '2018'],
    ['2025-08-15T23:30:00.000Z', '15 Aug 2025'],
    ['2025-08-15T23:30:00-05:00', '16 Aug 2025'],
  ])('shows %s as %s', (iso, shown) => {
    expect(formatDate(iso)).toBe(shown);
  });

  it('shows nothing for no date', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
  });

  it('shows an unreadable date as it is', () => {
    expect(formatDate('last week')).toBe('last week');
    expect(formatDate('2025-13-01')).toBe('2025-13-01');
  });
});

describe('formatDateRange', () => {
  it.each([
    ['2025-08-15', undefined, '15 Aug 2025'],
    ['2025-08-15', '2025-08-15', '15 Aug 2025'],
    ['2025-08-15', '2025-08-16', '15–16 Aug 2025'],
    ['2025-07-30', '2025-08-02', '30 Jul – 2 Aug 2025'],
    ['2024-12-30', '2025-01-02', '30 Dec 2024 – 2 Jan 2025'],
    ['2025-07', '2025-09', 'Jul 2025 – Sep 2025'],
  ])('shows %s to %s as %s', (start, end, shown) => {
    expect(formatDateRange(start, end)).toBe(shown);
  });
});

describe('month headings', () => {
  it('keys a date by its month, or by its year when that is all that is known', () => {
    expect(monthKey('2025-08-15')).toBe('2025-08');
    expect(monthKey('2025-08')).toBe('2025-08');
    expect(monthKey('2018')).toBe('2018');
  });

  it('names a month in full', () => {
    expect(formatMonthHeading('2025-08')).toBe('August 2025');
    expect(formatMonthHeading('2018')).toBe('2018');
  });
});

describe('groupByMonth', () => {
  const events = [
    { id: 'a', date: '2025-08-15' },
    { id: 'b', date: '2018-07-16' },
    { id: 'c', date: '2025-08-01' },
    { id: 'd', date: '2025-03-18' },
  ];

  it('puts the newest month first and keeps the order within a month', () => {
    const groups = groupByMonth(events);
    expect(groups.map((g) => g.heading)).toEqual(['August 2025', 'March 2025', 'July 2018']);
    expect(groups[0]?.items.map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('puts the oldest month first when asked', () => {
    expect(groupByMonth(events, false).map((g) => g.key)).toEqual(['2018-07', '2025-03', '2025-08']);
  });

  it('returns no groups for no items', () => {
    expect(groupByMonth([])).toEqual([]);
  });
});
