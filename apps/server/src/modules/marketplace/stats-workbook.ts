import type { MarketStats } from '@shanzhi/shared';
import type { ReportTable } from '../reports/report-tables.js';
import { writeReportWorkbook } from '../reports/report-workbook.js';

const minutes = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 6) / 10);

/** 合计: the period's totals, rates and acceptance times. */
function totalsTable(s: MarketStats): ReportTable {
  return {
    sheet: '合计',
    title: '合计',
    headers: ['指标', '数值'],
    widths: [22, 14],
    rows: [
      ['订单量', s.orders],
      ['完成', s.completed],
      ['取消', s.cancelled],
      ['完成率', { rate: s.completionRate }],
      ['满意率', { rate: s.satisfactionRate }],
      ['平均评分', s.averageStars === null ? null : Math.round(s.averageStars * 100) / 100],
      ['接单用时中位数（分钟）', minutes(s.acceptSeconds.median)],
      ['接单用时 P90（分钟）', minutes(s.acceptSeconds.p90)],
    ],
  };
}

/** The numbers as a workbook: totals, by item, by district, by month and the merchants ranked. */
export function writeMarketStatsWorkbook(s: MarketStats): Promise<Buffer> {
  return writeReportWorkbook(`民需我应便民服务统计（${s.from} 至 ${s.to}）`, [
    totalsTable(s),
    {
      sheet: '按服务项目',
      title: '按服务项目',
      headers: ['服务项目', '订单量', '完成', '完成率'],
      widths: [16, 10, 10, 10],
      rows: s.byItem.map((i) => [
        i.name,
        i.orders,
        i.completed,
        { rate: i.orders ? i.completed / i.orders : null },
      ]),
    },
    {
      sheet: '按区域',
      title: '按区域',
      headers: ['区域', '订单量'],
      widths: [16, 10],
      rows: s.byDistrict.map((d) => [d.name ?? '未定位', d.orders]),
    },
    {
      sheet: '按月',
      title: '按月',
      headers: ['月份', '订单量'],
      widths: [10, 10],
      rows: s.byMonth.map((m) => [m.month, m.orders]),
    },
    {
      sheet: '商户排名',
      title: '商户排名',
      headers: ['名次', '商户', '完成', '平均评分', '综合评分'],
      widths: [6, 28, 10, 10, 10],
      rows: s.merchants.map((m, i) => [i + 1, m.name, m.completed, m.averageStars, m.score]),
    },
  ]);
}

/** `便民服务统计_2026-01-01_2026-12-31.xlsx`. */
export function marketStatsFileName(s: MarketStats): string {
  return `便民服务统计_${s.from}_${s.to}.xlsx`;
}
