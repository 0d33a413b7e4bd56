import { SetSubsidyTableInput, SubsidyStatement, SubsidyStatementQuery, SubsidyTable } from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { fileAnswer, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import { sendWorkbook, XLSX_TYPE } from '../../platform/http/file-answers.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { setSubsidyTable, subsidyStatement, subsidyTable, subsidyWorkbook } from './subsidies.service.js';

const tags = ['mediation'];

/** 以调定补: the subsidy table the city sets, and the monthly statement per mediator and committee. */
export function registerSubsidyRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/mediation/subsidies',
    {
      config: { permission: 'mediation.read' },
      schema: {
        tags,
        summary: '补贴标准 Yuan per agreed dispute by field and difficulty',
        response: { 200: SubsidyTable, ...STANDARD_ERRORS },
      },
    },
    async () => subsidyTable(ctx),
  );
  app.put(
    '/api/v1/mediation/subsidies',
    {
      config: { permission: 'mediation.configure' },
      schema: {
        tags,
        summary: '设置补贴标准 The city’s subsidy table, replaced (audited)',
        body: SetSubsidyTableInput,
        response: { 200: SubsidyTable, ...STANDARD_ERRORS },
      },
    },
    async (request) => setSubsidyTable(ctx, actorOf(request), request.body),
  );
  app.get(
    '/api/v1/mediation/subsidies/statement',
    {
      config: { permission: 'mediation.subsidy' },
      schema: {
        tags,
        summary: '以调定补月度结算 A month’s subsidies per mediator and committee',
        querystring: SubsidyStatementQuery,
        response: { 200: SubsidyStatement, ...STANDARD_ERRORS },
      },
    },
    async (request) => subsidyStatement(ctx, actorOf(request), request.query),
  );
  app.get(
    '/api/v1/mediation/subsidies/statement.xlsx',
    {
      config: { permission: 'mediation.subsidy' },
      schema: {
        tags,
        summary: '导出以调定补月度结算 The month’s statement as an .xlsx workbook',
        querystring: SubsidyStatementQuery,
        response: { 200: fileAnswer(XLSX_TYPE, '.xlsx workbook'), ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      const statement = await subsidyStatement(ctx, actorOf(request), request.query);
      return sendWorkbook(reply, `以调定补结算-${statement.month}.xlsx`, await subsidyWorkbook(statement));
    },
  );
}
