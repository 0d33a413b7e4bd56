import { HistoryOutlined } from '@ant-design/icons';
import { Card, Empty, List, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchCasesByPhone } from '../../cases/api/cases.api.js';
import { CaseStateTag } from '../../cases/components/CaseStateTag.js';

const PHONE = /^[0-9+\-() ]{5,20}$/;

/** 来电历史: the caller's earlier cases, shown as soon as the number is typed. Props: `phone` (debounced). */
export function CallerHistory({ phone }: { phone: string }) {
  const { t } = useI18n();
  const valid = PHONE.test(phone.trim());
  const history = useApi(
    async (signal) => (valid ? fetchCasesByPhone(phone.trim(), signal) : null),
    [phone, valid],
  );
  let body: ReactNode;
  if (!valid) body = <Typography.Text type="secondary">{t('intake.historyHint')}</Typography.Text>;
  else if (history.error) body = <ErrorState compact error={history.error} onRetry={history.reload} />;
  else if (!history.loading && history.data?.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('intake.historyEmpty')} />;
  } else {
    body = (
      <List
        size="small"
        loading={history.loading}
        dataSource={history.data ?? []}
        renderItem={(c) => (
          <List.Item style={{ paddingInline: 0 }}>
            <List.Item.Meta
              title={
                <span>
                  <Link to={`/cases/${c.id}`}>{c.number}</Link> <CaseStateTag state={c.state} />
                </span>
              }
              description={
                <span>
                  {c.title}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                    {dayjs(c.createdAt).format('YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </span>
              }
            />
          </List.Item>
        )}
      />
    );
  }
  return (
    <Card
      size="small"
      title={
        <span>
          <HistoryOutlined /> {t('intake.history')}
          {valid && history.data ? `（${history.data.length}）` : ''}
        </span>
      }
    >
      {body}
    </Card>
  );
}
