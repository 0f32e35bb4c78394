/**
 * Extracts an article from a page: Readability reads a copy and decides what the article
 * is; we then find the live element that holds it and collect the kept text from the live
 * nodes, so every offset maps back to the page (see ../shared/DESIGN.md, "Offsets must point
 * into the live page"). Runs the same on a browser page and on a jsdom document.
 */
import { Readability } from '@mozilla/readability';
import { findPublishedDate } from './detect-article';
import { TextBuilder, type TextSegment } from './collect-text';

export interface ExtractedArticle {
  title: string;
  /** The headline, a blank line, then the body. */
  text: string;
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

/** A div that holds text directly, as paragraphs do on some sites: no block inside it. */
const isLeafDiv = (el: Element) => el.tagName.toUpperCase() === 'DIV' && !el.querySelector('p, div, li, table, section, article, blockquote');

// Class or id names of the furniture around an article body: bylines, tag lists, share bars.
const FURNITURE = /(^|[\s_-])(byline|author|tags?|topics|share|social|related|caption|credit|newsletter|promo|advert|ad-slot|comments?)([\s_-]|$)/i;

// Credit lines at the end of a story: "Keith Bradsher contributed reporting from Hong Kong."
const CREDIT_LINE = /\b(contributed (reporting|research|to this (report|article|story))|additional reporting by|reporting by .{3,60}editing by|edited by .{3,40}$)/i;

function isSkipped(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  return FURNITURE.test(names);
}

/** Paragraph-sized live elements whose text Readability kept. */
function keptBlocks(doc: Document, kept: string): Element[] {
  const blocks: Element[] = [];
  for (const el of doc.body.querySelectorAll('p, li, h2, h3, h4, h5, h6, blockquote, pre, td, dd, div')) {
    if (el.tagName.toUpperCase() === 'DIV' && !isLeafDiv(el)) continue;
    const text = squash(el.textContent ?? '');
    if (text.length >= 30 && kept.includes(text)) blocks.push(el);
  }
  return blocks;
}

/** The deepest element that holds at least `share` of the kept text; body when none does better. */
function findRoot(doc: Document, blocks: Element[], share = 0.8): Element {
  const weight = new Map<Element, number>();
  let total = 0;
  for (const block of blocks) {
    const n = squash(block.textContent ?? '').length;
    total += n;
    for (let el: Element | null = block.parentElement; el; el = el.parentElement) weight.set(el, (weight.get(el) ?? 0) + n);
  }
  let root: Element = doc.body;
  let depth = 0;
  for (const [el, w] of weight) {
    if (w < total * share) continue;
    let d = 0;
    for (let p = el.parentElement; p; p = p.parentElement) d++;
    if (d > depth) [root, depth] = [el, d];
  }
  return root;
}

/** The live headline: an h1 whose text is the title (or contains it); null when none. */
function findHeadline(doc: Document, title: string): Element | null {
  const want = squash(title).toLowerCase();
  let fallback: Element | null = null;
  for (const h1 of doc.querySelectorAll('h1')) {
    const text = squash(h1.textContent ?? '').toLowerCase();
    if (!text) continue;
    if (text === want) return h1;
    if (!fallback && (want.includes(text) || text.includes(want))) fallback = h1;
  }
  return fallback ?? (doc.querySelectorAll('h1').length === 1 ? doc.querySelector('h1') : null);
}

function collect(node: Node, kept: string, out: TextBuilder, checked: boolean): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const text = child as Text;
      if (checked || kept.includes(squash(text.data))) out.addNode(text);
      continue;
    }
    if (child.nodeType !== 1) continue;
    const el = child as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isSkipped(el)) continue;
    if (tag === 'BR') {
      out.breakLine();
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) out.breakBlock();
    if (!checked && (LEAF_BLOCK.has(tag) || isLeafDiv(el))) {
      const text = squash(el.textContent ?? '');
      if (text && kept.includes(text) && !(text.length < 200 && CREDIT_LINE.test(text))) collect(el, kept, out, true);
    } else collect(el, kept, out, checked);
    if (block) out.breakBlock();
  }
}

/**
 * Extracts the article of `doc`; null when Readability finds no article in it. The caller
 * decides first whether the page is an article at all (see detectArticle).
 */
export function extractArticle(doc: Document): ExtractedArticle | null {
  const copy = doc.cloneNode(true) as Document;
  const parsed = new Readability(copy, { charThreshold: 300 }).parse();
  if (!parsed?.textContent) return null;
  const kept = squash(parsed.textContent);
  const blocks = keptBlocks(doc, kept);
  const root = blocks.length ? findRoot(doc, blocks) : doc.body;
  const title = squash(parsed.title || doc.title || '');
  const headline = findHeadline(doc, title);

  const out = new TextBuilder();
  if (headline) collect(headline, squash(headline.textContent ?? ''), out, true);
  else out.addUnmapped(title);
  out.breakBlock();
  collect(root, kept, out, false);
  const text = out.finish();

  return {
    title: headline ? squash(headline.textContent ?? '') : title,
    text,
    published: findPublishedDate(doc) ?? (parsed.publishedTime ? parsed.publishedTime.slice(0, 10) : null),
    site: parsed.siteName ?? null,
    byline: parsed.byline ?? null,
    root,
    segments: out.segments,
  };
}
