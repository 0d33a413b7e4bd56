import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { attachmentsAvailable, uploadCaseAttachment } from '../api/attachments.api.js';

/**
 * Photos and documents for an action (过程记录, 办结反馈): each file uploads to the case at once and its id joins
 * `value`, which the action sends as `attachmentIds`. Props: `caseId`; `value`/`onChange` (antd form field).
 * When the server has no attachments API yet, says so instead of offering an upload that cannot work.
 */
export function AttachmentUpload({
  caseId,
  value,
  onChange,
}: {
  caseId: number;
  value?: number[];
  onChange?: (ids: number[]) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);

  useEffect(() => {
    let alive = true;
    void attachmentsAvailable().then((yes) => alive && setEnabled(yes));
    return () => {
      alive = false;
    };
  }, []);

  if (enabled === false) {
    return <Typography.Text type="secondary">{t('caseFiles.unavailable')}</Typography.Text>;
  }

  return (
    <Upload
      listType="picture"
      accept="image/*,.pdf,.doc,.docx,.xls,.xlsx"
      fileList={files}
      disabled={enabled === null}
      customRequest={async (options) => {
        try {
          const stored = await uploadCaseAttachment(caseId, options.file as File);
          options.onSuccess?.(stored);
          onChange?.([...(value ?? []), stored.id]);
        } catch (error) {
          message.error(errorText(error, t));
          options.onError?.(error as Error);
        }
      }}
      onChange={({ fileList }) => setFiles(fileList)}
      onRemove={(file) => {
        const id = (file.response as { id?: number } | undefined)?.id;
        if (id !== undefined) onChange?.((value ?? []).filter((v) => v !== id));
      }}
    >
      <Button icon={<UploadOutlined />}>{t('caseFiles.upload')}</Button>
    </Upload>
  );
}
