import { describe, expect, it } from 'vitest';
import { miniEntities, miniEvents, routineFiller } from '../../tests/fixtures/mini-kb';
import { KnowledgeBase } from '../kb/knowledge-base';
import type { KbEvent } from '../kb/schema';
import { findMentions } from '../match/find-mentions';
import { tokenize } from '../text/tokenize';
import { findEventMentions } from './find-event-mentions';
import { describeInterval, headlineEndOf, rankRelated, type ReaderContext } from './rank-related';

const src = [{ url: 'https://example.org/source' }];
const routine: KbEvent[] = [
  { id: '2025-01-20-trump-takes-office', title: 'Donald Trump takes office as President of the United States', aliases: [], date: '2025-01-20', place: 'united-states', type: 'inauguration',
    participants: [{ entity: 'donald-trump' }, { entity: 'united-states' }], summary: 'Donald Trump became President of the United States on 2025-01-20.', sources: src },
  { id: '2025-10-01-lavrov-takes-office', title: 'Sergey Lavrov takes office as Minister of Foreign Affairs', aliases: [], date: '2025-10-01', place: 'russia', type: 'inauguration',
    participants: [{ entity: 'sergey-lavrov' }, { entity: 'russia' }], summary: 'Sergey Lavrov became Minister of Foreign Affairs on 2025-10-01.', sources: src },
  { id: '2025-12-05-budapest-summit-held', title: 'Trump–Putin summit held in Budapest', aliases: [], date: '2025-12-05', place: 'budapest', type: 'summit',
    participants: [{ entity: 'donald-trump' }, { entity: 'vladimir-putin' }], summary: 'The postponed summit took place in Budapest.', sources: src },
  { id: '2025-10-07-refinery-attack', title: 'Drone attack on a refinery', aliases: [], date: '2025-10-07', place: 'moscow', type: 'attack',
    participants: [{ entity: 'russia' }], summary: 'Drones struck a refinery near Moscow.', sources: src },
  { id: '2025-10-25-moscow-talks', title: 'Trump–Putin talks in Moscow', aliases: [], date: '2025-10-25', place: 'moscow', type: 'talks',
    participants: [{ entity: 'donald-trump' }, { entity: 'vladimir-putin' }], summary: 'Talks on Ukraine.', sources: src },
  { id: '2020-05-01-moscow-marathon', title: 'Moscow marathon record', aliases: [], date: '2020-05-01', place: 'moscow', type: 'statement',
    participants: [{ entity: 'russia' }], summary: 'A runner set a course record at the Moscow marathon.', sources: src },
];
// Word statistics need a pack's worth of events: most of a real pack are routine records.
const broad = new KnowledgeBase(miniEntities, [...miniEvents, ...routine, ...routineFiller()]);

function read(text: string, date: string, reader: ReaderContext = {}, base: KnowledgeBase = broad) {
  const tokens = tokenize(text);
  const mentions = findMentions(text, tokens, base, date);
  const events = findEventMentions(text, tokens, mentions, base, date);
  const ranked = rankRelated(base, { text, tokens, date, headlineEnd: headlineEndOf(text) }, mentions, events, reader);
  return { mentions, events, ranked };
}
const ids = (list: { eventId: string }[]) => list.map((r) => r.eventId);

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

