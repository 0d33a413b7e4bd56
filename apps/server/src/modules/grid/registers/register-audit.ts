import type { Actor } from '../../../platform/auth/actor.js';
import { readsPersonalData } from '../../../platform/auth/free-text-masking.js';
import type { DbOrTx } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { recordActorAudit } from '../../audit/audit.repository.js';

/**
 * Refuses (403 FORBIDDEN) a caller who may not read personal numbers in full: the registers show them masked to
 * everyone, and in full only to a holder of `personal_data.read`, one audited read at a time.
 */
export function assertReadsPersonalNumbers(actor: Actor): void {
  if (!readsPersonalData(actor)) {
    throw new AppError('FORBIDDEN', '查看完整的身份证号码和电话需要“查看完整个人信息”权限');
  }
}

/** What a register's audit entry is about. */
export interface RegisterAuditEntry {
  /** past tense: `grid_register.personal_data_read`, `grid_register.resident_created` … */
  action: string;
  targetType: 'resident' | 'house' | 'organisation' | 'register';
  targetId: number | string;
  detail?: Record<string, unknown>;
}

/**
 * Writes a register event to the audit trail: every unmasked read of a number, every export, import and change.
 * The entry names the record and the fields, never their values.
 */
export function auditRegister(db: DbOrTx, actor: Actor, at: Date, entry: RegisterAuditEntry): Promise<void> {
  return recordActorAudit(db, actor, at, entry);
}
