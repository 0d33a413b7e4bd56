import { Collapse, Empty, Input, Spin } from 'antd';
import { useState } from 'react';
import { ErrorState } from '../../../components/ErrorState.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { fetchPublicFaq } from '../api/portal.api.js';

/** 常见问题: the public FAQ from the knowledge base, searchable. */
export function PortalFaq() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const faq = useApi((signal) => fetchPublicFaq(q, signal), [q]);
  return (
    <>
      <Input.Search
        allowClear
        enterButton
        placeholder={t('portal.faqSearch')}
        aria-label={t('portal.faqSearch')}
        onSearch={(value) => setQ(value.trim())}
        style={{ marginBottom: 16 }}
      />
      {faq.error ? (
        <ErrorState error={faq.error} onRetry={faq.reload} compact />
      ) : faq.loading && !faq.data ? (
        <Spin style={{ display: 'block', margin: '32px auto' }} />
      ) : faq.data && faq.data.length > 0 ? (
        <Collapse
          accordion
          items={faq.data.map((item) => ({
            key: item.id,
            label: item.question,
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{item.answer}</div>,
          }))}
        />
      ) : (
        <Empty description={t('portal.faqEmpty')} />
      )}
    </>
  );
}