describe('event mentions by description (issue 18)', () => {
  it('finds an event by its kind and its very day, with no participant named', () => {
    const { events } = read('The October 7 attack stopped the plant for a week.', '2025-10-22');
    expect(events.map((e) => [e.text, e.eventId])).toEqual([['attack', '2025-10-07-refinery-attack']]);
  });

  it('does not take the article\'s own news, in its headline, for an older event of its kind', () => {
    const lede = read('Trump and Putin hold talks\n\nTrump and Putin held talks in Moscow today.', '2025-11-05');
    expect(lede.events).toEqual([]);
    const later = read('Trump and Putin meet again\n\nThey met today. Last month Trump and Putin held talks that went nowhere.', '2025-11-05');
    expect(later.events.map((e) => e.eventId)).toContain('2025-10-25-moscow-talks');
  });

  it('takes a fall from power named in the lede, with its leader, for the older event it was', () => {
    // A made-up event of the test's own: a fall from power befalls a leader once.
    const fall: KbEvent = {
      id: '2025-10-01-lavrov-ousted', title: 'Lavrov is ousted as foreign minister', aliases: [], date: '2025-10-01', type: 'crisis',
      participants: [{ entity: 'sergey-lavrov' }, { entity: 'russia' }], summary: 'A test event.', sources: [{ url: 'https://example.org/' }],
    };
    const kb = new KnowledgeBase(miniEntities, [...miniEvents, fall]);
    const lede = read('Protests in Moscow\n\nProtesters marched against the government that ousted Sergey Lavrov.', '2025-10-20', {}, kb);
    expect(lede.events.map((e) => e.eventId)).toEqual(['2025-10-01-lavrov-ousted']);
    // Without its leader named, the lede's trigger word is the article's own news.
    expect(read('Protests in Moscow\n\nProtesters marched against the government that ousted the minister.', '2025-10-20', {}, kb).events).toEqual([]);
  });
});

describe('event mentions by kind words of other kinds and languages (issue 18)', () => {
  // Made-up events of the test's own.
  const embargo: KbEvent = {
    id: '2025-09-01-russia-embargo', title: 'Embargo on Russian oil', aliases: [], date: '2025-09-01', type: 'sanctions',
    participants: [{ entity: 'russia' }, { entity: 'donald-trump' }], summary: 'A test event.', sources: src,
  };
  const vote: KbEvent = {
    id: '2025-09-28-russia-vote', title: 'Russian legislative election', aliases: [], date: '2025-09-28', place: 'russia', type: 'election',
    participants: [{ entity: 'russia' }, { entity: 'vladimir-putin' }], summary: 'A test event.', sources: src,
  };
  const kb = new KnowledgeBase(miniEntities, [...miniEvents, embargo, vote]);

  it('reads "embargo" as sanctions and "elecciones" as an election, with their people and date', () => {
    const en = read('Talks\n\nMarkets fell. In September, Trump imposed an embargo on Russia that Putin called theft.', '2025-10-20', {}, kb);
    expect(en.events.map((e) => [e.text, e.eventId])).toContainEqual(['embargo', '2025-09-01-russia-embargo']);
    const es = read('Moscú\n\nLos mercados cayeron. Putin ganó las elecciones de septiembre en Rusia.', '2025-10-20', {}, kb);
    expect(es.events.map((e) => [e.text, e.eventId])).toContainEqual(['elecciones', '2025-09-28-russia-vote']);
  });

  it('takes nothing from a kind word whose sentence names none of the event\'s people or places', () => {
    expect(read('Talks\n\nMarkets fell. An embargo on cheese was lifted in Peru.', '2025-10-20', {}, kb).events).toEqual([]);
  });
});

