import { EnvironmentOutlined } from '@ant-design/icons';
import { App, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { ApiError } from '../../../platform/api/index.js';
import { CaseMap } from '../../cases/components/CaseMap.js';
import { type LocatedPoint, locatePoint } from '../../orgs/api/orgs.api.js';

/** A point picked on the map, with the orgs it lies in. */
export interface PickedPlace {
  point: { lng: number; lat: number };
  located: LocatedPoint;
  /** district + town + community, e.g. to prefill an empty address */
  areaName: string;
}

/**
 * 事发位置: a map of the scope's districts; a click locates the point (`/orgs/locate`), fills grid, community,
 * town and district, and zooms to the community's grids so a second click can refine. Props: `value`/`onChange`.
 */
export function LocationField({
  value,
  onChange,
}: {
  value?: PickedPlace | null;
  onChange?: (place: PickedPlace | null) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [focusId, setFocusId] = useState<number | null>(null);

  async function pick(point: { lng: number; lat: number }) {
    try {
      const located = await locatePoint(point.lat, point.lng);
      if (!located.grid) {
        message.info(t('orgs.locateNothing'));
        return;
      }
      const areaName = [located.district, located.town, located.community]
        .map((o) => o?.name)
        .filter(Boolean)
        .join('');
      onChange?.({ point, located, areaName });
      setFocusId(located.community?.id ?? located.town?.id ?? null);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'POINT_OUTSIDE_CITY')
        message.info(t('orgs.locateOutside'));
      else message.error(errorText(error, t));
    }
  }

  const chain = value
    ? [value.located.district, value.located.town, value.located.community, value.located.grid].filter(
        (o): o is NonNullable<typeof o> => o !== null,
      )
    : [];

  return (
    <Flex vertical gap={8}>
      <Flex gap={6} wrap align="center" style={{ minHeight: 24 }} data-testid="located">
        <EnvironmentOutlined />
        {chain.length === 0 ? (
          <Typography.Text type="secondary">{t('intake.locationHint')}</Typography.Text>
        ) : (
          <>
            {chain.map((org) => (
              <Tag key={org.id} color="blue">
                {org.name}
              </Tag>
            ))}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {value?.point.lng.toFixed(5)}, {value?.point.lat.toFixed(5)}
            </Typography.Text>
            <Typography.Link onClick={() => onChange?.(null)}>{t('intake.clearLocation')}</Typography.Link>
          </>
        )}
      </Flex>
      <CaseMap
        focusId={focusId}
        point={value?.point ?? null}
        onPick={(point) => void pick(point)}
        onReset={() => setFocusId(null)}
        height={340}
      />
    </Flex>
  );
}
