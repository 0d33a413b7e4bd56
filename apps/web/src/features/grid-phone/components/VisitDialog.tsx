import { RecordVisitInput, VISIT_PURPOSES, type VisitPurpose } from '@shanzhi/shared';
import { Form, Input, Select } from 'antd';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { optionsOf } from '../../grid-registers/components/code-labels.js';
import { recordVisitUpload } from '../grid-uploads.js';
import { enqueueUpload } from '../upload-queue.js';
import { PhotoPicker } from './PhotoPicker.js';

interface VisitValues {
  purpose?: VisitPurpose;
  met?: string;
  note?: string;
  photos?: string[];
}

const KNOWN = ['purpose', 'met', 'note'];
const orEmpty = (value: unknown) => value ?? '';
const { shape } = RecordVisitInput;

/**
 * 入户走访 from the phone: why, whom the worker met, what he learned, a photo. It goes to the upload queue like
 * everything the phone writes, with the time it was taken, so it works the same without a network.
 */
export function VisitDialog({
  house,
  open,
  onClose,
}: {
  house: { id: number; label: string };
  open: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<VisitValues>();
  async function save(values: VisitValues) {
    await enqueueUpload(
      recordVisitUpload(house, {
        purpose: values.purpose!,
        met: values.met?.trim() || undefined,
        note: (values.note ?? '').trim(),
        photo: values.photos?.[0],
        visitedAt: new Date().toISOString(),
      }),
    );
    onClose();
  }

  return (
    <FormModal<VisitValues>
      open={open}
      resetOnOpen
      title={t('phone.household.visitTitle', { house: house.label })}
      okText={t('phone.report.submit')}
      form={form}
      name="phone-visit"
      known={KNOWN}
      width={520}
      onClose={onClose}
      save={save}
      savedMessage={navigator.onLine ? t('phone.sent') : t('phone.savedOffline')}
    >
      <Form.Item name="purpose" label={t('visits.purpose')} rules={[zodRule(shape.purpose)]}>
        <Select options={optionsOf(VISIT_PURPOSES, locale)} />
      </Form.Item>
      <Form.Item name="met" label={t('visits.met')}>
        <Input maxLength={200} placeholder={t('visits.metPlaceholder')} />
      </Form.Item>
      <Form.Item name="note" label={t('visits.note')} rules={[zodRule(shape.note, orEmpty)]}>
        <Input.TextArea rows={4} maxLength={1000} />
      </Form.Item>
      <Form.Item name="photos" label={t('visits.photo')}>
        <PhotoPicker max={1} />
      </Form.Item>
    </FormModal>
  );
}
