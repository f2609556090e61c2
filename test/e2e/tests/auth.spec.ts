import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, signInAsDemo } from './support/sign-in';

/**
 * Each demo user and the page it lands on after signing in (README, "Demo accounts"). `heading: null`:
 * the page belongs to another area (work queue, agent home), so only its presence is checked here.
 */
const HOMES: { email: string; home: string; heading: string | RegExp | null }[] = [
  { email: 'admin@demo.attentive.test', home: '/admin', heading: 'Admin' },
  { email: 'qa@demo.attentive.test', home: '/work', heading: null },
  { email: 'tl01@demo.attentive.test', home: '/work', heading: null },
  { email: 'agent001@demo.attentive.test', home: '/me', heading: null },
  { email: 'auditor.energy@demo.attentive.test', home: '/client', heading: 'Zonnedijk Energie' },
  { email: 'shopper@demo.attentive.test', home: '/mystery', heading: /Mystery calls/ },
  { email: 'caller@demo.attentive.test', home: '/surveys/queue', heading: /Callback queue/ }
];

function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

for (const { email, home, heading } of HOMES) {
  test(`${email} signs in and lands on ${home}`, async ({ page }) => {
    const csp = watchCsp(page);
    await signInAsDemo(page, email);
    await expect(page).toHaveURL((u) => u.pathname === home);
    await expect(
      heading ? page.getByRole('heading', { level: 1, name: heading }) : page.getByRole('heading', { level: 1 }).first()
    ).toBeVisible();
    // the topbar names the person and offers sign-out
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(csp).toEqual([]);
  });
}

test('pages need a session: an anonymous visitor is sent to sign in and back', async ({ page }) => {
  await page.goto('/admin/people');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fpeople/);
  await page.getByLabel('E-mail').fill('admin@demo.attentive.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL((u) => u.pathname === '/admin/people');
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
});

test('a wrong password is refused with a message, and sign-out ends the session', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill('qa@demo.attentive.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/do not match an account/i);
  await signInAsDemo(page, 'qa@demo.attentive.test');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/work');
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.request.get('/api/me')).status()).toBe(401);
});

