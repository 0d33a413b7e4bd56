import { describe, expect, it } from 'vitest';
import { expectNoPageErrors, openPage, sharedBrowser, signInQuickly } from './support/browser.js';

const browser = sharedBrowser();

describe('the content security policy (security finding 10)', () => {
  it('is sent with the pages and lets the console, its maps and the API document run without a violation', async () => {
    const { page, context, problems } = await openPage(browser());
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const answer = await page.goto('/login');
    const headers = answer!.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    await signInQuickly(page, 'dispatcher', '/intake');
    await page.locator('canvas').first().waitFor();
    await page.goto('/measures');
    await page.locator('canvas').first().waitFor();
    await page.goto('/portal');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto('/docs');
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 30_000 });
    expect(violations).toEqual([]);
    expectNoPageErrors(problems);
    await context.close();
  });
});
