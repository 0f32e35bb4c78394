import { describe, expect, it } from 'vitest';
import type { Entity, KbEvent } from '../schema';
import { resolveWikidataParticipants, setAsideWikidataParticipants } from './wikidata-participants';

const event = (id: string, participants: unknown[]): KbEvent =>
  ({ id, title: id, aliases: [], date: '2017-11-14', participants, type: 'crisis', summary: 's', sources: [{ url: 'https://example.org/' }] }) as KbEvent;
const person = (id: string, wikidata?: string): Entity => ({ id, name: id, type: 'person', aliases: [], description: 'd', prominence: 0.3, ...(wikidata ? { wikidata } : {}) });

describe('participants of curated events named by Wikidata id', () => {
  it('are set aside before the curated files are checked, and join the merged record that has the id', () => {
    const written = [event('takeover', [{ entity: 'zimbabwe' }, { wikidata: 'Q10707', role: 'confined' }]), event('other', [{ entity: 'zimbabwe' }])];
    const { events, pending } = setAsideWikidataParticipants(written);
    expect(events[0]!.participants).toEqual([{ entity: 'zimbabwe' }]);
    expect(events[1]).toBe(written[1]);
    expect(pending).toEqual([{ event: 'takeover', wikidata: 'Q10707', role: 'confined' }]);
    const resolved = resolveWikidataParticipants(events, [person('robert-mugabe-q10707', 'Q10707'), person('zimbabwe')], pending);
    expect(resolved[0]!.participants).toEqual([{ entity: 'zimbabwe' }, { entity: 'robert-mugabe-q10707', role: 'confined' }]);
    expect(resolved[1]).toBe(events[1]);
  });

  it('fail the build, naming the event, when no record has the id or it is no Wikidata id', () => {
    const { events, pending } = setAsideWikidataParticipants([event('takeover', [{ wikidata: 'Q10707' }])]);
    expect(() => resolveWikidataParticipants(events, [person('someone', 'Q1')], pending)).toThrow(/takeover → Q10707/);
    expect(() => setAsideWikidataParticipants([event('x', [{ wikidata: 'Mugabe' }])])).toThrow(/"x".*not a Wikidata id/);
  });
});
