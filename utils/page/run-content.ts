/**
 * The content script's work on one page: detect → extract → ask the background for the
 * analysis → highlight → hover cards. Anything that fails leaves the page as it was.
 */
import { confirmArticle, detectArticle, measureBody } from '../article/detect-article';
import { extractArticle } from '../article/extract-article';
import type { Analysis } from '../analysis/analyze-text';
import { contentRequests, dispatch, isRequestOf, sendToBackground, type ContentProtocol, type Handlers } from '../messages';
import { canHighlight, PageHighlighter } from './highlighter';
import { HoverCard } from './hover-card';

export interface ContentSession {
  /** Stops listening and removes every highlight and the card. */
  dispose(): void;
}

const log = (message: string, detail?: unknown) => console.debug(`[backstory] ${message}`, detail ?? '');

/** Runs Backstory on `win`'s document; resolves when the page is analysed and painted. */
export async function runContent(win: Window & typeof globalThis, onMessage: typeof import('wxt/browser').browser.runtime.onMessage): Promise<ContentSession> {
  const doc = win.document;
  const highlighter = canHighlight(win) ? new PageHighlighter(doc) : null;
  const card = new HoverCard(doc);
  let analysis: Analysis | null = null;
  const abort = new AbortController();

  const handlers: Handlers<ContentProtocol, unknown> = {
    listHighlights: () =>
      (highlighter?.painted ?? []).map((p) => {
        const r = p.range.getClientRects()[0];
        return { text: p.text, entityId: p.entityId, kind: p.kind, rect: r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null };
      }),
    revealEntity: ({ entityId }) => highlighter?.reveal(entityId) ?? false,
    currentCard: () => card.current,
  };
  const listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => {
    if (!isRequestOf(message, contentRequests)) return false;
    void dispatch(message, sender, contentRequests, handlers).then(sendResponse);
    return true;
  };
  onMessage.addListener(listener);
  const session: ContentSession = {
    dispose() {
      abort.abort();
      onMessage.removeListener(listener);
      highlighter?.dispose();
      card.remove();
    },
  };

  const verdict = detectArticle(doc);
  if (!verdict.isArticle) {
    await sendToBackground('reportNotArticle', { url: win.location.href, title: doc.title });
    return session;
  }
  const started = performance.now();
  const extracted = extractArticle(doc);
  if (!extracted || !confirmArticle(verdict, measureBody(extracted.root, extracted.text.length)).isArticle) {
    await sendToBackground('reportNotArticle', { url: win.location.href, title: doc.title });
    return session;
  }
  log(`extracted ${extracted.text.length} characters in ${(performance.now() - started).toFixed(1)} ms`);
  const reply = await sendToBackground('analyzeArticle', {
    url: win.location.href,
    title: extracted.title,
    text: extracted.text,
    published: extracted.published,
    site: extracted.site ?? win.location.hostname,
  });
  if (!reply.ok) {
    log('analysis failed', reply.error);
    return session;
  }
  analysis = reply.value;
  const settings = await sendToBackground('getHighlightSettings', { url: win.location.href });
  const enabled = settings.ok ? settings.value.enabled : true;
  const nominal = settings.ok && settings.value.nominal;
  if (!highlighter || !enabled) return session;

  highlighter.paint(extracted.segments, analysis.mentions.filter((m) => m.kind === 'name' || (nominal && m.kind === 'nominal')));
  const entities = new Map(analysis.entities.map((e) => [e.id, e]));
  let frame = 0;
  doc.addEventListener(
    'mousemove',
    (event) => {
      if (frame) return;
      frame = win.requestAnimationFrame(() => {
        frame = 0;
        const hit = highlighter.mentionAt(event.clientX, event.clientY);
        const entity = hit ? entities.get(hit.entityId) : undefined;
        if (!hit || !entity) return card.hide();
        const rect = [...hit.range.getClientRects()].find((r) => event.clientY >= r.top && event.clientY <= r.bottom) ?? hit.range.getBoundingClientRect();
        card.show({ name: entity.name, type: entity.type, role: entity.role, description: entity.description }, rect);
      });
    },
    { passive: true, signal: abort.signal },
  );
  win.addEventListener('scroll', () => card.hide(), { passive: true, signal: abort.signal });
  return session;
}
