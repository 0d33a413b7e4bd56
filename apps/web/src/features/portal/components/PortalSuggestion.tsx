import { BulbOutlined } from '@ant-design/icons';
import { PortalSuggestInput } from '@shanzhi/shared';
import { Alert, Flex, Spin, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { useDebounced } from '../../../platform/hooks/use-debounced.js';
import { suggestPortalCategory } from '../api/portal.api.js';

/**
 * 推荐事项, shown while the citizen types: the kinds of matter the classifier finds likely for the description
 * (often a whole area such as 城乡建设 rather than a catalog leaf, so it informs rather than asks for a
 * choice: the dispatcher settles the category), and a call-110 warning for a police matter. A hint only:
 * when the server cannot give one (no model yet, the budget spent) nothing is shown. Props: `description`.
 */
export function PortalSuggestion({ description }: { description: string }) {
  const { t } = useI18n();
  const text = useDebounced(description.trim(), 600);
  const enough = PortalSuggestInput.safeParse({ description: text }).success;
  const suggestion = useApi(
    async (signal) => (enough ? suggestPortalCategory({ description: text }, signal) : null),
    [text],
  );
  const answer = suggestion.error ? null : suggestion.data;

  if (!enough) return null;
  if (suggestion.loading && !answer) {
    return (
      <Typography.Text type="secondary" style={{ display: 'block', margin: '-8px 0 16px' }}>
        <Spin size="small" /> {t('portal.suggesting')}
      </Typography.Text>
    );
  }
  if (!answer || (answer.categories.length === 0 && !answer.police)) return null;
  return (
    <Flex vertical gap={8} style={{ margin: '-8px 0 16px' }} data-testid="portal-suggestion">
      {answer.police && <Alert type="error" showIcon message={t('portal.police')} />}
      {answer.categories.length > 0 && (
        <Flex wrap gap={6} align="center">
          <Typography.Text type="secondary">
            <BulbOutlined /> {t('portal.suggested')}
          </Typography.Text>
          {answer.categories.map((c) => (
            <Tag key={c.id} color="blue" bordered={false} style={{ fontSize: 14, marginInlineEnd: 0 }}>
              {c.name}
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
