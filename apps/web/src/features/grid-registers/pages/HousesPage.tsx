import { HOUSE_OCCUPANCIES, HOUSE_USES, type HouseListQuery, type HouseView } from '@shanzhi/shared';
import { Button, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePagedList } from '../../../platform/lists/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { fetchHouses } from '../api/registers.api.js';
import { beijingDateTime, labelOf, optionsOf } from '../components/code-labels.js';
import { type HouseDialog, HouseFormModal } from '../components/HouseFormModal.js';
import { RegisterListFrame } from '../components/RegisterListFrame.js';

type Filters = Partial<Omit<HouseListQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number };
const NOT_VISITED_DAYS = [30, 60, 90, 180];

/** 房屋: the houses of the user's scope — by area, keyword, use, occupancy and how long since the last visit. */
export function HousesPage() {
  const { t, locale } = useI18n();
  const canWrite = usePermission('grid_register.write');
  const [dialog, setDialog] = useState<HouseDialog | null>(null);
  const paged = usePagedList((query: Filters, signal) => fetchHouses(query, signal), {} as Partial<Filters>);
  const { list, query: filters, filter } = paged;

  return (
    <>
      <RegisterListFrame
        kind="houses"
        paged={paged}
        description={t('houses.description')}
        createLabel={t('houses.create')}
        onCreate={() => setDialog({ kind: 'create' })}
        keywordPlaceholder={t('houses.keywordPlaceholder')}
        filters={
          <>
            <Select
              allowClear
              placeholder={t('houses.use')}
              aria-label={t('houses.use')}
              style={{ width: 120 }}
              value={filters.use}
              onChange={(use) => filter({ use })}
              options={optionsOf(HOUSE_USES, locale)}
            />
            <Select
              allowClear
              placeholder={t('houses.occupancy')}
              aria-label={t('houses.occupancy')}
              style={{ width: 120 }}
              value={filters.occupancy}
              onChange={(occupancy) => filter({ occupancy })}
              options={optionsOf(HOUSE_OCCUPANCIES, locale)}
            />
            <Select
              allowClear
              placeholder={t('houses.notVisited')}
              aria-label={t('houses.notVisited')}
              style={{ width: 170 }}
              value={filters.notVisitedForDays}
              onChange={(notVisitedForDays) => filter({ notVisitedForDays })}
              options={NOT_VISITED_DAYS.map((days) => ({
                value: days,
                label: t('houses.notVisitedFor', { days }),
              }))}
            />
          </>
        }
      >
        <Table<HouseView>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 980 }}
          locale={{ emptyText: t('houses.empty') }}
          pagination={paged.pagination(t)}
          columns={[
            {
              title: t('houses.label'),
              dataIndex: 'label',
              render: (label: string, house) => <Link to={`/grid/houses/${house.id}`}>{label}</Link>,
            },
            { title: t('registers.grid'), dataIndex: 'gridName', width: 180, ellipsis: true },
            {
              title: t('houses.use'),
              dataIndex: 'use',
              width: 90,
              render: (use: string) => labelOf(HOUSE_USES, use, locale),
            },
            {
              title: t('houses.occupancy'),
              dataIndex: 'occupancy',
              width: 90,
              render: (occupancy: string) => labelOf(HOUSE_OCCUPANCIES, occupancy, locale),
            },
            { title: t('houses.residentCount'), dataIndex: 'residentCount', width: 90 },
            {
              title: t('houses.lastVisitedAt'),
              dataIndex: 'lastVisitedAt',
              width: 150,
              render: (at: string | null) =>
                at ? (
                  beijingDateTime(at)
                ) : (
                  <Typography.Text type="warning">{t('registers.never')}</Typography.Text>
                ),
            },
            ...(canWrite
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 90,
                    render: (_: unknown, house: HouseView) => (
                      <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', house })}>
                        {t('registers.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </RegisterListFrame>
      <HouseFormModal
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
