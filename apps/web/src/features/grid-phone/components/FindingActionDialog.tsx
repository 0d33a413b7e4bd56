import { DismissFindingInput, type GridFindingView, SolveOnSpotInput } from '@shanzhi/shared';
import { Form, Input } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { CategoryTreeSelect } from '../../cases/components/CategoryTreeSelect.js';
import { findingActionUpload, type PhoneFindingAction } from '../grid-uploads.js';
import { findingActionLabel } from '../phone-labels.js';
import { enqueueUpload } from '../upload-queue.js';
import { PhotoPicker } from './PhotoPicker.js';

interface ActionValues {
  note?: string;
  afterPhotos?: string[];
  categoryId?: number;
  reason?: string;
}

const KNOWN = ['note', 'afterPhotos', 'categoryId', 'reason'];

/**
 * 就地解决, 上报 or 撤销 on a finding the server has, at the version the worker saw: through the upload queue
 * like everything the phone writes (a copy sent again is recognised by its key).
 */
export function FindingActionDialog({
  finding,
  action,
  onClose,
}: {
  finding: GridFindingView;
  action: PhoneFindingAction | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<ActionValues>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a dialog opened again starts empty
  useEffect(() => {
    if (action) form.resetFields();
  }, [action]);

  async function save(values: ActionValues) {
    if (!action) return;
    const target = { id: finding.id, version: finding.version };
    const upload =
      action === 'solve_on_spot'
        ? findingActionUpload(
            target,
            action,
            { note: values.note ?? '', afterPhotos: values.afterPhotos ?? [] },
            finding.description,
          )
        : action === 'report_up'
          ? findingActionUpload(
              target,
              action,
              { note: values.note?.trim() || undefined, categoryId: values.categoryId },
              finding.description,
            )
          : findingActionUpload(target, action, { reason: values.reason ?? '' }, finding.description);
    await enqueueUpload(upload);
    onClose();
  }

  const label = action ? findingActionLabel(action, locale) : '';
  return (
    <FormModal<ActionValues>
      open={action !== null}
      title={label}
      okText={label}
      form={form}
      name="finding-action"
      known={KNOWN}
      width={520}
      onClose={onClose}
      save={save}
      savedMessage={navigator.onLine ? t('phone.sent') : t('phone.savedOffline')}
    >
      {action === 'solve_on_spot' && (
        <>
          <Form.Item
            name="note"
            label={t('phone.report.solveNote')}
            rules={[zodRule(SolveOnSpotInput.shape.note)]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
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
      {action === 'report_up' && (
        <>
          <Form.Item name="note" label={t('phone.report.upNote')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item name="categoryId" label={t('phone.report.category')}>
            <CategoryTreeSelect />
          </Form.Item>
        </>
      )}
      {action === 'dismiss' && (
        <Form.Item
          name="reason"
          label={t('phone.finding.dismissReason')}
          rules={[zodRule(DismissFindingInput.shape.reason)]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      )}
    </FormModal>
  );
}
