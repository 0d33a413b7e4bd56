import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';

/**
 * 查看完整号码: reads one record's numbers in full from the server (which writes the read to the audit trail
 * before it answers) and shows them in a dialog that says so. Offered only to holders of `personal_data.read`.
 */
export function RevealNumbersButton({
  name,
  load,
  labels,
}: {
  /** whose numbers (the dialog's title) */
  name: string;
  load: () => Promise<Record<string, string | number | null>>;
  /** the label of each field the answer holds */
  labels: Record<string, string>;
}) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const [loading, setLoading] = useState(false);

  async function reveal() {
    setLoading(true);
    try {
      const numbers = await load();
      modal.info({
        title: t('registers.revealTitle', { name }),
        width: 460,
        content: (
          <>
            <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
              {Object.entries(labels).map(([key, label]) => (
                <Descriptions.Item key={key} label={label}>
                  <Typography.Text copyable={Boolean(numbers[key])} data-testid={`full-${key}`}>
                    {numbers[key] ?? '—'}
                  </Typography.Text>
                </Descriptions.Item>
              ))}
            </Descriptions>
            <Typography.Text type="secondary">{t('registers.revealAudited')}</Typography.Text>
          </>
        ),
      });
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setLoading(false);
    }
  }

  return (
    <Button type="link" size="small" icon={<EyeOutlined />} loading={loading} onClick={() => void reveal()}>
      {t('registers.reveal')}
    </Button>
  );
}
