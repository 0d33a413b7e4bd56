import fastifyMultipart from '@fastify/multipart';
import {
  isMediationEvidenceType,
  MEDIATION_MAX_EVIDENCE,
  MediationApplicationInput,
  MediationApplied,
  PORTAL_PHOTO_MAX_BYTES,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { applyForMediation } from './portal-mediation.service.js';
import { type PortalFileKind, portalFormIntake, portalMultipartOptions } from './portal-photos.js';
import { PUBLIC_ERRORS, type TokenBuckets } from './portal-rate-limit.js';

/** An application's evidence (证据材料): photos of the damage, receipts, a contract as PDF. */
const MEDIATION_EVIDENCE: PortalFileKind = {
  field: 'evidence',
  data: MediationApplicationInput,
  max: MEDIATION_MAX_EVIDENCE,
  maxBytes: PORTAL_PHOTO_MAX_BYTES,
  accepts: isMediationEvidenceType,
  noun: '材料',
  counter: '份',
  expected: '照片或 PDF 文件：证据材料只能上传 JPEG、PNG、WebP 图片或 PDF 文件',
};

/**
 * 网上申请调解 on the citizen portal, without an account: under the same budget per client address as the
 * portal's requests (`submissions`, shared with them), with evidence files read as a request's photos are.
 */
export function registerPortalMediationRoutes(
  app: ApiInstance,
  ctx: AppContext,
  submissions: TokenBuckets,
): void {
  // multipart parsing (the evidence) in this route's scope only
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, portalMultipartOptions(ctx, MEDIATION_EVIDENCE));
    const intake = portalFormIntake(ctx, submissions, MEDIATION_EVIDENCE);
    (scope as unknown as ApiInstance).post(
      '/api/v1/portal/mediation/applications',
      {
        config: { public: true },
        schema: {
          tags: ['portal'],
          summary: `网上申请调解 A citizen applies for mediation: JSON, or multipart with the application as JSON in \`data\` and up to ${MEDIATION_MAX_EVIDENCE} photos or PDFs in \`evidence\` (with the portal's requests, 10 per address per 10 min)`,
          security: [],
          consumes: ['application/json', 'multipart/form-data'],
          body: MediationApplicationInput,
          response: { 201: MediationApplied, ...PUBLIC_ERRORS },
        },
        preValidation: intake.preValidation,
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await applyForMediation(ctx, request.body, request.ip, intake.filesOf(request))),
    );
  });
}
