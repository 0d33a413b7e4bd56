/**
 * Stable error codes. Clients key on these, so a code is never renamed or reused; add new ones instead.
 * The HTTP status of each lives beside it so that the server and the web app agree on it.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  MALFORMED_REQUEST: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  ORG_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  CATEGORY_NOT_FOUND: 404,
  CALENDAR_YEAR_NOT_FOUND: 404,
  POINT_OUTSIDE_CITY: 404,
  CASE_NOT_FOUND: 404,
  /** an attachment that does not exist */
  ATTACHMENT_NOT_FOUND: 404,
  /** a notification that does not exist or is someone else's */
  NOTIFICATION_NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE_CODE: 409,
  DUPLICATE_USERNAME: 409,
  ORG_CYCLE: 409,
  ORG_HAS_ACTIVE_CHILDREN: 409,
  ORG_KIND_NOT_ALLOWED: 400,
  INVALID_GEOMETRY: 400,
  INVALID_CALENDAR: 400,
  /** an export whose filter matches more rows than one file may hold: narrow the filter */
  EXPORT_TOO_LARGE: 400,
  VERSION_CONFLICT: 409,
  TRANSITION_NOT_ALLOWED: 409,
  /** a return after the acceptance limit ran out */
  RETURN_WINDOW_CLOSED: 409,
  /** an extension asked for twice, beyond the maximum, or approved/refused with none pending */
  EXTENSION_NOT_ALLOWED: 409,
  /** a merge into itself, into a merged, closed or void case, or an unmerge of a case not merged */
  MERGE_NOT_ALLOWED: 409,
  /** an escalation from the top of the tree */
  ESCALATION_NOT_POSSIBLE: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NOT_READY: 503,
} as const;

/** One of the stable error codes. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** A field that failed validation: its path in the input and why. */
export interface FieldError {
  /** dotted path of the field, e.g. `boundary.coordinates.0` */
  field: string;
  /** machine-readable reason (zod issue code or a domain code) */
  code: string;
  /** a sentence for people */
  message: string;
}

/** The body of every error answer of the API. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: FieldError[];
  };
}
