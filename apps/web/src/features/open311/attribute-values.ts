import type { Open311AttributeValue } from '@shanzhi/shared';

/**
 * The options of a list attribute as an administrator types them, one per line: `key=名称` (or a bare
 * name, whose key is its line number). Blank lines are skipped.
 */
export function parseAttributeValues(text: string): Open311AttributeValue[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => {
      const cut = line.indexOf('=');
      if (cut < 0) return { key: String(i + 1), name: line };
      return { key: line.slice(0, cut).trim(), name: line.slice(cut + 1).trim() };
    });
}

/** The options of a list attribute as the editor shows them: `key=名称`, one per line. */
export function formatAttributeValues(values: readonly Open311AttributeValue[]): string {
  return values.map((v) => `${v.key}=${v.name}`).join('\n');
}
