import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { decodePage, dropUnparsableStyles, parsePage } from './parse-page';

// jsdom throws on this value as it builds the tree (an unclosed calc, as a real saved page had).
const BROKEN = 'display: none; width: calc(; color: red';
const page = `<!doctype html><html><head><title>T</title></head><body>
<article><p>First paragraph of the story.</p>
<div style="${BROKEN}">Hidden promo</div>
<p style='margin: calc(100% -'>Second paragraph.</p></article></body></html>`;

describe('parsePage', () => {
  it('is given a page jsdom cannot build as it is', () => {
    expect(() => new JSDOM(page)).toThrow();
  });

  it('still reads a page whose style attribute jsdom cannot parse, keeping the declarations before the broken one', () => {
    const doc = parsePage(page);
    expect(doc.querySelector('article')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('First paragraph of the story. Hidden promo Second paragraph.');
    const hidden = doc.querySelector('div') as HTMLElement;
    expect(hidden.style.display).toBe('none');
  });

  it('leaves style attributes that parse, and the text, as they were', () => {
    const fine = '<p style="color: red; width: calc(100% - 4px)">calc( in text</p><div style=display:none>x</div>';
    expect(dropUnparsableStyles(fine)).toBe(fine);
    expect(dropUnparsableStyles(`<p style="${BROKEN}">style="${BROKEN}" in text</p>`)).toBe('<p style="display: none; width: calc(">style="display: none; width: calc(; color: red" in text</p>');
  });
});

describe('decodePage', () => {
  it('reads valid UTF-8 as UTF-8 even when the page declares a legacy charset', () => {
    const html = '<meta charset="gb2312"><p>中国的网络</p>';
    expect(decodePage(Buffer.from(html, 'utf8'))).toBe(html);
  });

  it('reads bytes that are not UTF-8 by the declared charset, else as windows-1252', () => {
    const gbk = Buffer.concat([Buffer.from('<meta charset="gbk"><p>'), Buffer.from([0xd6, 0xd0, 0xb9, 0xfa]), Buffer.from('</p>')]);
    expect(decodePage(gbk)).toBe('<meta charset="gbk"><p>中国</p>');
    expect(decodePage(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toBe('café');
  });
});
