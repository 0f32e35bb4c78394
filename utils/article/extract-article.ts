/**
 * Extracts an article from a page: Readability reads a copy and decides what the article
 * is; we then find the live element that holds it and collect the kept text from the live
 * nodes, so every offset maps back to the page (see ../shared/DESIGN.md, "Offsets must point
 * into the live page"). Runs the same on a browser page and on a jsdom document.
 */
import { Readability } from '@mozilla/readability';
import { findPublishedDate } from './detect-article';
import { dateFromUrl } from '../text/dates';
import { TextBuilder, type TextMark, type TextSegment } from './collect-text';

export interface ExtractedArticle {
  title: string;
  /** The headline, a blank line, then the body. */
  text: string;
  /** Offset in `text` where the body starts (after the headline and its blank line). */
  bodyStart: number;
  /** YYYY-MM-DD, when the page gives it. */
  published: string | null;
  site: string | null;
  byline: string | null;
  /** The live element that holds the article. */
  root: Element;
  segments: TextSegment[];
}

// Never article text, wherever they sit.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'NAV', 'ASIDE', 'FOOTER', 'FIGURE', 'FIGCAPTION', 'FORM', 'IFRAME', 'CANVAS', 'VIDEO', 'AUDIO', 'MATH', 'OBJECT', 'H1']);
const BLOCK = new Set(['P', 'LI', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'TD', 'TH', 'ADDRESS', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'UL', 'OL', 'DL', 'TABLE', 'TR', 'HR', 'CENTER']);
// Blocks whose own text we test against Readability's verdict.
const LEAF_BLOCK = new Set(['P', 'LI', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'TD', 'TH', 'ADDRESS']);

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
// Inside a div, these make it a container rather than a paragraph.
const CONTAINER_INSIDE_DIV = new Set(['P', 'DIV', 'LI', 'TABLE', 'SECTION', 'ARTICLE', 'BLOCKQUOTE']);
// Class or id names of the furniture around an article body: bylines, tag lists, share bars,
// captions, "read more" teasers, photo galleries. Matched as words of the name, camelCase
// words too ("newsCaption"), so that "tagsWrapper" counts and "stagger" does not.
const FURNITURE = /(^|[\s_-])(byline|author|tags?|topics|share|social|related|caption|credit|newsletter|promo|advert|ad-slot|comments?|read-?more|gallery|slideshow|carousel)([\s_-]|$)/i;
/**
 * An element named like furniture that holds this share of the article's kept text is the
 * article after all (a wrapper called "story-body share-enabled"): never skipped for its name.
 */
const FURNITURE_MAX_SHARE = 0.5;
/** A block with this share of its text in links is a link to other pages ("SEE MORE: …", "Trending"). */
const LINK_BLOCK_SHARE = 0.8;
/** A link block with more characters than this outside its links carries its own label ("SEE MORE: ", "Related: "). */
const LINK_LABEL_MIN = 3;
/** A block this short, not ending a sentence, just before a link block is its label ("DON'T MISS", "More:"). */
const LABEL_MAX = 40;
// Credit lines at the end of a story: "Keith Bradsher contributed reporting from Hong Kong."
const CREDIT_LINE = /\b(contributed (reporting|research|to this (report|article|story))|additional reporting by|reporting by .{3,60}editing by|edited by .{3,40}$)/i;
/** Credit lines are short: a longer block is never one (and its text is never built to check). */
const CREDIT_LINE_MAX = 200;
/** Nodes walked between two chances for the caller to pause (see extractArticleInSlices). */
const NODES_PER_STEP = 500;

