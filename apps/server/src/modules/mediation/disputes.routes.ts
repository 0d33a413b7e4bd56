import {
  CreateDisputeInput,
  DISPUTE_ACTION_INPUTS,
  DISPUTE_TRANSITIONS,
  type DisputeActionOnDispute,
  DisputeDetail,
  DisputeListQuery,
  DisputePage,
  mediationPermissionOf,
} from '@shanzhi/shared';
import { freeTextMaskingFor } from '../../platform/auth/free-text-masking.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { fileAnswer, IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import { contentDispositionOf } from '../../platform/http/file-answers.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { sendStoredFile } from '../cases/attachments/attachment-reply.js';
import { AGREEMENT_FORMATS, type AgreementFormat, agreementDocument } from './agreement.service.js';
import { presentEvidence } from './dispute-evidence.js';
import {
  actOnDispute,
  getDispute,
  listDisputesForActor,
  openDisputeEvidence,
  registerDispute,
} from './disputes.service.js';

const tags = ['mediation'];
/** What the API document says of each of the agreement's files. */
const AGREEMENT_SUMMARIES: Record<AgreementFormat, string> = {
  docx: '调解协议书 The written agreement as a Word document, with places to sign and seal',
  pdf: '调解协议书 The written agreement as a PDF (A4, the same words as the Word document)',
};

function registerAgreementRoute(app: ApiInstance, ctx: AppContext, format: AgreementFormat): void {
  const { type } = AGREEMENT_FORMATS[format];
  app.get(
    `/api/v1/mediation/disputes/:id/agreement.${format}`,
    {
      config: { permission: 'mediation.read' },
      schema: {
        tags,
        summary: AGREEMENT_SUMMARIES[format],
        params: IdParams,
        response: { 200: fileAnswer(type, `The .${format} of the agreement`), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const { fileName, bytes } = await agreementDocument(ctx, actorOf(request), request.params.id, format);
      return reply
        .header('content-type', type)
        .header('content-disposition', contentDispositionOf(fileName))
        .send(bytes);
    },
  );
}

function registerDisputeActionRoute(app: ApiInstance, ctx: AppContext, action: DisputeActionOnDispute): void {
  app.post(
    `/api/v1/mediation/disputes/:id/actions/${action}`,
    {
      config: { permission: mediationPermissionOf(action) },
      schema: {
        tags,
        summary: `${DISPUTE_TRANSITIONS[action].label} ${action}`,
        params: IdParams,
        body: DISPUTE_ACTION_INPUTS[action],
        response: { 200: DisputeDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) => actOnDispute(ctx, actorOf(request), request.params.id, action, request.body as never),
  );
}

/** 矛盾纠纷: intake, the list, one with everything, every lifecycle action, the agreement and the evidence. */
export function registerDisputeRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/mediation/disputes',
    {
      config: { permission: 'mediation.register' },
      schema: {
        tags,
        summary: '纠纷登记 Register a dispute with its parties (each with a contact)',
        body: CreateDisputeInput,
        response: { 201: DisputeDetail, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const view = await registerDispute(ctx, actorOf(request), request.body);
      return reply.status(201).header('location', `/api/v1/mediation/disputes/${view.id}`).send(view);
    },
  );

  for (const action of Object.keys(DISPUTE_ACTION_INPUTS) as DisputeActionOnDispute[]) {
    registerDisputeActionRoute(app, ctx, action);
  }

  app.get(
    '/api/v1/mediation/disputes',
    {
      config: { permission: 'mediation.read' },
      schema: {
        tags,
        summary: '纠纷列表 Disputes arising in the caller’s scope, newest first (keyset)',
        querystring: DisputeListQuery,
        response: { 200: DisputePage, ...STANDARD_ERRORS },
      },
    },
    async (request) => listDisputesForActor(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/mediation/disputes/:id',
    {
      config: { permission: 'mediation.read' },
      schema: {
        tags,
        summary: '纠纷详情 A dispute with parties, sessions, agreement, timeline and the caller’s actions',
        params: IdParams,
        response: { 200: DisputeDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) => getDispute(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/mediation/evidence/:id',
    {
      config: { permission: 'mediation.read' },
      schema: {
        tags,
        summary: '下载证据材料 Download a dispute’s evidence file (scope-checked through its dispute)',
        params: IdParams,
        response: {
          200: fileAnswer('application/octet-stream', 'The file, with the type its content proved'),
          ...STANDARD_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { row, stream } = await openDisputeEvidence(ctx, actor, request.params.id);
      const name = presentEvidence(row, freeTextMaskingFor(actor)).name;
      return sendStoredFile(reply, { name, mime: row.mime, size: row.size }, stream);
    },
  );

  for (const format of Object.keys(AGREEMENT_FORMATS) as AgreementFormat[])
    registerAgreementRoute(app, ctx, format);
}
