import { describe, expect, it } from 'vitest';
import { backgroundRequests, dispatch, privilegedMessages } from './messages';

const handlers = new Proxy({}, { get: (_, name) => async (data: unknown) => ({ name, data }) }) as never;

describe('dispatch', () => {
  it('ignores messages that are not ours', async () => {
    expect(await dispatch({ type: 'other' }, {}, backgroundRequests, handlers)).toBeUndefined();
    expect(await dispatch({ backstory: 'toString' }, {}, backgroundRequests, handlers)).toBeUndefined();
  });

  it('rejects an invalid request with the path of every problem', async () => {
    const reply = await dispatch({ backstory: 'getTabState', data: { tabId: 'seven' } }, {}, backgroundRequests, handlers);
    expect(reply).toEqual({ ok: false, error: expect.stringContaining('tabId') });
  });

  it('refuses what the allow rule refuses, before running the handler', async () => {
    const allow = (name: string) => (privilegedMessages.has(name as never) ? `${name} refused` : null);
    expect(await dispatch({ backstory: 'removeArticle', data: { url: 'https://a.example/' } }, {}, backgroundRequests, handlers, allow)).toEqual({ ok: false, error: 'removeArticle refused' });
  });

  it('wraps a handler result or error in a Result', async () => {
    expect(await dispatch({ backstory: 'getTabState', data: { tabId: 3 } }, {}, backgroundRequests, handlers)).toEqual({ ok: true, value: { name: 'getTabState', data: { tabId: 3 } } });
    const failing = { getTabState: async () => { throw new Error('boom'); } } as never;
    expect(await dispatch({ backstory: 'getTabState', data: { tabId: 3 } }, {}, backgroundRequests, failing)).toEqual({ ok: false, error: 'boom' });
  });
});
