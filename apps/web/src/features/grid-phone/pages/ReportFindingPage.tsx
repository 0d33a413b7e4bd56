import { RecordFindingInput, SolveOnSpotInput, type TrackPoint } from '@shanzhi/shared';
import { Alert, App, Button, Card, Form, Input, Radio, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useApi } from '../../../platform/api/index.js';
import { RADIO_GROUP_ROLE } from '../../../platform/forms/radio-group-role.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { CategoryTreeSelect } from '../../cases/components/CategoryTreeSelect.js';
import { fetchAdmissionChoices } from '../api/grid-phone.api.js';
import { PhotoPicker } from '../components/PhotoPicker.js';
import { PlaceField } from '../components/PlaceField.js';
import {
  findingActionUpload,
  type RecordTarget,
  recordFindingUpload,
  UploadInputError,
} from '../grid-uploads.js';
import { drawKey, type UploadSpec } from '../offline-queue.js';
import { usePatrolTracker } from '../patrol-tracker.js';
import { enqueueUpload } from '../upload-queue.js';

/** 处置方式: solve it now, report it up as a case, or only record it. */
type Disposal = 'solve' | 'up' | 'later';

interface ReportValues {
  description: string;
  admissionItemCode?: string;
  categoryId?: number;
  photos?: string[];
  place: TrackPoint | null;
  address?: string;
  disposal: Disposal;
  solveNote?: string;
  afterPhotos?: string[];
  upNote?: string;
}

/**
 * 上报发现: what the worker found — description, the admission-list item and the catalog's category, photos
 * compressed on the phone, the place from the GPS — and what he does with it: solve it on the spot with a
 * photo after, report it up as a case, or decide later. Everything goes to the upload queue (the finding
 * first, its action after, which names it once it is made), so it works the same without a network.
 */
export function ReportFindingPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReportValues>();
  const disposal = Form.useWatch('disposal', form);
  const { session } = usePatrolTracker();
  const choices = useApi((signal) => fetchAdmissionChoices(signal), []);
  const [submitting, setSubmitting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const itemOptions = useMemo(() => {
    const groups = new Map<string, { label: string; value: string }[]>();
    for (const item of choices.data ?? []) {
      const label = item.endsOn
        ? `${item.name}（${t('phone.report.itemTemporary', { date: item.endsOn })}）`
        : item.name;
      groups.set(item.categoryName, [...(groups.get(item.categoryName) ?? []), { label, value: item.code }]);
    }
    return [...groups].map(([label, options]) => ({ label, options }));
  }, [choices.data, t]);

  /** The finding's upload, then its action's: both checked before either is queued. */
  function uploadsOf(values: ReportValues): UploadSpec[] {
    const patrol: RecordTarget | null = session
      ? session.patrolId !== null
        ? { id: session.patrolId, version: 0 }
        : session.startKey
          ? { key: session.startKey }
          : null
      : null;
    const key = drawKey();
    const place = values.place!;
    const record = recordFindingUpload(
      {
        description: values.description,
        location: { longitude: place.longitude, latitude: place.latitude },
        address: values.address?.trim() || undefined,
        occurredAt: new Date().toISOString(),
        categoryId: values.categoryId,
        admissionItemCode: values.admissionItemCode,
        photos: values.photos?.length ? values.photos : undefined,
      },
      patrol,
    );
    const about = values.description;
    if (values.disposal === 'solve') {
      const input = { note: values.solveNote ?? '', afterPhotos: values.afterPhotos ?? [] };
      return [{ ...record, key }, findingActionUpload({ key }, 'solve_on_spot', input, about)];
    }
    if (values.disposal === 'up') {
      const input = { note: values.upNote?.trim() || undefined };
      return [{ ...record, key }, findingActionUpload({ key }, 'report_up', input, about)];
    }
    return [{ ...record, key }];
  }

  async function submit(values: ReportValues) {
    setProblem(null);
    let uploads: UploadSpec[];
    try {
      uploads = uploadsOf(values);
    } catch (error) {
      setProblem(error instanceof UploadInputError ? error.message : String(error));
      return;
    }
    setSubmitting(true);
    try {
      for (const upload of uploads) await enqueueUpload(upload);
      message.success(navigator.onLine ? t('phone.sent') : t('phone.savedOffline'));
      form.resetFields();
      navigate('/m/findings');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Card title={t('phone.report.title')}>
      <Form<ReportValues> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item
          name="description"
          label={t('phone.report.description')}
          rules={[zodRule(RecordFindingInput.shape.description)]}
        >
          <Input.TextArea rows={3} maxLength={1000} placeholder={t('phone.report.descriptionPlaceholder')} />
        </Form.Item>
        <Form.Item name="admissionItemCode" label={t('phone.report.item')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={itemOptions}
            loading={choices.loading}
            placeholder={t('phone.report.itemPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="categoryId" label={t('phone.report.category')}>
          <CategoryTreeSelect />
        </Form.Item>
        <Form.Item name="photos" label={t('phone.report.photos')}>
          <PhotoPicker />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('phone.report.place')}
          rules={[{ required: true, message: t('phone.report.noPlace') }]}
        >
          <PlaceField />
        </Form.Item>
        <Form.Item name="address" label={t('phone.report.address')}>
          <Input maxLength={200} placeholder={t('phone.report.addressPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="disposal"
          label={t('phone.report.disposal')}
          rules={[{ required: true, message: t('phone.report.disposalRequired') }]}
        >
          <Radio.Group
            {...RADIO_GROUP_ROLE}
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'solve', label: t('phone.report.disposal.solve') },
              { value: 'up', label: t('phone.report.disposal.up') },
              { value: 'later', label: t('phone.report.disposal.later') },
            ]}
          />
        </Form.Item>
        {disposal === 'solve' && (
          <>
            <Form.Item
              name="solveNote"
              label={t('phone.report.solveNote')}
              rules={[zodRule(SolveOnSpotInput.shape.note)]}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item
              name="afterPhotos"
              label={t('phone.report.afterPhotos')}
              rules={[zodRule(SolveOnSpotInput.shape.afterPhotos, (v) => v ?? [])]}
            >
              <PhotoPicker />
            </Form.Item>
          </>
        )}
        {disposal === 'up' && (
          <Form.Item name="upNote" label={t('phone.report.upNote')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" size="large" block loading={submitting}>
          {t('phone.report.submit')}
        </Button>
      </Form>
    </Card>
  );
}
