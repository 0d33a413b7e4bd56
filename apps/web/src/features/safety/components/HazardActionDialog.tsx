import { UploadOutlined } from '@ant-design/icons';
import type { HazardActionOnHazard, HazardDetail } from '@shanzhi/shared';
import { Button, Form, Input, InputNumber, Upload, type UploadFile } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { readAsDataUrl } from '../../../platform/forms/read-as-data-url.js';
import { actOnHazard } from '../api/safety.api.js';
import { hazardActionLabel } from '../safety-labels.js';

/** What each action asks for beside the version: the fields of its dialog. */
const FIELDS: Record<HazardActionOnHazard, readonly string[]> = {
  close_on_spot: ['note', 'photos'],
  report: ['note'],
  assign: ['responsibleParty', 'deadlineDays', 'note'],
  start_rectification: ['note'],
  submit_plan: ['plan.goal', 'plan.measures', 'plan.funds', 'plan.people', 'plan.safetyMeasures'],
  list_supervision: ['note'],
  request_extension: ['days', 'reason'],
  approve_extension: ['note'],
  refuse_extension: ['note'],
  rectify: ['note', 'photos'],
  accept_rectification: ['note'],
  reject_rectification: ['note'],
  close: ['note'],
};

/** The actions whose note is required (a reason, an opinion, what was done). */
const NOTE_REQUIRED: readonly HazardActionOnHazard[] = [
  'close_on_spot',
  'list_supervision',
  'rectify',
  'reject_rectification',
];

type Values = Record<string, unknown> & { photos?: UploadFile[] };

/** The body of the action from the dialog's values: photos as data URLs, the plan nested. */
async function bodyOf(action: HazardActionOnHazard, version: number, values: Values) {
  const { photos, plan, ...rest } = values;
  const body: Record<string, unknown> = { version };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined && value !== '') body[key] = value;
  if (action === 'submit_plan') body.plan = plan;
  if (FIELDS[action].includes('photos')) {
    body.photos = await Promise.all((photos ?? []).map((f) => readAsDataUrl(f.originFileObj as File)));
  }
  return body;
}

/** The dialog of one hazard action: its fields, sent with the version shown; the hazard after it goes to `onDone`. */
export function HazardActionDialog({
  hazard,
  action,
  onClose,
  onDone,
}: {
  hazard: HazardDetail;
  action: HazardActionOnHazard | null;
  onClose: () => void;
  onDone: (after: HazardDetail) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a dialog opened again starts empty
  useEffect(() => {
    if (action) form.resetFields();
  }, [action]);
  const fields = action ? FIELDS[action] : [];
  const has = (field: string) => fields.includes(field);
  const required = (message: string) => [{ required: true, message }];

  return (
    <FormModal<Values>
      open={action !== null}
      title={action ? hazardActionLabel(action, locale) : ''}
      form={form}
      name="hazard-action"
      known={fields}
      onClose={onClose}
      okText={action ? hazardActionLabel(action, locale) : undefined}
      savedMessage={t('safety.action.done')}
      save={async (values) => {
        if (!action) return;
        const after = await actOnHazard(
          hazard.id,
          action,
          (await bodyOf(action, hazard.version, values)) as never,
        );
        onDone(after);
      }}
    >
      {has('responsibleParty') && (
        <Form.Item
          name="responsibleParty"
          label={t('safety.action.responsibleParty')}
          rules={required(t('safety.action.responsibleParty'))}
        >
          <Input maxLength={100} />
        </Form.Item>
      )}
      {has('deadlineDays') && (
        <Form.Item
          name="deadlineDays"
          label={t('safety.action.deadlineDays')}
          rules={required(t('safety.action.deadlineDays'))}
        >
          <InputNumber min={1} max={250} precision={0} style={{ width: 160 }} />
        </Form.Item>
      )}
      {has('days') && (
        <Form.Item name="days" label={t('safety.action.days')} rules={required(t('safety.action.days'))}>
          <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
        </Form.Item>
      )}
      {has('reason') && (
        <Form.Item
          name="reason"
          label={t('safety.action.reason')}
          rules={required(t('safety.action.reason'))}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      )}
      {has('plan.goal') && (
        <>
          <Form.Item
            name={['plan', 'goal']}
            label={t('safety.plan.goal')}
            rules={required(t('safety.plan.goal'))}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item
            name={['plan', 'measures']}
            label={t('safety.plan.measures')}
            rules={required(t('safety.plan.measures'))}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name={['plan', 'funds']}
            label={t('safety.plan.funds')}
            rules={required(t('safety.plan.funds'))}
          >
            <InputNumber min={0} max={1_000_000} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name={['plan', 'people']}
            label={t('safety.plan.people')}
            rules={required(t('safety.plan.people'))}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name={['plan', 'safetyMeasures']}
            label={t('safety.plan.safetyMeasures')}
            rules={required(t('safety.plan.safetyMeasures'))}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
      {has('note') && (
        <Form.Item
          name="note"
          label={t('safety.action.note')}
          rules={action && NOTE_REQUIRED.includes(action) ? required(t('safety.action.note')) : []}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      )}
      {has('photos') && (
        <Form.Item
          name="photos"
          label={t('safety.action.photos')}
          valuePropName="fileList"
          getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
          rules={action === 'close_on_spot' ? required(t('safety.action.photos')) : []}
        >
          <Upload
            beforeUpload={() => false}
            accept="image/jpeg,image/png,image/webp"
            listType="picture"
            maxCount={4}
          >
            <Button icon={<UploadOutlined />}>{t('safety.action.choosePhotos')}</Button>
          </Upload>
        </Form.Item>
      )}
    </FormModal>
  );
}
