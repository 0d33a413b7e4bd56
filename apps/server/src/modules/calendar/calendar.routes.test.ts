import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, createSeededApi, expectError, type SeededApi } from '../../test/api.js';
import { loadShippedHolidayYears } from './shipped-holidays.js';

let api: SeededApi;

beforeAll(async () => {
  api = await createSeededApi();
});
afterAll(async () => {
  await api?.close();
});

async function deadline(start: string, value: number, unit: string): Promise<string> {
  const query = new URLSearchParams({ start, value: String(value), unit });
  const response = await api.get(`/api/v1/calendar/deadline?${query}`, 'dispatcher');
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json().limit).toEqual({ value, unit });
  return response.json().deadline;
}

/** A small 2027 file: New Year's Day off, a make-up Saturday and the Spring Festival week. */
const YEAR_2027 = {
  year: 2027,
  papers: ['https://example.invalid/2027-notice'],
  days: [
    { name: '元旦', date: '2027-01-01', isOffDay: true },
    { name: '春节', date: '2027-02-06', isOffDay: false },
    ...['11', '12', '13', '14', '15', '16', '17'].map((d) => ({
      name: '春节',
      date: `2027-02-${d}`,
      isOffDay: true,
    })),
  ],
};

describe('the shipped calendar', () => {
  it('has the years 2020–2026 loaded after the demo seed, each with its own day counts', async () => {
    const response = await api.get('/api/v1/calendar/years', 'leader');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as {
      year: number;
      offDays: number;
      workingDays: number;
      source: string;
    }[];
    expect(items.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const file of loadShippedHolidayYears()) {
      const item = items.find((y) => y.year === file.year)!;
      expect(item.source).toBe('shipped');
      expect(item.offDays, `${file.year}`).toBe(file.days.filter((d) => d.isOffDay).length);
      expect(item.workingDays, `${file.year}`).toBe(file.days.filter((d) => !d.isOffDay).length);
    }
  });

  it('lists the days of one year', async () => {
    const response = await api.get('/api/v1/calendar/years/2026');
    expect(response.statusCode).toBe(200);
    const days = response.json().days as { date: string; isOffDay: boolean; name: string }[];
    expect(days).toContainEqual({ date: '2026-10-01', isOffDay: true, name: '国庆节' });
    expect(days.every((d) => d.date.startsWith('2026-') || d.date.startsWith('2025-12-'))).toBe(true);
  });

  it('answers 404 CALENDAR_YEAR_NOT_FOUND for a year not loaded, 400 for a year out of range', async () => {
    expectError(await api.get('/api/v1/calendar/years/2019'), 404, 'CALENDAR_YEAR_NOT_FOUND');
    expectError(await api.get('/api/v1/calendar/years/1999'), 400, 'VALIDATION_FAILED', 'params.year');
    expectError(await api.get('/api/v1/calendar/years/twenty'), 400, 'VALIDATION_FAILED', 'params.year');
  });
});

describe('deadlines', () => {
  it('counts 5 working days from 30 September 2026 across the National Day holiday and its make-up Saturday', async () => {
    expect(await deadline('2026-09-30T10:00:00+08:00', 5, 'working_days')).toBe('2026-10-13T02:00:00.000Z');
  });

  it('counts 1 working day from a Friday afternoon before the Spring Festival onto the make-up Saturday', async () => {
    expect(await deadline('2026-02-13T16:00:00+08:00', 1, 'working_days')).toBe('2026-02-14T08:00:00.000Z');
  });

  it('counts calendar hours straight through nights and holidays', async () => {
    expect(await deadline('2026-09-30T23:00:00+08:00', 2, 'calendar_hours')).toBe('2026-09-30T17:00:00.000Z');
    expect(await deadline('2026-10-01T10:00:00+08:00', 30, 'calendar_minutes')).toBe(
      '2026-10-01T02:30:00.000Z',
    );
  });

  it('refuses a start without an offset, an unknown unit and a value of 0 with 400 on each query field', async () => {
    const base = { start: '2026-09-30T10:00:00+08:00', value: '5', unit: 'working_days' };
    const bad = async (patch: Record<string, string>, field: string) =>
      expectError(
        await api.get(`/api/v1/calendar/deadline?${new URLSearchParams({ ...base, ...patch })}`),
        400,
        'VALIDATION_FAILED',
        field,
      );
    await bad({ start: '2026-09-30 10:00' }, 'query.start');
    await bad({ unit: 'fortnights' }, 'query.unit');
    await bad({ value: '0' }, 'query.value');
    await bad({ value: '1.5' }, 'query.value');
  });
});

