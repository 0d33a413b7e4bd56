import type { DeviceListQuery, DeviceView } from '@shanzhi/shared';
import { Flex, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { PagedList } from '../../../platform/lists/use-paged-list.js';
import { deviceTypeLabel } from '../iot-labels.js';

/** The filters of a device list. */
export type DeviceFilters = Pick<DeviceListQuery, 'estate' | 'type' | 'serial'>;

/** 感知设备: a page of devices with where they stand and whether they are online. */
export function DeviceTable({ devices }: { devices: PagedList<DeviceView, DeviceFilters> }) {
  const { t } = useI18n();
  return (
    <Table<DeviceView>
      size="small"
      data-testid="iot-devices"
      rowKey="id"
      loading={devices.list.loading}
      dataSource={devices.list.data?.items ?? []}
      pagination={devices.pagination(t)}
      scroll={{ x: 1000 }}
      columns={[
        { title: t('iot.devices.serial'), dataIndex: 'serial', width: 160 },
        {
          title: t('iot.devices.type'),
          dataIndex: 'type',
          width: 150,
          render: (d: DeviceView['type']) => deviceTypeLabel(d),
        },
        { title: t('iot.estate'), dataIndex: 'estateName', width: 110 },
        {
          title: t('iot.place'),
          key: 'place',
          render: (_: unknown, d) =>
            [d.buildingName, d.floor !== null ? `${d.floor}层` : null, d.point].filter(Boolean).join(' '),
        },
        {
          title: t('iot.devices.vendor'),
          key: 'vendor',
          width: 180,
          render: (_: unknown, d) => `${d.vendor} ${d.model ?? ''}`,
        },
        {
          title: t('iot.devices.lastSeen'),
          key: 'online',
          width: 170,
          render: (_: unknown, d) => (
            <Flex gap={6}>
              <Tag color={d.online ? 'green' : d.lastSeenAt ? 'orange' : 'default'}>
                {d.online
                  ? t('iot.devices.online')
                  : d.lastSeenAt
                    ? t('iot.devices.offline')
                    : t('iot.devices.neverSeen')}
              </Tag>
              {d.lastSeenAt ? dayjs(d.lastSeenAt).format('MM-DD HH:mm') : ''}
            </Flex>
          ),
        },
      ]}
    />
  );
}
