import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { readAsDataUrl } from '../../../platform/forms/read-as-data-url.js';

/**
 * The scan of a signed 委托代办书 (PDF or picture), as an antd form field: `value` is the file as a data URL.
 * What the file is and how big it may be are the server's to decide (by its first bytes); the shared schema
 * refuses one too big before it is sent.
 */
export function SignedScanInput({
  id,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (dataUrl: string | undefined) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState<string | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  return (
    <Flex vertical gap={4} align="start">
      <Upload
        accept="application/pdf,image/jpeg,image/png,image/webp"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          setName(file.name);
          setUnreadable(false);
          readAsDataUrl(file).then(onChange, () => {
            setUnreadable(true);
            onChange?.(undefined);
          });
          // read here, sent with the action: nothing goes up on its own
          return false;
        }}
      >
        <Button id={id} icon={<UploadOutlined />} data-testid="signed-scan-input">
          {t('petition.scan.choose')}
        </Button>
      </Upload>
      {name && <Typography.Text type="secondary">{name}</Typography.Text>}
      {unreadable && <Typography.Text type="danger">{t('petition.scan.unreadable')}</Typography.Text>}
    </Flex>
  );
}