describe('importing a year', () => {
  it('imports 2027 and deadlines across its days change at once', async () => {
    expect(await deadline('2026-12-31T16:00:00+08:00', 1, 'working_days')).toBe('2027-01-01T08:00:00.000Z');
    expect(await deadline('2027-02-05T16:00:00+08:00', 1, 'working_days')).toBe('2027-02-08T08:00:00.000Z');
    expect(await deadline('2027-02-10T16:00:00+08:00', 1, 'working_days')).toBe('2027-02-11T08:00:00.000Z');

    const response = await api.send('PUT', '/api/v1/calendar/years/2027', YEAR_2027);
    expect(response.statusCode, response.body).toBe(204);

    expect(await deadline('2026-12-31T16:00:00+08:00', 1, 'working_days')).toBe('2027-01-04T08:00:00.000Z');
    expect(await deadline('2027-02-05T16:00:00+08:00', 1, 'working_days')).toBe('2027-02-06T08:00:00.000Z');
    expect(await deadline('2027-02-10T16:00:00+08:00', 1, 'working_days')).toBe('2027-02-18T08:00:00.000Z');

    const years = (await api.get('/api/v1/calendar/years')).json().items;
    expect(years.at(-1)).toMatchObject({ year: 2027, source: 'api', offDays: 8, workingDays: 1 });
    expect((await api.get('/api/v1/calendar/years/2027')).json().days).toHaveLength(9);
    const [entry] = await auditEntries(api, 'calendar.year_imported');
    expect(entry).toMatchObject({
      actorUsername: 'admin',
      targetId: '2027',
      detail: { days: 9, source: 'api' },
    });
  });

  it('replaces a year on re-import', async () => {
    const corrected = { ...YEAR_2027, days: YEAR_2027.days.filter((d) => d.date !== '2027-02-06') };
    expect((await api.send('PUT', '/api/v1/calendar/years/2027', corrected)).statusCode).toBe(204);
    expect((await api.get('/api/v1/calendar/years/2027')).json().days).toHaveLength(8);
    expect(await deadline('2027-02-05T16:00:00+08:00', 1, 'working_days')).toBe('2027-02-08T08:00:00.000Z');
    expect((await api.send('PUT', '/api/v1/calendar/years/2027', YEAR_2027)).statusCode).toBe(204);
  });

  it.each([
    [
      'a date outside the year',
      { ...YEAR_2027, days: [...YEAR_2027.days, { name: '元旦', date: '2028-01-01', isOffDay: true }] },
      'days.9.date',
    ],
    [
      'a date listed twice',
      { ...YEAR_2027, days: [...YEAR_2027.days, { name: '元旦', date: '2027-01-01', isOffDay: true }] },
      'days.9.date',
    ],
    [
      'a date that does not exist',
      { ...YEAR_2027, days: [{ name: '春节', date: '2027-02-30', isOffDay: true }] },
      'days.0.date',
    ],
    [
      'a flag that is not a boolean',
      { ...YEAR_2027, days: [{ name: '元旦', date: '2027-01-01', isOffDay: 'yes' }] },
      'days.0.isOffDay',
    ],
    ['an unknown field', { ...YEAR_2027, holidays: [] }, 'holidays'],
    ['no days at all', { year: 2027 }, 'days'],
  ])(
    'refuses a file with %s with 400 naming the field, and keeps the year as it was',
    async (_what, file, field) => {
      const response = await api.send('PUT', '/api/v1/calendar/years/2027', file);
      expect(response.statusCode, response.body).toBe(400);
      expectError(response, 400, response.json().error.code, field);
      expect((await api.get('/api/v1/calendar/years/2027')).json().days).toHaveLength(9);
    },
  );

  it('refuses a file whose year is not the year of the address with 400 INVALID_CALENDAR on year', async () => {
    expectError(
      await api.send('PUT', '/api/v1/calendar/years/2028', YEAR_2027),
      400,
      'INVALID_CALENDAR',
      'year',
    );
    expectError(await api.get('/api/v1/calendar/years/2028'), 404, 'CALENDAR_YEAR_NOT_FOUND');
  });

  it('refuses calendar writes to a role without calendar.write', async () => {
    expectError(
      await api.send('PUT', '/api/v1/calendar/years/2027', YEAR_2027, 'dispatcher'),
      403,
      'FORBIDDEN',
    );
    expectError(
      await api.send('PUT', '/api/v1/calendar/office-hours', { periods: [] }, 'leader'),
      403,
      'FORBIDDEN',
    );
  });
});

describe('office hours', () => {
  it('starts with 08:30–12:00 and 14:30–18:00', async () => {
    expect((await api.get('/api/v1/calendar/office-hours', 'handler')).json()).toEqual({
      periods: [
        { start: '08:30', end: '12:00' },
        { start: '14:30', end: '18:00' },
      ],
    });
  });

  it('changes the office hours, audits it, and working-hour deadlines follow', async () => {
    expect(await deadline('2026-09-30T10:00:00+08:00', 5, 'working_hours')).toBe('2026-09-30T09:30:00.000Z');
    const periods = [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ];
    const response = await api.send('PUT', '/api/v1/calendar/office-hours', { periods });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ periods });
    expect((await api.get('/api/v1/calendar/office-hours')).json()).toEqual({ periods });
    expect(await deadline('2026-09-30T10:00:00+08:00', 5, 'working_hours')).toBe('2026-09-30T08:00:00.000Z');
    const [entry] = await auditEntries(api, 'calendar.office_hours_changed');
    expect(entry).toMatchObject({ actorUsername: 'admin', detail: { to: periods } });
  });

  it.each([
    ['an end before its start', [{ start: '12:00', end: '08:30' }], 'periods.0.end'],
    [
      'overlapping periods',
      [
        { start: '08:00', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
      'periods.1.start',
    ],
    ['no period at all', [], 'periods'],
    ['an hour that does not exist', [{ start: '25:00', end: '26:00' }], 'periods.0.start'],
    ['a time without minutes', [{ start: '8', end: '12:00' }], 'periods.0.start'],
  ])(
    'refuses office hours with %s with 400 on %s, keeping the hours in force',
    async (_what, periods, field) => {
      const before = (await api.get('/api/v1/calendar/office-hours')).json();
      expectError(
        await api.send('PUT', '/api/v1/calendar/office-hours', { periods }),
        400,
        'VALIDATION_FAILED',
        field,
      );
      expect((await api.get('/api/v1/calendar/office-hours')).json()).toEqual(before);
    },
  );
});
