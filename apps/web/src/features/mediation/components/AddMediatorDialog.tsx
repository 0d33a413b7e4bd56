import { AddMediatorInput, type CommitteeView, type DisputeField, type MediatorView } from '@shanzhi/shared';
import { Alert, Form, Modal, Switch } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useSaveForm } from '../../../platform/forms/use-save-form.js';
import { UserSearchSelect } from '../../users/components/UserSearchSelect.js';
import { addMediator } from '../api/mediation.api.js';
import { DisputeFieldSelect } from './MediationPickers.js';

interface Values {
  userId?: number;
  fields?: DisputeField[];
  gold?: boolean;
}

const FIELDS = ['userId', 'fields', 'gold'] as const;

/** 添加调解员: a user of the platform joins the committee, with his fields of expertise and the 金牌调解员 flag. */
export function AddMediatorDialog({
  committee,
  onClose,
  onAdded,
}: {
  committee: CommitteeView;
  onClose: () => void;
  onAdded: (added: MediatorView) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, formError, setFormError, submit } = useSaveForm<Values>(
    form,
    FIELDS,
    // submitted only once the schema has parsed it
    async (values) => {
      const input = values as AddMediatorInput;
      onAdded(await addMediator(committee.id, input));
    },
    `已加入${committee.name}`,
  );

  function save() {
    const parsed = AddMediatorInput.safeParse(form.getFieldsValue(true));
    if (parsed.success) void submit(parsed.data);
    else setFormError(parsed.error.issues.map((i) => i.message).join('；'));
  }

  return (
    <Modal
      open
      title={`添加调解员 · ${committee.name}`}
      onCancel={onClose}
      onOk={save}
      okText="添加"
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="add-mediator" initialValues={{ fields: [], gold: false }}>
        <Form.Item name="userId" label="用户" required>
          <UserSearchSelect />
        </Form.Item>
        <Form.Item name="fields" label="擅长领域">
          <DisputeFieldSelect mode="multiple" allowClear />
        </Form.Item>
        <Form.Item name="gold" label={t('mediation.committees.gold')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon message={formError} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