function isSkipped(el: Element, facts: BodyFacts | null): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`.replace(/([a-z])([A-Z])/g, '$1 $2');
  if (!FURNITURE.test(names)) return false;
  return !facts || (facts.keptWeight.get(el) ?? 0) < facts.total * FURNITURE_MAX_SHARE;
}

const tagOf = (el: Element) => el.tagName.toUpperCase();

/** The nodes of the subtree under `root` (itself excluded) in document order, without recursion. */
function* descendants(root: Node): Generator<Node> {
  let node: Node | null = root.firstChild;
  while (node) {
    yield node;
    if (node.firstChild) node = node.firstChild;
    else {
      while (node && node !== root && !node.nextSibling) node = node.parentNode;
      node = node && node !== root ? node.nextSibling : null;
    }
  }
}

/**
 * Which live text nodes Readability kept. Readability reads a copy; the copy's text nodes are
 * paired with the live ones by walking both trees in step (they are identical before it
 * runs), and Readability moves text nodes without replacing them, so the kept ones are found
 * by identity in linear time. When Readability had to start over (it then re-parses the
 * copy's HTML, making new nodes), kept text is matched by its content instead. Both replace a
 * substring search of the whole kept text per block, which made extraction quadratic (issue 19).
 */
function* keptTextNodes(content: Element, pairs: Map<Node, Text>): Generator<void, KeptText> {
  const kept = new Set<Text>();
  const keptData = new Set<string>();
  let paired = 0;
  let walked = 0;
  for (const node of descendants(content)) {
    if (node.nodeType !== 3) continue;
    const found = pairs.get(node);
    if (found) {
      kept.add(found);
      paired++;
    }
    const data = squash((node as Text).data);
    if (data) keptData.add(data);
    if (++walked % NODES_PER_STEP === 0) yield;
  }
  // Blank nodes only separate words: taking them never adds text, leaving them out could glue words.
  const blank = (text: Text) => !/\S/.test(text.data);
  const alike = (text: Text) => kept.has(text) || blank(text) || keptData.has(squash(text.data));
  // Readability started over (few or no nodes of its own kept): match by content.
  const take = paired * 2 >= keptData.size ? (text: Text) => kept.has(text) || blank(text) : alike;
  return { take, alike };
}

/** Which live text nodes to collect, and which look like kept text (for finding the root). */
interface KeptText {
  take(text: Text): boolean;
  /**
   * Kept, or with the same text as kept text: a slideshow's copies of a kept caption count
   * towards the root as they did when kept text was found by searching for it.
   */
  alike(text: Text): boolean;
}

/** Pairs every text node of the copy with its live original; both trees must be identical. */
function* pairTextNodes(live: Node, copy: Node, pairs: Map<Node, Text>): Generator<void> {
  const copies = descendants(copy);
  let walked = 0;
  for (const node of descendants(live)) {
    const twin = copies.next().value as Node | undefined;
    if (!twin) return;
    if (node.nodeType === 3) pairs.set(twin, node as Text);
    if (++walked % NODES_PER_STEP === 0) yield;
  }
}

/** What one walk over the live body learns for finding the root and collecting the text. */
interface BodyFacts {
  /** Kept characters of paragraph-sized blocks under each element that has any. */
  keptWeight: Map<Element, number>;
  /** Depth below the body of each element in keptWeight. */
  depth: Map<Element, number>;
  /** All characters under each element, for the short ones only (see CREDIT_LINE_MAX). */
  textLength: Map<Element, number>;
  /** Characters inside links under each element in textLength that has any. */
  linkLength: Map<Element, number>;
  /** Divs that hold a paragraph-like block and so are not paragraphs themselves. */
  containers: Set<Element>;
  total: number;
}

/** Blocks shorter than this do not count towards finding the root (a date line, a label). */
const ROOT_BLOCK_MIN = 30;
/** …and only blocks Readability kept whole (nearly: it may drop an inline button), not a menu with a kept word in it. */
const ROOT_BLOCK_KEPT = 0.9;

/**
 * One post-order walk over the body, in linear time: for each element the kept text of the
 * paragraph-sized blocks under it (blocks of ROOT_BLOCK_MIN characters or more, kept whole, so
 * that kept labels and date lines around the page do not pull the root up), text lengths, container divs.
 */
function* learnBody(body: Element, isKept: (text: Text) => boolean): Generator<void, BodyFacts> {
  const facts: BodyFacts = { keptWeight: new Map(), depth: new Map(), textLength: new Map(), linkLength: new Map(), containers: new Set(), total: 0 };
  /** Kept text not yet inside a block that counts. */
  const loose = new Map<Element, number>();
  const weight = new Map<Element, number>();
  const length = new Map<Element, number>();
  const linked = new Map<Element, number>();
  /** Links open on the stack: text under any of them is link text. */
  let links = 0;
  const add = (map: Map<Element, number>, el: Element, n: number) => n && map.set(el, (map.get(el) ?? 0) + n);
  const stack: { el: Element; depth: number }[] = [];
  let walked = 0;
  // Each element hands its sums to its parent when the walk leaves it.
  const leave = (until: Node | null) => {
    while (stack.length && stack[stack.length - 1]!.el !== until) {
      const { el, depth } = stack.pop()!;
      const tag = tagOf(el);
      if (tag === 'A') links--;
      const n = length.get(el) ?? 0;
      const l = linked.get(el) ?? 0;
      let w = weight.get(el) ?? 0;
      const pending = loose.get(el) ?? 0;
      const block = LEAF_BLOCK.has(tag) || (tag === 'DIV' && !facts.containers.has(el));
      // A block inside a block counts for both, as paragraphs inside a quote do.
      if (block && pending && n >= ROOT_BLOCK_MIN && pending >= n * ROOT_BLOCK_KEPT) {
        w += pending;
        facts.total += pending;
      }
      if (w) {
        facts.keptWeight.set(el, w);
        facts.depth.set(el, depth);
      }
      if (n <= CREDIT_LINE_MAX * 4) {
        facts.textLength.set(el, n);
        if (l) facts.linkLength.set(el, l);
      }
      const parent = stack[stack.length - 1]?.el;
      if (!parent) continue;
      add(weight, parent, w);
      add(loose, parent, pending);
      add(length, parent, n);
      add(linked, parent, l);
      if (CONTAINER_INSIDE_DIV.has(tag) || facts.containers.has(el)) facts.containers.add(parent);
    }
  };
  stack.push({ el: body, depth: 0 });
  for (const node of descendants(body)) {
    leave(node.parentNode);
    if (node.nodeType === 1) {
      stack.push({ el: node as Element, depth: stack.length });
      if (tagOf(node as Element) === 'A') links++;
    } else if (node.nodeType === 3) {
      const parent = stack[stack.length - 1]!.el;
      const n = squashedLength((node as Text).data);
      add(length, parent, n);
      if (links) add(linked, parent, n);
      if (n && isKept(node as Text)) add(loose, parent, n);
    }
    if (++walked % NODES_PER_STEP === 0) yield;
  }
  leave(null);
  return facts;
}

/** The length of a text once its runs of whitespace are one space (not trimmed). */
function squashedLength(data: string): number {
  let n = 0;
  let space = false;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    const isWhite = c === 32 || (c >= 9 && c <= 13) || c === 160;
    if (!isWhite || !space) n++;
    space = isWhite;
  }
  return n;
}

/** The deepest element that holds at least `share` of the kept text; body when none does better. */
function findRoot(body: Element, facts: BodyFacts, share = 0.85): Element {
  let root: Element = body;
  let depth = 0;
  for (const [el, w] of facts.keptWeight) {
    if (w < facts.total * share) continue;
    const d = facts.depth.get(el) ?? 0;
    if (d > depth) [root, depth] = [el, d];
  }
  return root;
}

/**
 * The live headline: an h1 whose text is the title (or contains it, or is part of it), else
 * the page's only h1 when it has text, else an h2 whose text is the title (a site whose h1 is
 * its logo, hosted.ap.org); null when none.
 */
function findHeadline(doc: Document, title: string): Element | null {
  const want = squash(title).toLowerCase();
  let fallback: Element | null = null;
  const h1s = doc.querySelectorAll('h1');
  for (const h1 of h1s) {
    const text = squash(h1.textContent ?? '').toLowerCase();
    if (!text) continue;
    if (text === want) return h1;
    if (!fallback && (want.includes(text) || text.includes(want))) fallback = h1;
  }
  if (fallback) return fallback;
  if (h1s.length === 1 && squash(h1s[0]!.textContent ?? '')) return h1s[0]!;
  if (!want) return null;
  for (const h2 of doc.querySelectorAll('h2')) if (squash(h2.textContent ?? '').toLowerCase() === want) return h2;
  return null;
}

/**
 * What a short block whose text is nearly all links is: 'labelled' when it says itself what it
 * is ("SEE MORE: <link>", "Related: <link>"), 'bare' when it is a link and nothing else; null
 * for any other block.
 */
function linkBlockKind(el: Element, facts: BodyFacts): 'labelled' | 'bare' | null {
  const n = facts.textLength.get(el);
  const linked = facts.linkLength.get(el) ?? 0;
  if (n === undefined || n === 0 || linked < n * LINK_BLOCK_SHARE) return null;
  return n - linked > LINK_LABEL_MIN ? 'labelled' : 'bare';
}

/** A block short enough to be a credit line, that is one. */
function isCreditLine(el: Element, facts: BodyFacts): boolean {
  const n = facts.textLength.get(el);
  if (n === undefined || n > CREDIT_LINE_MAX * 4) return false;
  const text = squash(el.textContent ?? '');
  return text.length < CREDIT_LINE_MAX && CREDIT_LINE.test(text);
}

/** Leaf blocks that can be a list of links; table cells and definitions are content even when linked. */
const LINK_LIST_BLOCK = new Set(['P', 'LI', 'H2', 'H3', 'H4', 'H5', 'H6', 'DIV']);
/** The end of a sentence: a block that ends so is text, not a label. */
const SENTENCE_END = /[.!?"”»)]$/;

/**
 * Collects the text under `root` into `out`, block breaks included, without recursion:
 * text nodes that pass `take`, outside skipped elements, credit lines, the headline (already
 * written) and lists of links to other pages that the page presents as such: a link block
 * with a label of its own ("SEE MORE: …"), or after a short label block ("DON'T MISS", "More:",
 * "Trending"), which goes too, and the link blocks that follow those. A bare link line between
 * paragraphs stays: the hand-made references of BBC pages keep theirs ("Timeline of saga"),
 * and the gold of readability-bbc-1 counts the names in them.
 */
function* collect(root: Element, out: TextBuilder, take: (text: Text) => boolean, facts: BodyFacts | null, headline: Element | null = null): Generator<void> {
  // Blocks entered and not yet left, to break after them; leaf blocks with where their text started.
  const open: { el: Element; start: TextMark | null }[] = [];
  // The last block written, when it was short enough to be a label, and where the text stood after it.
  let label: { start: TextMark; end: number } | null = null;
  // Where the text stood after the last link block left out: the next one, right after, goes too.
  let linkRunEnd = -1;
  let walked = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    let enter = false;
    if (node.nodeType === 3) {
      if (take(node as Text)) out.addNode(node as Text);
    } else if (node.nodeType === 1) {
      const el = node as Element;
      const tag = tagOf(el);
      if (tag === 'BR') out.breakLine();
      else if (!SKIP.has(tag) && el !== headline && !isSkipped(el, facts)) {
        const leaf = LEAF_BLOCK.has(tag) || (tag === 'DIV' && !facts?.containers.has(el));
        if (BLOCK.has(tag)) out.breakBlock();
        const links = facts && leaf && LINK_LIST_BLOCK.has(tag) ? linkBlockKind(el, facts) : null;
        const labelled = label !== null && out.size === label.end;
        if (links && (links === 'labelled' || labelled || out.size === linkRunEnd)) {
          // Its label goes with it, when nothing came between them.
          if (labelled) out.rollback(label!.start);
          label = null;
          linkRunEnd = out.size;
        } else if (!(facts && leaf && isCreditLine(el, facts))) {
          enter = true;
          if (BLOCK.has(tag)) open.push({ el, start: leaf ? out.mark() : null });
        }
      }
    }
    if (++walked % NODES_PER_STEP === 0) yield;
    if (enter && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    // Leave every element that has no next sibling, closing the blocks left.
    while (node && node !== root) {
      if (open[open.length - 1]?.el === node) {
        const { start } = open.pop()!;
        const written = start ? out.size - start.length : 0;
        const isLabel = written > 0 && written <= LABEL_MAX && !SENTENCE_END.test(out.lastChar);
        out.breakBlock();
        if (written > 0) label = isLabel ? { start: start!, end: out.size } : null;
      }
      if (node.nextSibling) break;
      node = node.parentNode;
    }
    node = node && node !== root ? node.nextSibling : null;
  }
}

/**
 * The extraction, as steps: it yields every few hundred nodes so that a caller on the page's
 * main thread can pause between them (extractArticleInSlices); extractArticle runs it
 * through at once.
 */
function* extractSteps(doc: Document): Generator<void, ExtractedArticle | null> {
  const copy = doc.cloneNode(true) as Document;
  const pairs = new Map<Node, Text>();
  yield* pairTextNodes(doc, copy, pairs);
  yield;
  // `serializer` hands back Readability's own element, not its HTML, so its nodes can be paired.
  // Readability's own threshold (500 characters): below it Readability tries again with looser
  // rules and keeps the longest try, so a short article is still found, while a lower threshold
  // let a short notice pass as the article (readability-medicalnewstoday's print-only header).
  const parsed = new Readability<Element>(copy, { serializer: (el) => el as Element }).parse();
  yield;
  if (!parsed?.textContent || !parsed.content) return null;
  const kept = yield* keptTextNodes(parsed.content, pairs);
  pairs.clear();
  const facts = yield* learnBody(doc.body, kept.alike);
  const root = findRoot(doc.body, facts);
  const title = squash(parsed.title || doc.title || '');
  const headline = findHeadline(doc, title);
  const out = new TextBuilder();
  if (headline) yield* collect(headline, out, () => true, null);
  else out.addUnmapped(title);
  out.breakBlock();
  const bodyStart = out.size;
  yield* collect(root, out, kept.take, facts, headline);
  const text = out.finish();
  return {
    title: headline ? squash(headline.textContent ?? '') : title,
    text,
    bodyStart: Math.min(bodyStart, text.length),
    published: findPublishedDate(doc) ?? (parsed.publishedTime ? parsed.publishedTime.slice(0, 10) : null) ?? dateInAddress(doc),
    site: parsed.siteName ?? null,
    byline: parsed.byline ?? null,
    root,
    segments: out.segments,
  };
}

/** The date written into the page's address (its canonical link, og:url, or where it was loaded from); null when none has one. */
function dateInAddress(doc: Document): string | null {
  const addresses = [doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), doc.querySelector('meta[property="og:url"]')?.getAttribute('content'), doc.URL];
  for (const address of addresses) {
    if (!address) continue;
    let absolute: string;
    try {
      absolute = new URL(address, doc.URL).href;
    } catch {
      continue;
    }
    const date = dateFromUrl(absolute);
    if (date) return date;
  }
  return null;
}

/**
 * Extracts the article of `doc`; null when Readability finds no article in it. The caller
 * decides first whether the page is an article at all (see detectArticle).
 */
export function extractArticle(doc: Document): ExtractedArticle | null {
  const steps = extractSteps(doc);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How extractArticleInSlices shares the page's main thread. */
export interface Slicing {
  /** Work at most this long (ms) before pausing. */
  sliceMs: number;
  /** Give up (null, with `timedOut`) once the whole extraction has taken this long (ms), pauses included. */
  budgetMs: number;
  /** Lets the page run (a macrotask); resolves when the extraction may go on. */
  pause(): Promise<void>;
  now(): number;
}

/**
 * extractArticle in slices of at most `sliceMs` of work (Readability's own parse is one
 * slice that cannot be cut), pausing between them; `timedOut` when the budget ran out.
 */
export async function extractArticleInSlices(doc: Document, slicing: Slicing): Promise<{ article: ExtractedArticle | null; timedOut: boolean }> {
  const started = slicing.now();
  const steps = extractSteps(doc);
  let slice = started;
  for (;;) {
    const step = steps.next();
    if (step.done) return { article: step.value, timedOut: false };
    const now = slicing.now();
    if (now - started > slicing.budgetMs) {
      steps.return(null);
      return { article: null, timedOut: true };
    }
    if (now - slice >= slicing.sliceMs) {
      await slicing.pause();
      slice = slicing.now();
    }
  }
}
