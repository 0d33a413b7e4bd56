import { GENDERS, POPULATION_TYPES, RESIDENT_FLAGS, type ResidentListQuery } from '@shanzhi/shared';
import { Alert, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePagedList } from '../../../platform/lists/index.js';
import { fetchResidents } from '../api/registers.api.js';
import { optionsOf } from '../components/code-labels.js';
import { RegisterListFrame } from '../components/RegisterListFrame.js';
import { type ResidentDialog, ResidentFormModal } from '../components/ResidentFormModal.js';
import { ResidentTable } from '../components/ResidentTable.js';

type Filters = Partial<Omit<ResidentListQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number };

/** 实有人口: the residents of the user's scope, their numbers masked, with the groups to look after. */
export function ResidentsPage() {
  const { t, locale } = useI18n();
  const [dialog, setDialog] = useState<ResidentDialog | null>(null);
  const paged = usePagedList(
    (query: Filters, signal) => fetchResidents(query, signal),
    {} as Partial<Filters>,
  );
  const { list, query: filters, filter } = paged;

  return (
    <>
      <RegisterListFrame
        kind="residents"
        paged={paged}
        description={t('residents.description')}
        createLabel={t('residents.create')}
        onCreate={() => setDialog({ kind: 'create' })}
        keywordPlaceholder={t('residents.keywordPlaceholder')}
        notice={
          <Alert type="info" showIcon message={t('registers.numbersHint')} style={{ marginBottom: 12 }} />
        }
        filters={
          <>
            <Select
              allowClear
              placeholder={t('residents.flags')}
              aria-label={t('residents.flags')}
              style={{ width: 160 }}
              value={filters.flag}
              onChange={(flag) => filter({ flag })}
              options={optionsOf(RESIDENT_FLAGS, locale)}
            />
            <Select
              allowClear
              placeholder={t('residents.populationType')}
              aria-label={t('residents.populationType')}
              style={{ width: 130 }}
              value={filters.populationType}
              onChange={(populationType) => filter({ populationType })}
              options={optionsOf(POPULATION_TYPES, locale)}
            />
            <Select
              allowClear
              placeholder={t('residents.gender')}
              aria-label={t('residents.gender')}
              style={{ width: 90 }}
              value={filters.gender}
              onChange={(gender) => filter({ gender })}
              options={optionsOf(GENDERS, locale)}
            />
            <Space.Compact>
              <InputNumber
                min={0}
                max={150}
                placeholder={t('residents.ageFrom')}
                aria-label={t('residents.ageFrom')}
                value={filters.ageFrom ?? null}
                onChange={(ageFrom) => filter({ ageFrom: ageFrom ?? undefined })}
                style={{ width: 90 }}
              />
              <InputNumber
                min={0}
                max={150}
                placeholder={t('residents.ageTo')}
                aria-label={t('residents.ageTo')}
                value={filters.ageTo ?? null}
                onChange={(ageTo) => filter({ ageTo: ageTo ?? undefined })}
                style={{ width: 80 }}
              />
            </Space.Compact>
          </>
        }
      >
        <ResidentTable
          residents={list.data?.items ?? []}
          loading={list.loading}
          emptyText={t('residents.empty')}
          onEdit={(resident) => setDialog({ kind: 'edit', resident })}
          pagination={paged.pagination(t)}
        />
      </RegisterListFrame>
      <ResidentFormModal
        dialog={dialog}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          list.reload();
        }}
      />
    </>
  );
}
