import type { FormInstance } from 'antd';
import type { z } from 'zod';

/**
 * The shared schema's refusal of a petition form before sending: each issue on its field when the form shows
 * it (a petitioner's by his place in the list), the rest joined for the alert above; null when all were placed.
 */
export function placeSchemaIssues(
  form: FormInstance,
  error: z.ZodError,
  known: readonly string[],
): string | null {
  const issues = error.issues.map((i) => ({
    name: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));
  const placed = issues.filter((i) => known.includes(i.name.join('.')) && i.name.length !== 1);
  form.setFields(placed.map((i) => ({ name: i.name, errors: [i.message] })));
  const rest = issues.filter((i) => !placed.includes(i)).map((i) => i.message);
  return rest.length > 0 ? rest.join('；') : null;
}
