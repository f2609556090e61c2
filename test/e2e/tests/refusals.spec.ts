import { expect, test } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

/**
 * Pages guarded by what the person may do (GET /api/me `can`): a page the person may not use answers 404
 * "Not found", the same on every page (issue 11: /coaching answered 403), and the navigation shows exactly
 * the guarded pages the person may open.
 */
const GUARDED = ['/work', '/coaching', '/me', '/admin', '/calls/import', '/sampling', '/sampling/plans/new', '/client'] as const;
// /calls/import is one click from /calls (the calls list links it for those who may import), not in the header
const IN_NAV = new Set(['/work', '/coaching', '/me', '/admin', '/sampling', '/client']);

const WHO: { email: string; may: (typeof GUARDED)[number][] }[] = [
  { email: 'agent001@demo.attentive.test', may: ['/me'] },
  { email: 'tl01@demo.attentive.test', may: ['/work', '/coaching'] },
  { email: 'auditor.energy@demo.attentive.test', may: ['/sampling', '/client'] },
  { email: 'shopper@demo.attentive.test', may: [] }
];

for (const { email, may } of WHO) {
  test(`${email}: a page it may not use is 404 "Not found"; the nav lists the rest`, async ({ page }) => {
    await signInAsDemo(page, email);
    const nav = (
      await page.locator('header nav a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))
    ).filter((h) => GUARDED.includes(h as never));
    expect(nav.sort()).toEqual(may.filter((p) => IN_NAV.has(p)).sort());
    for (const path of GUARDED) {
      const res = await page.goto(path);
      if (may.includes(path)) {
        expect(res!.status(), path).toBe(200);
      } else {
        expect(res!.status(), path).toBe(404);
        await expect(page.getByText('Not found').first(), path).toBeVisible();
      }
    }
  });
}

test("a team lead never lists an agent's open self-evaluation draft (sealed until the agent submits)", async ({ page }) => {
  await signInAsDemo(page, 'tl01@demo.attentive.test');
  // The demo has an open self-evaluation request in tl01's team: its draft exists, and stays sealed.
  const requests = (await (await page.request.get('/api/coaching/self-evaluations')).json()) as { items: { status: string }[] };
  expect(requests.items.some((r) => r.status === 'open')).toBe(true);
  const drafts = (await (await page.request.get('/api/evaluations?kind=self&status=draft&limit=200')).json()) as { items: unknown[] };
  expect(drafts.items).toEqual([]);
});
