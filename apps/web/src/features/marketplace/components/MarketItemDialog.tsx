import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { MarketItemAdminView, UpdateMarketItemInput } from '@shanzhi/shared';
import { Button, Checkbox, Form, Input, InputNumber, Space, Switch } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { updateMarketItem } from '../api/items.api.js';

/** The fields the server's field errors may name. */
const KNOWN = ['name', 'description', 'questions', 'priceMin', 'priceMax', 'acceptMinutes', 'active'];

/** 编辑服务项目: name, description, questions, price range, acceptance limit and whether offered. */
export function MarketItemDialog({
  item,
  onClose,
  onSaved,
}: {
  item: MarketItemAdminView | null;
  onClose: () => void;
  onSaved: (item: MarketItemAdminView) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<UpdateMarketItemInput>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form takes the item opened
  useEffect(() => {
    if (!item) return;
    const { name, description, questions, priceMin, priceMax, acceptMinutes, active } = item;
    form.setFieldsValue({ name, description, questions, priceMin, priceMax, acceptMinutes, active });
  }, [item]);

  return (
    <FormModal<UpdateMarketItemInput>
      open={item !== null}
      title={`${t('marketItems.edit')} · ${item?.name ?? ''}`}
      form={form}
      name="market-item"
      known={KNOWN}
      onClose={onClose}
      save={async (values) => {
        onSaved(await updateMarketItem(item!.id, { ...values, questions: values.questions ?? [] }));
        onClose();
      }}
    >
      <Form.Item
        name="name"
        label={t('marketItems.name')}
        rules={[{ required: true, message: t('marketItems.nameRequired') }]}
      >
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('marketItems.description')}
        rules={[{ required: true, message: t('marketItems.descriptionRequired') }]}
      >
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
      <Space wrap>
        <Form.Item
          name="priceMin"
          label={t('marketItems.priceMin')}
          rules={[{ required: true, message: t('marketItems.priceRequired') }]}
        >
          <InputNumber min={0} max={100_000} />
        </Form.Item>
        <Form.Item
          name="priceMax"
          label={t('marketItems.priceMax')}
          rules={[{ required: true, message: t('marketItems.priceRequired') }]}
        >
          <InputNumber min={0} max={100_000} />
        </Form.Item>
        <Form.Item
          name="acceptMinutes"
          label={t('marketItems.acceptMinutes')}
          rules={[{ required: true, message: t('marketItems.acceptRequired') }]}
        >
          <InputNumber min={1} max={120} precision={0} />
        </Form.Item>
        <Form.Item name="active" label={t('marketItems.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Space>
      <Form.List name="questions">
        {(fields, { add, remove }) => (
          <Form.Item label={t('marketItems.questions')}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item
                  name={[field.name, 'key']}
                  rules={[{ required: true, message: t('marketItems.questionKey') }]}
                >
                  <Input placeholder={t('marketItems.questionKey')} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'label']}
                  rules={[{ required: true, message: t('marketItems.questionLabel') }]}
                >
                  <Input placeholder={t('marketItems.questionLabel')} style={{ width: 220 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'required']} valuePropName="checked" initialValue={false}>
                  <Checkbox>{t('marketItems.questionRequired')}</Checkbox>
                </Form.Item>
                <Button
                  aria-label={t('marketItems.removeQuestion')}
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ key: '', label: '', required: false })}>
              {t('marketItems.addQuestion')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
    </FormModal>
  );
}
