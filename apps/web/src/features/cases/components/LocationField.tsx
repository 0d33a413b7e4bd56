import { App, Flex } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError } from '../../../platform/api/index.js';
import type { LocatedPoint } from '../../orgs/api/orgs.api.js';
import { type MapSource, staffMapSource } from '../api/case-map.api.js';
import { CaseMap } from './CaseMap.js';
import { PickedPlaceTags } from './PickedPlaceTags.js';

/** A point picked on the map, with the orgs it lies in. */
export interface PickedPlace {
  point: { lng: number; lat: number };
  located: LocatedPoint;
  /** district + town + community, e.g. to prefill an empty address */
  areaName: string;
}

/** A located point as the field holds it, with its area's name. */
export function toPickedPlace(point: { lng: number; lat: number }, located: LocatedPoint): PickedPlace {
  const areaName = [located.district, located.town, located.community]
    .map((o) => o?.name)
    .filter(Boolean)
    .join('');
  return { point, located, areaName };
}

/**
 * 事发位置: a map of the districts; a click locates the point, fills grid, community, town and district, and
 * zooms to the community's grids so a second click can refine. Props: `value`/`onChange`; `source` (the
 * staff's org tree by default, the portal's public map for citizens); `height` of the map; `coordinates`
 * (show the picked point's longitude and latitude, for staff).
 */
export function LocationField({
  value,
  onChange,
  source = staffMapSource,
  height = 340,
  coordinates = true,
}: {
  value?: PickedPlace | null;
  onChange?: (place: PickedPlace | null) => void;
  source?: MapSource;
  height?: number;
  coordinates?: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [focusId, setFocusId] = useState<number | null>(null);

  async function pick(point: { lng: number; lat: number }) {
    try {
      const located = await source.locate(point);
      if (!located.grid) {
        message.info(t('orgs.locateNothing'));
        return;
      }
      onChange?.(toPickedPlace(point, located));
      setFocusId(located.community?.id ?? located.town?.id ?? null);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'POINT_OUTSIDE_CITY')
        message.info(t('orgs.locateOutside'));
      else message.error(errorText(error, t));
    }
  }

  return (
    <Flex vertical gap={8}>
      <PickedPlaceTags
        value={value ?? null}
        onClear={() => onChange?.(null)}
        emptyText={t('intake.locationHint')}
        coordinates={coordinates}
      />
      <CaseMap
        focusId={focusId}
        pins={value ? [value.point] : []}
        onPick={(point) => void pick(point)}
        onReset={() => setFocusId(null)}
        height={height}
        source={source}
      />
    </Flex>
  );
}
