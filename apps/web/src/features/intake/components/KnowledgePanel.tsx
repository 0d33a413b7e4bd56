import { BookOutlined } from '@ant-design/icons';
import type { KnowledgeEntry } from '@shanzhi/shared';
import { Button, Card, Empty, Input, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { useDebounced } from '../../../platform/hooks/use-debounced.js';
import { searchKnowledge } from '../../cases/api/answers.api.js';

/**
 * 知识库: searches the knowledge base as the agent types (seeded with the request's title), and offers
 * 「直接办结」 with an entry. Props: `seed` (text to search when the agent has not typed); `onResolve(entry)`,
 * absent for a user who may not resolve on call (then the answers are only read); `resolveDisabled`.
 */
export function KnowledgePanel({
  seed,
  onResolve,
  resolveDisabled = false,
}: {
  seed: string;
  onResolve?: (entry: KnowledgeEntry) => void;
  resolveDisabled?: boolean;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const query = useDebounced(typed.trim() || seed.trim().slice(0, 40), 400);
  const results = useApi(async (signal) => (query ? searchKnowledge(query, signal) : []), [query]);
  // a new search folds the answer that was open
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the query changes
  useEffect(() => setOpen(null), [query]);

  return (
    <Card
      size="small"
      title={
        <span>
          <BookOutlined /> {t('intake.knowledge')}
        </span>
      }
    >
      <Input.Search
        allowClear
        placeholder={t('cases.knowledgeSearch')}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        aria-label={t('intake.knowledge')}
      />
      {results.error ? (
        <ErrorState compact error={results.error} onRetry={results.reload} />
      ) : !query ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('intake.knowledgeHint')}
        </Typography.Text>
      ) : (
        <List
          size="small"
          loading={results.loading}
          dataSource={results.data ?? []}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.knowledgeEmpty')} />
            ),
          }}
          renderItem={(entry) => (
            <List.Item style={{ display: 'block', paddingInline: 0 }}>
              <Typography.Link onClick={() => setOpen(open === entry.id ? null : entry.id)}>
                {entry.question}
              </Typography.Link>
              {entry.categoryName && (
                <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                  {entry.categoryName}
                </Typography.Text>
              )}
              {open === entry.id && (
                <div style={{ marginTop: 6 }}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8, fontSize: 13 }}>
                    {entry.answer}
                  </Typography.Paragraph>
                  {onResolve && (
                    <Button
                      size="small"
                      type="primary"
                      disabled={resolveDisabled}
                      onClick={() => onResolve(entry)}
                    >
                      {t('intake.resolveWith')}
                    </Button>
                  )}
                </div>
              )}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
