import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { CasePages } from '../hooks/use-case-pages.js';

/** 上一页 / 第 n 页 / 下一页 for a keyset-paged case list. Props: `pages` from `useCasePages`. */
export function CasePager({ pages }: { pages: CasePages }) {
  const { t } = useI18n();
  return (
    <Flex justify="flex-end" align="center" gap={8} style={{ marginTop: 12 }}>
      <Button size="small" icon={<LeftOutlined />} disabled={pages.pageNumber <= 1} onClick={pages.previous}>
        {t('casePager.previous')}
      </Button>
      <Typography.Text>{t('casePager.page', { n: pages.pageNumber })}</Typography.Text>
      <Button size="small" disabled={!pages.hasNext} onClick={pages.next}>
        {t('casePager.next')} <RightOutlined />
      </Button>
    </Flex>
  );
}
