import {
  ConvertToPetitionInput,
  ConvertToPetitionResult,
  CreatePetitionInput,
  keysetPageOf,
  PETITION_ACTION_INPUTS,
  PETITION_TRANSITIONS,
  type PetitionActionOnPetition,
  PetitionDetail,
  PetitionListQuery,
  PetitionStatsQuery,
  PetitionStatsReport,
  PetitionTimeLimits,
  PetitionView,
  petitionPermissionOf,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { fileAnswer, IdParams, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import {
  contentDispositionOf,
  DOCX_TYPE,
  sendWorkbook,
  XLSX_TYPE,
} from '../../platform/http/file-answers.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { convertCaseToPetition } from './case-petition.js';
import { entrustmentDocument, openSignedEntrustment } from './entrustment.service.js';
import { readPetitionTimeLimits, writePetitionTimeLimits } from './petition-settings.js';
import { petitionStats } from './petition-stats.service.js';
import { petitionStatsFileName, writePetitionStatsWorkbook } from './petition-stats-workbook.js';
import { actOnPetition, getPetition, listPetitionsForActor, registerPetition } from './petitions.service.js';
import { SCAN_BODY_LIMIT } from './signed-entrustment-scan.js';

const tags = ['petitions'];

function registerPetitionActionRoute(
  app: ApiInstance,
  ctx: AppContext,
  action: PetitionActionOnPetition,
): void {
  app.post(
    `/api/v1/petitions/:id/actions/${action}`,
    {
      // the scan of a signed 委托代办书 travels inline, as base64
      ...(action === 'attach_signed_entrustment' && { bodyLimit: SCAN_BODY_LIMIT }),
      config: { permission: petitionPermissionOf(action) },
      schema: {
        tags,
        summary: `${PETITION_TRANSITIONS[action].label} ${action}`,
        params: IdParams,
        body: PETITION_ACTION_INPUTS[action],
        response: { 200: PetitionDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) => actOnPetition(ctx, actorOf(request), request.params.id, action, request.body as never),
  );
}

/** 信访代办: registration, the list, the numbers (and their workbook), one with its timeline, every action, the 委托代办书, the limits. */
export function registerPetitionRoutes(app: ApiInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/petitions',
    {
      config: { permission: 'petition.register' },
      schema: {
        tags,
        summary: '信访代办登记 Register a petition at the agent’s agency point (主动/委托/指定)',
        body: CreatePetitionInput,
        response: { 201: PetitionDetail, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const view = await registerPetition(ctx, actorOf(request), request.body);
      return reply.status(201).header('location', `/api/v1/petitions/${view.id}`).send(view);
    },
  );

  app.post(
    '/api/v1/cases/:id/actions/convert_to_petition',
    {
      config: { permission: 'case.convert_to_petition' },
      schema: {
        tags,
        summary: '转信访代办 A 12345 case that is a petition becomes one at an agency point',
        params: IdParams,
        body: ConvertToPetitionInput,
        response: { 200: ConvertToPetitionResult, ...STANDARD_ERRORS },
      },
    },
    async (request) => convertCaseToPetition(ctx, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/petitions',
    {
      config: { permission: 'petition.read' },
      schema: {
        tags,
        summary: '信访代办 Petitions in the caller’s scope, newest first (keyset), with deadlines and lights',
        querystring: PetitionListQuery,
        response: { 200: keysetPageOf(PetitionView), ...STANDARD_ERRORS },
      },
    },
    async (request) => listPetitionsForActor(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/petitions/stats',
    {
      config: { permission: 'petition.read' },
      schema: {
        tags,
        summary:
          '信访统计 Volumes, resolution, satisfaction and repeat rate of an org over a period, per agency point and month, with the repeats a year earlier',
        querystring: PetitionStatsQuery,
        response: { 200: PetitionStatsReport, ...STANDARD_ERRORS },
      },
    },
    async (request) => petitionStats(ctx, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/petitions/stats.xlsx',
    {
      config: { permission: 'petition.read' },
      schema: {
        tags,
        summary:
          '导出信访统计 The numbers of the stats as an .xlsx workbook: totals, per agency point, per month',
        querystring: PetitionStatsQuery,
        response: { 200: fileAnswer(XLSX_TYPE, '.xlsx workbook'), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const report = await petitionStats(ctx, actorOf(request), request.query);
      return sendWorkbook(reply, petitionStatsFileName(report), await writePetitionStatsWorkbook(report));
    },
  );

  app.get(
    '/api/v1/petitions/settings',
    {
      config: { permission: 'petition.read' },
      schema: {
        tags,
        summary: '信访时限 The legal time limits in force (calendar days)',
        response: { 200: PetitionTimeLimits, ...STANDARD_ERRORS },
      },
    },
    async () => readPetitionTimeLimits(ctx),
  );

  app.put(
    '/api/v1/petitions/settings',
    {
      config: { permission: 'petition.configure' },
      schema: {
        tags,
        summary: '信访时限 Set the legal time limits (periods opened from now on follow them)',
        body: PetitionTimeLimits,
        response: { 200: PetitionTimeLimits, ...STANDARD_ERRORS },
      },
    },
    async (request) => writePetitionTimeLimits(ctx, actorOf(request), request.body),
  );

  app.get(
    '/api/v1/petitions/:id',
    {
      config: { permission: 'petition.read' },
      schema: {
        tags,
        summary: '信访档案 A petition with its timeline, deadlines and the caller’s actions',
        params: IdParams,
        response: { 200: PetitionDetail, ...STANDARD_ERRORS },
      },
    },
    async (request) => getPetition(ctx, actorOf(request), request.params.id),
  );

  for (const action of Object.keys(PETITION_ACTION_INPUTS) as PetitionActionOnPetition[]) {
    registerPetitionActionRoute(app, ctx, action);
  }

  app.get(
    '/api/v1/petitions/:id/entrustment.docx',
    {
      config: { permission: 'petition.read' },
      schema: {
        tags,
        summary: '委托代办书 The entrustment of an entrusted petition as a Word document, to sign',
        params: IdParams,
        response: { 200: fileAnswer(DOCX_TYPE, 'The .docx of the entrustment'), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const { fileName, bytes } = await entrustmentDocument(ctx, actorOf(request), request.params.id);
      return reply
        .header('content-type', DOCX_TYPE)
        .header('content-disposition', contentDispositionOf(fileName))
        .send(bytes);
    },
  );
  app.get(
    '/api/v1/petitions/:id/entrustment/signed',
    {
      config: { permission: 'petition.read' },
      schema: {
        tags,
        summary: '已签署的委托代办书 The uploaded scan of the signed entrustment (PDF or picture)',
        params: IdParams,
        response: { 200: fileAnswer('application/pdf', 'The scan, with its type'), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const scan = await openSignedEntrustment(ctx, actorOf(request), request.params.id);
      return reply
        .header('content-type', scan.mime)
        .header('content-length', String(scan.size))
        .header('content-disposition', contentDispositionOf(scan.fileName))
        .send(scan.stream);
    },
  );
}
