import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** antd puts a space between the two characters of a two-character button (受 理): a name matching either way. */
export function buttonName(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s*')}$`);
}

/** A dialog of the page, as its fields are filled in. */
export type ActionDialog = ReturnType<Page['getByRole']>;

/**
 * Takes lifecycle action `action` from the action bar with test id `bar` (`petition-actions` …): opens its
 * dialog — the one titled by the action when `titled`, not one still folding away —, lets `fill` fill it,
 * confirms, and waits for the server's 200.
 */
export async function takeLifecycleAction(
  page: Page,
  bar: string,
  action: string,
  fill: (dialog: ActionDialog) => Promise<void> = async () => undefined,
  options: { titled?: boolean } = {},
): Promise<void> {
  await page
    .getByTestId(bar)
    .getByRole('button', { name: buttonName(action) })
    .click();
  const dialog = options.titled
    ? page.getByRole('dialog', { name: buttonName(action) })
    : page.getByRole('dialog');
  await dialog.waitFor();
  await fill(dialog);
  const answer = page.waitForResponse(
    (r) => r.url().includes('/actions/') && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: buttonName(action) }).click();
  const response = await answer;
  expect(response.status(), `${action}: ${await response.text()}`).toBe(200);
  await dialog.waitFor({ state: 'hidden' });
}
