import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import { NOT_A_PAGE, ROLES, routesByArea, sweepTest } from './support/sweep';

/**
 * Accessibility sweep (WCAG 2.2 AA, issue 12): axe-core over every page route of apps/web (found in
 * apps/web/src/routes, so a new page is swept too), as every demo role that can open it, with real ids.
 * No critical and no serious violation. One test per route, grouped by area:
 *
 *   pnpm --filter @attentive/web build   # the sweep runs the built server, as every e2e test
 *   pnpm --filter @attentive/e2e exec playwright test tests/a11y-sweep.spec.ts -g "a11y calls"
 *
 * (areas: the first path segment — admin, calls, client, coaching, evaluate, evaluations, home, me, root,
 * sampling, scorecards, sign-in, work).
 *
 */

const test = sweepTest({ name: 'desktop', contextOptions: { viewport: { width: 1280, height: 800 }, locale: 'en-US' } });
// Hundreds of pages per run: a screenshot per failed test would be the sweep's slowest part.
test.use({ screenshot: 'off' });
// A route is opened as up to six roles, each a page load and a measurement: more than one ordinary test's time.
// Parallel: the sweep only reads, so its routes are spread over the workers (one worker took 7–9 minutes).
test.describe.configure({ mode: 'parallel', timeout: 180_000 });

const BLOCKING = new Set(['critical', 'serious']);

test.describe('a11y', () => {
  for (const [area, routes] of routesByArea()) {
    test.describe(area, () => {
      for (const route of routes) {
        test(route.pattern, async ({ sweep }) => {
          const problems: string[] = [];
          let opened = 0;
          for (const role of ROLES) {
            const path = await sweep.pathFor(role, route);
            if (!path) continue;
            opened++;
            const page = await sweep.page(role);
            await page.goto(path, { waitUntil: 'load' });
            const { violations } = await new AxeBuilder({ page }).analyze();
            for (const v of violations.filter((v) => BLOCKING.has(v.impact ?? ''))) {
              const targets = v.nodes.slice(0, 5).map((n) => n.target.join(' '));
              const more = v.nodes.length > 5 ? ` (+${v.nodes.length - 5} more)` : '';
              problems.push(`${path} as ${role.key}: ${v.id} (${v.impact}) — ${targets.join(' | ')}${more}`);
            }
          }
          if (route.pattern in NOT_A_PAGE) return;
          expect(opened, `no demo role can open ${route.pattern}: link it from a page, or list it in NOT_A_PAGE`).toBeGreaterThan(0);
          expect(problems, `serious or critical axe violations on ${route.pattern}`).toEqual([]);
        });
      }
    });
  }
});
