import type { AgreementForm, DisputeField, PartyView } from '@shanzhi/shared';
import type { Actor } from '../../platform/auth/actor.js';
import { readsPersonalData } from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors/app-error.js';
import { DOCX_TYPE } from '../../platform/http/file-answers.js';
import { agreementDocx } from './agreement-document.js';
import { agreementPdf } from './agreement-pdf.js';
import type { AgreementDocumentFacts } from './agreement-text.js';
import { disputeNotFound } from './dispute-lifecycle.js';
import { type DisputeListRow, findDispute, findPartiesOf, type PartyRow } from './disputes.repository.js';
import { loadDisputeInScope } from './disputes.service.js';
import { presentParty } from './party-contacts.js';

/** The files the 调解协议书 is given as: Word (.docx) to edit and print, PDF to keep and send. */
export type AgreementFormat = 'docx' | 'pdf';

/** Each format's media type and renderer. */
export const AGREEMENT_FORMATS: Record<
  AgreementFormat,
  { type: string; render: (facts: AgreementDocumentFacts) => Promise<Buffer> }
> = {
  docx: {
    type: DOCX_TYPE,
    render: agreementDocx,
  },
  pdf: { type: 'application/pdf', render: agreementPdf },
};

/** The 调解协议书 of a dispute's written agreement in `format`, with its parties as `present` shows them. */
async function documentOf(
  ctx: AppContext,
  row: DisputeListRow,
  present: (party: PartyRow) => PartyView,
  format: AgreementFormat,
): Promise<{ fileName: string; bytes: Buffer }> {
  if (!row.agreedAt || row.agreementForm !== 'written') {
    throw new AppError('NOT_FOUND', '该纠纷尚无书面调解协议');
  }
  const parties = ((await findPartiesOf(ctx.db, [row.id])).get(row.id) ?? []).map(present);
  const bytes = await AGREEMENT_FORMATS[format].render({
    number: row.number,
    committeeName: row.committeeName ?? '人民调解委员会',
    mediatorName: row.mediatorName ?? '',
    field: row.field as DisputeField,
    form: row.agreementForm as AgreementForm,
    parties,
    facts: row.agreementFacts ?? row.facts,
    issues: row.agreementIssues,
    terms: row.agreementTerms ?? [],
    effectiveAt: row.agreedAt,
  });
  return { fileName: `人民调解协议书-${row.number}.${format}`, bytes };
}

/** The 调解协议书 of a dispute's written agreement as a `.docx` or a `.pdf`, as a staff member reads it. */
export async function agreementDocument(
  ctx: AppContext,
  actor: Actor,
  id: number,
  format: AgreementFormat,
): Promise<{ fileName: string; bytes: Buffer }> {
  const row = await loadDisputeInScope(ctx, actor, id);
  const inFull = readsPersonalData(actor);
  return documentOf(ctx, row, (p) => presentParty(ctx, p, inFull), format);
}

/**
 * The 调解协议书 as one of its parties downloads it (by his room session): the parties named as in the room,
 * their contacts (phone, ID number, address, e-mail) masked as for a reader without `personal_data.read`.
 */
export async function agreementDocumentForParty(
  ctx: AppContext,
  disputeId: number,
  format: AgreementFormat,
): Promise<{ fileName: string; bytes: Buffer }> {
  const row = await findDispute(ctx.db, disputeId);
  if (!row) throw disputeNotFound(disputeId);
  return documentOf(ctx, row, (p) => ({ ...presentParty(ctx, p, false), name: p.name }), format);
}
