import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { KnowledgeEntry } from '@shanzhi/shared';
import { App, Button, Flex, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { errorText } from '../../../i18n/error-text.js';
import { type Translate, useI18n } from '../../../i18n/I18nProvider.js';
import { usePagedList } from '../../../platform/lists/use-paged-list.js';
import { CategoryTreeSelect } from '../../cases/components/CategoryTreeSelect.js';
import { deactivateEntry, type EntryFilters, fetchEntries } from '../api/knowledge-admin.api.js';
import { type EntryDialog, KnowledgeEntryModal } from './KnowledgeEntryModal.js';

function validity(entry: KnowledgeEntry, t: Translate): string {
  if (!entry.validFrom && !entry.validTo) return t('knowledge.always');
  return `${entry.validFrom ?? '…'} ~ ${entry.validTo ?? '…'}`;
}

/** 知识条目: every entry, searched like intake searches, with its validity, and the editor. */
export function KnowledgeEntriesTab() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [keyword, setKeyword] = useState('');
  const [dialog, setDialog] = useState<EntryDialog | null>(null);
  const entries = usePagedList(fetchEntries, {} as EntryFilters);
  const { list, query: filters, filter } = entries;

  function withdraw(entry: KnowledgeEntry) {
    modal.confirm({
      title: t('knowledge.deactivateConfirm'),
      content: entry.question,
      onOk: async () => {
        try {
          await deactivateEntry(entry);
          message.success(t('knowledge.deactivated'));
          list.reload();
        } catch (error) {
          message.error(errorText(error, t));
        }
      },
    });
  }

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }} role="search">
        <Input.Search
          allowClear
          placeholder={t('knowledge.searchPlaceholder')}
          style={{ width: 320 }}
          value={keyword}
          onChange={(event) => setKeyword(event.target.value)}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          aria-label={t('knowledge.searchPlaceholder')}
        />
        <div style={{ width: 260 }}>
          <CategoryTreeSelect
            branches
            placeholder={t('knowledge.filterCategory')}
            value={filters.categoryId}
            onChange={(categoryId) => filter({ categoryId })}
          />
        </div>
        <Tooltip title={t('common.refresh')}>
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
        </Tooltip>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
          {t('knowledge.createEntry')}
        </Button>
      </Flex>
      {list.error && !list.data ? (
        <ErrorState error={list.error} onRetry={list.reload} />
      ) : (
        <Table<KnowledgeEntry>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          locale={{ emptyText: t('knowledge.empty') }}
          expandable={{
            expandedRowRender: (entry) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {entry.answer}
              </Typography.Paragraph>
            ),
          }}
          pagination={entries.pagination(t)}
          columns={[
            { title: t('knowledge.question'), dataIndex: 'question', ellipsis: true },
            {
              title: t('knowledge.category'),
              dataIndex: 'categoryName',
              width: 160,
              ellipsis: true,
              render: (name: string | null) => name ?? t('knowledge.categoryGeneral'),
            },
            {
              title: t('knowledge.tags'),
              dataIndex: 'tags',
              width: 200,
              render: (tags: string[]) =>
                tags.map((tag) => (
                  <Tag key={tag} bordered={false}>
                    {tag}
                  </Tag>
                )),
            },
            {
              title: t('knowledge.validity'),
              key: 'validity',
              width: 200,
              render: (_: unknown, entry) => (
                <Space size={4} wrap>
                  <span>{validity(entry, t)}</span>
                  {entry.validNow ? (
                    <Tag color="success">{t('knowledge.validNow')}</Tag>
                  ) : (
                    <Tag>{entry.active ? t('knowledge.outOfWindow') : t('knowledge.withdrawn')}</Tag>
                  )}
                </Space>
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
              width: 130,
              render: (_: unknown, entry) => (
                <Space size={0}>
                  {entry.actions.includes('update') && (
                    <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', entry })}>
                      {t('common.edit')}
                    </Button>
                  )}
                  {entry.actions.includes('deactivate') && (
                    <Button type="link" size="small" danger onClick={() => withdraw(entry)}>
                      {t('knowledge.deactivate')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <KnowledgeEntryModal
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
