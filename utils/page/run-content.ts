/**
 * The content script's work on one page: detect → extract → ask the background for the
 * analysis → highlight → hover cards. Anything that fails leaves the page as it was.
 */
import type { browser as Browser } from 'wxt/browser';
import { confirmArticle, detectArticle, measureBody } from '../article/detect-article';
import { extractArticleInSlices, type ExtractedArticle } from '../article/extract-article';
import { checkArticleBudget, checkPageBudget, pageBudget, type TooLarge } from '../article/page-budget';
import type { Analysis } from '../analysis/analyze-text';
import { contentRequests, dispatch, isRequestOf, sendToBackground, type ContentProtocol, type Handlers } from '../messages';
import { canHighlight, PageHighlighter } from './highlighter';
import { HoverCard } from './hover-card';
import DOMPurify from 'dompurify';
import { captureArticle } from '../library/capture-article';
import { readPageMetadata } from '../library/page-metadata';

export interface ContentSession {
  /** Stops listening and removes every highlight and the card. */
  dispose(): void;
}

type Win = Window & typeof globalThis;

const log = (message: string, detail?: unknown) => console.debug(`[backstory] ${message}`, detail ?? '');

/** Lets the page run before the extraction goes on: a macrotask, so input and rendering get their turn. */
const pauseForPage = (win: Win) => () => new Promise<void>((resume) => win.setTimeout(resume, 0));

/**
 * Detects and extracts the page's article within the budget (pageBudget: elements,
 * characters, time; issue 19) and gets its analysis; null when there is none. A page past
 * the budget is reported as too large, and nothing costly runs on it.
 */
async function readPage(win: Win): Promise<{ extracted: ExtractedArticle; analysis: Analysis } | null> {
  const doc = win.document;
  const page = { url: win.location.href, title: doc.title.slice(0, 2000) };
  const tooLarge = async (why: TooLarge) => {
    log(`too large to read: ${why.limit} ${why.measured} > ${why.max}`);
    await sendToBackground('reportTooLarge', { ...page, tooLarge: why });
    return null;
  };
  const started = performance.now();
  const overBudget = checkPageBudget(doc);
  if (overBudget) return tooLarge(overBudget);
  const verdict = detectArticle(doc);
  if (!verdict.isArticle) {
    await sendToBackground('reportNotArticle', page);
    return null;
  }
  await pauseForPage(win)();
  const { article: extracted, timedOut } = await extractArticleInSlices(doc, {
    sliceMs: pageBudget.sliceMs,
    budgetMs: pageBudget.maxExtractMs,
    pause: pauseForPage(win),
    now: () => performance.now(),
  });
  const elapsed = Math.round(performance.now() - started);
  if (timedOut) return tooLarge({ limit: 'time', measured: elapsed, max: pageBudget.maxExtractMs });
  const tooLong = extracted && checkArticleBudget(extracted.text.length);
  if (tooLong) return tooLarge(tooLong);
  if (!extracted || !confirmArticle(verdict, measureBody(extracted.root, extracted.text.length)).isArticle) {
    await sendToBackground('reportNotArticle', page);
    return null;
  }
  log(`extracted ${extracted.text.length} characters in ${elapsed} ms`);
  const reply = await sendToBackground('analyzeArticle', {
    url: page.url,
    title: extracted.title.slice(0, 2000),
    text: extracted.text,
    published: extracted.published,
    // The site's name from the page's metadata, never a section or a bare address (issue 21: Reuters's og:site_name is "U.S.").
    site: readPageMetadata(doc, page.url).site?.slice(0, 500) ?? null,
  });
  if (!reply.ok) {
    log('analysis failed', reply.error);
    return null;
  }
  return { extracted, analysis: reply.value };
}

/** Shows the card of the highlight under the pointer; stops with `signal`. */
function attachHoverCard(win: Win, highlighter: PageHighlighter, card: HoverCard, analysis: Analysis, signal: AbortSignal): void {
  const entities = new Map(analysis.entities.map((e) => [e.id, e]));
  let frame = 0;
  const onMove = (event: MouseEvent) => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      const hit = highlighter.mentionAt(event.clientX, event.clientY);
      const entity = hit ? entities.get(hit.entityId) : undefined;
      if (!hit || !entity) return card.hide();
      const rects = [...hit.range.getClientRects()];
      const rect = rects.find((r) => event.clientY >= r.top && event.clientY <= r.bottom) ?? hit.range.getBoundingClientRect();
      card.show({ name: entity.name, type: entity.type, role: entity.role, description: entity.description }, rect);
    });
  };
  win.document.addEventListener('mousemove', onMove, { passive: true, signal });
  win.addEventListener('scroll', () => card.hide(), { passive: true, signal });
}

/** Runs Backstory on `win`'s document; resolves when the page is read and painted. */
export async function runContent(win: Win, onMessage: typeof Browser.runtime.onMessage, readAgain: () => void): Promise<ContentSession> {
  const highlighter = canHighlight(win) ? new PageHighlighter(win.document) : null;
  const card = new HoverCard(win.document);
  const abort = new AbortController();
  let done = false;
  let read: Awaited<ReturnType<typeof readPage>> = null;

  const handlers: Handlers<ContentProtocol, unknown> = {
    listHighlights: () => ({
      done,
      highlights: (highlighter?.painted ?? []).map((p) => {
        const r = p.range.getClientRects()[0];
        return { text: p.text, entityId: p.entityId, kind: p.kind, rect: r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null };
      }),
    }),
    revealEntity: ({ entityId }) => highlighter?.reveal(entityId) ?? false,
    currentCard: () => card.current,
    articleToSave: () => (read ? captureArticle(win.document, { ...read.extracted, url: read.analysis.article.url ?? win.location.href, eventMentions: read.analysis.eventMentions }, DOMPurify) : null),
    readAgain: () => {
      // After this reply: the new session replaces this one (and its listener).
      win.setTimeout(readAgain, 0);
      return true;
    },
  };
  const listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => {
    if (!isRequestOf(message, contentRequests)) return false;
    void dispatch(message, sender, contentRequests, handlers).then(sendResponse);
    return true;
  };
  onMessage.addListener(listener);

  try {
    read = await readPage(win);
    if (read && highlighter) {
      const settings = await sendToBackground('getHighlightSettings', { url: win.location.href });
      const { enabled, nominal } = settings.ok ? settings.value : { enabled: true, nominal: false };
      if (enabled) {
        highlighter.paint(read.extracted.segments, read.analysis.mentions.filter((m) => m.kind === 'name' || (nominal && m.kind === 'nominal')));
        attachHoverCard(win, highlighter, card, read.analysis, abort.signal);
      }
    }
  } finally {
    done = true;
  }

  return {
    dispose() {
      abort.abort();
      onMessage.removeListener(listener);
      highlighter?.dispose();
      card.remove();
    },
  };
}
