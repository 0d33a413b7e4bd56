import type { EstateStats } from '@shanzhi/shared';
import { BarChartCard } from '../../../components/BarChartCard.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { alertTypeLabel, deviceTypeLabel } from '../iot-labels.js';

/** 告警类型分布: the estate's alerts by type. */
export function AlertsByTypeChart({ stats }: { stats: EstateStats }) {
  const { t } = useI18n();
  return (
    <BarChartCard
      title={t('iot.stats.byType')}
      empty={t('iot.stats.noAlerts')}
      labels={stats.alertsByType.map((r) => alertTypeLabel(r.type))}
      values={stats.alertsByType.map((r) => r.count)}
    />
  );
}

/** 误报率: dismissed as false over all alerts, per device type (percent). */
export function FalseAlarmChart({ stats }: { stats: EstateStats }) {
  const { t } = useI18n();
  return (
    <BarChartCard
      title={t('iot.stats.falseAlarms')}
      empty={t('iot.stats.noAlerts')}
      labels={stats.falseAlarms.map((r) => deviceTypeLabel(r.deviceType))}
      values={stats.falseAlarms.map((r) => Math.round(r.rate * 1000) / 10)}
      percent
    />
  );
}
