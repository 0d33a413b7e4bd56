import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { useKeysetList } from '../hooks/use-keyset-list.js';

/** Previous / next of a keyset queue, with the page number. */
export function QueuePager({ list }: { list: ReturnType<typeof useKeysetList> }) {
  const { t } = useI18n();
  return (
    <Flex justify="flex-end" align="center" gap={12} style={{ marginTop: 12 }}>
      <Typography.Text type="secondary">
        {t('search.pageInfo', { page: list.pageNumber, count: list.page.data?.items.length ?? 0 })}
      </Typography.Text>
      <Button size="small" icon={<LeftOutlined />} disabled={!list.hasPrevious} onClick={list.previous}>
        {t('search.previous')}
      </Button>
      <Button size="small" disabled={!list.hasNext || list.page.loading} onClick={list.next}>
        {t('search.next')} <RightOutlined />
      </Button>
    </Flex>
  );
}
