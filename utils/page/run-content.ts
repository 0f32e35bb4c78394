/**
 * The content script's work on one page: detect → extract → ask the background for the
 * analysis → highlight → hover cards. Anything that fails leaves the page as it was.
 */
import { browser, type browser as Browser } from 'wxt/browser';
import { confirmArticle, detectArticle, measureBody } from '../article/detect-article';
import { extractArticleInSlices, type ExtractedArticle } from '../article/extract-article';
import { checkArticleBudget, checkPageBudget, pageBudget, type TooLarge } from '../article/page-budget';
import type { Analysis, EntityInArticle } from '../analysis/analyze-text';
import { contentRequests, dispatch, isRequestOf, sendToBackground, type ArticlePayload, type ContentProtocol, type Handlers } from '../messages';
import { wikipediaUrl } from '../ui/wikipedia';
import { CardController } from './card-controller';
import { chooseHighlights, DEFAULT_HIGHLIGHT_PREFS, type HighlightPrefs } from './choose-highlights';
import { canHighlight, PageHighlighter, type PaintedMention } from './highlighter';
import { CARD_WORDS, HoverCard, type CardContent, type CardWord } from './hover-card';
import { pageMeter } from './main-thread-meter';
import { captureArticle } from '../library/capture-article';
import { collectPageFacts } from '../library/page-facts';

export interface ContentSession {
  /** Stops listening and removes every highlight and the card. */
  dispose(): void;
  /** What the page watcher follows (issue 20): the article's live root (null when none) and the highlights painted. */
  readonly watched: { root: Element | null; painted: PaintedMention[] };
}

type Win = Window & typeof globalThis;

/** A page read: its article as extracted, what was sent for analysis, and the analysis. */
interface PageRead {
  extracted: ExtractedArticle;
  payload: ArticlePayload;
  analysis: Analysis;
}

type Mentions = Analysis['mentions'];

const log = (message: string, detail?: unknown) => console.debug(`[backstory] ${message}`, detail ?? '');

/** Lets the page run before the extraction goes on: a macrotask, so input and rendering get their turn. */
const pauseForPage = (win: Win) => () => new Promise<void>((resume) => win.setTimeout(resume, 0));

/**
 * Detects and extracts the page's article within the budget (pageBudget: elements,
 * characters, time; issue 19) and gets its analysis; null when there is none. A page past
 * the budget is reported as too large, and nothing costly runs on it.
 */
async function readPage(win: Win): Promise<PageRead | null> {
  const doc = win.document;
  const page = { url: win.location.href, title: doc.title.slice(0, 2000) };
  const tooLarge = async (why: TooLarge) => {
    log(`too large to read: ${why.limit} ${why.measured} > ${why.max}`);
    await sendToBackground('reportTooLarge', { ...page, tooLarge: why });
    return null;
  };
  const started = performance.now();
  const overBudget = checkPageBudget(doc);
  const verdict = overBudget ? null : detectArticle(doc);
  pageMeter.add('detect', started, performance.now());
  if (overBudget) return tooLarge(overBudget);
  if (!verdict?.isArticle) {
    await sendToBackground('reportNotArticle', page);
    return null;
  }
  await pauseForPage(win)();
  // The main thread's share of the extraction: the work between two pauses (issue 20, npm run bench:page).
  let slice = performance.now();
  const { article: extracted, timedOut } = await extractArticleInSlices(doc, {
    sliceMs: pageBudget.sliceMs,
    budgetMs: pageBudget.maxExtractMs,
    pause: async () => {
      pageMeter.add('extract', slice, performance.now());
      await pauseForPage(win)();
      slice = performance.now();
    },
    now: () => performance.now(),
  });
  pageMeter.add('extract', slice, performance.now());
  const elapsed = Math.round(performance.now() - started);
  if (timedOut) return tooLarge({ limit: 'time', measured: elapsed, max: pageBudget.maxExtractMs });
  const tooLong = extracted && checkArticleBudget(extracted.text.length);
  if (tooLong) return tooLarge(tooLong);
  if (!extracted || !confirmArticle(verdict, measureBody(extracted.root, extracted.text.length)).isArticle) {
    await sendToBackground('reportNotArticle', page);
    return null;
  }
  log(`extracted ${extracted.text.length} characters in ${elapsed} ms`);
  const payload: ArticlePayload = {
    url: page.url,
    title: extracted.title.slice(0, 2000),
    text: extracted.text,
    published: extracted.published,
    // The background names the site from the page's metadata, never a section or a bare address (issue 21: Reuters's
    // og:site_name is "U.S."; issue 20: that logic left the content script).
    site: null,
    facts: collectPageFacts(doc),
  };
  const analysis = await analyse(payload);
  return analysis ? { extracted, analysis, payload } : null;
}

/** The background's analysis of an article; null when it failed (logged). */
async function analyse(payload: ArticlePayload): Promise<Analysis | null> {
  const reply = await sendToBackground('analyzeArticle', payload);
  if (reply.ok) return reply.value;
  log('analysis failed', reply.error);
  return null;
}

/** The card's words in the reader's language (public/_locales), English when the catalogue has none. */
const cardWord = (key: CardWord): string => {
  try {
    return browser.i18n.getMessage(key) || CARD_WORDS[key];
  } catch {
    return CARD_WORDS[key];
  }
};

