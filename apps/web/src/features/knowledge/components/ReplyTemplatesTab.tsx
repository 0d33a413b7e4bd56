import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ReplyTemplate } from '@shanzhi/shared';
import { Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { usePagedList } from '../../../platform/lists/use-paged-list.js';
import { fetchTemplates } from '../api/knowledge-admin.api.js';
import { ReplyTemplateModal, type TemplateDialog } from './ReplyTemplateModal.js';

/** 回复样板: the standard reply templates, active first, a page at a time, and the editor. */
export function ReplyTemplatesTab() {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<TemplateDialog | null>(null);
  const templates = usePagedList(fetchTemplates, {});
  const { list } = templates;
  return (
    <>
      <Flex gap={12} style={{ marginBottom: 12 }}>
        <Tooltip title={t('common.refresh')}>
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
        </Tooltip>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          {t('knowledge.createTemplate')}
        </Button>
      </Flex>
      {list.error && !list.data ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : (
        <Table<ReplyTemplate>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('knowledge.templatesEmpty') }}
          pagination={templates.pagination(t)}
          expandable={{
            expandedRowRender: (template) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {template.body}
              </Typography.Paragraph>
            ),
          }}
          columns={[
            { title: t('knowledge.templateName'), dataIndex: 'name', ellipsis: true },
            {
              title: t('knowledge.category'),
              dataIndex: 'categoryName',
              width: 180,
              ellipsis: true,
              render: (name: string | null) => name ?? t('knowledge.categoryGeneral'),
            },
            {
              title: t('knowledge.active'),
              dataIndex: 'active',
              width: 100,
              render: (active: boolean) =>
                active ? (
                  <Tag color="success">{t('knowledge.inUse')}</Tag>
                ) : (
                  <Tag>{t('knowledge.retired')}</Tag>
                ),
            },
            {
              title: t('knowledge.updatedAt'),
              dataIndex: 'updatedAt',
              width: 150,
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm'),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              width: 90,
              render: (_: unknown, template) =>
                template.actions.includes('update') && (
                  <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', template })}>
                    {t('common.edit')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      <ReplyTemplateModal
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
