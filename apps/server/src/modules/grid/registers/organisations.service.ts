import type {
  CreateOrganisationInput,
  OrganisationListQuery,
  OrganisationPersonalData,
  OrganisationView,
  Page,
  UpdateOrganisationInput,
} from '@shanzhi/shared';
import type { Actor } from '../../../platform/auth/actor.js';
import { freeTextMaskingFor } from '../../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../../platform/context.js';
import type { DbOrTx } from '../../../platform/db/database.js';
import { AppError, versionConflict } from '../../../platform/errors/app-error.js';
import { offsetOf, pageAnswer } from '../../../platform/http/lists.js';
import { assertGridRecordInScope } from '../grid-scope.policy.js';
import { presentOrganisation } from './organisations.presenter.js';
import {
  findOrganisation,
  findOrganisationClash,
  insertOrganisations,
  listOrganisations,
  type OrganisationFilter,
  type OrganisationListRow,
  updateOrganisationAtVersion,
} from './organisations.repository.js';
import { assertReadsPersonalNumbers, auditRegister } from './register-audit.js';
import { loadGridForRegister, registerListPath } from './register-scope.js';
import { openSealed, storePhone } from './register-sealing.js';

/** An organisation the actor may see, or 404 ORGANISATION_NOT_FOUND / 403 OUT_OF_SCOPE. */
export async function loadOrganisationInScope(
  db: DbOrTx,
  actor: Actor,
  id: number,
): Promise<OrganisationListRow> {
  const row = await findOrganisation(db, id);
  if (!row) throw new AppError('ORGANISATION_NOT_FOUND', `单位 ${id} 不存在`);
  assertGridRecordInScope(actor, row.gridPath);
  return row;
}

/** The repository filter of an organisation list or export, checked against the actor's scope. */
export async function organisationFilterOf(
  ctx: AppContext,
  actor: Actor,
  query: Omit<OrganisationListQuery, 'page' | 'pageSize'>,
): Promise<OrganisationFilter> {
  return {
    path: await registerListPath(ctx.db, actor, query.within),
    q: query.q,
    kind: query.kind,
    tag: query.tag,
  };
}

/** A page of the organisations in the actor's scope. */
export async function listOrganisationsForActor(
  ctx: AppContext,
  actor: Actor,
  query: OrganisationListQuery,
): Promise<Page<OrganisationView>> {
  const { rows, total } = await listOrganisations(ctx.db, await organisationFilterOf(ctx, actor, query), {
    limit: query.pageSize,
    offset: offsetOf(query),
  });
  const masking = freeTextMaskingFor(actor);
  return pageAnswer(
    rows.map((row) => presentOrganisation(row, ctx, masking)),
    total,
    query,
  );
}

/** One organisation in the actor's scope. */
export async function getOrganisation(ctx: AppContext, actor: Actor, id: number): Promise<OrganisationView> {
  return presentOrganisation(
    await loadOrganisationInScope(ctx.db, actor, id),
    ctx,
    freeTextMaskingFor(actor),
  );
}

function organisationValues(input: CreateOrganisationInput | UpdateOrganisationInput) {
  return {
    name: input.name,
    kind: input.kind,
    creditCode: input.creditCode ?? null,
    address: input.address,
    lng: input.location?.longitude ?? null,
    lat: input.location?.latitude ?? null,
    contactName: input.contactName || null,
    employees: input.employees ?? null,
    tags: input.tags,
    note: input.note || null,
  };
}

async function assertNoClash(
  ctx: AppContext,
  values: { gridId: number; name: string; creditCode: string | null },
  exceptId?: number,
): Promise<void> {
  const clash = await findOrganisationClash(ctx.db, values, exceptId);
  if (!clash) return;
  const message = clash === 'creditCode' ? '该统一社会信用代码已登记' : '该网格已登记同名单位';
  throw new AppError('ALREADY_REGISTERED', message, [{ field: clash, code: 'duplicate', message }]);
}

/** 登记单位/组织/场所 in a grid of the actor's scope; a credit code or a name already in the register is refused. */
export async function createOrganisation(
  ctx: AppContext,
  actor: Actor,
  input: CreateOrganisationInput,
): Promise<OrganisationView> {
  const grid = await loadGridForRegister(ctx.db, actor, input.gridId);
  const values = organisationValues(input);
  await assertNoClash(ctx, { ...values, gridId: grid.id });
  const phone = input.contactPhone ? storePhone(ctx, 'organisation.contact_phone', input.contactPhone) : null;
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await insertOrganisations(tx, [
      {
        ...values,
        contactPhoneSealed: phone?.sealed ?? null,
        contactPhoneIndex: phone?.index ?? null,
        gridId: grid.id,
        gridPath: grid.path,
        createdByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    await auditRegister(tx, actor, now, {
      action: 'grid_register.organisation_created',
      targetType: 'organisation',
      targetId: row!.id,
      detail: { gridId: grid.id },
    });
    return row!.id;
  });
  return getOrganisation(ctx, actor, id);
}

/** Changes an organisation at the version read; `contactPhone` absent keeps it, null removes it. */
export async function updateOrganisation(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: UpdateOrganisationInput,
): Promise<OrganisationView> {
  const current = await loadOrganisationInScope(ctx.db, actor, id);
  const grid =
    input.gridId === current.gridId
      ? { id: current.gridId, path: current.gridPath }
      : await loadGridForRegister(ctx.db, actor, input.gridId);
  const values = organisationValues(input);
  await assertNoClash(ctx, { ...values, gridId: grid.id }, id);
  const phone =
    input.contactPhone === undefined
      ? {}
      : input.contactPhone === null
        ? { contactPhoneSealed: null, contactPhoneIndex: null }
        : (({ sealed, index }) => ({ contactPhoneSealed: sealed, contactPhoneIndex: index }))(
            storePhone(ctx, 'organisation.contact_phone', input.contactPhone),
          );
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const updated = await updateOrganisationAtVersion(tx, id, input.version, {
      ...values,
      ...phone,
      gridId: grid.id,
      gridPath: grid.path,
      updatedAt: now,
    });
    if (!updated) throw versionConflict('单位信息', current.version);
    await auditRegister(tx, actor, now, {
      action: 'grid_register.organisation_updated',
      targetType: 'organisation',
      targetId: id,
      detail: { contactPhoneChanged: input.contactPhone !== undefined },
    });
  });
  return getOrganisation(ctx, actor, id);
}

/** 查看完整号码: the contact's phone in full, for a holder of `personal_data.read`; audited before it is answered. */
export async function revealOrganisationNumbers(
  ctx: AppContext,
  actor: Actor,
  id: number,
): Promise<OrganisationPersonalData> {
  assertReadsPersonalNumbers(actor);
  const row = await loadOrganisationInScope(ctx.db, actor, id);
  await auditRegister(ctx.db, actor, ctx.clock.now(), {
    action: 'grid_register.personal_data_read',
    targetType: 'organisation',
    targetId: id,
    detail: { fields: ['contactPhone'] },
  });
  return { id, contactPhone: openSealed(ctx, 'organisation.contact_phone', row.contactPhoneSealed) };
}
