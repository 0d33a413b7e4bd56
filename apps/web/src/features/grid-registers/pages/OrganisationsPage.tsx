import {
  ORGANISATION_KINDS,
  ORGANISATION_TAGS,
  type OrganisationListQuery,
  type OrganisationView,
} from '@shanzhi/shared';
import { Button, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePagedList } from '../../../platform/lists/index.js';
import { usePermission } from '../../auth/hooks/use-permission.js';
import { fetchOrganisations, revealOrganisation } from '../api/registers.api.js';
import { labelOf, optionsOf } from '../components/code-labels.js';
import { type OrganisationDialog, OrganisationFormModal } from '../components/OrganisationFormModal.js';
import { RegisterListFrame } from '../components/RegisterListFrame.js';
import { RevealNumbersButton } from '../components/RevealNumbersButton.js';

type Filters = Partial<Omit<OrganisationListQuery, 'page' | 'pageSize'>> & { page: number; pageSize: number };

/** 单位组织: the organisations and key venues of the user's scope. */
export function OrganisationsPage() {
  const { t, locale } = useI18n();
  const canWrite = usePermission('grid_register.write');
  const mayReveal = usePermission('personal_data.read');
  const [dialog, setDialog] = useState<OrganisationDialog | null>(null);
  const paged = usePagedList(
    (query: Filters, signal) => fetchOrganisations(query, signal),
    {} as Partial<Filters>,
  );
  const { list, query: filters, filter } = paged;

  return (
    <>
      <RegisterListFrame
        kind="organisations"
        paged={paged}
        description={t('organisations.description')}
        createLabel={t('organisations.create')}
        onCreate={() => setDialog({ kind: 'create' })}
        keywordPlaceholder={t('organisations.keywordPlaceholder')}
        filters={
          <>
            <Select
              allowClear
              placeholder={t('organisations.kind')}
              aria-label={t('organisations.kind')}
              style={{ width: 150 }}
              value={filters.kind}
              onChange={(kind) => filter({ kind })}
              options={optionsOf(ORGANISATION_KINDS, locale)}
            />
            <Select
              allowClear
              placeholder={t('organisations.tags')}
              aria-label={t('organisations.tags')}
              style={{ width: 160 }}
              value={filters.tag}
              onChange={(tag) => filter({ tag })}
              options={optionsOf(ORGANISATION_TAGS, locale)}
            />
          </>
        }
      >
        <Table<OrganisationView>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('organisations.empty') }}
          pagination={paged.pagination(t)}
          columns={[
            {
              title: t('organisations.name'),
              dataIndex: 'name',
              width: 200,
              fixed: 'left',
              ellipsis: true,
            },
            {
              title: t('organisations.kind'),
              dataIndex: 'kind',
              width: 110,
              render: (kind: string) => labelOf(ORGANISATION_KINDS, kind, locale),
            },
            { title: t('organisations.address'), dataIndex: 'address', ellipsis: true },
            { title: t('organisations.contactName'), dataIndex: 'contactName', width: 90 },
            {
              title: t('organisations.contactPhone'),
              dataIndex: 'contactPhone',
              width: 130,
              render: (p: string | null) => p ?? '—',
            },
            {
              title: t('organisations.tags'),
              dataIndex: 'tags',
              width: 180,
              render: (tags: string[]) =>
                tags.map((tag) => (
                  <Tag key={tag} color="orange" bordered={false}>
                    {labelOf(ORGANISATION_TAGS, tag, locale)}
                  </Tag>
                )),
            },
            { title: t('registers.grid'), dataIndex: 'gridName', width: 160, ellipsis: true },
            ...(canWrite || mayReveal
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    fixed: 'right' as const,
                    width: 200,
                    render: (_: unknown, organisation: OrganisationView) => (
                      <Space size={0} wrap>
                        {canWrite && (
                          <Button
                            type="link"
                            size="small"
                            onClick={() => setDialog({ kind: 'edit', organisation })}
                          >
                            {t('registers.edit')}
                          </Button>
                        )}
                        {mayReveal && organisation.contactPhone && (
                          <RevealNumbersButton
                            name={organisation.name}
                            load={() => revealOrganisation(organisation.id)}
                            labels={{ contactPhone: t('organisations.contactPhone') }}
                          />
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </RegisterListFrame>
      <OrganisationFormModal
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
