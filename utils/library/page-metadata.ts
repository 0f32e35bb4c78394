/**
 * What a saved article keeps of its page's metadata (issue 21): its canonical address, the
 * site's name and the byline. Pure: the page comes in as a Document.
 *
 * A site name is taken from the page's metadata only when it names the site: Reuters's
 * og:site_name is its section ("U.S.", scrapinghub-reuters-com-57d46c9d751e), so a candidate
 * that matches the site's domain (its JSON-LD publisher "Reuters") wins over one that does
 * not; a page with no metadata is named by its domain, and a page served from a bare address
 * (127.0.0.1, localhost) by none.
 *
 * The page's metadata comes in as PageFacts (page-facts.ts): the content script reads them
 * and the background makes sense of them here (issue 20: this logic left the content script).
 */
import { isWebUrl } from '../web-url';
import { collectPageFacts, type PageFacts } from './page-facts';

/** Query parameters that only track where a reader came from: an address without them is the same article. */
const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref_src|ref_url|cmpid|ocid|smid|smtyp|sr_share|guccounter|__twitter_impression)$/i;

/**
 * `url` without its fragment and tracking parameters (utm_*, fbclid, gclid, …), other
 * parameters kept in their order; the input unchanged when it is not an http(s) URL.
 */
export function normalizeArticleUrl(url: string): string {
  if (!isWebUrl(url)) return url;
  const parsed = new URL(url);
  parsed.hash = '';
  // forEach, not the keys() iterator: in a Firefox content script that iterator is not iterable.
  const tracking: string[] = [];
  parsed.searchParams.forEach((_value, name) => {
    if (TRACKING_PARAM.test(name)) tracking.push(name);
  });
  for (const name of tracking) parsed.searchParams.delete(name);
  // URLSearchParams re-encodes what it keeps; an address with nothing removed keeps its own spelling.
  if (parsed.search === '?') parsed.search = '';
  return parsed.href;
}

export interface PageMetadata {
  /** The article's canonical address, normalised (normalizeArticleUrl); the page's own when it names none usable. */
  canonicalUrl: string;
  site: string | null;
  byline: string | null;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A metadata value with its spaces squashed; null when it is absent or blank. */
const cleanValue = (value: string | null): string | null => (value && squash(value) ? squash(value) : null);

/** The page's canonical address (link rel=canonical, else og:url), absolute and http(s); null when none is usable. */
function declaredCanonical(facts: PageFacts, pageUrl: string): string | null {
  const candidates = [facts.canonicalLink, facts.ogUrl];
  for (const candidate of candidates) {
    if (!candidate?.trim()) continue;
    let absolute: URL;
    try {
      absolute = new URL(candidate.trim(), pageUrl);
    } catch {
      continue;
    }
    if (!isWebUrl(absolute.href)) continue;
    // A canonical link to a site's front page from one of its articles is a template's mistake.
    if (absolute.pathname === '/' && isWebUrl(pageUrl) && new URL(pageUrl).pathname !== '/') continue;
    return absolute.href;
  }
  return null;
}

/** The objects of the page's JSON-LD blocks, @graph members included; [] when it has none or they do not parse. */
function jsonLdObjects(blocks: string[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((v) => visit(v, depth + 1));
    const object = value as Record<string, unknown>;
    out.push(object);
    if (Array.isArray(object['@graph'])) visit(object['@graph'], depth + 1);
  };
  for (const text of blocks) {
    try {
      visit(JSON.parse(text), 0);
    } catch {
      // Sites write broken blocks (Reuters quotes a string with '…'): read the publisher's name from the text.
      const publisher = /"publisher"\s*:\s*\{[^{}]*?"name"\s*:\s*"([^"]+)"/.exec(text)?.[1];
      if (publisher) out.push({ publisher: { name: publisher } });
    }
  }
  return out;
}

const nameOf = (value: unknown): string | null => {
  if (typeof value === 'string') return squash(value) || null;
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') return nameOf((value as Record<string, unknown>).name);
  return null;
};

/** Letters only, lower case, accents dropped: "Aktuálně.cz" → "aktualnecz". */
const letters = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Labels of a host that can name its site: without www*, the top-level domain and a second-level one (co.uk, com.br). */
function siteLabels(host: string): string[] {
  const labels = host.toLowerCase().split('.').filter((l) => l && !/^www\d*$/.test(l));
  if (labels.length > 1) labels.pop();
  if (labels.length > 1 && /^(co|com|org|net|gov|ac|edu|ne|or)$/.test(labels[labels.length - 1]!)) labels.pop();
  return labels;
}

