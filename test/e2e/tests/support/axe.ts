import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** No serious or critical axe-core violation on the page as it is now (each named with its first element). */
export async function axeClean(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual(
    []
  );
}

/** axeClean at desktop width and at 390 px, where nothing may scroll sideways; leaves the page at 1280 px. */
export async function axeAtBothWidths(page: Page) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await axeClean(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await axeClean(page);
  // Named in the failure: the elements that stick out past the screen's edge (visually hidden ones may, harmlessly).
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > 391)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${page.url()}: ${wide.join(', ')}`).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
}
