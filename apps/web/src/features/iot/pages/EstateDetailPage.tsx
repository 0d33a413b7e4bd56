import type { DeviceView, EstateStats } from '@shanzhi/shared';
import { Card, Col, Flex, Progress, Row, Statistic } from 'antd';
import { PageTitle } from '../../../components/PageTitle.js';
import { useRouteRecord } from '../../../components/use-route-record.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePagedList } from '../../../platform/lists/use-paged-list.js';
import { CaseMap } from '../../cases/components/CaseMap.js';
import { fetchDevices, fetchEstateStats } from '../api/iot.api.js';
import { type DeviceFilters, DeviceTable } from '../components/DeviceTable.js';
import { AlertsByTypeChart, FalseAlarmChart } from '../components/EstateCharts.js';

/** The estate's headline numbers: devices online, alerts, cases, time to acknowledge. */
function Headline({ stats }: { stats: EstateStats }) {
  const { t } = useI18n();
  const { estate } = stats;
  const minutes = stats.medianMinutesToAcknowledge;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('iot.estates.onlineShare')}
            value={`${estate.devicesOnline} / ${estate.devices}`}
          />
          <Progress percent={Math.round(estate.onlineShare * 100)} size="small" />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('iot.stats.alerts')} value={stats.alerts} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('iot.stats.casesOpened')} value={stats.casesOpened} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('iot.stats.timeToAcknowledge')}
            value={minutes === null ? '—' : Math.round(minutes * 10) / 10}
            suffix={minutes === null ? undefined : t('iot.stats.minutes')}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** The estate's devices, a page at a time. */
function EstateDevices({ estateId }: { estateId: number }) {
  const { t } = useI18n();
  const devices = usePagedList<DeviceView, DeviceFilters>((query, signal) => fetchDevices(query, signal), {
    estate: estateId,
  });
  return (
    <Card size="small" title={t('iot.devices.title')}>
      <DeviceTable devices={devices} />
    </Card>
  );
}

/** 小区详情: the estate's numbers (ECharts), where it lies on the boundary map, and its devices. */
export function EstateDetailPage() {
  const { t } = useI18n();
  const { view } = useRouteRecord(fetchEstateStats, t('iot.stats.notFound'));
  if (!view.ready) return view.fallback;
  const stats = view.record;
  const { estate } = stats;
  return (
    <Flex vertical gap={16}>
      <PageTitle
        title={estate.name}
        description={[estate.communityName, estate.address, estate.propertyCompany]
          .filter(Boolean)
          .join(' · ')}
      />
      <Headline stats={stats} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <AlertsByTypeChart stats={stats} />
        </Col>
        <Col xs={24} lg={12}>
          <FalseAlarmChart stats={stats} />
        </Col>
      </Row>
      <CaseMap
        title={t('iot.stats.map')}
        focusId={estate.communityId}
        pins={[{ lng: estate.lng, lat: estate.lat }]}
        pointLabel={estate.name}
        height={320}
      />
      <EstateDevices estateId={estate.id} />
    </Flex>
  );
}
