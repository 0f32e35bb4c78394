import { describe, expect, it } from 'vitest';
import { findDateCues } from './relative-dates';

const cue = (text: string, date = '2025-10-22') => findDateCues(text, date).map((c) => `${c.text}:${c.from}..${c.to}`);

describe('findDateCues', () => {
  it.each([
    ['Putin called last week.', 'last week:2025-10-08..2025-10-21'],
    ['Lavrov spoke on Tuesday.', 'on Tuesday:2025-10-21..2025-10-21'],
    ['They met in August.', 'in August:2025-08-01..2025-08-31'],
    ['the July 25 call', 'July 25:2025-07-25..2025-07-25'],
    ['on March 3, 2019 they met', 'March 3, 2019:2019-03-03..2019-03-03'],
    ['as recently as yesterday', 'recently:2025-09-22..2025-10-22'],
    ['when they last met, on 29 March 2022, in Istanbul', '29 March 2022:2022-03-29..2022-03-29'],
    ['In Helsinki, in July 2018, Trump stood by Putin', 'in July 2018:2018-07-01..2018-07-31'],
    ['the first talks since 2022', 'since 2022:2022-01-01..2022-12-31'],
    // At a sentence's start too.
    ['In September, Trump imposed an embargo.', 'In September:2025-09-01..2025-09-30'],
    ['In 1997, Clinton imposed an embargo.', 'In 1997:1997-01-01..1997-12-31'],
  ])('resolves %j against 22 Oct 2025 (a Wednesday)', (text, expected) => {
    expect(cue(text)).toContain(expected);
  });

  it.each([
    ['the summit last February', '2025-10-22', 'last February:2025-02-01..2025-02-28'],
    ['the summit last February', '2025-02-20', 'last February:2024-02-01..2024-02-29'],
    ['the attack two years ago', '2025-10-22', 'two years ago:2023-04-23..2024-04-23'],
    ['a call three weeks ago', '2025-10-22', 'three weeks ago:2025-09-28..2025-10-04'],
    ['the deal a month ago', '2025-10-22', 'a month ago:2025-09-07..2025-10-07'],
    ['the election last year', '2025-10-22', 'last year:2024-01-01..2024-12-31'],
    ['talks earlier this year', '2025-10-22', 'earlier this year:2025-01-01..2025-10-22'],
    ['protests last weekend', '2025-10-22', 'last weekend:2025-10-18..2025-10-19'],
  ])('resolves %j against %s', (text, date, expected) => {
    expect(cue(text, date)).toContain(expected);
  });

  it('reads a month after the article date as last year', () => {
    expect(cue('in December', '2025-10-22')).toEqual(['in December:2024-12-01..2024-12-31']);
  });

  it('returns nothing without an article date', () => {
    expect(findDateCues('last week', undefined)).toEqual([]);
  });
});
