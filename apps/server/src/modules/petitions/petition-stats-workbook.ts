import { type PetitionStats, type PetitionStatsReport, toBeijingDate } from '@shanzhi/shared';
import type { ReportCell, ReportTable } from '../reports/report-tables.js';
import { writeReportWorkbook } from '../reports/report-workbook.js';

const rate = (value: number | null): ReportCell => ({ rate: value });

/** The columns of the numbers of an agency point or a month, in the order of a petition's life. */
const STATS_COLUMNS: readonly { header: string; cell: (s: PetitionStats) => ReportCell }[] = [
  { header: '信访量', cell: (s) => s.total },
  { header: '受理', cell: (s) => s.accepted },
  { header: '办结', cell: (s) => s.closed },
  { header: '化解', cell: (s) => s.resolved },
  { header: '化解率', cell: (s) => rate(s.resolutionRate) },
  { header: '回访', cell: (s) => s.visited },
  { header: '满意', cell: (s) => s.satisfied },
  { header: '满意率', cell: (s) => rate(s.satisfactionRate) },
  { header: '重复访', cell: (s) => s.repeats },
  { header: '重复访率', cell: (s) => rate(s.repeatRate) },
  { header: '超期', cell: (s) => s.overdue },
];

const statsCells = (s: PetitionStats) => STATS_COLUMNS.map((c) => c.cell(s));

/** The period as people read it: `2026-01-01 至 2026-06-30` (the end excluded by the API, included here). */
function periodOf(report: PetitionStatsReport): { from: string; to: string } {
  return {
    from: report.from ? toBeijingDate(new Date(report.from)) : '不限',
    to: report.to ? toBeijingDate(new Date(Date.parse(report.to) - 1)) : '至今',
  };
}

/** 合计: each number of the whole, beside the same period a year earlier where it is counted (重复访同比). */
function totalsTable(report: PetitionStatsReport): ReportTable {
  const last = report.lastYear;
  const lastYear: Partial<Record<string, ReportCell[]>> = last
    ? {
        信访量: [last.total, null],
        重复访: [last.repeats, null],
        重复访率: [rate(last.repeatRate), { points: last.repeatRateChange }],
      }
    : {};
  return {
    sheet: '合计',
    title: '合计',
    headers: ['指标', '本期', '去年同期', '同比'],
    widths: [14, 12, 12, 12],
    rows: STATS_COLUMNS.map(({ header, cell }) => [
      header,
      cell(report),
      ...(lastYear[header] ?? [null, null]),
    ]),
  };
}

/** 按代办点: a row per agency point, with its repeat rate of a year earlier and the change since. */
function agencyTable(report: PetitionStatsReport): ReportTable {
  return {
    sheet: '按代办点',
    title: '按代办点',
    headers: ['代办点', ...STATS_COLUMNS.map((c) => c.header), '去年同期重复访率', '重复访率同比'],
    widths: [24, ...STATS_COLUMNS.map(() => 10), 16, 14],
    rows: report.byAgency.map((a) => [
      a.org.name,
      ...statsCells(a),
      rate(a.lastYear?.repeatRate ?? null),
      { points: a.lastYear?.repeatRateChange ?? null },
    ]),
  };
}

/** 按月: a row per month of the period with petitions. */
function monthTable(report: PetitionStatsReport): ReportTable {
  return {
    sheet: '按月',
    title: '按月',
    headers: ['月份', ...STATS_COLUMNS.map((c) => c.header)],
    widths: [10, ...STATS_COLUMNS.map(() => 10)],
    rows: report.byMonth.map((m) => [m.month, ...statsCells(m)]),
  };
}

/** The petition numbers as a workbook: the totals, per agency point and per month, rates as per cent. */
export async function writePetitionStatsWorkbook(report: PetitionStatsReport): Promise<Buffer> {
  const { from, to } = periodOf(report);
  return writeReportWorkbook(`${report.org.name}信访统计（${from} 至 ${to}）`, [
    totalsTable(report),
    agencyTable(report),
    monthTable(report),
  ]);
}

/** `信访统计_乌海市_2026-01-01_2026-06-30.xlsx`. */
export function petitionStatsFileName(report: PetitionStatsReport): string {
  const { from, to } = periodOf(report);
  const name = report.org.name.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `信访统计_${name}_${from}_${to}.xlsx`;
}
