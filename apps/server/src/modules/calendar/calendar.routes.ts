import {
  CalendarYearDays,
  CalendarYearList,
  CalendarYearParams,
  DeadlineAnswer,
  DeadlineQuery,
  HolidayCnYear,
  OfficeHoursAnswer,
} from '@shanzhi/shared';
import type { AppContext } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors/app-error.js';
import { actorOf } from '../../platform/http/authenticate.js';
import { NoContent, STANDARD_ERRORS } from '../../platform/http/common.schemas.js';
import type { ApiInstance } from '../../platform/http/types.js';
import { listCalendarDays, listCalendarYears } from './calendar.repository.js';
import {
  computeDeadline,
  importCalendarYear,
  readOfficeHours,
  writeOfficeHours,
} from './calendar.service.js';

const tags = ['calendar'];

/** The working-day calendar: loaded years, their days, office hours, import of a new year, deadline preview. */
export function registerCalendarRoutes(app: ApiInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/calendar/years',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags,
        summary: '已导入年份 Loaded years',
        response: { 200: CalendarYearList, ...STANDARD_ERRORS },
      },
    },
    async () => ({
      items: (await listCalendarYears(ctx.db)).map((y) => ({
        ...y,
        importedAt: new Date(y.importedAt).toISOString(),
      })),
    }),
  );

  app.get(
    '/api/v1/calendar/years/:year',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags,
        summary: '某年节假日与调休 Listed days of a year',
        params: CalendarYearParams,
        response: { 200: CalendarYearDays, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const days = await listCalendarDays(ctx.db, request.params.year);
      if (days.length === 0)
        throw new AppError('CALENDAR_YEAR_NOT_FOUND', `${request.params.year} 年的节假日尚未导入`);
      return {
        year: request.params.year,
        days: days.map(({ date, isOffDay, name }) => ({ date, isOffDay, name })),
      };
    },
  );

  app.put(
    '/api/v1/calendar/years/:year',
    {
      config: { permission: 'calendar.write' },
      schema: {
        tags,
        summary: '导入一年节假日（holiday-cn 格式） Import a year in holiday-cn JSON format',
        params: CalendarYearParams,
        body: HolidayCnYear,
        response: { 204: NoContent, ...STANDARD_ERRORS },
      },
    },
    async (request, reply) => {
      if (request.body.year !== request.params.year) {
        throw new AppError('INVALID_CALENDAR', '文件中的年份与地址中的年份不一致', [
          {
            field: 'year',
            code: 'mismatch',
            message: `文件年份 ${request.body.year} ≠ ${request.params.year}`,
          },
        ]);
      }
      await importCalendarYear(ctx, request.body, 'api', actorOf(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/calendar/office-hours',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags,
        summary: '办公时间 Office hours',
        response: { 200: OfficeHoursAnswer, ...STANDARD_ERRORS },
      },
    },
    async () => ({ periods: await readOfficeHours(ctx) }),
  );

  app.put(
    '/api/v1/calendar/office-hours',
    {
      config: { permission: 'calendar.write' },
      schema: {
        tags,
        summary: '设置办公时间 Set office hours',
        body: OfficeHoursAnswer.strict(),
        response: { 200: OfficeHoursAnswer, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      await writeOfficeHours(ctx, actorOf(request), request.body.periods);
      return { periods: request.body.periods };
    },
  );

  app.get(
    '/api/v1/calendar/deadline',
    {
      config: { permission: 'calendar.read' },
      schema: {
        tags,
        summary: '计算截止时间 When a limit started at `start` runs out',
        querystring: DeadlineQuery,
        response: { 200: DeadlineAnswer, ...STANDARD_ERRORS },
      },
    },
    async (request) => {
      const { start, value, unit } = request.query;
      const deadline = await computeDeadline(ctx, new Date(start), { value, unit }).catch((error) => {
        // a working limit that does not run out within the calendar's look-ahead (5 years)
        if (error instanceof RangeError)
          throw fieldError('query.value', 'too_big', '时限过长，无法计算截止时间');
        throw error;
      });
      return { start, limit: { value, unit }, deadline: deadline.toISOString() };
    },
  );
}
