import { DeleteOutlined } from '@ant-design/icons';
import {
  PARTY_KIND_LABELS,
  PARTY_KINDS,
  PARTY_ROLE_LABELS,
  PartyInput,
  type PartyRole,
} from '@shanzhi/shared';
import { Button, Card, Form, Input, Radio } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { RADIO_GROUP_ROLE } from '../../../platform/forms/radio-group-role.js';
import { zodRule } from '../../../platform/forms/zod-rules.js';

const shape = PartyInput.shape;
export const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * The shared schema's "no contact at all" message for a party as the form holds it, or null: his contacts are
 * checked on their own (the schema says nothing of contacts while another field of the party is wrong).
 */
function contactIssueOf(party: Record<string, unknown> | undefined): string | null {
  const contacts = { phone: party?.phone, address: party?.address, email: party?.email };
  const result = PartyInput.safeParse({
    role: 'applicant',
    kind: 'person',
    name: '-',
    ...Object.fromEntries(Object.entries(contacts).map(([key, value]) => [key, blankToUndefined(value)])),
  });
  const issue = result.error?.issues.find(
    (i) => (i as { params?: { reason?: string } }).params?.reason === 'PARTY_CONTACT_REQUIRED',
  );
  return issue?.message ?? null;
}

/**
 * One party (当事人) of an application: person or organisation, the identity each needs, and his contacts
 * (at least one; the room's access code goes to the mobile). `name` is the party's index in the list.
 */
export function PartyFields({
  name,
  role,
  onRemove,
}: {
  name: number;
  role: PartyRole;
  onRemove?: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['parties', name, 'kind']) as string | undefined;
  // the shared rule (at least one contact), shown on the mobile as the server would show it
  const contactRule = {
    validator: async () => {
      const issue = contactIssueOf(form.getFieldValue(['parties', name]) as Record<string, unknown>);
      if (issue) throw new Error(issue);
    },
  };
  const optional = (schema: Parameters<typeof zodRule>[0]) => [zodRule(schema, blankToUndefined)];

  return (
    <Card
      size="small"
      title={PARTY_ROLE_LABELS[role]}
      data-testid={`party-${role}`}
      style={{ marginBottom: 12 }}
      extra={
        onRemove && (
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('mediationPortal.apply.removeParty')}
            onClick={onRemove}
          />
        )
      }
    >
      <Form.Item name={[name, 'role']} hidden initialValue={role}>
        <Input />
      </Form.Item>
      <Form.Item name={[name, 'kind']} label={t('mediationPortal.party.kind')} initialValue="person">
        <Radio.Group {...RADIO_GROUP_ROLE} optionType="button">
          {PARTY_KINDS.map((value) => (
            <Radio.Button key={value} value={value}>
              {PARTY_KIND_LABELS[value]}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name={[name, 'name']}
        label={t('mediationPortal.party.name')}
        validateFirst
        rules={[{ required: true, message: t('mediationPortal.party.nameRequired') }, zodRule(shape.name)]}
      >
        <Input maxLength={100} />
      </Form.Item>
      {kind === 'organisation' ? (
        <>
          <Form.Item
            name={[name, 'creditCode']}
            label={t('mediationPortal.party.creditCode')}
            rules={optional(shape.creditCode)}
          >
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item
            name={[name, 'representative']}
            label={t('mediationPortal.party.representative')}
            rules={optional(shape.representative)}
          >
            <Input maxLength={50} />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name={[name, 'idNumber']}
          label={t('mediationPortal.party.idNumber')}
          rules={optional(shape.idNumber)}
        >
          <Input maxLength={18} />
        </Form.Item>
      )}
      <Form.Item
        name={[name, 'phone']}
        label={t('mediationPortal.party.phone')}
        dependencies={[
          ['parties', name, 'address'],
          ['parties', name, 'email'],
        ]}
        rules={[contactRule, ...optional(shape.phone)]}
      >
        <Input inputMode="tel" maxLength={20} />
      </Form.Item>
      <Form.Item
        name={[name, 'address']}
        label={t('mediationPortal.party.address')}
        rules={optional(shape.address)}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name={[name, 'email']}
        label={t('mediationPortal.party.email')}
        rules={optional(shape.email)}
      >
        <Input inputMode="email" maxLength={100} />
      </Form.Item>
    </Card>
  );
}
