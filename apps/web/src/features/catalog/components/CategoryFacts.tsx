import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { priorityLabel } from '../../../i18n/labels.js';
import type { CategoryView } from '../api/catalog.api.js';
import { type EditorTarget, isLeafTarget, levelOf } from '../category-form.js';

const LEVEL_KEYS = { 1: 'catalog.level1', 2: 'catalog.level2', 3: 'catalog.level3' } as const;

/** The editor's title: the category's name (or where a new one goes), its level, 停用 and 110 marks. */
export function CategoryHeading({ target }: { target: EditorTarget }) {
  const { t } = useI18n();
  const heading =
    target.kind === 'edit'
      ? target.category.name
      : target.parent
        ? t('catalog.createUnder', { name: target.parent.name })
        : t('catalog.createArea');
  return (
    <Flex gap={8} align="center" wrap>
      <span>{heading}</span>
      <Tag color="blue" bordered={false}>
        {t(LEVEL_KEYS[levelOf(target) as 1 | 2 | 3])}
      </Tag>
      {target.kind === 'edit' && !target.category.active && <Tag>{t('catalog.inactive')}</Tag>}
      {target.kind === 'edit' && target.category.police && <Tag color="red">110</Tag>}
    </Flex>
  );
}

/** What a saved category is: its code and, for a leaf, its default unit and priority as they stand. */
export function CategoryFacts({ category }: { category: CategoryView }) {
  const { t, locale } = useI18n();
  const leaf = isLeafTarget({ kind: 'edit', category });
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t('catalog.code')}>
        <Typography.Text code>{category.code}</Typography.Text>
      </Descriptions.Item>
      {leaf && (
        <Descriptions.Item label={t('catalog.defaultUnit')}>
          {category.defaultUnitName ?? '—'}
        </Descriptions.Item>
      )}
      {leaf && category.priority && (
        <Descriptions.Item label={t('catalog.priority')}>
          {priorityLabel(category.priority, locale)}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
