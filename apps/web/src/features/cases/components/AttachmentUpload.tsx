import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../i18n/error-text.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { type CaseAttachment, uploadCaseAttachment } from '../api/attachments.api.js';

// What the file chooser offers; the server decides by the content (magic bytes) and explains a refusal.
const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,audio/mpeg,video/mp4';

/**
 * Photos and documents for an action (过程记录, 办结反馈): each file uploads to the case at once and its id joins
 * `value`, which the action sends as `attachmentIds`. Props: `caseId`; `value`/`onChange` (antd form field).
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
  const [files, setFiles] = useState<UploadFile<CaseAttachment>[]>([]);

  return (
    <Upload<CaseAttachment>
      listType="picture"
      accept={ACCEPT}
      fileList={files}
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
        const id = file.response?.id;
        if (id !== undefined) onChange?.((value ?? []).filter((v) => v !== id));
      }}
    >
      <Button icon={<UploadOutlined />}>{t('caseFiles.upload')}</Button>
    </Upload>
  );
}
