import { CameraOutlined } from '@ant-design/icons';
import {
  isPortalPhotoType,
  PORTAL_MAX_PHOTOS,
  PORTAL_PHOTO_MAX_BYTES,
  PORTAL_PHOTO_TYPES,
} from '@shanzhi/shared';
import { Flex, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';

const MAX_MB = PORTAL_PHOTO_MAX_BYTES / 1024 / 1024;

/** The files of the photo field, ready to send. */
export function photoFilesOf(list: UploadFile[] | undefined): File[] {
  return (list ?? []).flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : []));
}

/**
 * 现场照片: up to `PORTAL_MAX_PHOTOS` photos taken or chosen on the phone, shown as thumbnails, sent with the
 * request. A file that is plainly not a JPEG/PNG/WebP photo or too large is turned away at once with the
 * reason (the server checks the content again). Props: `value`/`onChange` (antd form field of files).
 */
export function PortalPhotos({
  value,
  onChange,
}: {
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
}) {
  const { t } = useI18n();
  const [refusal, setRefusal] = useState<string | null>(null);
  const files = value ?? [];
  return (
    <Flex vertical gap={4}>
      <Upload
        listType="picture-card"
        accept={PORTAL_PHOTO_TYPES.join(',')}
        multiple
        fileList={files}
        beforeUpload={(file) => {
          if (!isPortalPhotoType(file.type)) {
            setRefusal(t('portal.photoType', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          if (file.size > PORTAL_PHOTO_MAX_BYTES) {
            setRefusal(t('portal.photoTooLarge', { name: file.name, mb: MAX_MB }));
            return Upload.LIST_IGNORE;
          }
          setRefusal(null);
          // kept in the form and sent with the request, not uploaded on its own
          return false;
        }}
        onChange={({ fileList }) => {
          if (fileList.length > PORTAL_MAX_PHOTOS)
            setRefusal(t('portal.photoTooMany', { max: PORTAL_MAX_PHOTOS }));
          onChange?.(fileList.slice(0, PORTAL_MAX_PHOTOS));
        }}
        showUploadList={{ showPreviewIcon: false }}
        aria-label={t('portal.photos')}
      >
        {files.length < PORTAL_MAX_PHOTOS && (
          <Flex vertical align="center" gap={4}>
            <CameraOutlined style={{ fontSize: 22 }} />
            <span>{t('portal.addPhoto')}</span>
          </Flex>
        )}
      </Upload>
      {refusal && <Typography.Text type="danger">{refusal}</Typography.Text>}
    </Flex>
  );
}
