import { INDUSTRY_LABELS } from '@shanzhi/shared';
import type { ReportCell, ReportTable } from '../reports/report-tables.js';
import { writeReportWorkbook } from '../reports/report-workbook.js';
import type { SafetyReport } from './safety-report.service.js';

const rate = (value: number | null): ReportCell => ({ rate: value });

/** 合计: the org's numbers of the period, as `GET /api/v1/safety/stats` gives them. */
function totalsTable({ stats }: SafetyReport): ReportTable {
  const rows: [string, ReportCell][] = [
    ['企业数', stats.enterprises],
    ['监督检查次数', stats.inspections],
    ['排查隐患', stats.found],
    ['已整改', stats.rectified],
    ['整改率', rate(stats.rectificationRate)],
    ['一般隐患', stats.byLevel.general.found],
    ['一般隐患已整改', stats.byLevel.general.rectified],
    ['重大隐患', stats.byLevel.major.found],
    ['重大隐患已整改', stats.byLevel.major.rectified],
    ['挂牌督办重大隐患', stats.listedForSupervision],
    ['逾期未整改重大隐患', stats.overdueMajor],
  ];
  return { sheet: '合计', title: '合计', headers: ['指标', '数值'], widths: [20, 12], rows };
}

/** 按行业: found, rectified and the rate per industry with hazards in the period. */
function industryTable({ stats }: SafetyReport): ReportTable {
  return {
    sheet: '按行业',
    title: '按行业',
    headers: ['行业', '排查隐患', '已整改', '整改率'],
    widths: [14, 10, 10, 10],
    rows: stats.byIndustry.map((i) => [
      INDUSTRY_LABELS[i.industry],
      i.found,
      i.rectified,
      rate(i.found === 0 ? null : i.rectified / i.found),
    ]),
  };
}

/** 按企业: a row per enterprise in scope, those without hazards with zeros. */
function enterpriseTable(report: SafetyReport): ReportTable {
  return {
    sheet: '按企业',
    title: '按企业',
    headers: [
      '企业名称',
      '统一社会信用代码',
      '行业',
      '排查隐患',
      '已整改',
      '整改率',
      '重大隐患',
      '挂牌督办',
      '逾期重大隐患',
    ],
    widths: [30, 20, 12, 10, 10, 10, 10, 10, 12],
    rows: report.enterprises.map((e) => [
      e.name,
      e.creditCode,
      INDUSTRY_LABELS[e.industry],
      e.found,
      e.rectified,
      rate(e.rectificationRate),
      e.byLevel.major.found,
      e.listedForSupervision,
      e.overdueMajor,
    ]),
  };
}

/** The statistical table as a workbook: totals, per industry, per enterprise. */
export function writeSafetyReportWorkbook(report: SafetyReport): Promise<Buffer> {
  return writeReportWorkbook(`${report.org.name}安全生产事故隐患排查治理统计表（${report.periodTitle}）`, [
    totalsTable(report),
    industryTable(report),
    enterpriseTable(report),
  ]);
}

/** `隐患排查治理季报_乌海市_2026年第3季度.xlsx` / `隐患排查治理年报_乌海市_2026年度.xlsx`. */
export function safetyReportFileName(report: SafetyReport): string {
  const kind = report.period.quarter === undefined ? '年报' : '季报';
  const name = report.org.name.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `隐患排查治理${kind}_${name}_${report.periodTitle}.xlsx`;
}