describe('rankRelated', () => {
  const text =
    'Trump calls off Budapest summit\n\nTrump said he would not meet Putin in Budapest. Trump and Putin last met at the Alaska summit, and Putin had wanted a second summit. ' +
    'Lavrov agreed with Putin.';

  it('ranks mentioned and linked events first, each with reasons, and keeps later events apart', () => {
    const { ranked } = read(text, '2025-10-22');
    const ids = ranked.prior.map((r) => r.eventId);
    expect(ids.slice(0, 2).sort()).toEqual(['2025-08-15-alaska-summit', '2025-10-budapest-summit']);
    expect(ids).toContain('2018-07-16-helsinki-summit');
    expect(ids).not.toContain('2025-11-30-later-call');
    const alaska = ranked.prior.find((r) => r.eventId === '2025-08-15-alaska-summit')!;
    expect(alaska.reasons).toContain('mentioned in this article as “Alaska summit”');
    expect(alaska.reasons.some((r) => /Trump and Putin both took part/.test(r))).toBe(true);
    expect(ranked.prior[0]!.score).toBe(1);
  });

  it('lifts events on the article\'s topic that the reader has saved articles about, and says so', () => {
    const plain = read(text, '2025-10-22').ranked.prior.find((r) => r.eventId === '2018-07-16-helsinki-summit')!;
    const saved = read(text, '2025-10-22', { savedCounts: new Map([['sergey-lavrov', 2]]) }).ranked.prior.find((r) => r.eventId === '2018-07-16-helsinki-summit')!;
    expect(saved.score).toBeGreaterThan(plain.score);
    expect(saved.reasons).toContain('its people appear in 2 of your saved articles');
  });

  it('never lists an event the reader dismissed', () => {
    const { ranked } = read(text, '2025-10-22', { dismissed: new Set(['2018-07-16-helsinki-summit']) });
    expect(ids(ranked.prior)).not.toContain('2018-07-16-helsinki-summit');
    expect(ids(ranked.prior)).toContain('2025-08-15-alaska-summit');
  });

  it('lists the events after the article date that pass the floor as what happened next', () => {
    const { ranked } = read(text, '2025-10-22');
    expect(ranked.later.map((r) => r.eventId)).toEqual(['2025-12-05-budapest-summit-held']);
  });

  it('explains how long before the article an event was', () => {
    expect(describeInterval(0)).toBe('the same day as this article');
    expect(describeInterval(6)).toBe('6 days before this article');
    expect(describeInterval(68)).toBe('2 months before this article');
    expect(describeInterval(2655)).toBe('7 years before this article');
    expect(describeInterval(-40)).toBe('6 weeks after this article');
  });
});

describe('the floor of the ranking (issue 18)', () => {
  it('lists nothing for a story on another topic that names a famous actor, and nothing from a dateline city', () => {
    const story = 'Chess prodigy wins the junior title\n\nMOSCOW (Reuters) - A twelve-year-old won the junior chess championship on Sunday. Trump congratulated the player in a post. The tournament drew players from forty clubs.';
    const { ranked } = read(story, '2025-10-22', {}, broad);
    expect(ranked.prior).toEqual([]);
  });

  it('shows a routine event only when the article is about it: an office taken days ago by someone it names', () => {
    const story = 'Lavrov in Budapest\n\nSergey Lavrov, who took over the ministry this month, met officials in Budapest. Lavrov spoke of the summit. Trump was not there.';
    const prior = ids(read(story, '2025-10-22', {}, broad).ranked.prior);
    expect(prior).toContain('2025-10-01-lavrov-takes-office');
    expect(prior).not.toContain('2025-01-20-trump-takes-office');
  });

  it('shows an event on its topic words alone, with the words in its reasons', () => {
    const story = 'Record falls again\n\nThe marathon record set on the Moscow course was broken again: the runner beat the course record by a minute, and the marathon organisers confirmed the record.';
    const { ranked } = read(story, '2025-10-22', {}, broad);
    const marathon = ranked.prior.find((r) => r.eventId === '2020-05-01-moscow-marathon');
    expect(marathon?.reasons[0]).toMatch(/^names “marathon”/);
  });

  it('does not show an event on rare words the article only says in passing', () => {
    // A made-up event of the test's own, of a country the article names once: its words are what links it.
    const tulips: KbEvent = { id: '2024-04-20-tulip-harvest', title: 'Record tulip harvest', aliases: [], date: '2024-04-20', type: 'statement',
      participants: [{ entity: 'russia' }], summary: 'Growers reported a record tulip harvest and bulb exports.', sources: src };
    const kb = new KnowledgeBase(miniEntities, [...miniEvents, ...routine, ...routineFiller(), tulips]);
    const body = 'Prices rose on Monday. Growers, bulb traders and a tulip seller said exports to Russia and the harvest were fine.';
    expect(ids(read(`Markets\n\n${body}`, '2025-10-22', {}, kb).ranked.prior)).not.toContain(tulips.id);
    // Stressed (in the headline), it is the topic.
    expect(ids(read(`Tulip exports\n\n${body}`, '2025-10-22', {}, kb).ranked.prior)).toContain(tulips.id);
  });
});
