import { EnvironmentOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { PickedPlace } from './LocationField.js';

/**
 * Where a picked point lies, as tags from district to grid, with a link to clear it; `emptyText` while
 * nothing is picked. Props: `value`, `onClear`, `coordinates` (also show longitude and latitude).
 */
export function PickedPlaceTags({
  value,
  onClear,
  emptyText,
  coordinates = true,
}: {
  value: PickedPlace | null;
  onClear: () => void;
  emptyText: string;
  coordinates?: boolean;
}) {
  const { t } = useI18n();
  const chain = value
    ? [value.located.district, value.located.town, value.located.community, value.located.grid].filter(
        (o): o is NonNullable<typeof o> => o !== null,
      )
    : [];
  if (chain.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="located" style={{ minHeight: 24 }}>
        <EnvironmentOutlined /> {emptyText}
      </Typography.Text>
    );
  }
  return (
    <Flex gap={6} wrap align="center" style={{ minHeight: 24 }} data-testid="located">
      <EnvironmentOutlined />
      {chain.map((org) => (
        <Tag key={org.id} color="blue" style={{ marginInlineEnd: 0 }}>
          {org.name}
        </Tag>
      ))}
      {coordinates && value && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {value.point.lng.toFixed(5)}, {value.point.lat.toFixed(5)}
        </Typography.Text>
      )}
      <Typography.Link onClick={onClear}>{t('intake.clearLocation')}</Typography.Link>
    </Flex>
  );
}
