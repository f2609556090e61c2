import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './sign-in';

/**
 * Support for the sweeps (a11y-sweep.spec.ts, phone-sweep.spec.ts): every page route of apps/web, found in
 * its routes directory (a new page is swept without anyone adding it here), opened with real demo ids as
 * every role that can open it.
 */

const ROUTES_DIR = new URL('../../../../apps/web/src/routes', import.meta.url).pathname;

export type Route = {
  /** `/calls/[id]`, as the directory names it (route groups `(x)` dropped). */
  pattern: string;
  /** The first segment (`calls`, `admin`, …; `root` for `/`): the sweeps' describe blocks, for `-g <area>`. */
  area: string;
};

/** Every directory under src/routes with a +page.svelte, in path order. */
export function pageRoutes(): Route[] {
  const found: Route[] = [];
  const walk = (dir: string, segments: string[]) => {
    if (existsSync(join(dir, '+page.svelte'))) {
      const kept = segments.filter((s) => !/^\(.*\)$/.test(s));
      found.push({ pattern: '/' + kept.join('/'), area: kept[0] ?? 'root' });
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), [...segments, entry.name]);
    }
  };
  walk(ROUTES_DIR, []);
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Routes grouped by area, in a stable order. */
export function routesByArea(routes = pageRoutes()): [string, Route[]][] {
  const byArea = new Map<string, Route[]>();
  for (const r of routes) byArea.set(r.area, [...(byArea.get(r.area) ?? []), r]);
  return [...byArea.entries()];
}

/**
 * Routes that are not a page for anybody: they only send a person on. Listed with the reason, so a route
 * that no role can open for another reason (a forgotten id source, a broken guard) fails the sweep.
 */
export const NOT_A_PAGE: Record<string, string> = {
  '/': 'redirects every visitor to the home of its role (or to /sign-in)',
  '/surveys/queue/[id]':
    "a survey caller's script opens only for the item it claimed (a POST from the queue, not a link): axe-checked in survey-queue.spec.ts",
  '/client/rescores/[id]':
    "a client's re-score exists only once its auditor asks for one (the demo has none): client-rescore.spec.ts makes one and opens it (axe)",
  '/client/rescores/[id]/items/[itemId]':
    "an item of a client's re-score (made by the auditor's request, none in the demo): client-rescore.spec.ts opens it, before and after scoring (axe)",
  '/s/[token]':
    "a customer's survey link: its token is in the invitation e-mail only; survey-links.spec.ts opens it (axe in nl and en, 390 px)"
};

export type Role = { key: string; email: string | null };

export const ROLES: Role[] = [
  { key: 'admin', email: 'admin@demo.attentive.test' },
  { key: 'qa', email: 'qa@demo.attentive.test' },
  { key: 'tl01', email: 'tl01@demo.attentive.test' },
  { key: 'agent001', email: 'agent001@demo.attentive.test' },
  { key: 'auditor.energy', email: 'auditor.energy@demo.attentive.test' },
  // The mystery shopper's home and form (/mystery, /mystery/assignments/[id]) are its alone.
  { key: 'shopper', email: 'shopper@demo.attentive.test' },
  // The survey caller's queue (/surveys/queue) is its home.
  { key: 'caller', email: 'caller@demo.attentive.test' },
  // /sign-in is a page for a person who is not signed in (everybody else is sent on from it).
  { key: 'signed-out', email: null }
];

const isDynamic = (pattern: string) => pattern.includes('[');

