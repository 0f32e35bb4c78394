import { describe, expect, it } from 'vitest';
import { parsePage } from '../cli/parse-page';
import { locateOffset } from './collect-text';
import { extractArticle } from './extract-article';
import { PARAGRAPHS } from '../../tests/fixtures/westmere-story';

const story = (between = '', after = '') =>
  `<p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p>${between}<p>${PARAGRAPHS[2]}</p><p>${PARAGRAPHS[3]}</p><p>${PARAGRAPHS[4]}</p>${after}`;
const page = (body: string, head = '<h1>Westmere closes its ferry pier for the winter</h1>') =>
  `<!doctype html><html><head><title>Westmere closes its ferry pier for the winter | Coast News</title></head><body><header><a href="/">Coast News</a></header><main>${head}<article>${body}</article></main></body></html>`;

const bodyOf = (html: string) => {
  const article = extractArticle(parsePage(html))!;
  return article.text.slice(article.bodyStart);
};

describe('extractArticle', () => {
  it('keeps every paragraph of a plain story, after its headline', () => {
    const article = extractArticle(parsePage(page(story())))!;
    expect(article.text.slice(0, article.bodyStart).trim()).toBe('Westmere closes its ferry pier for the winter');
    expect(article.text.slice(article.bodyStart)).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('leaves out a list of links to other stories and the label just before it', () => {
    const links = '<p><strong>DON’T MISS</strong></p><ul><li><a href="/a">Storm warning for the whole coast this weekend</a></li><li><a href="/b">New dock opens on the northern shore</a></li></ul>';
    const seeMore = '<p><strong>SEE MORE</strong>: <a href="/c">Ferry timetable changes for the winter season</a></p>';
    expect(bodyOf(page(story(links, seeMore)))).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('keeps a paragraph with links in it, and a bare link line between paragraphs', () => {
    const linked = `<p>The <a href="/council">harbour council</a> meets again on <a href="/cal">Friday</a> to hear the engineers.</p>`;
    // A sentence, then a line that is a link and nothing else: no label says it is a list of other stories.
    const bare = '<p>Nobody was hurt.</p><p><a href="/a">Timeline of the pier’s decline</a></p>';
    const body = bodyOf(page(story(linked, bare)));
    expect(body).toContain('The harbour council meets again on Friday to hear the engineers.');
    expect(body).toContain('Nobody was hurt.\n\nTimeline of the pier’s decline');
  });

  it('leaves out every link line of a run after a label, and only those', () => {
    const run = '<h3>Trending</h3><ol><li><a href="/a">Storm warning for the whole coast</a></li><li><a href="/b">New dock opens</a></li><li><a href="/c">Bus times</a></li></ol>';
    expect(bodyOf(page(story(run)))).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('leaves out captions and galleries named in camelCase or with hyphens', () => {
    const photo = '<div class="photo"><img src="p.jpg" alt=""><span class="newsCaption">The old pier at low tide (Image: Coast News)</span></div>';
    const gallery = '<div class="image-gallery"><div class="nav-stats">Image 1 of 8</div><p>Caption</p><p>Close</p></div>';
    expect(bodyOf(page(story(photo, gallery)))).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('does not leave out most of the article when the block holding it is named like furniture', () => {
    // Four paragraphs of five: too few for the root, most of the article all the same.
    const wrapped = `<div class="story-body share-enabled">${PARAGRAPHS.slice(0, 4).map((p) => `<p>${p}</p>`).join('')}</div><p>${PARAGRAPHS[4]}</p>`;
    expect(bodyOf(page(wrapped))).toBe(PARAGRAPHS.join('\n\n'));
  });

  it('takes the headline from an h2 that is the title when the only h1 is an empty logo, and writes it once', () => {
    const html = `<!doctype html><html><head><title>Westmere closes its ferry pier for the winter</title></head><body><h1><a href="/"><img src="logo.png" alt=""></a></h1><article><h2>Westmere closes its ferry pier for the winter</h2>${story()}</article></body></html>`;
    const article = extractArticle(parsePage(html))!;
    expect(article.title).toBe('Westmere closes its ferry pier for the winter');
    expect(article.segments[0]!.node.parentElement!.tagName).toBe('H2');
    expect(article.text).toBe(`Westmere closes its ferry pier for the winter\n\n${PARAGRAPHS.join('\n\n')}`);
  });

  it('maps every character back to its text node after a label was taken back', () => {
    const links = '<p><b>Read also</b></p><p><a href="/a">Storm warning for the whole coast this weekend</a></p>';
    const article = extractArticle(parsePage(page(story(links))))!;
    for (const seg of article.segments) {
      const from = locateOffset(article.segments, seg.start)!;
      const to = locateOffset(article.segments, seg.start + seg.length, true)!;
      expect(seg.node.data.slice(from.offset, to.offset).replace(/\s+/g, ' ')).toBe(article.text.slice(seg.start, seg.start + seg.length).replace(/\s+/g, ' '));
    }
    expect(article.text).not.toContain('Read also');
    expect(article.segments.at(-1)!.start + article.segments.at(-1)!.length).toBe(article.text.length);
  });
});
