import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useI18n } from '../i18n/I18nProvider.js';
import type { KeysetPages } from '../platform/lists/use-keyset-pages.js';

/** A choice of page sizes beside the pager: the sizes offered, the one in force, and the change. */
export interface PageSizeChoice {
  sizes: readonly number[];
  value: number;
  onChange(size: number): void;
}

/**
 * 上一页 / 第 n 页 · 本页 k 条 / 下一页: the one pager of keyset lists (a keyset list has no total, so no page
 * numbers to jump to). Props: `pages` from `useKeysetPages`; `size` to let the user pick the page size.
 */
export function KeysetPager<T>({ pages, size }: { pages: KeysetPages<T>; size?: PageSizeChoice }) {
  const { t } = useI18n();
  const count = pages.page.data?.items.length ?? 0;
  return (
    <Flex justify="flex-end" align="center" gap={12} wrap style={{ marginTop: 12 }}>
      <Typography.Text type="secondary" data-testid="keyset-page">
        {t('pager.info', { page: pages.pageNumber, count })}
      </Typography.Text>
      {size && (
        <Select
          size="small"
          value={size.value}
          onChange={size.onChange}
          options={size.sizes.map((n) => ({ value: n, label: t('pager.size', { n }) }))}
          aria-label={t('pager.sizeLabel')}
          style={{ width: 110 }}
        />
      )}
      <Button size="small" icon={<LeftOutlined />} disabled={!pages.hasPrevious} onClick={pages.previous}>
        {t('pager.previous')}
      </Button>
      <Button size="small" disabled={!pages.hasNext || pages.page.loading} onClick={pages.next}>
        {t('pager.next')} <RightOutlined />
      </Button>
    </Flex>
  );
}
