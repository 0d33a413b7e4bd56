import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { DISPUTE_FIELD_NAMES as F } from '@shanzhi/shared';
import { Button, Card, DatePicker, Flex, Form, Input } from 'antd';
import { useI18n } from '../../../i18n/I18nProvider.js';

/**
 * 协议条款: the agreement editor's terms, each what is to be done, how, and by when (人民调解法 art. 29).
 * At least one term; the shared schema says so when there is none.
 */
export function AgreementTermsEditor({ name }: { name: string }) {
  const { t } = useI18n();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={8} data-testid="agreement-terms">
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={`第 ${index + 1} 条`}
              extra={
                <Button
                  type="text"
                  aria-label="删除条款"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(field.name)}
                />
              }
            >
              <Form.Item name={[field.name, 'content']} label={F.termContent} required>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Flex gap={8} wrap>
                <Form.Item name={[field.name, 'how']} label={F.termHow} required style={{ flex: 1 }}>
                  <Input maxLength={500} />
                </Form.Item>
                <Form.Item name={[field.name, 'dueDate']} label={F.termDueDate} required>
                  <DatePicker />
                </Form.Item>
              </Flex>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }}>
            {t('mediation.agreement.addTerm')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
