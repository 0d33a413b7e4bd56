import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, vi } from 'vitest';
import { DEMO_PASSWORD } from './demo-accounts.js';

export { DEMO_PASSWORD };

const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Debian's Chromium, driven headless; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * One browser for a test file: launched before its tests and closed after them. Returns its getter (the
 * browser exists once the tests run).
 */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is launched before the tests run');
    return browser;
  };
}

/**
 * A fresh browser context (no cookies) on the server under test, as an office desktop in Beijing time; with
 * `forwardedFor`, as a client at that address (the server trusts the loopback proxy's X-Forwarded-For).
 */
export async function openPage(
  browser: Browser,
  options: { width?: number; height?: number; forwardedFor?: string } = {},
) {
  const context: BrowserContext = await browser.newContext({
    baseURL: inject('baseUrl'),
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    ...(options.forwardedFor ? { extraHTTPHeaders: { 'x-forwarded-for': options.forwardedFor } } : {}),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

/** Signs in through the login page and waits for the console's menu. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.getByRole('navigation', { name: '主菜单' }).waitFor();
}

/**
 * Signs in through the API (the session cookie lands in the page's context) and opens `path`: quicker than
 * the form, for tests about what comes after signing in.
 */
export async function signInQuickly(page: Page, username: string, path = '/'): Promise<void> {
  const answer = await page.request.post('/api/v1/auth/login', {
    data: { username, password: DEMO_PASSWORD },
  });
  expect(answer.status()).toBe(200);
  await page.goto(path);
  // the side menu, or at phone width the button that opens it
  await page
    .getByRole('navigation', { name: '主菜单' })
    .or(page.getByRole('button', { name: '打开菜单' }))
    .waitFor();
}

/** The labels of the side menu's pages, in order. */
export async function menuLabels(page: Page): Promise<string[]> {
  const items = page
    .getByRole('navigation', { name: '主菜单' })
    .locator('li.ant-menu-item .ant-menu-title-content');
  return (await items.allInnerTexts()).map((text) => text.trim());
}

/** Saves a full-page screenshot under `apps/web/e2e/screenshots/<name>.png` (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Let spinners settle and charts finish their first animation.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForTimeout(300);
  // From the top, so that the sticky header sits where a person sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Fails on uncaught page errors; console noise that is not ours is left to the reader of the log. */
export function expectNoPageErrors(problems: string[]): void {
  expect(problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
}

/**
 * Clicks the map (the first canvas on the page) until a point inside a grid is located — the city has
 * deserts between its towns. `locateUrl` is the route the page locates with (staff or portal).
 */
export async function pickPointOnMap(page: Page, locateUrl: string): Promise<void> {
  const canvas = page.locator('canvas').first();
  await canvas.waitFor();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no map');
  for (const [fx, fy] of [
    [0.5, 0.5],
    [0.45, 0.35],
    [0.55, 0.65],
    [0.4, 0.55],
    [0.6, 0.4],
    [0.5, 0.3],
    [0.35, 0.45],
    [0.65, 0.55],
  ] as const) {
    const located = page.waitForResponse((r) => r.url().includes(locateUrl));
    await canvas.click({ position: { x: box.width * fx, y: box.height * fy } });
    const body = (await (await located).json()) as { grid?: unknown };
    if (body.grid) return;
  }
  throw new Error('no grid found under eight clicks');
}

/**
 * Picks the node titled `title` in the tree select labelled `label` inside `scope` (a dialog), and waits until
 * the select shows it. A click that lands while the dropdown is still opening on a busy machine is lost, as
 * it would be for a person, who clicks again: so does this, twice at most.
 */
export async function pickInTreeSelect(
  page: Page,
  scope: Locator,
  label: string,
  title: string,
): Promise<void> {
  const picked = scope.locator('.ant-select-selection-item', { hasText: title });
  const node = page.locator('.ant-select-tree-title', { hasText: title }).first();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await node.isVisible())) await scope.getByLabel(label).click();
    await node.click();
    if (
      await picked.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  await picked.waitFor();
}

/** The select (its whole box) whose input is labelled `field` in `scope`. */
function selectBox(scope: Locator, field: string): Locator {
  return scope
    .getByLabel(field)
    .locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
}

/**
 * Picks `option` in the select labelled `field` of `scope` (a dialog, a form). The click goes to the select's
 * box (its chosen value lies over the input) once the box stands still: a click while a dialog still zooms in
 * may land on the mask behind it and close the dialog. A click that leaves the list closed is followed by
 * another until the option can be picked. For a select that searches the server as one types, `search` is
 * typed into it each time, so keys lost to a closed list do not matter.
 */
export async function chooseOption(
  page: Page,
  scope: Locator,
  field: string,
  option: string,
  search?: string,
): Promise<void> {
  const chosen = selectBox(scope, field).locator('.ant-select-selection-item', { hasText: option });
  await vi.waitFor(
    async () => {
      // a click that landed before the one that threw must not be undone: in a multiple select it would toggle
      if ((await chosen.count()) > 0) return;
      await selectBox(scope, field).click();
      if (search !== undefined) await scope.getByLabel(field).fill(search);
      await page
        .locator('.ant-select-item-option:visible', { hasText: option })
        .first()
        .click({ timeout: search === undefined ? 3_000 : 8_000 });
    },
    { timeout: 30_000, interval: 500 },
  );
}

/**
 * Folds away the list of a multiple select in `dialog`, which stays open after each pick. Escape would fold it,
 * but an Escape that comes after the list folded by itself closes the dialog; a click on the dialog's title never
 * does.
 */
export async function foldOptions(dialog: Locator): Promise<void> {
  await dialog.locator('.ant-modal-title').click();
}

/**
 * Ticks a checkbox or a radio. A click that lands while an overlay above it still folds away, or while a dialog
 * still zooms in, leaves it unticked; ticking again is harmless, so it is tried until the box reads ticked. A
 * radio button's own input is hidden: `face`, what a person clicks (its label), is clicked instead.
 */
export async function tick(box: Locator, face?: Locator): Promise<void> {
  await vi.waitFor(
    async () => {
      if (!face) return box.check({ timeout: 3_000 });
      if (!(await box.isChecked())) await face.click({ timeout: 3_000 });
      if (!(await box.isChecked())) throw new Error('not ticked yet');
    },
    { timeout: 30_000, interval: 500 },
  );
}
