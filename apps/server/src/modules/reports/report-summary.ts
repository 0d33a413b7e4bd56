import type { ReportContent } from './report-content.js';
import { formatCountChange, formatRate, formatRateChange } from './report-format.js';

/** The units of the ranking flagged for 通报扣分, by name. */
export function flaggedUnits(c: ReportContent): string[] {
  return c.ranking.items.filter((i) => i.flagged).map((i) => i.org.name);
}

/**
 * 总体情况: the paragraph a leader reads first — volume and its change, closing and overdue, the three
 * rates and the score against the period before, the flagged units, the top problem and the warnings.
 */
export function reportSummary(c: ReportContent): string[] {
  const k = c.kpis;
  const p = c.previousKpis;
  const flagged = flaggedUnits(c);
  const top = c.topProblems[0];
  return [
    `${c.periodLabel}，${c.org.name}共登记诉求 ${k.counts.total} 件，较上期（${c.previousPeriodLabel}，` +
      `${p.counts.total} 件）变化 ${formatCountChange(k.counts.total, p.counts.total)}。` +
      `应办结 ${k.counts.dueToClose} 件，已办结 ${k.counts.closed} 件，办结率 ${formatRate(k.rates.closingRate.value)}，` +
      `按期办结率 ${formatRate(k.rates.onTimeClosingRate.value)}；超期 ${k.counts.overdue} 件。`,
    `有效回访 ${k.counts.validCallbacks} 件：响应率 ${formatRate(k.rates.responseRate.value)}、` +
      `解决率 ${formatRate(k.rates.solvingRate.value)}、满意率 ${formatRate(k.rates.satisfactionRate.value)}，` +
      `综合得分 ${formatRate(k.rates.compositeScore.value)}（较上期 ` +
      `${formatRateChange(k.rates.compositeScore.value, p.rates.compositeScore.value)}）。`,
    flagged.length > 0
      ? `综合得分低于通报线（${formatRate(c.ranking.threshold)}）的承办单位 ${flagged.length} 个，建议通报扣分：${flagged.join('、')}。`
      : `无综合得分低于通报线（${formatRate(c.ranking.threshold)}）的承办单位。`,
    top
      ? `诉求最集中的事项为「${top.name}」${top.count} 件（上期 ${top.previous} 件，${top.tendency}）。` +
        `本期产生预警 ${c.warnings.length} 条。`
      : `本期产生预警 ${c.warnings.length} 条。`,
  ];
}
