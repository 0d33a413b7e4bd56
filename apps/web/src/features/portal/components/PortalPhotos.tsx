import { CameraOutlined } from '@ant-design/icons';
import { PORTAL_MAX_PHOTOS, PORTAL_PHOTO_MAX_BYTES, PORTAL_PHOTO_TYPES } from '@shanzhi/shared';
import { Flex, Typography, Upload, type UploadFile } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import type { MessageKey } from '../../../i18n/messages.zh-CN.js';

/** The files of a photo (or evidence) field, ready to send. */
export function photoFilesOf(list: UploadFile[] | undefined): File[] {
  return (list ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : []));
}

/** What a portal file field takes, and the texts it shows (message keys). */
export interface PortalFileRules {
  /** the most files */
  max: number;
  /** the largest file, in bytes */
  maxBytes: number;
  /** the types taken (the server checks the content again) */
  types: readonly string[];
  /** the refusals of a wrong type (`{name}`), a file too large (`{name}`, `{mb}`), one too many (`{max}`) */
  refusals: { type: MessageKey; tooLarge: MessageKey; tooMany: MessageKey };
  /** the add button's text, and the field's accessible name */
  add: MessageKey;
  label: MessageKey;
  icon: ReactNode;
}

/** 现场照片 of a request: JPEG, PNG or WebP. */
export const PHOTO_RULES: PortalFileRules = {
  max: PORTAL_MAX_PHOTOS,
  maxBytes: PORTAL_PHOTO_MAX_BYTES,
  types: PORTAL_PHOTO_TYPES,
  refusals: { type: 'portal.photoType', tooLarge: 'portal.photoTooLarge', tooMany: 'portal.photoTooMany' },
  add: 'portal.addPhoto',
  label: 'portal.photos',
  icon: <CameraOutlined style={{ fontSize: 22 }} />,
};

/**
 * Files taken or chosen on the phone (a request's photos by default, an application's evidence with its
 * `rules`), shown as thumbnails and sent with the form. A file plainly of another type or too large is turned
 * away at once with the reason (the server checks the content again). Props: `value`/`onChange` (antd form
 * field of files), `rules`.
 */
export function PortalPhotos({
  value,
  onChange,
  rules = PHOTO_RULES,
}: {
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
  rules?: PortalFileRules;
}) {
  const { t } = useI18n();
  const [refusal, setRefusal] = useState<string | null>(null);
  const files = value ?? [];
  const mb = rules.maxBytes / 1024 / 1024;
  return (
    <Flex vertical gap={4}>
      <Upload
        listType="picture-card"
        accept={rules.types.join(',')}
        multiple
        fileList={files}
        beforeUpload={(file) => {
          if (!rules.types.includes(file.type)) {
            setRefusal(t(rules.refusals.type, { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          if (file.size > rules.maxBytes) {
            setRefusal(t(rules.refusals.tooLarge, { name: file.name, mb }));
            return Upload.LIST_IGNORE;
          }
          setRefusal(null);
          // kept in the form and sent with it, not uploaded on its own
          return false;
        }}
        onChange={({ fileList }) => {
          if (fileList.length > rules.max) setRefusal(t(rules.refusals.tooMany, { max: rules.max }));
          onChange?.(fileList.slice(0, rules.max));
        }}
        showUploadList={{ showPreviewIcon: false }}
        aria-label={t(rules.label)}
      >
        {files.length < rules.max && (
          <Flex vertical align="center" gap={4}>
            {rules.icon}
            <span>{t(rules.add)}</span>
          </Flex>
        )}
      </Upload>
      {refusal && <Typography.Text type="danger">{refusal}</Typography.Text>}
    </Flex>
  );
}
