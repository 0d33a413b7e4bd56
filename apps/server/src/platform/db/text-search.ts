/** `text` with the LIKE wildcards `%` and `_` and the escape `\` escaped. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** An ILIKE pattern matching values that contain `text` literally. */
export function containsPattern(text: string): string {
  return `%${literal(text)}%`;
}

/** A LIKE pattern matching values that begin with `text` literally (an org path, an order's number). */
export function prefixPattern(text: string): string {
  return `${literal(text)}%`;
}
