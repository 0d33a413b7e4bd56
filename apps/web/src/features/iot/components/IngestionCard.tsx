import { ReloadOutlined } from '@ant-design/icons';
import type { IngestionCounters } from '@shanzhi/shared';
import { Button, Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchIngestionCounters } from '../api/iot.api.js';

/** The counters as statistics: received, stored, duplicates, refused by code, MQTT batches and consumers. */
function Counters({ counters: c }: { counters: IngestionCounters }) {
  const { t } = useI18n();
  const refused = Object.entries(c.refused).sort(([, a], [, b]) => b - a);
  return (
    <Flex vertical gap={8}>
      <Row gutter={[16, 8]}>
        <Col xs={12} md={4}>
          <Statistic title={t('iot.ingestion.http')} value={c.received.http} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('iot.ingestion.mqtt')} value={c.received.mqtt} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('iot.ingestion.stored')} value={c.stored} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('iot.ingestion.duplicates')} value={c.duplicates} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('iot.ingestion.batches')} value={`${c.batches} / ${c.lastBatchSize}`} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('iot.ingestion.consumers')}
            value={c.mqttConfigured ? c.consumers : t('iot.ingestion.noMqtt')}
          />
        </Col>
      </Row>
      <Flex gap={6} wrap align="center">
        <Typography.Text type="secondary">{t('iot.ingestion.refused')}</Typography.Text>
        {refused.length === 0
          ? '0'
          : refused.map(([code, n]) => <Tag key={code} color="orange">{`${code} ${n}`}</Tag>)}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('iot.ingestion.since', { at: dayjs(c.since).format('YYYY-MM-DD HH:mm') })}
      </Typography.Text>
    </Flex>
  );
}

/** 接入统计: what the ingestion pipeline of the answering process has seen since it started. */
export function IngestionCard() {
  const { t } = useI18n();
  const counters = useApi((signal) => fetchIngestionCounters(signal), []);
  return (
    <Card
      size="small"
      title={t('iot.ingestion.title')}
      data-testid="iot-ingestion"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={counters.reload}>
          {t('iot.alerts.refresh')}
        </Button>
      }
    >
      {counters.error ? (
        <ErrorState compact error={counters.error} onRetry={counters.reload} />
      ) : (
        counters.data && <Counters counters={counters.data} />
      )}
    </Card>
  );
}
