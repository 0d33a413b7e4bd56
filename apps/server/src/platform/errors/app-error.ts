import { ERROR_CODES, type ErrorCode, type FieldError } from '@shanzhi/shared';

/**
 * An error meant for the caller: a stable code, a message for people and, for validation, the failing
 * fields. Its HTTP status follows from the code.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;

  constructor(code: ErrorCode, message: string, fields?: FieldError[]) {
    super(message);
    this.code = code;
    this.fields = fields;
  }

  /** HTTP status of this error. */
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

/** A 400 for one failing field. */
export function fieldError(field: string, code: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ field, code, message }]);
}

/** A 409 for a write based on a stale read: `subject` (用户, 条目 …) was changed by someone else meanwhile. */
export function versionConflict(subject: string, current: number): AppError {
  return new AppError('VERSION_CONFLICT', `${subject}已被他人修改（当前版本 ${current}），请刷新后重试`);
}

/** A refusal that tells the client when to try again: 429 or 423, sent with the `Retry-After` header. */
export class RetryLaterError extends AppError {
  /** seconds until a new attempt may succeed (at least 1) */
  readonly retryAfterSeconds: number;

  constructor(code: ErrorCode, message: string, retryAt: Date, now: Date) {
    super(code, message);
    this.retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  }
}

/**
 * The answer to a retried upload (same `Idempotency-Key`): 409 ALREADY_RECEIVED — nothing new was made — with
 * the record the first upload made, sent as the `Location` header.
 */
export class AlreadyReceivedError extends AppError {
  /** the API path of the record the first upload made */
  readonly location: string;

  constructor(location: string) {
    super('ALREADY_RECEIVED', '该记录已经收到，不会重复登记');
    this.location = location;
  }
}
