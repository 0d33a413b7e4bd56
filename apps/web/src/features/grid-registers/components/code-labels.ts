import { type CodeLabel, codeLabel } from '@shanzhi/shared';
import type { Locale } from '../../../i18n/locale.js';

/** The label of a code of a register's code table in the interface's language. */
export function labelOf(
  table: readonly CodeLabel[],
  code: string | null | undefined,
  locale: Locale,
): string {
  return code ? codeLabel(table, code, locale === 'en' ? 'en' : 'zh') : '—';
}

/** A code table as the options of a select. */
export function optionsOf<C extends string>(table: readonly CodeLabel<C>[], locale: Locale) {
  return table.map((row) => ({ value: row.code, label: locale === 'en' ? row.en : row.zh }));
}

/** A share (0–1) as a per cent with one decimal, or — when there is none. */
export function percentText(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}

/** An instant as a Beijing date and time (`2026-11-20 09:30`), as the console writes it. */
export function beijingDateTime(iso: string | null): string {
  if (!iso) return '—';
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
