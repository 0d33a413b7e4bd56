/**
 * The placeholders a reply template (标准回复样板) may use, with what each stands for. A placeholder is written
 * in braces in the body, e.g. `{citizenName}`; the handler's screen fills them from the case.
 */
export const REPLY_TEMPLATE_PLACEHOLDERS = {
  citizenName: '诉求人称呼',
  caseNumber: '工单编号',
  unitName: '承办单位',
  date: '日期',
  handlerName: '承办人',
  categoryName: '事项类别',
  address: '事发地点',
} as const;

/** Name of a known placeholder. */
export type ReplyTemplatePlaceholder = keyof typeof REPLY_TEMPLATE_PLACEHOLDERS;

/** Values to put into a template: any placeholder name → its text; missing or empty ones stay visible. */
export type ReplyTemplateValues = Partial<Record<ReplyTemplatePlaceholder, string>> & Record<string, string>;

// An identifier in braces; `{ }`, `{1}` or `{中文}` are ordinary text, never placeholders.
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]{0,39})\}/g;

/** The placeholder names a template body uses, each once, in order of first appearance. */
export function placeholdersOf(body: string): string[] {
  return [...new Set(Array.from(body.matchAll(PLACEHOLDER), (m) => m[1]!))];
}

/** The placeholder names of a body that the platform does not know (a typo such as `{citizenname}`). */
export function unknownPlaceholdersOf(body: string): string[] {
  return placeholdersOf(body).filter((name) => !Object.hasOwn(REPLY_TEMPLATE_PLACEHOLDERS, name));
}

/**
 * Fills a reply template: each `{name}` with a non-empty value becomes that value; a placeholder without a
 * value (unknown, missing or blank) is left as written, so the handler sees what still needs filling in
 * rather than a silent gap in a letter to a citizen. Values are inserted literally, never re-expanded.
 */
export function fillReplyTemplate(body: string, values: ReplyTemplateValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined || value.trim() === '' ? whole : value;
  });
}
