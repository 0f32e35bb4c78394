/**
 * Helpers for the UI end-to-end tests: axe-core checks, colour schemes, zoom, keyboard focus
 * and the time the side panel takes to show the related events.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { projectRoot } from './browser';

export type Theme = 'light' | 'dark';
export const THEMES: readonly Theme[] = ['light', 'dark'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

let axeSource: string | null = null;

/**
 * Runs axe-core on the page as it is now and returns every violation. Extension pages forbid
 * inline scripts (CSP `script-src 'self'`), so `addScriptTag` is refused there: axe is
 * evaluated through the DevTools protocol instead, which the page's CSP does not govern.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync(join(projectRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const { violations } = await axe.run();
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

export const isSerious = (violation: AxeViolation): boolean => violation.impact === 'serious' || violation.impact === 'critical';

/** One line per violation and node, readable in a failed assertion. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}) at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`)).join('\n');
}

/** Emulates a light or dark colour scheme for `prefers-color-scheme`. */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
}

/**
 * Zooms the page's body to 200% and says whether anything overflows sideways. It compares
 * with the root's clientWidth, not innerWidth, which also counts a vertical scrollbar.
 */
export async function overflowsAtDoubleZoom(page: Page): Promise<{ scrollWidth: number; clientWidth: number; overflows: boolean }> {
  return page.evaluate(async () => {
    document.body.style.zoom = '2';
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const { scrollWidth, clientWidth } = document.documentElement;
    return { scrollWidth, clientWidth, overflows: scrollWidth > clientWidth };
  });
}

/**
 * A screenshot of the whole page as the reader sees it. Playwright's fullPage drops the
 * vertical scrollbar but keeps the narrower width, cutting off the right edge; a viewport as
 * tall as the page avoids that.
 */
export async function screenshotWhole(page: Page, path: string): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('the page has no viewport');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await page.screenshot({ path });
  await page.setViewportSize(viewport);
}

export async function resetZoom(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.body.style.zoom = '';
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; false when it never does. */
export async function tabUntil(page: Page, selector: string, { backwards = false, maxPresses = 80 } = {}): Promise<boolean> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}

/** The focused element's outline, to check that keyboard focus is visible. */
export async function focusOutline(page: Page): Promise<{ style: string; width: number }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return { style: 'none', width: 0 };
    const css = getComputedStyle(el);
    return { style: css.outlineStyle, width: parseFloat(css.outlineWidth) };
  });
}

/**
 * Records, from the first script of the page on, when the first related event is rendered
 * (in the page's `performance.now()` time). Call before navigating.
 */
export async function watchFirstRelatedEvent(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { firstRelatedEventAt?: number };
    const found = () => document.querySelector('[data-testid=related-event]') !== null;
    const observer = new MutationObserver(() => {
      if (w.firstRelatedEventAt === undefined && found()) {
        w.firstRelatedEventAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

export interface PanelTiming {
  /** Navigation start to DOMContentLoaded (the page's own scripts parsed and run). */
  domContentLoaded: number;
  /** Navigation start to the first related event in the DOM. */
  firstRelatedEvent: number;
}

/** The times recorded by `watchFirstRelatedEvent`, once the first related event is there. */
export async function panelTiming(page: Page): Promise<PanelTiming> {
  await page.waitForFunction(() => (window as unknown as { firstRelatedEventAt?: number }).firstRelatedEventAt !== undefined);
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const at = (window as unknown as { firstRelatedEventAt: number }).firstRelatedEventAt;
    return { domContentLoaded: nav.domContentLoadedEventEnd - nav.startTime, firstRelatedEvent: at - nav.startTime };
  });
}
