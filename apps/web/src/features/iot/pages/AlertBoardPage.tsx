import {
  IOT_ALERT_STATES,
  type IotAlertListQuery,
  type IotAlertStaffAction,
  type IotAlertView,
} from '@shanzhi/shared';
import { Button, Card, Flex, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { KeysetPager } from '../../../components/KeysetPager.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { useKeysetPages } from '../../../platform/lists/use-keyset-pages.js';
import { useLiveTopics } from '../../notifications/hooks/live-events.js';
import { fetchAlerts, fetchEstates } from '../api/iot.api.js';
import { AlertActionDialog } from '../components/AlertActionDialog.js';
import {
  ALERT_STATE_COLORS,
  alertActionLabel,
  alertStateLabel,
  alertTypeLabel,
  deviceTypeLabel,
  escalationLabel,
  SEVERITY_COLORS,
  severityLabel,
} from '../iot-labels.js';

type Filters = Pick<IotAlertListQuery, 'estate' | 'state'>;
const LIVE = ['iot_alert.raised'] as const;
const PAGE = 50;

/** Where a device stands: 楼栋 楼层 点位. */
const placeOf = (a: IotAlertView) =>
  [a.buildingName, a.floor !== null ? `${a.floor}层` : null, a.point].filter(Boolean).join(' ');

/**
 * 告警看板: the alerts of the caller's scope, newest first, by estate and state. A new or repeated alert
 * rings in over the live stream and the board reloads; each row carries the actions the server allows.
 */
export function AlertBoardPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>({});
  const [acting, setActing] = useState<{ alert: IotAlertView; action: IotAlertStaffAction } | null>(null);
  const estates = useApi((signal) => fetchEstates({ pageSize: 200 }, signal), []);
  const board = useKeysetPages<IotAlertView>(
    (page, signal) => fetchAlerts({ ...filters, ...page }, signal),
    JSON.stringify(filters),
    PAGE,
  );
  useLiveTopics(LIVE, () => board.page.reload());

  return (
    <Flex vertical gap={16}>
      <PageTitle title={t('menu.iotAlerts')} description={t('iot.alerts.description')} />
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('iot.estate')}
            aria-label={t('iot.estate')}
            style={{ width: 200 }}
            value={filters.estate}
            onChange={(estate) => setFilters((f) => ({ ...f, estate }))}
            options={(estates.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
          />
          <Select
            allowClear
            placeholder={t('iot.state')}
            aria-label={t('iot.state')}
            style={{ width: 140 }}
            value={filters.state}
            onChange={(state) => setFilters((f) => ({ ...f, state }))}
            options={IOT_ALERT_STATES.map((s) => ({ value: s, label: alertStateLabel(s) }))}
          />
          <Button onClick={board.page.reload}>{t('iot.alerts.refresh')}</Button>
        </Flex>
        {board.page.error ? (
          <ErrorState compact error={board.page.error} onRetry={board.page.reload} />
        ) : (
          <Table<IotAlertView>
            size="small"
            data-testid="iot-alerts"
            rowKey="id"
            loading={board.page.loading}
            dataSource={board.page.data?.items ?? []}
            pagination={false}
            scroll={{ x: 1400 }}
            columns={[
              {
                title: t('iot.alerts.raisedAt'),
                dataIndex: 'lastRaisedAt',
                width: 140,
                render: (at: string) => dayjs(at).format('MM-DD HH:mm:ss'),
              },
              {
                title: t('iot.alerts.type'),
                key: 'type',
                width: 200,
                render: (_: unknown, a) => (
                  <Space size={4}>
                    <Tag color={SEVERITY_COLORS[a.severity]}>{severityLabel(a.severity)}</Tag>
                    {alertTypeLabel(a.type)}
                    {a.emergency && <Tag color="red">{t('iot.alerts.emergency')}</Tag>}
                  </Space>
                ),
              },
              { title: t('iot.estate'), dataIndex: 'estateName', width: 120 },
              { title: t('iot.place'), key: 'place', width: 180, render: (_: unknown, a) => placeOf(a) },
              {
                title: t('iot.device'),
                key: 'device',
                width: 200,
                render: (_: unknown, a) => `${deviceTypeLabel(a.deviceType)} ${a.deviceSerial}`,
              },
              { title: t('iot.alerts.count'), dataIndex: 'count', width: 70 },
              {
                title: t('iot.state'),
                key: 'state',
                width: 200,
                render: (_: unknown, a) => (
                  <Space size={4} wrap>
                    <Tag color={ALERT_STATE_COLORS[a.state]}>{alertStateLabel(a.state)}</Tag>
                    {a.escalationLevel !== 'grid' && (
                      <Tag color="magenta" data-testid="iot-escalation">
                        {escalationLabel(a.escalationLevel)}
                      </Tag>
                    )}
                    {a.caseId && <Link to={`/cases/${a.caseId}`}>{a.caseNumber}</Link>}
                    {a.dismissReason && <span>{a.dismissReason}</span>}
                  </Space>
                ),
              },
              {
                title: t('iot.alerts.actions'),
                key: 'actions',
                width: 260,
                fixed: 'right',
                render: (_: unknown, a) => (
                  <Space size={4}>
                    {(a.actions as IotAlertStaffAction[]).map((action) => (
                      <Button
                        key={action}
                        size="small"
                        danger={action === 'dismiss'}
                        onClick={() => setActing({ alert: a, action })}
                      >
                        {alertActionLabel(action)}
                      </Button>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        )}
        <KeysetPager pages={board} />
      </Card>
      <AlertActionDialog
        alert={acting?.alert ?? null}
        action={acting?.action ?? null}
        onClose={() => setActing(null)}
        onDone={board.page.reload}
      />
    </Flex>
  );
}
