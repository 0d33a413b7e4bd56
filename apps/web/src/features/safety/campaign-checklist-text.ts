import type { CampaignChecklistItem } from '@shanzhi/shared';

/** What separates an item's text from its basis on a line of the checklist's text. */
export const BASIS_SEPARATOR = '｜';

/** A campaign checklist as editable text: one item a line, `检查内容｜检查依据`. */
export function formatChecklistText(items: readonly CampaignChecklistItem[]): string {
  return items.map((i) => `${i.text}${BASIS_SEPARATOR}${i.basis}`).join('\n');
}

/** The checklist a text gives, or the numbers (from 1) of its lines that lack a text or a basis. */
export type ParsedChecklist = { items: CampaignChecklistItem[] } | { badLines: number[] };

/**
 * Reads a checklist's text: each non-blank line is `检查内容｜检查依据` (a half-width `|` is taken too); a line
 * without both parts is bad.
 */
export function parseChecklistText(text: string): ParsedChecklist {
  const items: CampaignChecklistItem[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const at = line.search(/[｜|]/);
    const itemText = at < 0 ? '' : line.slice(0, at).trim();
    const basis = at < 0 ? '' : line.slice(at + 1).trim();
    if (itemText === '' || basis === '') badLines.push(index + 1);
    else items.push({ text: itemText, basis });
  });
  return badLines.length > 0 ? { badLines } : { items };
}
