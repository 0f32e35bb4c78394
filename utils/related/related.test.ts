import { describe, expect, it } from 'vitest';
import { miniKb } from '../../tests/fixtures/mini-kb';
import { findMentions } from '../match/find-mentions';
import { tokenize } from '../text/tokenize';
import { findEventMentions } from './find-event-mentions';
import { describeInterval, rankRelated } from './rank-related';

const kb = miniKb();
function read(text: string, date: string) {
  const tokens = tokenize(text);
  const mentions = findMentions(text, tokens, kb, date);
  const events = findEventMentions(text, tokens, mentions, kb, date);
  return { mentions, events, ranked: rankRelated(kb, date, mentions, events) };
}

describe('findEventMentions', () => {
  it('finds an event by one of its names', () => {
    const { events } = read('Trump and Putin last met at the Alaska summit.', '2025-10-22');
    expect(events.map((e) => [e.text, e.eventId])).toContainEqual(['Alaska summit', '2025-08-15-alaska-summit']);
  });

  it('finds a call from a trigger word, its participants and "last week"', () => {
    const { events } = read('Putin’s unplanned call with Trump last week surprised Kyiv.', '2025-10-22');
    expect(events.map((e) => [e.text, e.eventId])).toEqual([['call', '2025-10-16-trump-putin-call']]);
  });

  it('does not take an event the date phrase rules out', () => {
    const { events } = read('Putin’s call with Trump in August went nowhere.', '2025-10-22');
    expect(events).toEqual([]);
  });

  it('ignores events after the article date', () => {
    const { events } = read('Trump and Putin held a call.', '2025-10-01');
    expect(events).toEqual([]);
  });
});

describe('rankRelated', () => {
  const text = 'Trump said he would not meet Putin in Budapest. They last met at the Alaska summit. Lavrov agreed.';

  it('ranks mentioned and linked events first, each with reasons, and keeps later events apart', () => {
    const { ranked } = read(text, '2025-10-22');
    const ids = ranked.prior.map((r) => r.eventId);
    expect(ids.slice(0, 2).sort()).toEqual(['2025-08-15-alaska-summit', '2025-10-budapest-summit']);
    expect(ids).toContain('2018-07-16-helsinki-summit');
    expect(ids).not.toContain('2025-11-30-later-call');
    const alaska = ranked.prior.find((r) => r.eventId === '2025-08-15-alaska-summit')!;
    expect(alaska.reasons).toContain('mentioned in this article as “Alaska summit”');
    expect(alaska.reasons.some((r) => /Trump and Putin took part/.test(r))).toBe(true);
    expect(ranked.prior[0]!.score).toBe(1);
  });

  it('lifts events about what the reader has saved articles on, and says so', () => {
    const tokens = tokenize(text);
    const mentions = findMentions(text, tokens, kb, '2025-10-22');
    const events = findEventMentions(text, tokens, mentions, kb, '2025-10-22');
    const plain = rankRelated(kb, '2025-10-22', mentions, events).prior.find((r) => r.eventId === '2018-07-16-helsinki-summit')!;
    const saved = rankRelated(kb, '2025-10-22', mentions, events, new Map([['sergey-lavrov', 2]])).prior.find((r) => r.eventId === '2018-07-16-helsinki-summit')!;
    expect(saved.score).toBeGreaterThan(plain.score);
    expect(saved.reasons).toContain('its people appear in 2 of your saved articles');
  });

  it('lists events after the article date as what happened next', () => {
    const { ranked } = read(text, '2025-10-22');
    expect(ranked.later.map((r) => r.eventId)).toEqual(['2025-11-30-later-call']);
  });

  it('explains how long before the article an event was', () => {
    expect(describeInterval(0)).toBe('the same day as this article');
    expect(describeInterval(6)).toBe('6 days before this article');
    expect(describeInterval(68)).toBe('2 months before this article');
    expect(describeInterval(2655)).toBe('7 years before this article');
    expect(describeInterval(-40)).toBe('6 weeks after this article');
  });
});
