import { CameraOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';

/** The types the server proves a photo by its first bytes to be. */
const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

/** One optional photo (完工照片), kept in the browser until the form is sent: `onChange` the file or none. */
export function PhotoPickerButton({ onChange }: { onChange: (file: File | undefined) => void }) {
  const { t } = useI18n();
  return (
    <Upload
      accept={PHOTO_TYPES}
      maxCount={1}
      beforeUpload={(file) => {
        onChange(file);
        return false;
      }}
      onRemove={() => onChange(undefined)}
    >
      <Button icon={<CameraOutlined />}>{t('market.completionPhoto.add')}</Button>
    </Upload>
  );
}
