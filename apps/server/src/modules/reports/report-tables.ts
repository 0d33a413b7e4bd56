import {
  CASE_STATE_LABELS,
  type CaseState,
  KPI_KEYS,
  type KpiCounts,
  maskPersonalDataInText,
  ratio,
} from '@shanzhi/shared';
import { type ReportContent, VOLUME_TITLES, type VolumeRow } from './report-content.js';
import type { VolumeDimension } from './report-facts.repository.js';
import { formatInstant } from './report-format.js';

/**
 * A cell of a report table: text, a count, a rate (a fraction, shown as per cent) or a change of a rate (in
 * percentage points); null where there is nothing to show. The workbook keeps numbers as numbers; the
 * document writes them as people read them.
 */
export type ReportCell = string | number | null | { rate: number | null } | { points: number | null };

/** One table of a report: a sheet of the workbook and a table of the document. */
export interface ReportTable {
  /** the sheet's name (at most 31 characters, as Excel allows) */
  sheet: string;
  title: string;
  headers: string[];
  /** column widths in characters, for the workbook */
  widths: number[];
  rows: ReportCell[][];
}

/** The counts the overview lists, in the order of the case's life, with their Chinese names. */
const OVERVIEW_COUNTS: [keyof KpiCounts, string][] = [
  ['total', '登记件数'],
  ['duplicates', '重复件数'],
  ['dispatched', '派单件数'],
  ['accepted', '签收件数'],
  ['returned', '退单件数'],
  ['dueToClose', '应办结件数'],
  ['closed', '办结件数'],
  ['closedOnTime', '按期办结件数'],
  ['overdue', '超期件数'],
  ['replied', '办结反馈件数'],
  ['reworked', '返工件数'],
  ['validCallbacks', '有效回访件数'],
  ['contacted', '响应件数'],
  ['solved', '解决件数'],
  ['satisfied', '满意件数'],
  ['basicallySatisfied', '基本满意件数'],
];

const pointsBetween = (a: number | null, b: number | null) => ({
  points: a === null || b === null ? null : a - b,
});

function overviewTable(c: ReportContent): ReportTable {
  const counts = OVERVIEW_COUNTS.map(([key, label]): ReportCell[] => {
    const now = c.kpis.counts[key];
    const before = c.previousKpis.counts[key];
    return [label, now, before, now - before];
  });
  const rates = KPI_KEYS.map((key): ReportCell[] => {
    const now = c.kpis.rates[key].value;
    const before = c.previousKpis.rates[key].value;
    return [c.kpis.rates[key].label, { rate: now }, { rate: before }, pointsBetween(now, before)];
  });
  return {
    sheet: '主要指标',
    title: '主要指标',
    headers: ['指标', '本期', '上期', '变化'],
    widths: [18, 14, 14, 16],
    rows: [...counts, ...rates],
  };
}

function volumeTable(dimension: VolumeDimension, rows: VolumeRow[]): ReportTable {
  return {
    sheet: `诉求量${VOLUME_TITLES[dimension]}`,
    title: `诉求量${VOLUME_TITLES[dimension]}`,
    headers: ['类别', '本期件数', '上期件数', '变化（件）', '变化率'],
    widths: [22, 12, 12, 12, 12],
    rows: rows.map((r) => [
      r.label,
      r.count,
      r.previous,
      r.count - r.previous,
      { rate: ratio(r.count - r.previous, r.previous) },
    ]),
  };
}

function rankingTable(c: ReportContent): ReportTable {
  return {
    sheet: '承办单位排名',
    title: `承办单位考核排名（通报线 ${(c.ranking.threshold * 100).toFixed(0)}%）`,
    headers: ['排名', '承办单位', '有效回访', '响应率', '解决率', '满意率', '综合得分', '通报扣分'],
    widths: [8, 24, 10, 10, 10, 10, 10, 10],
    rows: c.ranking.items.map((item) => [
      item.rank,
      item.org.name,
      item.counts.validCallbacks,
      { rate: item.rates.responseRate.value },
      { rate: item.rates.solvingRate.value },
      { rate: item.rates.satisfactionRate.value },
      { rate: item.score },
      item.flagged ? '是' : '否',
    ]),
  };
}

function overdueTable(c: ReportContent): ReportTable {
  return {
    sheet: '超期工单',
    title: `超期工单（共 ${c.kpis.counts.overdue} 件${c.overdue.length < c.kpis.counts.overdue ? `，列出前 ${c.overdue.length} 件` : ''}）`,
    headers: ['工单编号', '标题', '事项', '承办单位', '状态', '办理时限', '办结时间'],
    widths: [20, 36, 18, 20, 10, 18, 18],
    rows: c.overdue.map((o) => [
      o.number,
      maskPersonalDataInText(o.title),
      o.categoryName,
      o.unitName,
      CASE_STATE_LABELS[o.state as CaseState] ?? o.state,
      formatInstant(o.resolveDeadline),
      formatInstant(o.closedAt),
    ]),
  };
}

function problemsTable(c: ReportContent): ReportTable {
  return {
    sheet: '热点问题',
    title: '热点问题及典型案例',
    headers: ['事项', '事项大类', '本期件数', '上期件数', '趋势', '典型案例'],
    widths: [20, 16, 10, 10, 8, 80],
    rows: c.topProblems.map((p) => [
      p.name,
      p.areaName,
      p.count,
      p.previous,
      p.tendency,
      p.examples.map((e) => `${e.number} ${e.text}`).join('\n') || null,
    ]),
  };
}

function warningsTable(c: ReportContent): ReportTable {
  return {
    sheet: '预警',
    title: '本期预警',
    headers: ['类型', '预警', '日期', '件数', '基线', '状态'],
    widths: [10, 48, 12, 8, 8, 10],
    rows: c.warnings.map((w) => [
      w.kind === 'surge' ? '激增' : '新苗头',
      w.title,
      w.day,
      w.observed,
      Math.round(w.baseline * 10) / 10,
      w.status === 'acknowledged' ? '已知悉' : '待处置',
    ]),
  };
}

function trendTable(c: ReportContent): ReportTable {
  return {
    sheet: '每日趋势',
    title: '每日趋势',
    headers: ['日期', '登记件数', '有效回访', '响应率', '解决率', '满意率', '综合得分'],
    widths: [12, 10, 10, 10, 10, 10, 10],
    rows: c.trend.items.map((d) => [
      d.start,
      d.counts.total,
      d.counts.validCallbacks,
      { rate: d.rates.responseRate.value },
      { rate: d.rates.solvingRate.value },
      { rate: d.rates.satisfactionRate.value },
      { rate: d.rates.compositeScore.value },
    ]),
  };
}

/** The tables of a report, in the order the document shows them and the workbook holds them. */
export function reportTables(c: ReportContent): ReportTable[] {
  return [
    overviewTable(c),
    ...(['source', 'channel', 'type', 'area'] as const).map((d) => volumeTable(d, c.volumes[d])),
    rankingTable(c),
    overdueTable(c),
    problemsTable(c),
    warningsTable(c),
    trendTable(c),
  ];
}
