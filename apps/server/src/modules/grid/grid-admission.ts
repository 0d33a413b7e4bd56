import {
  type AdmissionExtraInput,
  type AdmissionExtraView,
  type GridAdmissionList,
  toBeijingDate,
} from '@shanzhi/shared';
import { asc, eq, like } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DbOrTx } from '../../platform/db/database.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { recordActorAudit } from '../audit/audit.repository.js';
import { findGridAdmissionItem, loadGridAdmissionList } from '../catalog/sources/grid-admission-list.js';
import { gridAdmissionExtras } from './grid.tables.js';

/** Codes of temporary items count up from here within their category (the published items stay below). */
const FIRST_EXTRA_NUMBER = 901;

type ExtraRow = typeof gridAdmissionExtras.$inferSelect;

function present(row: ExtraRow, today: string): AdmissionExtraView {
  return {
    code: row.code,
    categoryCode: row.categoryCode,
    name: row.name,
    endsOn: row.endsOn,
    basis: row.basis,
    approvedByName: row.approvedByName,
    inForce: row.endsOn >= today,
  };
}

/** An item a grid may be given: its code and name. */
export interface AdmittedItem {
  code: string;
  name: string;
}

/**
 * 网格事项准入: the item with `code` if it may be pushed onto a grid worker on `now` — on the published list,
 * or a temporary item still in force. Anything else is refused with 400 NOT_ON_ADMISSION_LIST naming the list.
 */
export async function admittedItem(db: DbOrTx, code: string, now: Date): Promise<AdmittedItem> {
  const listed = findGridAdmissionItem(loadGridAdmissionList(), code);
  if (listed) return listed;
  const [extra] = await db.select().from(gridAdmissionExtras).where(eq(gridAdmissionExtras.code, code));
  if (extra && extra.endsOn >= toBeijingDate(now)) return extra;
  throw new AppError(
    'NOT_ON_ADMISSION_LIST',
    `事项 ${code} 不在《网格事项准入清单》内${extra ? '（临时准入已过期）' : ''}，不得向网格员派发`,
    [{ field: 'admissionItemCode', code: 'not_on_admission_list', message: '不在网格事项准入清单内' }],
  );
}

/** The name of an admission item by code (published or temporary), or null. */
export async function admissionItemNames(
  db: DbOrTx,
  codes: readonly (string | null)[],
): Promise<Map<string, string>> {
  const list: GridAdmissionList = loadGridAdmissionList();
  const names = new Map<string, string>();
  for (const category of list.categories) for (const item of category.items) names.set(item.code, item.name);
  if (codes.some((c) => c !== null && !names.has(c))) {
    for (const extra of await db.select().from(gridAdmissionExtras)) names.set(extra.code, extra.name);
  }
  return names;
}

/** The temporary items, newest code last, with whether each is still in force. */
export async function listAdmissionExtras(ctx: AppContext): Promise<AdmissionExtraView[]> {
  const rows = await ctx.db.select().from(gridAdmissionExtras).orderBy(asc(gridAdmissionExtras.code));
  const today = toBeijingDate(ctx.clock.now());
  return rows.map((r) => present(r, today));
}

/**
 * 临时准入: an administrator adds an item to a category of the admission list until an end date, with the
 * basis of its approval (audited). Its code follows the category's, from 901.
 */
export async function addAdmissionExtra(
  ctx: AppContext,
  actor: Actor,
  input: AdmissionExtraInput,
): Promise<AdmissionExtraView> {
  const now = ctx.clock.now();
  const today = toBeijingDate(now);
  if (input.endsOn < today) throw fieldError('endsOn', 'in_past', '截止日期不能早于今天');
  const category = loadGridAdmissionList().categories.find((c) => c.code === input.categoryCode);
  if (!category) throw fieldError('categoryCode', 'not_found', `准入清单没有大项 ${input.categoryCode}`);
  const row = await ctx.db.transaction(async (tx) => {
    const taken = await tx
      .select({ code: gridAdmissionExtras.code })
      .from(gridAdmissionExtras)
      .where(like(gridAdmissionExtras.code, `${category.code}.%`))
      .for('update');
    const next = FIRST_EXTRA_NUMBER + taken.length;
    const [inserted] = await tx
      .insert(gridAdmissionExtras)
      .values({
        code: `${category.code}.${next}`,
        categoryCode: category.code,
        name: input.name,
        endsOn: input.endsOn,
        basis: input.basis,
        approvedByUserId: actor.userId,
        approvedByName: actor.displayName,
        createdAt: now,
      })
      .returning();
    await recordActorAudit(tx, actor, now, {
      action: 'grid.admission_extra_added',
      targetType: 'grid_admission_item',
      targetId: inserted!.code,
      detail: { name: input.name, endsOn: input.endsOn, basis: input.basis },
    });
    return inserted!;
  });
  return present(row, today);
}
