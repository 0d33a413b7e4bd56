import { CameraOutlined, CloseOutlined, LoadingOutlined } from '@ant-design/icons';
import { MAX_GRID_PHOTOS } from '@shanzhi/shared';
import { Button, Typography } from 'antd';
import { type ChangeEvent, useState } from 'react';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { compressPhoto, PhotoError } from '../photo-compression.js';
import styles from './PhotoPicker.module.css';

/**
 * Photos for a finding, taken with the camera or picked from the phone, compressed on the phone (a canvas, a
 * JPEG of at most 1,600 pixels) before they are kept: the value is the list of `data:` URLs the API takes. A
 * form field: `value`/`onChange`, `id` on the file input (so the field's label names it).
 */
export function PhotoPicker({
  value = [],
  onChange,
  id,
  max = MAX_GRID_PHOTOS,
}: {
  value?: string[];
  onChange?: (photos: string[]) => void;
  id?: string;
  max?: number;
}) {
  const { t } = useI18n();
  const [compressing, setCompressing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function add(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])].slice(0, max - value.length);
    event.target.value = '';
    if (files.length === 0) return;
    setCompressing(true);
    setProblem(null);
    const added: string[] = [];
    for (const file of files) {
      try {
        added.push(await compressPhoto(file));
      } catch (error) {
        const tooLarge = error instanceof PhotoError && error.reason === 'too_large';
        setProblem(t(tooLarge ? 'phone.photo.tooLarge' : 'phone.photo.unreadable'));
      }
    }
    setCompressing(false);
    if (added.length > 0) onChange?.([...value, ...added]);
  }

  return (
    <div>
      <div className={styles.photos}>
        {value.map((photo, index) => (
          <div key={photo.slice(-24) + String(index)} className={styles.thumb}>
            <img src={photo} alt={t('phone.photo.preview', { n: index + 1 })} />
            <Button
              className={styles.remove}
              size="small"
              shape="circle"
              icon={<CloseOutlined />}
              aria-label={t('phone.photo.remove', { n: index + 1 })}
              onClick={() => onChange?.(value.filter((_, i) => i !== index))}
            />
          </div>
        ))}
        {value.length < max && (
          <label className={styles.add}>
            {compressing ? <LoadingOutlined /> : <CameraOutlined />}
            <span>{compressing ? t('phone.photo.compressing') : t('phone.photo.add')}</span>
            <input
              id={id}
              className={styles.input}
              type="file"
              accept="image/*"
              multiple
              disabled={compressing}
              onChange={(event) => void add(event)}
            />
          </label>
        )}
      </div>
      {problem && (
        <Typography.Text type="danger" role="alert">
          {problem}
        </Typography.Text>
      )}
    </div>
  );
}
