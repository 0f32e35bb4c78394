import { describe, expect, it } from 'vitest';
import { miniEntities } from '../../tests/fixtures/mini-kb';
import { KnowledgeBase } from '../kb/knowledge-base';
import type { KbEvent } from '../kb/schema';
import { eventChain } from './event-chain';

// Made-up events of the test's own: a summit prepared by a call, called off, answered by sanctions.
const src = [{ url: 'https://example.org/source' }];
const event = (id: string, date: string, links: KbEvent['links'] = []): KbEvent => ({
  id, title: id, aliases: [], date, type: 'meeting', participants: [{ entity: 'donald-trump' }], summary: 'A test event.', sources: src, ...(links.length ? { links } : {}),
});
const events = [
  event('a-first-meeting', '2025-01-10'),
  event('b-call', '2025-02-01', [{ type: 'follows', event: 'a-first-meeting' }, { type: 'prepares', event: 'c-summit' }]),
  event('c-summit', '2025-03-01'),
  event('d-summit-called-off', '2025-03-05', [{ type: 'cancels', event: 'c-summit' }]),
  event('e-sanctions', '2025-03-20', [{ type: 'responds-to', event: 'd-summit-called-off' }]),
  event('f-after-the-article', '2025-06-01', [{ type: 'follows', event: 'e-sanctions' }]),
  event('g-alone', '2025-02-15'),
  event('h-pair-start', '2024-01-01'),
  event('i-pair-end', '2024-02-01', [{ type: 'follows', event: 'h-pair-start' }]),
];
const kb = new KnowledgeBase(miniEntities, events);
const related = (...ids: string[]) => ids.map((eventId) => ({ eventId }));

describe('eventChain', () => {
  it('follows the links through the best related event that has a chain, oldest first, each step with how it came from the one before', () => {
    expect(eventChain(kb, related('g-alone', 'd-summit-called-off'), '2025-04-01')).toEqual([
      { eventId: 'a-first-meeting' },
      { eventId: 'b-call', link: 'follows' },
      { eventId: 'c-summit', link: 'prepares' },
      { eventId: 'd-summit-called-off', link: 'cancels' },
      { eventId: 'e-sanctions', link: 'responds-to' },
    ]);
  });

  it('leaves out what came after the article, and keeps the steps nearest the related event when the chain is too long', () => {
    const thread = eventChain(kb, related('e-sanctions'), '2025-04-01', { seeds: 5, minSteps: 3, maxSteps: 3 });
    expect(thread).toEqual([{ eventId: 'c-summit' }, { eventId: 'd-summit-called-off', link: 'cancels' }, { eventId: 'e-sanctions', link: 'responds-to' }]);
    expect(eventChain(kb, related('e-sanctions'), '2025-12-31').map((s) => s.eventId)).toContain('f-after-the-article');
  });

  it('keeps to one chain: of two replies to one event, only one is in the thread', () => {
    const fork = new KnowledgeBase(miniEntities, [
      event('x-start', '2025-01-01'),
      event('y-reply', '2025-02-01', [{ type: 'follows', event: 'x-start' }]),
      event('z-other-reply', '2025-03-01', [{ type: 'responds-to', event: 'x-start' }]),
      event('w-after-y', '2025-03-10', [{ type: 'follows', event: 'y-reply' }]),
    ]);
    expect(eventChain(fork, related('z-other-reply', 'w-after-y'), '2025-04-01')).toEqual([
      { eventId: 'x-start' },
      { eventId: 'y-reply', link: 'follows' },
      { eventId: 'w-after-y', link: 'follows' },
    ]);
  });

  it('gives no thread for events without links, for a pair, and without a date', () => {
    expect(eventChain(kb, related('g-alone'), '2025-04-01')).toEqual([]);
    expect(eventChain(kb, related('i-pair-end'), '2025-04-01')).toEqual([]);
    expect(eventChain(kb, related('c-summit'), undefined)).toEqual([]);
  });
});
