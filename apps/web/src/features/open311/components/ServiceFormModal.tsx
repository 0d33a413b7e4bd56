import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  isListDatatype,
  OPEN311_DATATYPE_LABELS,
  OPEN311_DATATYPES,
  type Open311Datatype,
  type Open311ServiceView,
} from '@shanzhi/shared';
import { Button, Card, Checkbox, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { FormModal } from '../../../components/FormModal.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { saveOpen311Service } from '../api/open311.api.js';
import { formatAttributeValues, parseAttributeValues } from '../attribute-values.js';

interface AttributeValues {
  code?: string;
  description?: string;
  datatype?: Open311Datatype;
  required?: boolean;
  datatypeDescription?: string;
  values?: string;
}

interface ServiceValues {
  published?: boolean;
  group?: string;
  description?: string;
  keywords?: string;
  attributes?: AttributeValues[];
}

const ATTRIBUTE_FIELDS = ['code', 'description', 'datatype', 'required', 'datatypeDescription', 'values'];
// the server names a failing attribute's field by its place in the list (attributes.2.values)
const FIELDS = [
  'published',
  'group',
  'description',
  'keywords',
  'attributes',
  ...Array.from({ length: 20 }, (_, i) => ATTRIBUTE_FIELDS.map((f) => `attributes.${i}.${f}`)).flat(),
];

/** 开放服务设置: whether a leaf is offered through Open311, and how — group, wording, attributes. */
export function ServiceFormModal({
  service,
  onClose,
  onSaved,
}: {
  service: Open311ServiceView | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<ServiceValues>();

  useEffect(() => {
    form.resetFields();
    if (!service) return;
    form.setFieldsValue({
      published: service.published,
      group: service.group ?? '',
      description: service.description ?? '',
      keywords: service.keywords ?? '',
      attributes: service.attributes.map((a) => ({
        code: a.code,
        description: a.description,
        datatype: a.datatype,
        required: a.required,
        datatypeDescription: a.datatypeDescription ?? '',
        values: formatAttributeValues(a.values),
      })),
    });
  }, [service, form]);

  async function save(values: ServiceValues) {
    if (!service) return;
    await saveOpen311Service(service.categoryId, {
      published: values.published ?? false,
      group: values.group?.trim() || undefined,
      description: values.description?.trim() || undefined,
      keywords: values.keywords?.trim() || undefined,
      attributes: (values.attributes ?? []).map((a) => {
        const datatype = a.datatype ?? 'string';
        return {
          code: (a.code ?? '').trim(),
          description: (a.description ?? '').trim(),
          datatype,
          required: a.required ?? false,
          variable: true,
          datatypeDescription: a.datatypeDescription?.trim() || undefined,
          values: isListDatatype(datatype) ? parseAttributeValues(a.values ?? '') : [],
        };
      }),
    });
    onSaved();
  }

  const datatypeOptions = OPEN311_DATATYPES.map((d) => ({
    value: d,
    label: locale === 'en' ? d : `${OPEN311_DATATYPE_LABELS[d]}（${d}）`,
  }));

  return (
    <FormModal<ServiceValues>
      open={service !== null}
      title={service ? `${t('open311.serviceTitle')}：${service.name}（${service.code}）` : ''}
      form={form}
      name="open311-service"
      known={FIELDS}
      width={760}
      onClose={onClose}
      save={save}
    >
      <Form.Item
        name="published"
        label={t('open311.publish')}
        valuePropName="checked"
        extra={t('open311.publishHint')}
      >
        <Switch />
      </Form.Item>
      <Form.Item name="group" label={t('open311.group')} extra={t('open311.groupHint')}>
        <Input maxLength={50} placeholder={service?.areaName} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('open311.serviceDescription')}
        extra={t('open311.serviceDescriptionHint')}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="keywords" label={t('open311.keywords')} extra={t('open311.keywordsHint')}>
        <Input maxLength={200} />
      </Form.Item>
      <Typography.Text strong>{t('open311.attributes')}</Typography.Text>
      <Typography.Paragraph type="secondary">{t('open311.attributesHint')}</Typography.Paragraph>
      <Form.List name="attributes">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                title={t('open311.attribute', { n: i + 1 })}
                extra={
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('open311.removeAttribute', { n: i + 1 })}
                  />
                }
              >
                <Flex gap={8} wrap>
                  <Form.Item
                    name={[field.name, 'code']}
                    label={t('open311.attributeCode')}
                    style={{ width: 160 }}
                  >
                    <Input maxLength={40} placeholder="plate" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'description']}
                    label={t('open311.attributeDescription')}
                    style={{ flex: 1, minWidth: 200 }}
                  >
                    <Input maxLength={200} placeholder={t('open311.attributeDescriptionPlaceholder')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'datatype']}
                    label={t('open311.datatype')}
                    initialValue="string"
                    style={{ width: 200 }}
                  >
                    <Select options={datatypeOptions} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'required']}
                    label={t('open311.required')}
                    valuePropName="checked"
                    initialValue={false}
                  >
                    <Checkbox />
                  </Form.Item>
                </Flex>
                <Form.Item
                  name={[field.name, 'datatypeDescription']}
                  label={t('open311.datatypeDescription')}
                >
                  <Input maxLength={200} placeholder={t('open311.datatypeDescriptionPlaceholder')} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() =>
                    isListDatatype(form.getFieldValue(['attributes', field.name, 'datatype']) ?? 'string') ? (
                      <Form.Item
                        name={[field.name, 'values']}
                        label={t('open311.values')}
                        extra={t('open311.valuesHint')}
                      >
                        <Input.TextArea
                          autoSize={{ minRows: 2, maxRows: 8 }}
                          placeholder={'gate=小区出入口\nroad=道路'}
                        />
                      </Form.Item>
                    ) : null
                  }
                </Form.Item>
              </Card>
            ))}
            {fields.length < 20 && (
              <Button icon={<PlusOutlined />} onClick={() => add({ datatype: 'string', required: false })}>
                {t('open311.addAttribute')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </FormModal>
  );
}
