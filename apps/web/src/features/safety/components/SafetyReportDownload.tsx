import { type SafetyReportPeriod, safetyReportTitle } from '@shanzhi/shared';
import { Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ExportButton } from '../../case-search/components/ExportButton.js';

const YEARS_BACK = 4;

/** The last quarter ended: the period a report is due for. */
export function lastQuarterEnded(): SafetyReportPeriod {
  const day = dayjs().subtract(3, 'month');
  return { year: day.year(), quarter: Math.floor(day.month() / 3) + 1 };
}

/**
 * 季报/年报: the quarterly or annual hazard statistics (令第16号 art. 14) of the caller's scope as an Excel
 * workbook — a year, a quarter or the whole year, then the download.
 */
export function SafetyReportDownload({
  period,
  onChange,
}: {
  period: SafetyReportPeriod;
  onChange: (period: SafetyReportPeriod) => void;
}) {
  const { t } = useI18n();
  const { year, quarter } = period;
  const annual = quarter === undefined;
  return (
    <Flex gap={8} align="center" wrap>
      <Select
        aria-label={t('safety.report.year')}
        style={{ width: 100 }}
        value={year}
        onChange={(y) => onChange({ year: y, quarter })}
        options={Array.from({ length: YEARS_BACK }, (_, i) => dayjs().year() - i).map((y) => ({
          value: y,
          label: `${y}`,
        }))}
      />
      <Select
        aria-label={t('safety.report.quarter')}
        style={{ width: 120 }}
        value={quarter ?? 0}
        onChange={(q) => onChange({ year, quarter: q === 0 ? undefined : q })}
        options={[
          ...[1, 2, 3, 4].map((q) => ({ value: q, label: t('safety.report.quarterN', { quarter: q }) })),
          { value: 0, label: t('safety.report.wholeYear') },
        ]}
      />
      <ExportButton
        path={`/api/v1/safety/reports/${annual ? 'annual' : 'quarterly'}.xlsx`}
        query={{ year, quarter }}
        fallbackName={`隐患排查治理${annual ? '年报' : '季报'}_${safetyReportTitle(period)}.xlsx`}
        label={t(annual ? 'safety.report.annual' : 'safety.report.quarterly')}
      />
    </Flex>
  );
}
