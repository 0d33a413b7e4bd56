import { CommitteeInput, type CommitteeView, type DisputeField } from '@shanzhi/shared';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { useSaveForm } from '../../../platform/forms/use-save-form.js';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect.js';
import { createCommittee, updateCommittee } from '../api/mediation.api.js';
import { DisputeFieldSelect } from './MediationPickers.js';

interface Values {
  name?: string;
  orgId?: number;
  fields?: DisputeField[];
}

const FIELDS = ['name', 'orgId', 'fields'] as const;

/**
 * 新建调解组织 / 编辑调解组织: a committee's name, its org and, for a specialised one, the fields it takes — its
 * level follows from them on the server. `committee` is the one edited; without it a new one is created.
 */
export function CommitteeDialog({
  committee,
  onClose,
  onSaved,
}: {
  committee?: CommitteeView;
  onClose: () => void;
  onSaved: (saved: CommitteeView) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { saving, formError, setFormError, submit } = useSaveForm<Values>(
    form,
    FIELDS,
    // submitted only once the schema has parsed it
    async (values) => {
      const input = values as CommitteeInput;
      onSaved(committee ? await updateCommittee(committee.id, input) : await createCommittee(input));
    },
    committee ? '调解组织已保存' : '调解组织已创建',
  );

  function save() {
    const parsed = CommitteeInput.safeParse(form.getFieldsValue(true));
    if (parsed.success) void submit(parsed.data);
    else setFormError(parsed.error.issues.map((i) => i.message).join('；'));
  }

  return (
    <Modal
      open
      title={committee ? `编辑调解组织 · ${committee.name}` : '新建调解组织'}
      onCancel={onClose}
      onOk={save}
      okText={t('common.save')}
      okButtonProps={{ loading: saving }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="committee"
        initialValues={
          committee
            ? { name: committee.name, orgId: committee.org.id, fields: committee.fields }
            : { fields: [] }
        }
      >
        <Form.Item name="name" label="名称" required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="orgId" label="所在组织" required>
          <OrgTreeSelect
            initial={committee ? { id: committee.org.id, name: committee.org.name } : undefined}
          />
        </Form.Item>
        <Form.Item name="fields" label="专业领域（行业性专业性调委会）">
          <DisputeFieldSelect mode="multiple" allowClear placeholder="不选：按所在组织的层级" />
        </Form.Item>
        <Typography.Text type="secondary">
          层级由所在组织决定（市、区、镇/街道、村/社区）；选择专业领域即为行业性专业性调委会。
        </Typography.Text>
      </Form>
      {formError && <Alert type="error" showIcon message={formError} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
