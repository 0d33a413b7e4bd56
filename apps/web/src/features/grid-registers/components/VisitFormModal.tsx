import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  type HouseDetail,
  MAX_GRID_PHOTO_BYTES,
  MAX_VISIT_NEEDS,
  RecordVisitInput,
  VISIT_PURPOSES,
  VisitNeed,
  type VisitPurpose,
} from '@shanzhi/shared';
import { Button, Checkbox, Flex, Form, Input, Select, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { readAsDataUrl } from '../../../platform/forms/read-as-data-url.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { recordVisit } from '../api/registers.api.js';
import { optionsOf } from './code-labels.js';

interface VisitFormValues {
  purpose?: VisitPurpose;
  met?: string;
  metResidentIds?: number[];
  note?: string;
  needs?: { description?: string; report?: boolean }[];
}

const FIELDS = ['purpose', 'met', 'metResidentIds', 'note', 'needs', 'photo'];
const orEmpty = (value: unknown) => value ?? '';
const { shape } = RecordVisitInput;

/**
 * 登记入户走访 from the console: purpose, who was met (free text and the household's members), what was
 * learned, the needs found — each may be recorded as a grid finding — and a photo.
 */
export function VisitFormModal({
  household,
  open,
  onClose,
  onSaved,
}: {
  household: HouseDetail;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<VisitFormValues>();
  const [photo, setPhoto] = useState<{ name: string; dataUrl: string } | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setPhoto(null);
    setPhotoError(null);
  }, [open, form]);

  async function save(values: VisitFormValues) {
    await recordVisit({
      houseId: household.id,
      purpose: values.purpose!,
      note: (values.note ?? '').trim(),
      met: values.met?.trim() || undefined,
      metResidentIds: values.metResidentIds?.length ? values.metResidentIds : undefined,
      needs: (values.needs ?? [])
        .filter((need) => need.description?.trim())
        .map((need) => ({ description: need.description!.trim(), report: Boolean(need.report) })),
      photo: photo?.dataUrl,
    });
    onSaved();
  }

  return (
    <FormModal<VisitFormValues>
      open={open}
      title={t('visits.recordTitle', { house: household.label })}
      form={form}
      name="visit-form"
      known={FIELDS}
      width={720}
      onClose={onClose}
      save={save}
      savedMessage={t('visits.recorded')}
    >
      <Form.Item name="purpose" label={t('visits.purpose')} rules={[zodRule(shape.purpose)]}>
        <Select options={optionsOf(VISIT_PURPOSES, locale)} />
      </Form.Item>
      <Form.Item name="met" label={t('visits.met')}>
        <Input maxLength={200} placeholder={t('visits.metPlaceholder')} />
      </Form.Item>
      {household.residents.length > 0 && (
        <Form.Item name="metResidentIds" label={t('visits.metResidents')}>
          <Checkbox.Group options={household.residents.map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('visits.note')} rules={[zodRule(shape.note, orEmpty)]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Typography.Text strong>{t('visits.needs')}</Typography.Text>
      <Form.List name="needs">
        {(needs, { add, remove }) => (
          <Flex vertical gap={8} style={{ margin: '8px 0 16px' }}>
            {needs.map((need) => (
              <Space key={need.key} align="start" style={{ width: '100%' }}>
                <Form.Item
                  name={[need.name, 'description']}
                  rules={[zodRule(VisitNeed.shape.description, orEmpty)]}
                  style={{ marginBottom: 0, width: 420 }}
                >
                  <Input
                    maxLength={500}
                    placeholder={t('visits.needDescription')}
                    aria-label={t('visits.needDescription')}
                  />
                </Form.Item>
                <Form.Item name={[need.name, 'report']} valuePropName="checked" style={{ marginBottom: 0 }}>
                  <Checkbox>{t('visits.needReport')}</Checkbox>
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('common.close')}
                  onClick={() => remove(need.name)}
                />
              </Space>
            ))}
            {needs.length < MAX_VISIT_NEEDS && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ report: false })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('visits.addNeed')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
      <Form.Item
        label={t('visits.photo')}
        extra={photoError ?? t('visits.photoHint')}
        validateStatus={photoError ? 'error' : ''}
      >
        <Upload
          accept="image/jpeg,image/png,image/webp"
          maxCount={1}
          showUploadList={photo ? { showRemoveIcon: true } : false}
          fileList={photo ? [{ uid: 'photo', name: photo.name, status: 'done' }] : []}
          onRemove={() => setPhoto(null)}
          beforeUpload={async (file) => {
            setPhotoError(null);
            if (file.size > MAX_GRID_PHOTO_BYTES) setPhotoError(t('visits.photoTooLarge'));
            else setPhoto({ name: file.name, dataUrl: await readAsDataUrl(file) });
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('visits.photo')}</Button>
        </Upload>
      </Form.Item>
    </FormModal>
  );
}
