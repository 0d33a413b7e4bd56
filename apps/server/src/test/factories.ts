import type { CaseRow, NewCaseRow } from '../modules/cases/cases.repository.js';
import { cases } from '../modules/cases/cases.tables.js';
import type { DbOrTx } from '../platform/db/database.js';

let sequence = 0;

/** What a test must say of a case: its owner; everything else has a plain default. */
export type CaseOverrides = Partial<NewCaseRow> & Pick<NewCaseRow, 'currentOrgId'>;

/**
 * The values of a case row straight into the table — for tests that need cases in a given state at given
 * times (measures, exports) without walking each through the lifecycle. Defaults: a registered hotline
 * complaint under the normal limits, created at 2026-09-01 10:00 Beijing.
 */
export function caseValues(overrides: CaseOverrides): NewCaseRow {
  sequence += 1;
  const createdAt = overrides.createdAt ?? new Date('2026-09-01T02:00:00Z');
  return {
    number: `WT${String(sequence).padStart(12, '0')}`,
    source: 'hotline_12345',
    type: 'complaint',
    priority: 'normal',
    title: `测试工单 ${sequence}`,
    description: '小区楼道内堆放杂物，存在消防隐患',
    citizenName: '张先生',
    citizenPhone: '13912345678',
    address: '海勃湾区新华街道滨河小区3号楼2单元',
    state: 'registered',
    acceptLimitValue: 2,
    acceptLimitUnit: 'working_hours',
    resolveLimitValue: 5,
    resolveLimitUnit: 'working_days',
    createdAt,
    updatedAt: createdAt,
    ...overrides,
  };
}

/** Inserts one case (see `caseValues`) and answers the stored row. */
export async function buildCase(db: DbOrTx, overrides: CaseOverrides): Promise<CaseRow> {
  const [row] = await db.insert(cases).values(caseValues(overrides)).returning();
  return row!;
}

/** Inserts `count` cases, the i-th made by `make(i)`, in statements of 1,000 rows. */
export async function buildCases(
  db: DbOrTx,
  count: number,
  make: (i: number) => CaseOverrides,
): Promise<void> {
  for (let start = 0; start < count; start += 1_000) {
    const values = Array.from({ length: Math.min(1_000, count - start) }, (_, k) =>
      caseValues(make(start + k)),
    );
    await db.insert(cases).values(values);
  }
}
