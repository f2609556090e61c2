import { expect, test, type Page } from '@playwright/test';
import { signInAsDemo } from './support/sign-in';

/**
 * No link in the app leads nowhere: for each role, every same-origin link on the pages its navigation
 * reaches (and on the page it lands on) answers below 400. Links that change state (sign-out) are left
 * out; links that differ only in their ids are followed twice, not hundreds of times.
 */
const ROLES = [
  { who: 'admin (ADM01)', email: 'admin@demo.attentive.test' },
  { who: 'QA analyst (QA01)', email: 'qa@demo.attentive.test' },
  { who: 'team lead (TL01)', email: 'tl01@demo.attentive.test' },
  { who: 'agent (AG001)', email: 'agent001@demo.attentive.test' },
  { who: 'client auditor (CA-ENERGY)', email: 'auditor.energy@demo.attentive.test' },
  { who: 'mystery shopper (MS01)', email: 'shopper@demo.attentive.test' }
];

const SKIP = [/^\/sign-out/, /^\/sign-in/];
const shape = (path: string) => path.replace(/\/\d+(?=\/|$)/g, '/:id').replace(/\?.*$/, '');
const PER_SHAPE = 2;

async function sameOriginLinks(page: Page): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  return [...new Set(hrefs)]
    .map((h) => new URL(h))
    .filter((u) => u.origin === origin && !SKIP.some((r) => r.test(u.pathname)))
    .map((u) => u.pathname + u.search);
}

for (const role of ROLES) {
  test(`every link a ${role.who} can follow leads somewhere`, async ({ page }) => {
    test.setTimeout(180_000);
    await signInAsDemo(page, role.email);
    const landing = new URL(page.url()).pathname;
    const checked = new Map<string, number>();
    const perShape = new Map<string, number>();
    const broken: string[] = [];
    const check = async (path: string, from: string) => {
      if (checked.has(path)) return;
      const s = shape(path);
      if ((perShape.get(s) ?? 0) >= PER_SHAPE) return;
      perShape.set(s, (perShape.get(s) ?? 0) + 1);
      const res = await page.request.get(path, { maxRedirects: 5 });
      checked.set(path, res.status());
      if (res.status() >= 400) broken.push(`${path} → ${res.status()} (linked from ${from})`);
    };

    // The main pages: the landing page and every page its navigation links to.
    const main = [landing, ...(await sameOriginLinks(page))].filter((p, i, all) => all.indexOf(p) === i && !p.startsWith('/api/'));
    for (const path of main) {
      await check(path, landing);
      if ((checked.get(path) ?? 500) >= 400) continue;
      await page.goto(path);
      for (const link of await sameOriginLinks(page)) await check(link, path);
    }
    expect(checked.size).toBeGreaterThan(3);
    expect(broken, `broken links for ${role.who}`).toEqual([]);
  });
}
