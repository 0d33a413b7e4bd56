import { BulbOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchActiveCategories, leafIdsOf } from '../../cases/api/catalog-tree.api.js';
import { classifyRequest } from '../api/intelligence.api.js';

const MIN_TEXT = 6;

/**
 * 智能分类: the classifier's suggested categories, unit and 110 flag for the request being typed, with
 * calibrated probabilities (a 70 % is right about seven times in ten); 不确定 when the server says the top one is
 * below its floor. Hidden until there is enough text, and while the platform has no trained model (nothing to
 * suggest). A suggested leaf (小类) can be applied at once; a suggested area (the model often knows no deeper)
 * opens the catalog there.
 * Props: `title`, `description` (debounced); `onApplyCategory(id)`; `onBrowseCategory(id)`;
 * `onTransfer110()` for a flagged police matter, absent for a user who may not transfer to 110.
 */
export function SuggestionPanel({
  title,
  description,
  onApplyCategory,
  onBrowseCategory,
  onTransfer110,
}: {
  title: string;
  description: string;
  onApplyCategory: (categoryId: number) => void;
  onBrowseCategory: (categoryId: number) => void;
  onTransfer110?: () => void;
}) {
  const { t } = useI18n();
  const catalog = useApi(() => fetchActiveCategories(), []);
  const leaves = useMemo(() => leafIdsOf(catalog.data ?? []), [catalog.data]);
  const text = `${title}${description}`.trim();
  const enough = text.length >= MIN_TEXT;
  const suggestion = useApi(
    async (signal) =>
      enough ? classifyRequest({ title, description: description.trim() || title }, signal) : undefined,
    [title, description],
  );
  if (!enough) return null;
  const s = suggestion.data;
  if (suggestion.error) return <ErrorState compact error={suggestion.error} onRetry={suggestion.reload} />;
  if (s && s.categories.length === 0 && !s.unit && !s.police.flagged) return null;
  return (
    <Card
      size="small"
      loading={suggestion.loading && !s}
      title={
        <span>
          <BulbOutlined /> {t('intake.suggestion')}
        </span>
      }
      extra={
        s?.uncertain ? (
          <Tag color="warning" bordered={false} data-testid="suggestion-uncertain">
            {t('intake.uncertain')}
          </Tag>
        ) : null
      }
      data-testid="suggestion-panel"
    >
      {s?.uncertain && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('intake.uncertainHint', { p: Math.round(s.confidenceFloor * 100) })}
        </Typography.Paragraph>
      )}
      {s?.police.flagged && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={t('intake.policeFlag')}
          description={s.police.reasons.join('；')}
          action={
            onTransfer110 && (
              <Button size="small" danger onClick={onTransfer110}>
                {t('intake.transfer110')}
              </Button>
            )
          }
        />
      )}
      {s?.categories.slice(0, 3).map((c) => (
        <Flex
          key={c.categoryId}
          align="center"
          gap={8}
          style={{ marginBottom: 6 }}
          data-testid="suggested-category"
        >
          <Typography.Text style={{ flex: 1, minWidth: 0 }} ellipsis>
            {c.name}
          </Typography.Text>
          <Progress
            percent={Math.round(c.probability * 100)}
            size="small"
            strokeColor={s?.uncertain ? '#d48806' : undefined}
            style={{ width: 90, margin: 0 }}
          />
          {leaves.has(c.categoryId) ? (
            <Button size="small" onClick={() => onApplyCategory(c.categoryId)}>
              {t('intake.apply')}
            </Button>
          ) : (
            <Button size="small" onClick={() => onBrowseCategory(c.categoryId)}>
              {t('intake.browse')}
            </Button>
          )}
        </Flex>
      ))}
      {s?.unit && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('intake.suggestedUnit', { name: s.unit.name, p: Math.round(s.unit.probability * 100) })}
        </Typography.Text>
      )}
    </Card>
  );
}
