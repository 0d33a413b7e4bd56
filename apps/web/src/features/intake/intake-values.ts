import { RegisterInput } from '@shanzhi/shared';
import type { PickedPlace } from '../cases/components/LocationField.js';

/** The fields of the intake form, as `RegisterInput` names them. */
export const INTAKE_FIELDS = [
  'citizenPhone',
  'citizenName',
  'anonymous',
  'keepPrivate',
  'source',
  'channelCode',
  'externalRef',
  'type',
  'priority',
  'categoryId',
  'title',
  'content',
  'address',
  'location',
] as const;

/** What a new call starts from: a 12345 hotline complaint of normal priority, the caller named and public. */
export const INTAKE_INITIAL = {
  source: 'hotline_12345',
  type: 'complaint',
  priority: 'normal',
  anonymous: false,
  keepPrivate: false,
};

/** The request body from the form's values: empty text left out, the picked point as the location. */
export function bodyOf(values: Record<string, unknown>, place: PickedPlace | null): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of INTAKE_FIELDS) {
    const value = values[name];
    if (typeof value === 'string') {
      if (value.trim() !== '') body[name] = value.trim();
    } else if (value !== undefined && value !== null) body[name] = value;
  }
  if (place) body.location = { longitude: place.point.lng, latitude: place.point.lat };
  return body;
}

/**
 * The form checked against the shared schema before it is sent, so the agent reads what the server would say:
 * the valid body, or the first message for each field of the form and the messages no field can show.
 */
export type IntakeCheck =
  | { ok: true; body: RegisterInput }
  | { ok: false; errors: Map<string, string>; unplaced: string[] };

/** Checks the form's values (and the picked place) against `RegisterInput`; see `IntakeCheck`. */
export function checkIntake(values: Record<string, unknown>, place: PickedPlace | null): IntakeCheck {
  const check = RegisterInput.safeParse(bodyOf(values, place));
  if (check.success) return { ok: true, body: check.data };
  const errors = new Map<string, string>();
  const unplaced: string[] = [];
  for (const issue of check.error.issues) {
    const name = String(issue.path[0] ?? '');
    if ((INTAKE_FIELDS as readonly string[]).includes(name))
      errors.set(name, errors.get(name) ?? issue.message);
    else unplaced.push(issue.message);
  }
  return { ok: false, errors, unplaced };
}
