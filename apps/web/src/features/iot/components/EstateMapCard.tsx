import type { EstateMapPin, EstateState } from '@shanzhi/shared';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { MapLegend } from '../../../components/MapLegend.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { CaseMap, type MapPin } from '../../cases/components/CaseMap.js';
import { fetchEstateMap } from '../api/iot.api.js';

/** The pin colour of each state: 有告警 red, 离线偏多 orange, 正常 green. */
const STATE_COLORS: Record<EstateState, string> = {
  alerting: '#e8453c',
  offline: '#fa8c16',
  normal: '#52c41a',
};

/**
 * 小区地图: every estate of the caller's scope as a pin on the boundary map, coloured by its state, its name,
 * devices online and active alerts in the tooltip; a click opens the estate's page.
 */
export function EstateMapCard() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const estates = useApi((signal) => fetchEstateMap(signal), []);
  const pins = useMemo<MapPin[]>(
    () =>
      (estates.data?.items ?? []).map((e: EstateMapPin) => ({
        id: e.id,
        lng: e.lng,
        lat: e.lat,
        color: STATE_COLORS[e.state],
        tooltip: [
          e.name,
          t('iot.map.online', { share: Math.round(e.onlineShare * 100), devices: e.devices }),
          t('iot.map.activeAlerts', { n: e.activeAlerts }),
        ],
      })),
    [estates.data, t],
  );
  if (estates.error) return <ErrorState compact error={estates.error} onRetry={estates.reload} />;
  return (
    <CaseMap
      title={t('iot.map.title')}
      focusId={null}
      pins={pins}
      pointLabel={t('iot.map.pins', { n: pins.length })}
      onPinClick={(pin) => navigate(`/iot/estates/${pin.id}`)}
      extra={
        <MapLegend
          entries={(Object.keys(STATE_COLORS) as EstateState[]).map((state) => ({
            color: STATE_COLORS[state],
            label: t(`iot.map.${state}`),
          }))}
        />
      }
      height={420}
    />
  );
}
