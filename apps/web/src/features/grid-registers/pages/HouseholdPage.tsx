import { ArrowLeftOutlined, EditOutlined, PlusOutlined, SolutionOutlined } from '@ant-design/icons';
import { HOUSE_OCCUPANCIES, HOUSE_USES } from '@shanzhi/shared';
import { Button, Card, Descriptions, Flex } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { fetchHousehold } from '../api/registers.api.js';
import { beijingDateTime, labelOf } from '../components/code-labels.js';
import { type HouseDialog, HouseFormModal } from '../components/HouseFormModal.js';
import { type ResidentDialog, ResidentFormModal } from '../components/ResidentFormModal.js';
import { ResidentTable } from '../components/ResidentTable.js';
import { VisitFormModal } from '../components/VisitFormModal.js';
import { VisitTimeline } from '../components/VisitTimeline.js';

/** 户详情: a household — its house, the people registered in it (numbers masked) and its visits. */
export function HouseholdPage() {
  const { t, locale } = useI18n();
  const id = Number(useParams().id);
  const canWrite = usePermission('grid_register.write');
  const canVisit = usePermission('grid_visit.record');
  const household = useApi((signal) => fetchHousehold(id, signal), [id]);
  const [houseDialog, setHouseDialog] = useState<HouseDialog | null>(null);
  const [residentDialog, setResidentDialog] = useState<ResidentDialog | null>(null);
  const [visiting, setVisiting] = useState(false);

  if (household.error && !household.data)
    return <ErrorState error={household.error} onRetry={household.reload} />;
  const house = household.data;
  if (!house) return <PageLoading />;

  return (
    <Flex vertical gap={16}>
      <Link to="/grid/houses">
        <ArrowLeftOutlined /> {t('household.back')}
      </Link>
      <PageTitle
        title={house.label}
        description={[house.communityName, house.gridName].filter(Boolean).join(' · ')}
        extra={
          <>
            {canVisit && (
              <Button type="primary" icon={<SolutionOutlined />} onClick={() => setVisiting(true)}>
                {t('visits.record')}
              </Button>
            )}
            {canWrite && (
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  setResidentDialog({ kind: 'create', house: { id: house.id, label: house.label } })
                }
              >
                {t('residents.create')}
              </Button>
            )}
            {canWrite && (
              <Button icon={<EditOutlined />} onClick={() => setHouseDialog({ kind: 'edit', house })}>
                {t('houses.editTitle')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('houses.use')}>
            {labelOf(HOUSE_USES, house.use, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('houses.occupancy')}>
            {labelOf(HOUSE_OCCUPANCIES, house.occupancy, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('houses.area')}>{house.area ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('houses.residentCount')}>{house.residentCount}</Descriptions.Item>
          <Descriptions.Item label={t('houses.lastVisitedAt')}>
            {house.lastVisitedAt ? beijingDateTime(house.lastVisitedAt) : t('registers.never')}
          </Descriptions.Item>
          <Descriptions.Item label={t('household.location')}>
            {house.location
              ? `${house.location.longitude.toFixed(5)}, ${house.location.latitude.toFixed(5)}`
              : '—'}
          </Descriptions.Item>
          {house.note && <Descriptions.Item label={t('houses.note')}>{house.note}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card size="small" title={t('household.residents')}>
        <ResidentTable
          residents={house.residents}
          showHouse={false}
          emptyText={t('household.noResidents')}
          onEdit={(resident) => setResidentDialog({ kind: 'edit', resident })}
        />
      </Card>
      <Card size="small" title={t('household.visits')}>
        <VisitTimeline visits={house.visits} />
      </Card>
      <HouseFormModal
        dialog={houseDialog}
        onClose={() => setHouseDialog(null)}
        onSaved={() => {
          setHouseDialog(null);
          household.reload();
        }}
      />
      <ResidentFormModal
        dialog={residentDialog}
        onClose={() => setResidentDialog(null)}
        onSaved={() => {
          setResidentDialog(null);
          household.reload();
        }}
      />
      <VisitFormModal
        household={house}
        open={visiting}
        onClose={() => setVisiting(false)}
        onSaved={() => {
          setVisiting(false);
          household.reload();
        }}
      />
    </Flex>
  );
}
