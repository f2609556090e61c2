import { expect } from '@playwright/test';
import { ROLES, routesByArea, sweepTest } from './support/sweep';

/**
 * Phone sweep (390×844, issue 12): every page route an agent or a team lead can open (found in
 * apps/web/src/routes, with their real ids), in Dutch (the longer words):
 * - no sideways scrolling: document scrollWidth <= clientWidth, and no element wider than the screen
 *   (a table that scrolls sideways inside the page counts: on a phone it becomes a list);
 * - the sticky and fixed bars together at most 12% of the screen's height;
 * - no word broken in the middle (hyphenation with `hyphens: auto`, and ids, e-mail addresses and paths, may break).
 *
 *   pnpm --filter @attentive/web build
 *   pnpm --filter @attentive/e2e exec playwright test tests/phone-sweep.spec.ts -g "phone me"
 *
 */

const WIDTH = 390;
const HEIGHT = 844;
const MAX_BARS = Math.round(HEIGHT * 0.12);
const test = sweepTest({
  name: 'phone',
  contextOptions: { viewport: { width: WIDTH, height: HEIGHT }, isMobile: true, hasTouch: true, locale: 'nl-NL' }
});
// Hundreds of pages per run: a screenshot per failed test would be the sweep's slowest part.
test.use({ screenshot: 'off' });
// A route is opened as up to six roles, each a page load and a measurement: more than one ordinary test's time.
// Parallel: the sweep only reads, so its routes are spread over the workers (one worker took 7–9 minutes).
test.describe.configure({ mode: 'parallel', timeout: 180_000 });

const PHONE_ROLES = ROLES.filter((r) => ['agent001', 'tl01', 'signed-out'].includes(r.key));

type Findings = { scrollWidth: number; clientWidth: number; bars: { what: string; height: number }[]; wide: string[]; broken: string[] };

/** Measures the open page (runs in the browser). */
function measure(): Findings {
  const doc = document.documentElement;
  const clientWidth = doc.clientWidth;
  const describe = (el: Element) => {
    const id = el.id ? `#${el.id}` : '';
    const testid = el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : '';
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : '';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
    return `${el.tagName.toLowerCase()}${id}${testid}${cls}${text ? ` "${text}"` : ''}`;
  };
  const visible = (el: Element) => {
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0;
  };
  const clipped = (el: Element) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'hidden' || o === 'clip') return true;
    }
    return false;
  };
  const all = [...document.body.querySelectorAll('*')];

  // Sticky and fixed bars (the outermost of each).
  const bars: { what: string; height: number }[] = [];
  const barEls: Element[] = [];
  for (const el of all) {
    const pos = getComputedStyle(el).position;
    if ((pos !== 'sticky' && pos !== 'fixed') || !visible(el)) continue;
    if (barEls.some((b) => b.contains(el))) continue;
    barEls.push(el);
    bars.push({ what: describe(el), height: Math.round(el.getBoundingClientRect().height) });
  }

  // Elements reaching past the screen's edges (the outermost only; visually hidden text excluded).
  const wide: string[] = [];
  const wideEls: Element[] = [];
  for (const el of all) {
    if (!visible(el) || clipped(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right <= clientWidth + 1 && r.left >= -1) continue;
    if (wideEls.some((w) => w.contains(el))) continue;
    wideEls.push(el);
    wide.push(`${describe(el)} (${Math.round(r.left)}…${Math.round(r.right)}px)`);
  }

  // Words split over two lines without a hyphen.
  const broken: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node && broken.length < 10; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !visible(parent) || clipped(parent)) continue;
    // Visually hidden text for screen readers (.sr-only: a 1 px box) wraps in every word and is never seen.
    const box = parent.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    if (getComputedStyle(parent).hyphens === 'auto') continue;
    const text = node.textContent ?? '';
    for (const m of text.matchAll(/\S{4,}/g)) {
      const word = m[0];
      // ids, e-mail addresses, paths and codes may break anywhere (overflow-wrap: anywhere)
      if (/[@/_\d]|[-‐­]/.test(word)) continue;
      range.setStart(node, m.index!);
      range.setEnd(node, m.index! + word.length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) {
        broken.push(`"${word}" in ${describe(parent)}`);
        break;
      }
    }
  }
  return { scrollWidth: doc.scrollWidth, clientWidth, bars, wide: wide.slice(0, 10), broken };
}

test.describe('phone', () => {
  for (const [area, routes] of routesByArea()) {
    test.describe(area, () => {
      for (const route of routes) {
        test(route.pattern, async ({ sweep }) => {
          const problems: string[] = [];
          for (const role of PHONE_ROLES) {
            const path = await sweep.pathFor(role, route);
            if (!path) continue;
            const page = await sweep.page(role);
            await page.goto(path, { waitUntil: 'load' });
            const f = await page.evaluate(measure);
            const where = `${path} as ${role.key}`;
            if (f.scrollWidth > f.clientWidth)
              problems.push(`${where}: scrolls sideways (scrollWidth ${f.scrollWidth} > ${f.clientWidth})`);
            for (const w of f.wide) problems.push(`${where}: wider than the screen: ${w}`);
            const barHeight = f.bars.reduce((s, b) => s + b.height, 0);
            if (barHeight > MAX_BARS)
              problems.push(
                `${where}: sticky/fixed bars ${barHeight}px > ${MAX_BARS}px: ${f.bars.map((b) => `${b.what} ${b.height}px`).join(', ')}`
              );
            for (const b of f.broken) problems.push(`${where}: word broken mid-word: ${b}`);
          }
          // Routes no agent or team lead opens are the desktop sweep's (a11y-sweep.spec.ts) alone.
          expect(problems, `phone layout problems on ${route.pattern}`).toEqual([]);
        });
      }
    });
  }
});
