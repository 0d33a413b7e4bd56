import { ENTERPRISE_MAP_STATES, type EnterpriseMapState } from '@shanzhi/shared';
import { useMemo } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { MapLegend } from '../../../components/MapLegend.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { CaseMap, type MapPin } from '../../cases/components/CaseMap.js';
import { fetchEnterpriseMap } from '../api/safety.api.js';
import { industryLabel } from '../safety-labels.js';

/** The pin colour of each state: 有超期隐患 red, 有未销号隐患 orange, 无隐患 green. */
const STATE_COLORS: Record<EnterpriseMapState, string> = {
  overdue: '#e8453c',
  open: '#fa8c16',
  clear: '#52c41a',
};

/**
 * 企业分布: every located enterprise of the caller's scope as a pin on the boundary map, coloured by its
 * hazards — red while one is past its deadline, orange while one is open —, its name, industry and hazards in
 * the tooltip.
 */
export function EnterpriseMapCard() {
  const { t, locale } = useI18n();
  const enterprises = useApi((signal) => fetchEnterpriseMap(signal), []);
  const pins = useMemo<MapPin[]>(
    () =>
      (enterprises.data?.items ?? []).map((e) => ({
        id: e.id,
        lng: e.lng,
        lat: e.lat,
        color: STATE_COLORS[e.state],
        tooltip: [
          e.name,
          `${industryLabel(e.industry, locale)}${e.highRisk ? ` · ${t('safety.highRisk')}` : ''}`,
          t('safety.map.hazards', { open: e.openHazards, overdue: e.overdueHazards }),
        ],
      })),
    [enterprises.data, t, locale],
  );
  if (enterprises.error) return <ErrorState compact error={enterprises.error} onRetry={enterprises.reload} />;
  return (
    <CaseMap
      title={t('safety.map.title')}
      focusId={null}
      pins={pins}
      pointLabel={t('safety.map.pins', { n: pins.length })}
      extra={
        <MapLegend
          entries={ENTERPRISE_MAP_STATES.map((state) => ({
            color: STATE_COLORS[state],
            label: t(`safety.map.${state}`),
          }))}
        />
      }
      height={420}
    />
  );
}
