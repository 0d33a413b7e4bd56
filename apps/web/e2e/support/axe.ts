import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
// axe-core's own bundle, injected into the page as it is (the engine runs inside the browser)
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a page: a person using a screen reader or a keyboard cannot get past them. */
const BLOCKING = new Set(['critical', 'serious']);

/** One rule broken on a page, with where: enough to find it in the page's source. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** the first offending elements: their CSS selectors and the start of their markup */
  targets: string[];
}

interface AxeResult {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[]; html: string; failureSummary?: string }[];
  }[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA, and axe's best practices) on the page as it stands and returns the
 * critical and serious violations: what a page must not have.
 */
export async function blockingAxeViolations(page: Page): Promise<AxeFinding[]> {
  // let the page's data arrive and its spinners settle: axe judges what is shown
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // evaluated through the debugging protocol: the console's Content-Security-Policy refuses inline scripts
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<unknown> } }).axe.run(
      document,
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        resultTypes: ['violations'],
      },
    ),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact !== null && BLOCKING.has(v.impact))
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes
        .slice(0, 5)
        .map(
          (node) =>
            `${node.target.map(String).join(' ')} → ${node.html.slice(0, 120)} (${node.failureSummary?.slice(0, 200) ?? ''})`,
        ),
    }));
}
