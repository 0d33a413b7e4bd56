import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';

const PETITIONER_KEYS = ['name', 'idNumber', 'phone', 'address'];

/** The petitioners' fields by their place in the list (`petitioners.0.name` …), for field errors. */
export const PETITIONER_FIELD_NAMES = [
  'petitioners',
  ...Array.from({ length: 10 }, (_, i) => PETITIONER_KEYS.map((key) => `petitioners.${i}.${key}`)).flat(),
];

/** One petitioner's fields: name, ID number (required: real name), phone and address. */
function PetitionerFields({ index, onRemove }: { index: number; onRemove?: () => void }) {
  const { t } = useI18n();
  return (
    <Row gutter={12} align="bottom">
      <Col xs={24} md={5}>
        <Form.Item name={[index, 'name']} label={t('petition.field.name')} required>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={7}>
        <Form.Item name={[index, 'idNumber']} label={t('petition.field.idNumber')} required>
          <Input maxLength={18} />
        </Form.Item>
      </Col>
      <Col xs={24} md={5}>
        <Form.Item name={[index, 'phone']} label={t('petition.field.phone')}>
          <Input maxLength={20} />
        </Form.Item>
      </Col>
      <Col xs={20} md={6}>
        <Form.Item name={[index, 'address']} label={t('petition.field.address')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={4} md={1}>
        {onRemove && (
          <Form.Item>
            <Button icon={<DeleteOutlined />} aria-label={t('petition.register.remove')} onClick={onRemove} />
          </Form.Item>
        )}
      </Col>
    </Row>
  );
}

/** 信访人 of a petition form (the form's `petitioners` list): one or several, ten at most. */
export function PetitionersFormList() {
  const { t } = useI18n();
  return (
    <Form.List name="petitioners">
      {(items, { add, remove }) => (
        <Card size="small" type="inner" title={t('petition.field.petitioners')}>
          {items.map((item) => (
            <PetitionerFields
              key={item.key}
              index={item.name}
              {...(items.length > 1 ? { onRemove: () => remove(item.name) } : {})}
            />
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={items.length >= 10}>
            {t('petition.register.addPetitioner')}
          </Button>
        </Card>
      )}
    </Form.List>
  );
}