/** Runs Backstory on `win`'s document; resolves when the page is read and painted. */
export async function runContent(win: Win, onMessage: typeof Browser.runtime.onMessage, readAgain: () => void, onRead?: () => void, answersBeforeRead = true): Promise<ContentSession> {
  const highlighter = canHighlight(win) ? new PageHighlighter(win.document) : null;
  const abort = new AbortController();
  let done = false;
  let read: PageRead | null = null;
  let prefs: HighlightPrefs = DEFAULT_HIGHLIGHT_PREFS;
  let entities = new Map<string, EntityInArticle>();
  /** The analysis's mentions that map into the page: the settings choose among these ("first of each" is the first one shown). */
  let paintable: Mentions = [];
  let controller: CardController | null = null;

  /** Paints what the settings choose of the analysis's mentions, and keeps the card on its word. */
  const paint = () => {
    if (!read || !highlighter) return;
    highlighter.paint(read.extracted.segments, chooseHighlights(paintable, prefs));
    controller?.repainted();
  };
  /** A new analysis of the page: what can be painted of it, then painted. */
  const analysed = (next: PageRead) => {
    read = next;
    entities = new Map(next.analysis.entities.map((e) => [e.id, e]));
    paintable = highlighter ? highlighter.paintable(next.extracted.segments, next.analysis.mentions) : [];
    paint();
  };
  const readPrefs = async () => {
    const reply = await sendToBackground('getHighlightSettings', { url: win.location.href });
    prefs = reply.ok ? reply.value : DEFAULT_HIGHLIGHT_PREFS;
  };
  /** "This link is wrong" (or its undo) for the card's name: recorded, then the article analysed again, which respects it. */
  const markWrong = async (wrong: boolean) => {
    const shown = controller?.shown;
    if (!read || !shown) return;
    const reply = await sendToBackground('setWrongLink', { url: read.payload.url, entityId: shown.entityId, text: shown.text, wrong });
    if (!reply.ok) return log('the mark was not kept', reply.error);
    const analysis = await analyse(read.payload);
    if (!analysis) return;
    analysed({ ...read, analysis });
    card.setUnlinked(wrong, wrong ? cardWord('cardUnlinked') : '');
  };
  const card = new HoverCard(
    win.document,
    {
      openPanel: () => {
        // No await before this message: the background opens the panel within this click.
        void sendToBackground('openSidePanel', {}).then((reply) => {
          if (reply.ok) return;
          log('the side panel did not open', reply.error);
          card.say(cardWord('cardPanelFailed'));
        });
      },
      markWrong: () => void markWrong(true),
      undoWrong: () => void markWrong(false),
      pointer: (inside) => controller?.pointer(inside),
      close: () => controller?.hide(),
    },
    cardWord,
  );
  const contentOf = (mention: PaintedMention): CardContent | null => {
    const entity = entities.get(mention.entityId);
    if (!entity) return null;
    return { name: entity.name, type: entity.type, role: entity.role, description: entity.description, wikipedia: entity.wikipedia ? wikipediaUrl(entity.wikipedia) : null };
  };

  const handlers: Handlers<ContentProtocol, unknown> = {
    listHighlights: () => ({
      done,
      highlights: (highlighter?.painted ?? []).map((p) => {
        const r = p.range.getClientRects()[0];
        return { text: p.text, entityId: p.entityId, kind: p.kind, rect: r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null };
      }),
    }),
    revealEntity: ({ entityId }) => highlighter?.reveal(entityId) ?? false,
    currentCard: () => {
      const layout = card.layout();
      return card.current && layout ? { ...card.current, ...layout, anchor: card.anchorBox, focused: card.hasFocus } : null;
    },
    articleToSave: () => (read ? captureArticle(win.document, { ...read.extracted, url: read.analysis.article.url ?? win.location.href, eventMentions: read.analysis.eventMentions }) : null),
    readAgain: () => {
      // After this reply: the new session replaces this one (and its listener).
      win.setTimeout(readAgain, 0);
      return true;
    },
    highlightSettingsChanged: async () => {
      await readPrefs();
      paint();
      return true;
    },
  };
  // A session reading the page again leaves saving to the session it replaces until it has
  // read: a Save clicked during a re-read got "no article" from the newcomer.
  let answering = answersBeforeRead;
  const listener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => {
    if (!isRequestOf(message, contentRequests)) return false;
    if (!answering && (message as { backstory: string }).backstory === 'articleToSave') return false;
    void dispatch(message, sender, contentRequests, handlers).then(sendResponse);
    return true;
  };
  onMessage.addListener(listener);

  try {
    const first = await readPage(win);
    read = first;
    answering = true;
    // The page watcher (issue 20) replaces the previous session here, so its highlights stay until these are ready.
    onRead?.();
    if (first && highlighter) {
      await readPrefs();
      controller = new CardController(win, highlighter, card, contentOf, abort.signal);
      const painting = performance.now();
      analysed(first);
      pageMeter.highlighted(painting, highlighter.painted.length > 0);
    }
  } finally {
    done = true;
  }

  return {
    get watched() {
      return { root: read?.extracted.root ?? null, painted: highlighter?.painted ?? [] };
    },
    dispose() {
      abort.abort();
      onMessage.removeListener(listener);
      highlighter?.dispose();
      card.remove();
    },
  };
}
