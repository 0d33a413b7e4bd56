import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { DEVICE_TYPES, type DeviceImportResult, type DeviceView, type EstateView } from '@shanzhi/shared';
import { App, Button, Card, Flex, Input, Progress, Select, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { toApiError } from '../../../platform/api/index.js';
import { usePagedList } from '../../../platform/lists/use-paged-list.js';
import { useSession } from '../../auth/hooks/session-store.js';
import { DEVICE_TEMPLATE_URL, fetchDevices, fetchEstates, importDevices } from '../api/iot.api.js';
import { DeviceImportResultPanel } from '../components/DeviceImportResultPanel.js';
import { type DeviceFilters, DeviceTable } from '../components/DeviceTable.js';
import { EstateDialog } from '../components/EstateDialog.js';
import { EstateMapCard } from '../components/EstateMapCard.js';
import { IngestionCard } from '../components/IngestionCard.js';
import { deviceTypeLabel } from '../iot-labels.js';

/**
 * 小区与设备: every estate of the scope on the map, the ingestion counters for those who manage the devices,
 * the estates with their devices online and active alerts; below, the devices by estate and type.
 */
export function EstatesPage() {
  const { t } = useI18n();
  const estates = usePagedList<EstateView, { q?: string }>(
    (query, signal) => fetchEstates(query, signal),
    {},
  );
  const devices = usePagedList<DeviceView, DeviceFilters>((query, signal) => fetchDevices(query, signal), {});
  const session = useSession();
  const canManage = session.status === 'ready' && session.me.permissions.includes('iot.manage_devices');
  const [adding, setAdding] = useState(false);
  const [imported, setImported] = useState<DeviceImportResult | null>(null);
  const { message } = App.useApp();

  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={t('menu.iotEstates')}
        description={t('iot.estates.description')}
        extra={
          canManage && (
            <Flex gap={8} wrap>
              <Button href={DEVICE_TEMPLATE_URL} icon={<DownloadOutlined />}>
                {t('iot.import.template')}
              </Button>
              <Upload
                accept=".xlsx"
                showUploadList={false}
                beforeUpload={(file) => {
                  importDevices(file)
                    .then((result) => {
                      setImported(result);
                      estates.list.reload();
                      devices.list.reload();
                    })
                    .catch((error: unknown) => message.error(errorText(toApiError(error), t)));
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />}>{t('iot.import.devices')}</Button>
              </Upload>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('iot.estates.add')}
              </Button>
            </Flex>
          )
        }
      />
      {imported && <DeviceImportResultPanel result={imported} />}
      <EstateMapCard />
      {canManage && <IngestionCard />}
      <EstateDialog
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          estates.list.reload();
        }}
      />
      <Card size="small" title={t('iot.estates.title')}>
        <Input.Search
          allowClear
          placeholder={t('iot.estates.search')}
          aria-label={t('iot.estates.search')}
          style={{ width: 240, marginBottom: 12 }}
          onSearch={(q) => estates.filter({ q: q || undefined })}
        />
        {estates.list.error ? (
          <ErrorState compact error={estates.list.error} onRetry={estates.list.reload} />
        ) : (
          <Table<EstateView>
            size="small"
            data-testid="iot-estates"
            rowKey="id"
            loading={estates.list.loading}
            dataSource={estates.list.data?.items ?? []}
            pagination={estates.pagination(t)}
            onRow={(row) => ({
              onClick: () => devices.filter({ estate: row.id }),
              style: { cursor: 'pointer' },
            })}
            columns={[
              {
                title: t('iot.estate'),
                dataIndex: 'name',
                width: 140,
                render: (name: string, e) => (
                  <Link to={`/iot/estates/${e.id}`} onClick={(event) => event.stopPropagation()}>
                    {name}
                  </Link>
                ),
              },
              { title: t('iot.estates.community'), dataIndex: 'communityName', width: 120 },
              { title: t('iot.estates.property'), dataIndex: 'propertyCompany', ellipsis: true },
              {
                title: t('iot.estates.buildings'),
                key: 'buildings',
                width: 90,
                render: (_: unknown, e) => e.buildings.length,
              },
              {
                title: t('iot.estates.online'),
                key: 'online',
                width: 180,
                render: (_: unknown, e) => (
                  <Flex gap={6} align="center">
                    <Progress
                      percent={Math.round(e.onlineShare * 100)}
                      size="small"
                      style={{ width: 90, margin: 0 }}
                      aria-label={t('iot.estates.onlineShare')}
                    />
                    <span>{`${e.devicesOnline} / ${e.devices}`}</span>
                  </Flex>
                ),
              },
              {
                title: t('iot.estates.activeAlerts'),
                dataIndex: 'activeAlerts',
                width: 100,
                render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0),
              },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('iot.devices.title')}>
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('iot.estate')}
            aria-label={t('iot.devices.estate')}
            style={{ width: 180 }}
            value={devices.query.estate}
            onChange={(estate) => devices.filter({ estate })}
            options={(estates.list.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
          />
          <Select
            allowClear
            placeholder={t('iot.devices.type')}
            aria-label={t('iot.devices.type')}
            style={{ width: 200 }}
            value={devices.query.type}
            onChange={(type) => devices.filter({ type })}
            options={DEVICE_TYPES.map((d) => ({ value: d, label: deviceTypeLabel(d) }))}
          />
          <Input.Search
            allowClear
            placeholder={t('iot.devices.serial')}
            aria-label={t('iot.devices.serial')}
            style={{ width: 200 }}
            onSearch={(serial) => devices.filter({ serial: serial || undefined })}
          />
        </Flex>
        {devices.list.error ? (
          <ErrorState compact error={devices.list.error} onRetry={devices.list.reload} />
        ) : (
          <DeviceTable devices={devices} />
        )}
      </Card>
    </Flex>
  );
}