function patternRegex(pattern: string): RegExp {
  const body = pattern
    .split('/')
    .map((s) => (/^\[.*\]$/.test(s) ? '[^/?#]+' : s.replace(/[.*+?^${}()|\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body === '' ? '/' : body}$`);
}

/**
 * Same-origin paths (no query) that a server-rendered page links to. SvelteKit renders them relative
 * (`./calls/12`, `../runs/3`: `paths.relative`), so each is resolved against the page's own address.
 */
function linksIn(html: string, from: string): string[] {
  const base = new URL(from, 'http://page.invalid');
  const out = new Set<string>();
  for (const [, href = ''] of html.matchAll(/href="([^"]*)"/g)) {
    const url = new URL(href.replaceAll('&amp;', '&'), base);
    if (url.origin !== base.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/_app/')) continue;
    out.add(url.pathname + url.search);
  }
  return [...out];
}

/**
 * Playwright starts a new worker after every failed test; the sign-ins and the routes found per role are kept
 * in a file in the run's temporary directory (global-setup.ts), so a sweep with failures stays as fast.
 */
type Cache = {
  storage: Record<string, Awaited<ReturnType<BrowserContext['storageState']>>>;
  paths: Record<string, Record<string, string>>;
};
// One file per server (each e2e worker has its own server and copy of the database): a session signed in on one
// server does not exist on the other's copy, and ids found on one need not be the other's.
const cacheFile = () => {
  const db = new URL(process.env.E2E_DATABASE_URL!).pathname;
  return join(dirname(db), `sweep-cache-${basename(db)}.json`);
};
function readCache(): Cache {
  try {
    return JSON.parse(readFileSync(cacheFile(), 'utf8')) as Cache;
  } catch {
    return { storage: {}, paths: {} };
  }
}
function updateCache(change: (c: Cache) => void) {
  const c = readCache();
  change(c);
  writeFileSync(cacheFile(), JSON.stringify(c));
}

type Kind = { name: string; contextOptions: Parameters<Browser['newContext']>[0] };

/**
 * One signed-in browser page per role (one sign-in each, reused by every test of the run), and for each role
 * which routes it can open, with real ids: a dynamic route `/calls/[id]` is filled with the first link of that
 * shape found by following, from the role's own pages, the links the server renders (what the role can reach).
 */
export class Sweep {
  private sessions = new Map<string, Promise<{ context: BrowserContext; page: Page }>>();
  private reachable = new Map<string, Promise<Map<string, string>>>();

  constructor(
    private browser: Browser,
    private baseURL: string,
    private kind: Kind
  ) {}

  page(role: Role): Promise<Page> {
    if (!this.sessions.has(role.key)) this.sessions.set(role.key, this.open(role));
    return this.sessions.get(role.key)!.then((s) => s.page);
  }

  private async open(role: Role) {
    const saved = readCache().storage[role.key];
    const context = await this.browser.newContext({
      baseURL: this.baseURL,
      bypassCSP: true,
      ...this.kind.contextOptions,
      ...(saved ? { storageState: saved } : {})
    });
    const page = await context.newPage();
    // A kept sign-in must still be one on this server (a sweep that went on signed out would check the sign-in page).
    const stale = role.email && saved ? (await page.request.get('/api/me')).status() !== 200 : false;
    if (role.email && (!saved || stale)) {
      await page.goto('/sign-in', { waitUntil: 'networkidle' });
      await page.locator('input[name=email]').fill(role.email);
      await page.locator('input[name=password]').fill(DEMO_PASSWORD);
      await page.locator('form button[type=submit]').click();
      await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
      const state = await context.storageState();
      updateCache((c) => (c.storage[role.key] = state));
    }
    return { context, page };
  }

  /** The concrete path of `route` for `role`, or null when the role cannot open it. */
  async pathFor(role: Role, route: Route): Promise<string | null> {
    if (!this.reachable.has(role.key)) {
      const saved = readCache().paths[role.key];
      this.reachable.set(
        role.key,
        saved
          ? Promise.resolve(new Map(Object.entries(saved)))
          : this.discover(role).then((found) => {
              updateCache((c) => (c.paths[role.key] = Object.fromEntries(found)));
              return found;
            })
      );
    }
    return (await this.reachable.get(role.key)!).get(route.pattern) ?? null;
  }

  /** Which routes the role opens (200, not sent on), each with one concrete path. */
  private async discover(role: Role): Promise<Map<string, string>> {
    const page = await this.page(role);
    const routes = pageRoutes();
    const statics = routes.filter((r) => !isDynamic(r.pattern));
    const dynamics = routes.filter((r) => isDynamic(r.pattern)).map((r) => ({ r, re: patternRegex(r.pattern) }));
    const staticSet = new Set(statics.map((r) => r.pattern));
    const found = new Map<string, string>();
    const opens = async (path: string): Promise<string | null> => {
      const res = await page.request.get(path, { maxRedirects: 0 });
      return res.status() === 200 ? await res.text() : null;
    };

    const queue: string[] = [];
    const seen = new Set<string>();
    const enqueue = (html: string, from: string) => {
      for (const link of linksIn(html, from)) if (!seen.has(link)) queue.push(link);
    };
    for (const r of statics) {
      seen.add(r.pattern);
      const html = await opens(r.pattern);
      if (html === null) continue;
      found.set(r.pattern, r.pattern);
      enqueue(html, r.pattern);
    }
    // Breadth first through the links, until every route has a path or nothing new is left. A static route
    // that needs its query (`/coaching/sessions/new?agent=9`) is found this way too.
    const shapes = [...statics.map((r) => ({ r, re: patternRegex(r.pattern) })), ...dynamics];
    let budget = 80;
    while (queue.length > 0 && budget > 0 && shapes.some((d) => !found.has(d.r.pattern))) {
      const link = queue.shift()!;
      if (seen.has(link)) continue;
      seen.add(link);
      const pathname = link.split('?')[0]!;
      const match = shapes.find((d) => d.re.test(pathname) && (!isDynamic(d.r.pattern) || !staticSet.has(pathname)));
      // Follow only links of a route we still miss (one of each is enough).
      if (!match || found.has(match.r.pattern)) continue;
      budget--;
      const html = await opens(link);
      if (html === null) continue;
      found.set(match.r.pattern, link);
      enqueue(html, link);
    }
    return found;
  }

  async close() {
    for (const s of this.sessions.values()) await (await s).context.close();
  }
}

/** A test with a worker-wide `sweep` (signed-in pages and the routes per role), built once per run. */
export function sweepTest(kind: Kind) {
  return base.extend<object, { sweep: Sweep }>({
    sweep: [
      async ({ browser }, use) => {
        const sweep = new Sweep(browser, process.env.E2E_BASE_URL!, kind);
        await use(sweep);
        await sweep.close();
      },
      { scope: 'worker' }
    ]
  });
}
