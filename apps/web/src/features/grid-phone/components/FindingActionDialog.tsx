import {
  DismissFindingInput,
  type GridFindingView,
  HAZARD_LEVELS,
  ReferHazardInput,
  SolveOnSpotInput,
} from '@shanzhi/shared';
import { Form, Input, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';
import { CategoryTreeSelect } from '../../cases/components/CategoryTreeSelect.js';
import { useEnterpriseOptions } from '../../safety/components/InspectionDialog.js';
import { hazardLevelLabel, industryLabel } from '../../safety/safety-labels.js';
import {
  findingActionUpload,
  type PhoneFindingAction,
  type ReferHazardValues,
  referHazardInput,
} from '../grid-uploads.js';
import { findingActionLabel } from '../phone-labels.js';
import { enqueueUpload } from '../upload-queue.js';
import { PhotoPicker } from './PhotoPicker.js';

interface ActionValues extends ReferHazardValues {
  note?: string;
  afterPhotos?: string[];
  categoryId?: number;
  reason?: string;
}

const KNOWN = [
  'note',
  'afterPhotos',
  'categoryId',
  'reason',
  'enterpriseId',
  'level',
  'description',
  'place',
];

/**
 * 就地解决, 上报, 转安全隐患 or 撤销 on a finding the server has, at the version the worker saw: through the upload
 * queue like everything the phone writes (a copy sent again is recognised by its key). 转安全隐患 picks the
 * enterprise from those in the worker's reach, and describes the hazard as the finding unless he words it anew.
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
  const enterprises = useEnterpriseOptions(action === 'refer_hazard');
  // biome-ignore lint/correctness/useExhaustiveDependencies: a dialog opened again starts empty
  useEffect(() => {
    if (action) form.resetFields();
    if (action === 'refer_hazard')
      form.setFieldsValue({ level: 'general', description: finding.description });
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
          : action === 'refer_hazard'
            ? findingActionUpload(
                target,
                action,
                referHazardInput(values, finding.description),
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
      {action === 'refer_hazard' && (
        <>
          <Form.Item
            name="enterpriseId"
            label={t('phone.refer.enterprise')}
            rules={[zodRule(ReferHazardInput.shape.enterpriseId)]}
          >
            <Select
              showSearch
              filterOption={false}
              onSearch={enterprises.search}
              placeholder={t('phone.refer.enterprisePlaceholder')}
              notFoundContent={t('phone.refer.noEnterprise')}
              options={enterprises.options.map((e) => ({
                value: e.id,
                label: `${e.name}（${industryLabel(e.industry, locale)}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="level" label={t('safety.level')}>
            <Radio.Group
              options={HAZARD_LEVELS.map((l) => ({ value: l, label: hazardLevelLabel(l, locale) }))}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('phone.refer.description')}
            // left empty, the hazard is described as the finding
            rules={[
              zodRule(
                ReferHazardInput.shape.description,
                (v) => (v as string | undefined)?.trim() || undefined,
              ),
            ]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item name="place" label={t('safety.hazard.place')}>
            <Input maxLength={200} />
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
