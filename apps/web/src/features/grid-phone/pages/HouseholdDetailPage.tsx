import { ArrowLeftOutlined, SolutionOutlined } from '@ant-design/icons';
import { GENDERS, type ResidentView } from '@shanzhi/shared';
import { Button, Card, Empty, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchHousehold } from '../../grid-registers/api/registers.api.js';
import { labelOf } from '../../grid-registers/components/code-labels.js';
import { ResidentFlagTags } from '../../grid-registers/components/ResidentFlagTags.js';
import { VisitTimeline } from '../../grid-registers/components/VisitTimeline.js';
import { VisitDialog } from '../components/VisitDialog.js';
import { WaitingUploads } from '../components/WaitingUploads.js';
import { waitingVisitsTo } from '../grid-uploads.js';
import { lastVisitLabel } from '../phone-labels.js';
import { useUploadQueue } from '../upload-queue.js';

/** One member of the household, as the server shows him to the worker (numbers masked). */
function ResidentRow({ resident }: { resident: ResidentView }) {
  const { t, locale } = useI18n();
  return (
    <Flex vertical gap={2} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{resident.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {labelOf(GENDERS, resident.gender, locale)} · {t('phone.household.age', { age: resident.age })}
        </Typography.Text>
        <ResidentFlagTags flags={resident.flags} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {resident.idNumber}
        {resident.phone ? ` · ${resident.phone}` : ''}
      </Typography.Text>
    </Flex>
  );
}

/**
 * A household on the phone: its address and last visit, the people registered in it (as masked as the server
 * gives them), its visits — with those still on the phone above them — and 入户走访.
 */
export function HouseholdDetailPage() {
  const { t, locale } = useI18n();
  const id = Number(useParams().id);
  const queue = useUploadQueue();
  const waiting = waitingVisitsTo(queue.items, id);
  // read again once a visit to it got through
  const household = useApi((signal) => fetchHousehold(id, signal), [id, waiting.length]);
  const [visiting, setVisiting] = useState(false);

  const back = (
    <Link to="/m/households">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {t('phone.household.back')}
      </Button>
    </Link>
  );
  if (household.error && !household.data) {
    return (
      <>
        {back}
        <ErrorState compact error={household.error} onRetry={household.reload} />
      </>
    );
  }
  const house = household.data;
  if (!house) return <PageLoading />;

  return (
    <Flex vertical gap={12}>
      {back}
      <Card size="small">
        <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
          {house.label}
        </Typography.Title>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('phone.households.residents', { count: house.residentCount })} ·{' '}
          {lastVisitLabel(house.lastVisitedAt, new Date(), locale)}
        </Typography.Text>
        <Button
          type="primary"
          size="large"
          block
          icon={<SolutionOutlined />}
          style={{ marginTop: 12 }}
          onClick={() => setVisiting(true)}
        >
          {t('phone.household.visit')}
        </Button>
      </Card>
      <Card size="small" title={t('household.residents')}>
        {house.residents.length === 0 ? (
          <Empty description={t('household.noResidents')} />
        ) : (
          house.residents.map((resident) => <ResidentRow key={resident.id} resident={resident} />)
        )}
      </Card>
      <Card size="small" title={t('household.visits')}>
        <Flex vertical gap={8}>
          <WaitingUploads items={waiting} />
          {(waiting.length === 0 || house.visits.length > 0) && <VisitTimeline visits={house.visits} />}
        </Flex>
      </Card>
      <VisitDialog house={house} open={visiting} onClose={() => setVisiting(false)} />
    </Flex>
  );
}
