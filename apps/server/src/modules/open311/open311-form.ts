/** A parsed form: each field once, or all its values when it came several times. */
export type Open311Form = Record<string, string | string[]>;

/** Fields of a form that may carry many values and keep their brackets' meaning (`attribute[code][]`). */
const ARRAY_SUFFIX = '[]';

/**
 * An `application/x-www-form-urlencoded` body (what GeoReport v2 clients post) as fields: a repeated field
 * becomes the list of its values (`media_url` sent three times, a multi-value list sent as
 * `attribute[code][]=a&attribute[code][]=b`); `attribute[code][]` is folded into `attribute[code]`.
 */
export function parseOpen311Form(body: string): Open311Form {
  const form: Open311Form = Object.create(null);
  for (const [rawName, value] of new URLSearchParams(body)) {
    const name = rawName.endsWith(ARRAY_SUFFIX) ? rawName.slice(0, -ARRAY_SUFFIX.length) : rawName;
    const before = form[name];
    if (before === undefined) form[name] = rawName.endsWith(ARRAY_SUFFIX) ? [value] : value;
    else form[name] = [...(Array.isArray(before) ? before : [before]), value];
  }
  return { ...form };
}

/** The first value of a field, trimmed; undefined when absent or empty (GeoReport: empty is absent). */
export function firstValue(value: string | readonly string[] | undefined): string | undefined {
  const first = (typeof value === 'string' ? value : value?.[0])?.trim();
  return first ? first : undefined;
}

/** The answers of `attribute[code]` fields, by code. */
export function attributeAnswersOf(
  form: Readonly<Record<string, unknown>>,
): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(form)) {
    const code = /^attribute\[([^\]]+)\]$/.exec(name)?.[1];
    if (code === undefined) continue;
    if (typeof value === 'string') answers[code] = value;
    else if (Array.isArray(value)) answers[code] = value.filter((v): v is string => typeof v === 'string');
  }
  return answers;
}
