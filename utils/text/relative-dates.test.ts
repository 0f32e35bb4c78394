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
  ])('resolves %j against 22 Oct 2025 (a Wednesday)', (text, expected) => {
    expect(cue(text)).toContain(expected);
  });

  it('reads a month after the article date as last year', () => {
    expect(cue('in December', '2025-10-22')).toEqual(['in December:2024-12-01..2024-12-31']);
  });

  it('returns nothing without an article date', () => {
    expect(findDateCues('last week', undefined)).toEqual([]);
  });
});