test('pages carry the security headers', async ({ page }) => {
  await signInAsDemo(page, 'admin@demo.attentive.test');
  const res = await page.goto('/admin');
  const h = res!.headers();
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy']).toContain("script-src 'self'");
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test("an agent typing another agent's call gets a not-found page", async ({ page, browser }) => {
  // Find a call of another agent, as the admin.
  const adminCtx = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const adminPage = await adminCtx.newPage();
  await signInAsDemo(adminPage, 'admin@demo.attentive.test');
  await signInAsDemo(page, 'agent001@demo.attentive.test');
  const me = await (await page.request.get('/api/me')).json();
  const calls = (await (await adminPage.request.get('/api/calls?limit=100')).json()) as { items: { id: number; agent: { id: number } }[] };
  const foreign = calls.items.find((c) => c.agent.id !== me.personId);
  expect(foreign, 'a call of another agent').toBeTruthy();
  const evals = (await (await adminPage.request.get('/api/evaluations?status=submitted')).json()) as {
    items: { id: number; agentId: number }[];
  };
  const foreignEval = evals.items.find((e) => e.agentId !== me.personId);
  await adminCtx.close();

  const res = await page.goto(`/calls/${foreign!.id}`);
  expect(res!.status()).toBe(404);
  await expect(page.getByText('Not found').first()).toBeVisible();
  // and the API answers exactly as for a call that does not exist
  const api = await page.request.get(`/api/calls/${foreign!.id}`);
  const missing = await page.request.get('/api/calls/999999999');
  expect(api.status()).toBe(404);
  expect(missing.status()).toBe(404);
  // the same for another agent's evaluation (when the demo has one)
  if (foreignEval) {
    expect((await page.goto(`/evaluations/${foreignEval.id}`))!.status()).toBe(404);
    await expect(page.getByText('Not found').first()).toBeVisible();
  }
  // other agents' admin pages do not exist for an agent either
  expect((await page.goto('/admin'))!.status()).toBe(404);
});

test('the admin creates and revokes an API token; the token is shown once', async ({ page }) => {
  await signInAsDemo(page, 'admin@demo.attentive.test');
  await page.goto('/admin/tokens');
  const name = `e2e-${Date.now()}`;
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())!.trim();
  expect(token).toMatch(/^att_/);
  const asToken = await page.request.get('/api/me', { headers: { authorization: `Bearer ${token}` } });
  expect(asToken.status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  page.once('dialog', (d) => d.accept());
  await page
    .getByRole('row', { name: new RegExp(name) })
    .getByRole('button', { name: 'Revoke' })
    .click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('revoked');
  expect((await page.request.get('/api/me', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
});

test('what is typed before the sign-in page has loaded its scripts is kept (slow phone, password manager)', async ({ page }) => {
  // Hold the app's JavaScript back, type into the server-rendered form, then let the page hydrate.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/_app/immutable/**', async (route) => {
    await held;
    await route.continue();
  });
  // 'commit': DOMContentLoaded itself waits for the held module scripts.
  await page.goto('/sign-in', { waitUntil: 'commit' });
  await page.getByLabel('E-mail').fill('qa@demo.attentive.test');
  release();
  await page.waitForLoadState('networkidle');
  await expect(page.getByLabel('E-mail')).toHaveValue('qa@demo.attentive.test');
});

test('after sign-in, a next address that leaves the site is ignored (/\\t/evil.com, //evil.com, /\\evil.com)', async ({
  page,
  baseURL
}) => {
  const origin = new URL(baseURL!).origin;
  let left = false;
  page.on('request', (r) => {
    if (!r.url().startsWith(origin)) left = true;
  });
  for (const next of ['%2F%09%2Fevil.com', '%2F%2Fevil.com', '%2F%5Cevil.com', '%2F.%2F%2Fevil.com', 'https%3A%2F%2Fevil.com']) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${next}`, { waitUntil: 'networkidle' });
    await page.getByLabel('E-mail').fill('qa@demo.attentive.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await expect(page.getByLabel('E-mail')).toHaveValue('qa@demo.attentive.test');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    expect(new URL(page.url()).origin, next).toBe(origin);
    // already signed in: the sign-in page's own redirect ignores it too
    await page.goto(`/sign-in?next=${next}`);
    expect(new URL(page.url()).origin, next).toBe(origin);
  }
  expect(left, 'a request left the site').toBe(false);
  // a next address on the site still works
  await page.context().clearCookies();
  await page.goto('/sign-in?next=%2Fcalls', { waitUntil: 'networkidle' });
  await page.getByLabel('E-mail').fill('qa@demo.attentive.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await expect(page.getByLabel('E-mail')).toHaveValue('qa@demo.attentive.test');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL((u) => u.pathname === '/calls');
});

test("a signed-in person's pages are not cached, carry a Permissions-Policy and no HSTS over http", async ({ page }) => {
  await signInAsDemo(page, 'admin@demo.attentive.test');
  for (const path of ['/admin', '/calls']) {
    const h = (await page.goto(path))!.headers();
    expect(h['cache-control'], path).toBe('no-store');
    expect(h['permissions-policy'], path).toContain('camera=()');
    expect(h['permissions-policy'], path).toContain('autoplay=(self)');
    expect(h['strict-transport-security'], path).toBeUndefined();
  }
  const api = await page.request.get('/api/me');
  expect(api.headers()['cache-control']).toBe('no-store');
  expect(api.headers()['strict-transport-security']).toBeUndefined();
});

test('a page address with another spelling of an id (0x10, +5, 05, 1e1, %201) is not found', async ({ page }) => {
  await signInAsDemo(page, 'admin@demo.attentive.test');
  const calls = (await (await page.request.get('/api/calls?limit=20')).json()) as { items: { id: number }[] };
  const id = calls.items.find((c) => c.id >= 2)!.id;
  expect((await page.goto(`/calls/${id}`))!.status()).toBe(200);
  for (const spelling of [`0x${id.toString(16)}`, `+${id}`, `0${id}`, `${id}e0`, `%20${id}`, `${id}.0`]) {
    expect((await page.goto(`/calls/${spelling}`))!.status(), spelling).toBe(404);
  }
  expect((await page.goto('/admin/people/0x1'))!.status()).toBe(404);
  // ids in a page's query string too: refused, not read as another record; an empty filter still means "all"
  expect((await page.goto(`/calls?agent=0x${id.toString(16)}`))!.status()).toBe(400);
  expect((await page.goto('/coaching/sessions/new?agentId=0x10'))!.status()).toBe(400);
  expect((await page.goto('/calls?agent=&client='))!.status()).toBe(200);
});

test('an admin is asked before removing its own admin role; the last admin cannot remove it at all', async ({ page, browser, baseURL }) => {
  await signInAsDemo(page, 'admin@demo.attentive.test');
  // The demo's only admin: removing its own role is refused outright.
  const me = await (await page.request.get('/api/me')).json();
  await page.goto(`/admin/people/${me.personId}`);
  await page.getByRole('button', { name: 'Remove Admin' }).click();
  await expect(page.getByRole('status')).toContainText(/last admin/);

  // A second admin, created through the API as the first one.
  const origin = { origin: new URL(baseURL!).origin };
  const code = `E2EADM${Date.now().toString(36).toUpperCase()}`;
  const person = await (await page.request.post('/api/admin/people', { headers: origin, data: { code, name: 'Second Admin' } })).json();
  const email = `${code.toLowerCase()}@demo.attentive.test`;
  expect(
    (
      await page.request.post(`/api/admin/people/${person.id}/account`, {
        headers: origin,
        data: { email, password: 'second admin password' }
      })
    ).status()
  ).toBe(201);
  expect((await page.request.post(`/api/admin/people/${person.id}/roles`, { headers: origin, data: { role: 'admin' } })).status()).toBe(
    201
  );

  const ctx = await browser.newContext({ baseURL });
  const second = await ctx.newPage();
  await second.goto('/sign-in', { waitUntil: 'networkidle' });
  await second.getByLabel('E-mail').fill(email);
  await second.getByLabel('Password').fill('second admin password');
  await expect(second.getByLabel('E-mail')).toHaveValue(email);
  await second.getByRole('button', { name: 'Sign in' }).click();
  await second.waitForURL((u) => u.pathname === '/admin');
  await second.goto(`/admin/people/${person.id}`);
  await second.getByRole('button', { name: 'Remove Admin' }).click();
  const dialog = second.getByRole('alertdialog');
  await expect(dialog).toContainText('Remove your own admin role?');
  // Keeping it changes nothing.
  await dialog.getByRole('link', { name: 'Keep it' }).click();
  await expect(second.getByRole('button', { name: 'Remove Admin' })).toBeVisible();
  await second.getByRole('button', { name: 'Remove Admin' }).click();
  await second.getByRole('button', { name: 'Remove my admin role' }).click();
  await second.waitForURL((u) => !u.pathname.startsWith('/admin'));
  expect((await second.request.get('/api/admin/teams')).status()).toBe(403);
  await ctx.close();
});
