import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DISPUTE_FIELD_NAMES as F,
  PARTY_KIND_LABELS,
  PARTY_KINDS,
  PARTY_ROLE_LABELS,
  PARTY_ROLES,
} from '@shanzhi/shared';
import { Button, Card, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';

/** One party's fields inside the `parties` list of a form. */
function PartyCard({ name, onRemove }: { name: number; onRemove?: () => void }) {
  return (
    <Card
      size="small"
      data-testid="party"
      extra={onRemove && <Button type="text" icon={<MinusCircleOutlined />} onClick={onRemove} />}
    >
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'role']} label={F.parties} rules={[{ required: true }]}>
            <Select options={PARTY_ROLES.map((r) => ({ value: r, label: PARTY_ROLE_LABELS[r] }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'kind']} label="类型" rules={[{ required: true }]}>
            <Select options={PARTY_KINDS.map((k) => ({ value: k, label: PARTY_KIND_LABELS[k] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'name']} label="姓名/名称" rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'phone']} label={F.phone}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={[name, 'address']} label={F.address}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'email']} label={F.email}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'idNumber']} label={F.idNumber}>
            <Input maxLength={18} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'creditCode']} label={F.creditCode}>
            <Input maxLength={18} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/**
 * 当事人: the applicants and respondents of a dispute, each a person or an organisation with at least one
 * contact (the shared schema says so; the server repeats it on the failing field).
 */
export function PartyFields() {
  const { t } = useI18n();
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <Flex vertical gap={12}>
          {fields.map((field) => (
            <PartyCard
              key={field.key}
              name={field.name}
              {...(fields.length > 2 ? { onRemove: () => remove(field.name) } : {})}
            />
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ role: 'respondent', kind: 'person' })}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('mediation.register.addParty')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
