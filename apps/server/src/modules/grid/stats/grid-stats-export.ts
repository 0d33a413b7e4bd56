import {
  GRID_MEASURE_DEFINITIONS,
  GRID_MEASURE_KEYS,
  type GridMeasureKey,
  type GridRanking,
  type GridStatsEntry,
  type GridStatsReport,
  ORG_KIND_LABELS,
  type OrgKind,
} from '@shanzhi/shared';
import ExcelJS from 'exceljs';

const NUMBER_FORMATS = { rate: '0.00%', count: '#,##0', km: '#,##0.0' } as const;

/** The measure columns every sheet shows, with the counts they come from where a reader checks them. */
const MEASURE_COLUMNS: readonly { key: GridMeasureKey; width: number }[] = GRID_MEASURE_KEYS.map((key) => ({
  key,
  width: GRID_MEASURE_DEFINITIONS[key].unit === 'rate' ? 12 : 11,
}));

const COUNT_COLUMNS: readonly {
  header: string;
  value: (e: GridStatsEntry) => number;
}[] = [
  { header: '计划巡查次数', value: (e) => e.counts.patrols.planned },
  { header: '达标巡查次数', value: (e) => e.counts.patrols.attained },
  { header: '撤销发现', value: (e) => e.counts.findings.dismissed },
  { header: '随工单办结', value: (e) => e.counts.findings.closedWithCase },
  { header: '撤回任务', value: (e) => e.counts.tasks.cancelled },
];

function measureCells(entry: GridStatsEntry): (number | null)[] {
  return MEASURE_COLUMNS.map(({ key }) => entry.measures[key].value);
}

function styleHeader(sheet: ExcelJS.Worksheet, row: number): void {
  const header = sheet.getRow(row);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FC' } };
}

function formatMeasureColumns(sheet: ExcelJS.Worksheet, firstColumn: number): void {
  MEASURE_COLUMNS.forEach(({ key }, i) => {
    sheet.getColumn(firstColumn + i).numFmt = NUMBER_FORMATS[GRID_MEASURE_DEFINITIONS[key].unit];
  });
}

const kindLabel = (kind: string) => ORG_KIND_LABELS[kind as OrgKind] ?? kind;

/** Sheet 1: the org (合计) and each org below it, every measure, with a line on how they are counted. */
function addSummary(workbook: ExcelJS.Workbook, report: GridStatsReport): void {
  const sheet = workbook.addWorksheet('统计汇总', { views: [{ state: 'frozen', ySplit: 4, xSplit: 2 }] });
  sheet.addRow([`${report.org.name} 网格化服务管理统计`]).font = { bold: true, size: 14 };
  sheet.addRow([`统计周期：${report.from} 至 ${report.to}（截至 ${report.asOf.slice(0, 10)}）`]);
  sheet.addRow([
    '发现办结率 =（就地解决 + 随工单办结）÷（发现数 − 撤销）；巡查达标率 = 每日达到巡查计划的次数 ÷ 计划巡查次数',
  ]);
  sheet.addRow([
    '组织',
    '层级',
    ...MEASURE_COLUMNS.map(({ key }) => GRID_MEASURE_DEFINITIONS[key].label),
    ...COUNT_COLUMNS.map((c) => c.header),
  ]);
  styleHeader(sheet, 4);
  const rows = [
    { ...report, org: { ...report.org, name: `${report.org.name}（合计）` } },
    ...report.children,
  ];
  for (const entry of rows) {
    sheet.addRow([
      entry.org.name,
      kindLabel(entry.org.kind),
      ...measureCells(entry),
      ...COUNT_COLUMNS.map((c) => c.value(entry)),
    ]);
  }
  sheet.getRow(5).font = { bold: true };
  sheet.getColumn(1).width = 26;
  sheet.getColumn(2).width = 10;
  MEASURE_COLUMNS.forEach(({ width }, i) => {
    sheet.getColumn(3 + i).width = width;
  });
  formatMeasureColumns(sheet, 3);
}

/** Sheet 2: the ranking of a level, best first by its measure. */
function addRanking(workbook: ExcelJS.Workbook, ranking: GridRanking): void {
  const measure = GRID_MEASURE_DEFINITIONS[ranking.measure].label;
  const sheet = workbook.addWorksheet(`${kindLabel(ranking.level).replace('/', '')}排名`, {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 3 }],
  });
  sheet.addRow([`按「${measure}」排名（${ranking.from} 至 ${ranking.to}）`]).font = { bold: true };
  sheet.addRow([
    '排名',
    '名称',
    '所属',
    ...MEASURE_COLUMNS.map(({ key }) => GRID_MEASURE_DEFINITIONS[key].label),
  ]);
  styleHeader(sheet, 2);
  for (const item of ranking.items) {
    sheet.addRow([item.rank ?? '—', item.org.name, item.within, ...measureCells(item)]);
  }
  sheet.getColumn(1).width = 8;
  sheet.getColumn(2).width = 24;
  sheet.getColumn(3).width = 36;
  MEASURE_COLUMNS.forEach(({ width }, i) => {
    sheet.getColumn(4 + i).width = width;
  });
  formatMeasureColumns(sheet, 4);
}

/**
 * The grid's numbers as a workbook a city's staff file away: the org with the orgs below it, and the ranking
 * of a level — rates as percentages, kilometres and counts as numbers (so the sheet can sum and sort them).
 */
export async function writeGridStatsWorkbook(report: GridStatsReport, ranking: GridRanking): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '善治 市域社会治理智能化综合平台';
  addSummary(workbook, report);
  addRanking(workbook, ranking);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `网格统计_乌海市_2026-01-01_2026-06-30.xlsx`. */
export function gridStatsFileName(report: GridStatsReport): string {
  const name = report.org.name.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `网格统计_${name}_${report.from}_${report.to}.xlsx`;
}
