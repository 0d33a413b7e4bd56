import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { wgs84ToGcj02 } from '@shanzhi/shared';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError } from '../../../platform/api/index.js';
import { LocationField, type PickedPlace, toPickedPlace } from '../../cases/components/LocationField.js';
import { PickedPlaceTags } from '../../cases/components/PickedPlaceTags.js';
import { portalMapSource } from '../api/portal-map.api.js';

/** The phone's position, as the browser's geolocation gives it (WGS-84). */
function currentPosition(): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(resolve, reject, { timeout: 10_000, enableHighAccuracy: true }),
  );
}

/**
 * 事发位置 on the portal: the phone's own position, or the city's map (the public outlines of districts,
 * communities and grids) to tap the place on; either way the grid and community are found. The map opens on
 * request: it is heavy to load on a phone and a map in the middle of a form gets in the way of scrolling.
 * Props: `value`/`onChange` (antd form field).
 */
export function PortalPlace({
  value,
  onChange,
}: {
  value?: PickedPlace | null;
  onChange?: (place: PickedPlace | null) => void;
}) {
  const { t } = useI18n();
  const [mapOpen, setMapOpen] = useState(false);
  const [locating, setLocating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function locateMe() {
    if (!navigator.geolocation) {
      setFailure(t('portal.locateUnsupported'));
      return;
    }
    setLocating(true);
    setFailure(null);
    try {
      const { coords } = await currentPosition();
      // the phone speaks WGS-84, the city's map GCJ-02
      const point = wgs84ToGcj02({ lng: coords.longitude, lat: coords.latitude });
      const located = await portalMapSource.locate(point);
      onChange?.(toPickedPlace(point, located));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'POINT_OUTSIDE_CITY')
        setFailure(t('portal.locateOutside'));
      else if (error instanceof ApiError) setFailure(errorText(error, t));
      else setFailure(t('portal.locateFailed'));
    } finally {
      setLocating(false);
    }
  }

  return (
    <Flex vertical gap={8}>
      {mapOpen ? (
        <LocationField
          value={value ?? null}
          onChange={(place) => onChange?.(place)}
          source={portalMapSource}
          coordinates={false}
          height={300}
        />
      ) : (
        <PickedPlaceTags
          value={value ?? null}
          onClear={() => onChange?.(null)}
          emptyText={t('portal.placeEmpty')}
          coordinates={false}
        />
      )}
      <Flex gap={8} wrap>
        <Button
          icon={<AimOutlined />}
          onClick={() => void locateMe()}
          loading={locating}
          style={{ flex: '1 1 150px' }}
        >
          {t('portal.locate')}
        </Button>
        <Button
          icon={<EnvironmentOutlined />}
          onClick={() => setMapOpen((open) => !open)}
          style={{ flex: '1 1 150px' }}
        >
          {mapOpen ? t('portal.closeMap') : t('portal.openMap')}
        </Button>
      </Flex>
      {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
    </Flex>
  );
}