/** A host that is an address rather than a site's name: an IP address or localhost. */
const isBareHost = (host: string) => host === 'localhost' || /^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('[');

/** Whether a name from the page's metadata names the site at one of these hosts ("Houston Chronicle" at chron.com). */
function namesSite(name: string, hosts: string[]): boolean {
  const flat = letters(name);
  return hosts.some((host) => siteLabels(host).some((label) => label.length >= 2 && (flat.includes(letters(label)) || (flat.length >= 4 && letters(label).includes(flat)))));
}

/** A value that is not a site's name: a section or dateline abbreviation ("U.S."), an address, a taglined name's tail. */
const isNotAName = (name: string) => /^([A-Z]\.){1,3}$/.test(name) || /^(https?:|www\.)/i.test(name) || name.length > 80;

/** "Aktuálně.cz - Víte, co se právě děje" → "Aktuálně.cz": a site name followed by its tagline. */
function withoutTagline(name: string, hosts: string[]): string {
  const head = name.split(/\s+[-|–—:]\s+/)[0]!;
  return head !== name && namesSite(head, hosts) ? head : name;
}

/** The host of an http(s) URL; null otherwise. */
const hostOf = (url: string | null): string | null => (url && isWebUrl(url) ? new URL(url).hostname : null);

/**
 * The site's name: of og:site_name, the JSON-LD publisher and application-name, the first
 * that matches the site's domain, else the first that is a name at all, else the site's
 * domain without www; null for a page at a bare address (127.0.0.1) with no metadata.
 */
export function readSiteName(facts: PageFacts, pageUrl: string, canonicalUrl: string | null): string | null {
  const publisher = jsonLdObjects(facts.jsonLd)
    .map((o) => nameOf(o.publisher) ?? nameOf(o.sourceOrganization))
    .find((n) => n !== null);
  const hosts = [hostOf(canonicalUrl), hostOf(pageUrl)].filter((h): h is string => h !== null && !isBareHost(h));
  const candidates = [cleanValue(facts.ogSiteName), publisher ?? null, cleanValue(facts.applicationName)]
    .filter((c): c is string => c !== null && !isNotAName(c))
    .map((c) => withoutTagline(c, hosts));
  const matching = candidates.find((c) => namesSite(c, hosts));
  if (matching) return matching;
  if (candidates[0]) return candidates[0];
  const host = hosts[0];
  return host ? host.replace(/^www\d*\./, '') : null;
}

/** The byline: JSON-LD author, else meta author / article:author (when not a URL); null when the page names none. */
export function readByline(facts: PageFacts, readabilityByline: string | null): string | null {
  const fromLd = jsonLdObjects(facts.jsonLd)
    .map((o) => {
      const authors = Array.isArray(o.author) ? o.author : o.author ? [o.author] : [];
      const names = authors.map(nameOf).filter((n): n is string => n !== null);
      return names.length ? names.join(', ') : null;
    })
    .find((n) => n !== null);
  const candidates = [fromLd, cleanValue(facts.author), cleanValue(facts.articleAuthor), readabilityByline ? squash(readabilityByline) : null];
  const found = candidates.find((c) => c && !/^https?:/i.test(c) && c.length <= 300);
  return found ?? null;
}

/** The metadata a saved article keeps of a page loaded from `pageUrl`, from its facts. */
export function metadataFromFacts(facts: PageFacts, pageUrl: string, readabilityByline: string | null = null): PageMetadata {
  const declared = declaredCanonical(facts, pageUrl);
  const canonicalUrl = normalizeArticleUrl(declared ?? pageUrl);
  return { canonicalUrl, site: readSiteName(facts, pageUrl, declared), byline: readByline(facts, readabilityByline) };
}

/** The metadata a saved article keeps of `doc`, loaded from `pageUrl` (the command line's and tests' way in). */
export function readPageMetadata(doc: Document, pageUrl: string, readabilityByline: string | null = null): PageMetadata {
  return metadataFromFacts(collectPageFacts(doc), pageUrl, readabilityByline);
}
